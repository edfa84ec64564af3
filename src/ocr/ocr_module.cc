// The OCR module's entry point (textmend-ocr.so); see ocr_module.h.
#include "ocr/ocr_module.h"

namespace {

const textmend::OcrModule kModule = {
    textmend::kOcrModuleAbi,
    &textmend::MakeTesseractEngine,
    &textmend::RecognizeImagePages,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const textmend::OcrModule*
textmend_ocr_module() {
  return &kModule;
}
