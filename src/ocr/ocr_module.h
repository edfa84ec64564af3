// The OCR front end as a module the CLI loads the first time it meets a page
// image: Tesseract, Leptonica and poppler bring some seventy shared libraries,
// whose loading cost every run, text or not, about 13 milliseconds at start
// (textmend --version: 16 ms with them linked, 3.2 ms without).
//
// The module (textmend-ocr.so, built from ocr.cc and ocr_module.cc) exports
// textmend_ocr_module(), which returns the entry points below. It is looked
// for in $TEXTMEND_OCR_MODULE (a file), beside the executable (the build
// tree), and in the installed library directory.
#ifndef TEXTMEND_OCR_OCR_MODULE_H_
#define TEXTMEND_OCR_OCR_MODULE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/ocr.h"
#include "textmend/status.h"

namespace textmend {

// Bumped when the entry points change, so that a stale module is refused.
inline constexpr int kOcrModuleAbi = 4;

struct OcrModule {
  int abi;
  Status (*make_engine)(const OcrOptions& options,
                        std::unique_ptr<OcrEngine>* out);
  // RecognizeImagePages (ocr.h).
  Status (*recognize_pages)(std::string_view bytes, const std::string& name,
                            const std::vector<OcrEngine*>& engines,
                            std::string* text, std::vector<std::string>* failed,
                            OcrFormat format, const PageProgress& progress,
                            std::vector<OcrWord>* words);
};

// The module, loaded once (thread-safe); an error says where it was looked
// for. Tesseract's OpenMP threads would slow it down beside textmend's own,
// so OMP_THREAD_LIMIT is set to 1 before the module loads, unless the user
// set it.
Status LoadOcrModule(const OcrModule** out);

}  // namespace textmend

#endif  // TEXTMEND_OCR_OCR_MODULE_H_
