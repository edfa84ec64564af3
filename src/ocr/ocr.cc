// The OCR front end; see ocr.h.
#include "ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <mutex>
#include <vector>

namespace textmend {
namespace {

// Leptonica and poppler report bad input on stderr by default; textmend
// names the file and page itself.
void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    // (Poppler's too.)
    poppler::set_debug_error_function([](const std::string&, void*) {},
                                      nullptr);
  });
}

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Resolution assumed for an image that does not state one and whose text is
// too sparse to tell (text2image and most scanners state it; screenshots
// often do not).
constexpr int kAssumedDpi = 300;
// Body text's glyphs (10-12 pt) are about this many pixels tall, median, at
// 300 dpi: the resolution a page's text shows is 300 * median / this.
constexpr int kGlyphHeightAt300 = 30;
// Glyphs needed to tell a page's resolution from them.
constexpr int kMinGlyphs = 50;

// The resolution to tell Tesseract for `page`: the one it states, unless it
// states none or its text is far smaller than that resolution would make
// body text (a page scaled down without its stated resolution changed: text
// 11 pixels tall in a "300 dpi" image is a 110 dpi scan). Tesseract reads
// small text much better when it knows: 11.9% -> 2.8% of characters wrong on
// such pages (tools/eval/real_ocr.sh --resolution 100), at no cost in time.
int PageResolution(Pix* page) {
  const int stated = pixGetXRes(page);
  const int shown = TextResolution(page);
  if (shown == 0) return stated >= 70 ? stated : kAssumedDpi;
  if (stated < 70 || stated > 2 * shown) return std::clamp(shown, 70, 1200);
  return stated;
}
// PDF pages are rendered at this resolution.
constexpr int kPdfDpi = 300;
// Pages read from one TIFF file at most.
constexpr int kMaxPages = 10000;

class TesseractEngine final : public OcrEngine {
 public:
  Status Init(const OcrOptions& options) {
    // (Tesseract's own warnings go to its debug file, not to the user.)
    api_.SetVariable("debug_file", "/dev/null");
    if (api_.Init(nullptr, options.language.c_str(),
                  tesseract::OEM_LSTM_ONLY) != 0) {
      return Status::NotSupported(
          "Tesseract cannot load language '" + options.language +
          "' (install its data, e.g. the Debian package tesseract-ocr-" +
          options.language.substr(0, options.language.find('+')) + ")");
    }
    psm_ = options.psm;
    return Status::Ok();
  }

  Status Recognize(Pix* page, int page_number, OcrFormat format,
                   std::string* text) override {
    // A page scanned askew is straightened first (Leptonica finds the text
    // lines' angle): Tesseract's line finding fails on a few degrees of tilt
    // (2 degrees cost half the characters of rendered news pages, 5 all of
    // them; tools/eval/ocr_eval.sh). Leptonica leaves a page whose angle it
    // cannot tell with confidence, or a straight one, as it is.
    PixPtr straight(pixFindSkewAndDeskew(page, 0, nullptr, nullptr));
    if (straight != nullptr) page = straight.get();
    const int resolution = PageResolution(page);
    if (psm_ >= 0) {
      const Status s = Read(page, resolution,
                            static_cast<tesseract::PageSegMode>(psm_),
                            page_number, format, text);
      api_.Clear();
      return s;
    }
    // Automatic segmentation; where its words are mostly unsure (a page of
    // scattered labels, a single column that looked like several), the
    // other readings of the layout are tried and the surest kept.
    Status s = Read(page, resolution, tesseract::PSM_AUTO, page_number,
                    format, text);
    int best = api_.MeanTextConf();
    if (s.ok() && best < kPoorConfidence) {
      for (const auto mode :
           {tesseract::PSM_SINGLE_BLOCK, tesseract::PSM_SPARSE_TEXT}) {
        std::string other;
        if (!Read(page, resolution, mode, page_number, format, &other).ok())
          continue;
        const int confidence = api_.MeanTextConf();
        if (confidence > best + kConfidenceMargin) {
          best = confidence;
          text->swap(other);
        }
      }
    }
    api_.Clear();
    return s;
  }

 private:
  // A page read with a mean word confidence (0-100) below this is read
  // again with the other segmentation modes ...
  static constexpr int kPoorConfidence = 60;
  // ... and one of those kept when it is this much surer.
  static constexpr int kConfidenceMargin = 5;

  // `page` recognized at `resolution` with segmentation `mode`, in
  // `format`.
  Status Read(Pix* page, int resolution, tesseract::PageSegMode mode,
              int page_number, OcrFormat format, std::string* text) {
    api_.SetPageSegMode(mode);
    api_.SetImage(page);  // (anew: a result is not recognized again)
    api_.SetSourceResolution(resolution);
    char* out = format == OcrFormat::kHocr  ? api_.GetHOCRText(page_number)
                : format == OcrFormat::kTsv ? api_.GetTSVText(page_number)
                                            : api_.GetUTF8Text();
    if (out == nullptr) return Status::Internal("Tesseract recognized nothing");
    text->assign(out);
    delete[] out;
    return Status::Ok();
  }

  tesseract::TessBaseAPI api_;
  int psm_ = -1;
};

