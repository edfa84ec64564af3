// The OCR front end, first step: page images (PNG, JPEG, TIFF with its pages,
// PNM), recognized by Tesseract 5 through its C++ API after Leptonica decodes
// them, into text the repair stages then take. What a file is comes from its
// first bytes, never its name.
//
// Behind a small engine interface, so tests can use a fake. One engine per
// thread (Tesseract's engines are not shared); Tesseract's own OpenMP threads
// slow it down on few cores, so the CLI runs with OMP_THREAD_LIMIT=1.
#ifndef TEXTMEND_OCR_OCR_H_
#define TEXTMEND_OCR_OCR_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textmend/status.h"

struct Pix;  // Leptonica's image

namespace textmend {

enum class ImageKind { kNone, kPng, kJpeg, kTiff, kPnm, kPdf };

// What the first bytes of a file say it is (kNone: not an image).
ImageKind SniffImage(std::string_view head);
std::string_view ImageKindName(ImageKind kind);

// What a page's recognition gives: plain text, or Tesseract's hOCR or TSV
// (each word with its position and confidence).
enum class OcrFormat { kText, kHocr, kTsv };

// A word of a page's text as the engine read it: where it stands in the
// text, how sure the engine was (Tesseract's word confidence, 0-100), and,
// for a word it was unsure of, the other readings it nearly chose (its
// second choices for one or two of the word's characters), likeliest first.
struct OcrWord {
  size_t offset = 0;  // bytes into the text
  size_t length = 0;
  float confidence = 0;
  std::vector<std::string> alternatives;
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // The text of one page (`page_number` from 0), in `format`; for kText,
  // its words with their confidences in `*words` (in text order) when
  // `words` is not null.
  virtual Status Recognize(Pix* page, int page_number, OcrFormat format,
                           std::string* text, std::vector<OcrWord>* words) = 0;
};

struct OcrOptions {
  std::string language = "eng";  // Tesseract's: eng, rus, eng+rus, ...
  // Tesseract's page segmentation mode (1, 3..13: see tesseract(1)), or -1:
  // automatic, and where its result looks poor (a low mean word confidence)
  // the single-block and sparse-text modes are tried too and the most
  // confident result kept.
  int psm = -1;
};

// The resolution `page`'s text shows: 300 dpi times its glyphs' median
// height over the 30 pixels body text (10-12 pt) has at 300 dpi; 0 when it
// has too few glyphs to tell. A page whose stated resolution is more than
// twice this is read at this one (a scaled-down image that kept its stated
// resolution), as is a page that states none.
int TextResolution(Pix* page);

// Whether `psm` is a page segmentation mode that gives text (not 0, OSD
// only, or 2, layout only).
bool TextPageSegMode(int psm);

// A Tesseract engine; fails with a clear message when the language data is
// not installed.
Status MakeTesseractEngine(const OcrOptions& options,
                           std::unique_ptr<OcrEngine>* out);

// The text of the image file `bytes` (named `name` in messages): each page
// recognized by `engine`, pages separated by a form feed as Tesseract's
// own text output does (hOCR and TSV: one after another, no separator). A
// page that cannot be read is named and skipped: the others still come out
// (*failed lists the messages).
Status RecognizeImage(std::string_view bytes, const std::string& name,
                      OcrEngine* engine, std::string* text,
                      std::vector<std::string>* failed,
                      OcrFormat format = OcrFormat::kText,
                      std::vector<OcrWord>* words = nullptr);

// Called after each page is recognized: pages done, and the file's page
// count (0 when it is not known before its pages are read: TIFF).
using PageProgress = std::function<void(size_t done, size_t total)>;

// The same with the pages recognized in parallel, one thread per engine
// (the engines are not shared), read one at a time as the engines take
// them (a long PDF is never all in memory), their texts in page order.
// `progress` may be null; it is called from the engines' threads, one call
// at a time. For kText, `*words` (when not null) receives the words of
// `*text` with their confidences.
Status RecognizeImagePages(std::string_view bytes, const std::string& name,
                           const std::vector<OcrEngine*>& engines,
                           std::string* text, std::vector<std::string>* failed,
                           OcrFormat format, const PageProgress& progress,
                           std::vector<OcrWord>* words);

}  // namespace textmend

#endif  // TEXTMEND_OCR_OCR_H_
