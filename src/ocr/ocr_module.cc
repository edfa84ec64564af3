// The OCR module's entry point (textmend-ocr.so); see ocr_module.h.
#include "ocr/ocr_module.h"

namespace {

const textmend::OcrModule kModule = {
    textmend::kOcrModuleAbi,
    &textmend::MakeTesseractEngine,
    [](std::string_view bytes, const std::string& name,
       textmend::OcrEngine* engine, std::string* text,
       std::vector<std::string>* failed, textmend::OcrFormat format) {
      return textmend::RecognizeImage(bytes, name, engine, text, failed,
                                      format);
    },
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const textmend::OcrModule*
textmend_ocr_module() {
  return &kModule;
}