// The pages of a PDF file rendered at kPdfDpi in gray (poppler), each as a
// Leptonica image. An encrypted file, or one poppler cannot read, is an
// error naming the file; a page that cannot be rendered is skipped and
// named.
Status RenderPdf(std::string_view bytes, const std::string& name,
                 std::vector<PixPtr>* pages, std::vector<std::string>* failed) {
  if (bytes.size() > static_cast<size_t>(INT_MAX))
    return Status::InvalidArgument(name + ": a PDF file too large to read");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr)
    return Status::InvalidArgument(name +
                                   ": a damaged or unsupported PDF file");
  if (doc->is_locked())
    return Status::NotSupported(name +
                                ": an encrypted PDF file (no password "
                                "given); its pages cannot be read");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  for (int n = 0; n < doc->pages(); ++n) {
    std::unique_ptr<poppler::page> page(doc->create_page(n));
    const poppler::image image =
        page == nullptr ? poppler::image()
                        : renderer.render_page(page.get(), kPdfDpi, kPdfDpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      failed->push_back(name + ": page " + std::to_string(n + 1) +
                        " cannot be rendered; skipped");
      continue;
    }
    PixPtr pix(pixCreate(image.width(), image.height(), 8));
    if (pix == nullptr) {
      failed->push_back(name + ": page " + std::to_string(n + 1) +
                        " is too large; skipped");
      continue;
    }
    const char* rows = image.const_data();
    for (int y = 0; y < image.height(); ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(
          rows + static_cast<ptrdiff_t>(y) * image.bytes_per_row());
      l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
      for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    pixSetResolution(pix.get(), kPdfDpi, kPdfDpi);
    pages->push_back(std::move(pix));
  }
  return Status::Ok();
}

}  // namespace

int TextResolution(Pix* page) {
  PixPtr gray(pixConvertTo8(page, 0));
  if (gray == nullptr) return 0;
  PixPtr binary(pixConvertTo1(gray.get(), 128));
  if (binary == nullptr) return 0;
  Boxa* boxes = pixConnComp(binary.get(), nullptr, 8);
  if (boxes == nullptr) return 0;
  const int limit = pixGetHeight(page) / 10;
  std::vector<int> heights;
  for (int i = 0; i < boxaGetCount(boxes); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) == 0 && h >= 3 &&
        w >= 2 && h < limit)
      heights.push_back(h);
  }
  boxaDestroy(&boxes);
  if (heights.size() < kMinGlyphs) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2,
                   heights.end());
  return 300 * heights[heights.size() / 2] / kGlyphHeightAt300;
}

Status MakeTesseractEngine(const OcrOptions& options,
                           std::unique_ptr<OcrEngine>* out) {
  auto engine = std::make_unique<TesseractEngine>();
  Status s = engine->Init(options);
  if (!s.ok()) return s;
  *out = std::move(engine);
  return Status::Ok();
}

Status RecognizeImage(std::string_view bytes, const std::string& name,
                      OcrEngine* engine, std::string* text,
                      std::vector<std::string>* failed, OcrFormat format) {
  QuietLeptonica();
  text->clear();
  const ImageKind kind = SniffImage(bytes);
  if (kind == ImageKind::kNone)
    return Status::InvalidArgument(name + ": not an image");
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  std::vector<PixPtr> pages;
  if (kind == ImageKind::kPdf) {
    Status s = RenderPdf(bytes, name, &pages, failed);
    if (!s.ok()) return s;
  } else if (kind == ImageKind::kTiff) {
    // Page by page, each from where the last ended.
    size_t offset = 0;
    for (int n = 1; n <= kMaxPages; ++n) {
      const size_t before = offset;
      PixPtr page(pixReadMemFromMultipageTiff(data, bytes.size(), &offset));
      if (page == nullptr) {
        if (offset != 0 && offset != before) {
          failed->push_back(name + ": page " + std::to_string(n) +
                            " cannot be read; skipped");
          continue;
        }
        if (pages.empty()) {
          return Status::InvalidArgument(name +
                                         ": a TIFF file that cannot be read");
        }
        failed->push_back(name + ": page " + std::to_string(n) +
                          " cannot be read; the pages after it are lost");
        break;
      }
      pages.push_back(std::move(page));
      if (offset == 0) break;  // the last page
    }
  } else {
    PixPtr page(pixReadMem(data, bytes.size()));
    if (page == nullptr) {
      return Status::InvalidArgument(name + ": a damaged or unsupported " +
                                     std::string(ImageKindName(kind)) +
                                     " image");
    }
    pages.push_back(std::move(page));
  }
  for (size_t k = 0; k < pages.size(); ++k) {
    std::string page_text;
    Status s = engine->Recognize(pages[k].get(), static_cast<int>(k), format,
                                 &page_text);
    if (!s.ok()) {
      failed->push_back(name + ": page " + std::to_string(k + 1) + ": " +
                        s.message());
      continue;
    }
    if (k > 0 && format == OcrFormat::kText) text->push_back('\f');
    text->append(page_text);
  }
  if (pages.empty())
    return Status::InvalidArgument(name + ": no page could be read");
  return Status::Ok();
}

}  // namespace textmend
