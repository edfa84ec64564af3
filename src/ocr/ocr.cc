// The OCR front end; see ocr.h.
#include "ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
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

// Whether `page` is gray with a background that varies by more than
// kUnevenBackground gray levels across it: the spread between the 5th and
// 95th percentile of its tiles' brightest pixels (tiles of 50 pixels; a
// tile's brightest pixel is its paper, however much ink it holds).
// Measured on rendered news pages (tools/eval/ocr_eval.sh's damages): a page
// lit down to 50% spreads 115 levels, to 70% 69; clean, blurred, noisy,
// low-resolution and JPEG pages 0. (Leptonica's background map, used before,
// read blurred text as a darker background: 54 and 58 levels at blur 4 and
// 5, whose evening-out then cost characters.)
constexpr int kUnevenBackground = 40;

// A page tilted by less than this many degrees is not straightened. Tesseract
// reads such a page as well (tools/eval/ocr_eval.sh, 4 bbc-tech pages: 0.3
// degrees, 7 characters wrong against 4 straightened), and straightening
// it by a fraction of a degree could break its layout analysis: a page of
// tools/eval/real_ocr.sh at 100 dpi, tilted 0.19 degrees, came out with its
// lines out of order (844 characters wrong against 36). From 1 degree on,
// Tesseract needs the page straight (1014 characters wrong against 5).
constexpr double kMinDeskewDegrees = 0.5;
// A page's grain (sensor noise: a photo in dim light, a grainy copy),
// estimated as the median difference between horizontally neighbouring
// pixels of its gray (every other row), which the paper between the letters
// sets: 0 on clean rendered and scanned pages, however blurred, scaled down,
// tilted, shaded or JPEG-compressed (tools/eval/ocr_eval.sh's damages).
// Gaussian noise of sigma 10, 30, 40 and 60 gray levels on a 300 dpi page
// measures 3, 11, 15 and 23 (the paper's white clips half of it).
int Grain(Pix* gray) {
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  if (w < 2 || h < 1) return 0;
  std::array<uint64_t, 256> counts{};
  uint64_t total = 0;
  for (int y = 0; y < h; y += 2) {
    const l_uint32* line = pixGetData(gray) + y * pixGetWpl(gray);
    int last = GET_DATA_BYTE(line, 0);
    for (int x = 1; x < w; ++x) {
      const int v = GET_DATA_BYTE(line, x);
      ++counts[static_cast<size_t>(std::abs(v - last))];
      last = v;
    }
    total += static_cast<uint64_t>(w - 1);
  }
  uint64_t seen = 0;
  for (size_t d = 0; d < counts.size(); ++d) {
    seen += counts[d];
    if (2 * seen >= total) return static_cast<int>(d);
  }
  return 255;
}

// A page this grainy or more is smoothed before it is read at all: on four
// held-out news pages (tools/eval/ocr_eval.sh), the plain tesseract program
// was still reading each 300 dpi page with noise of sigma 60 (grain 23)
// when stopped at 120 s, and read nothing of the 150 dpi pages with sigma 50
// (grain 20); textmend read them with 0.147% and 0.293% of characters
// wrong.
constexpr int kGrainy = 20;
// A page this grainy or more whose reading is poor (see kPoorConfidence) is
// read smoothed too, and the surer reading kept: smoothing costs mildly
// noisy low-resolution pages characters (100 dpi, sigma 25, grain 10: 0.08%
// wrong as read, 1.3% smoothed), but saves those Tesseract cannot read (100
// dpi, sigma 40, grain 16: all characters wrong as read, 0.9% smoothed).
constexpr int kSomeGrain = 8;

bool UnevenBackground(Pix* page) {
  if (pixGetDepth(page) != 8 || pixGetColormap(page) != nullptr) return false;
  PixPtr brightest(pixScaleGrayMinMax(page, 50, 50, L_CHOOSE_MAX));
  if (brightest == nullptr) return false;
  l_uint32 low = 0, high = 0;
  if (pixGetRankValue(brightest.get(), 1, 0.05f, &low) != 0 ||
      pixGetRankValue(brightest.get(), 1, 0.95f, &high) != 0)
    return false;
  return std::abs(static_cast<int>(high) - static_cast<int>(low)) >
         kUnevenBackground;
}

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

// `gray` smoothed against grain: averaged over 3 x 3 pixels, and again when
// its text shows 200 dpi or more once smoothed (a 5 x 5 neighbourhood
// weighted to its center; a lower resolution's strokes are thinner in
// pixels). Its stated resolution is kept.
PixPtr Smoothed(Pix* gray) {
  PixPtr once(pixBlockconv(gray, 1, 1));
  if (once == nullptr) return once;
  pixCopyResolution(once.get(), gray);
  if (PageResolution(once.get()) < 200) return once;
  PixPtr twice(pixBlockconv(once.get(), 1, 1));
  if (twice != nullptr) pixCopyResolution(twice.get(), gray);
  return twice;
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
                   std::string* text, std::vector<OcrWord>* words) override {
    // A page scanned askew is straightened first (Leptonica finds the text
    // lines' angle): Tesseract's line finding fails on a few degrees of tilt
    // (2 degrees cost half the characters of rendered news pages, 5 all of
    // them; tools/eval/ocr_eval.sh). Leptonica leaves a page whose angle it
    // cannot tell with confidence, or a straight one, as it is.
    // A gray page lit unevenly (under a lamp, bent near the spine) has its
    // background evened out first (Leptonica's background normalization):
    // Tesseract's single threshold loses its dark side (tools/eval/
    // ocr_eval.sh, shade: 43% of characters wrong, none after). An evenly lit
    // page is left as it is (evening it out cost a character here and there).
    // A grainy page is read smoothed (see kGrainy); a somewhat grainy one is
    // read smoothed too if it reads poorly as it is (see kSomeGrain).
    // (The smoothed page is made only when it is read: most somewhat
    // grainy pages read well as they are.)
    PixPtr gray, smooth;
    bool smoothed = false;  // the page is read smoothed from the start
    if (pixGetColormap(page) == nullptr &&
        (pixGetDepth(page) == 8 || pixGetDepth(page) == 32)) {
      gray.reset(pixGetDepth(page) == 8 ? pixClone(page)
                                        : pixConvertRGBToLuminance(page));
      const int grain = gray != nullptr ? Grain(gray.get()) : 0;
      if (grain < kSomeGrain) gray.reset();
      if (gray != nullptr) pixCopyResolution(gray.get(), page);
      if (grain >= kGrainy) {
        smooth = Smoothed(gray.get());
        if (smooth != nullptr) {
          page = smooth.get();
          smoothed = true;
        }
      }
    }
    PixPtr even, straight;
    page = Prepare(page, &even, &straight);
    int resolution = PageResolution(page);
    if (psm_ >= 0) {
      const Status s =
          Read(page, resolution, static_cast<tesseract::PageSegMode>(psm_),
               page_number, format, text, words);
      api_.Clear();
      return s;
    }
    // Automatic segmentation; where its words are mostly unsure (a page
    // upside down or on its side, scattered labels, a single column that
    // looked like several, a grainy page), the other readings of the page
    // are tried and the surest kept: the page smoothed, if grainy (see
    // kSomeGrain); then with Tesseract's orientation detection (which costs
    // 60% more time on every page, so only where it is needed), then as one
    // block, then as sparse text.
    Status s = Read(page, resolution, tesseract::PSM_AUTO, page_number,
                    format, text, words);
    int best = api_.MeanTextConf();
    // Reads `other_page` in `mode`; keeps its reading when it is surer.
    const auto keep_surer = [&](Pix* other_page, int other_resolution,
                                tesseract::PageSegMode mode) {
      std::string other;
      std::vector<OcrWord> other_words;
      if (!Read(other_page, other_resolution, mode, page_number, format,
                &other, words != nullptr ? &other_words : nullptr)
               .ok())
        return false;
      const int confidence = api_.MeanTextConf();
      if (confidence <= best + kConfidenceMargin) return false;
      best = confidence;
      text->swap(other);
      if (words != nullptr) words->swap(other_words);
      return true;
    };
    // (A grainy page read as nothing at all can come with a sure, empty
    // word: 95.)
    const bool nothing = std::all_of(text->begin(), text->end(), [](char c) {
      return std::isspace(static_cast<unsigned char>(c)) != 0;
    });
    if (s.ok() && (best < kPoorConfidence || nothing) && gray != nullptr &&
        !smoothed) {
      smooth = Smoothed(gray.get());
      if (smooth != nullptr) {
        if (nothing) best = 0;
        PixPtr smooth_even, smooth_straight;
        Pix* other = Prepare(smooth.get(), &smooth_even, &smooth_straight);
        const int other_resolution = PageResolution(other);
        if (keep_surer(other, other_resolution, tesseract::PSM_AUTO)) {
          // (The other modes read the smoothed page from now on.)
          even = std::move(smooth_even);
          straight = std::move(smooth_straight);
          page = other;
          resolution = other_resolution;
        }
      }
    }
    if (s.ok() && best < kPoorConfidence) {
      for (const auto mode :
           {tesseract::PSM_AUTO_OSD, tesseract::PSM_SINGLE_BLOCK,
            tesseract::PSM_SPARSE_TEXT}) {
        keep_surer(page, resolution, mode);
        if (best >= kPoorConfidence) break;  // (sure enough: no more tries)
      }
    }
    api_.Clear();
    return s;
  }

 private:
  // `page` evened out if lit unevenly and straightened if askew (see
  // Recognize), in `*even` and `*straight` where it changed: the page to
  // read, `page` itself if neither applied.
  static Pix* Prepare(Pix* page, PixPtr* even, PixPtr* straight) {
    if (UnevenBackground(page)) {
      even->reset(pixBackgroundNormSimple(page, nullptr, nullptr));
      if (*even != nullptr) page = even->get();
    }
    // (A page tilted less than kMinDeskewDegrees is read as it is: see
    // there.)
    l_float32 angle = 0;
    straight->reset(pixFindSkewAndDeskew(page, 0, &angle, nullptr));
    if (*straight != nullptr && std::abs(angle) >= kMinDeskewDegrees)
      page = straight->get();
    return page;
  }

  // A page read with a mean word confidence (0-100) below this is read
  // again with the other segmentation modes ...
  static constexpr int kPoorConfidence = 60;
  // ... and one of those kept when it is this much surer.
  static constexpr int kConfidenceMargin = 5;

  // `page` recognized at `resolution` with segmentation `mode`, in
  // `format`; for kText, its words in `*words` when not null.
  Status Read(Pix* page, int resolution, tesseract::PageSegMode mode,
              int page_number, OcrFormat format, std::string* text,
              std::vector<OcrWord>* words) {
    api_.SetPageSegMode(mode);
    // For the words of plain text, the LSTM's other choices for each
    // character, from its CTC search (without this Tesseract's
    // ChoiceIterator gives only the best); not for hOCR, which would then
    // list them inside every word.
    api_.SetVariable(
        "lstm_choice_mode",
        format == OcrFormat::kText && words != nullptr ? "2" : "0");
    api_.SetImage(page);  // (anew: a result is not recognized again)
    api_.SetSourceResolution(resolution);
    char* out = format == OcrFormat::kHocr  ? api_.GetHOCRText(page_number)
                : format == OcrFormat::kTsv ? api_.GetTSVText(page_number)
                                            : api_.GetUTF8Text();
    if (out == nullptr) return Status::Internal("Tesseract recognized nothing");
    text->assign(out);
    delete[] out;
    if (words != nullptr) {
      words->clear();
      if (format == OcrFormat::kText) FindWords(*text, words);
    }
    return Status::Ok();
  }

  // The words of the last recognition, found in `text` (which Tesseract
  // wrote from the same words, in the same order) with their confidences
  // and, for the unsure ones, their alternatives (see Alternatives).
  void FindWords(std::string_view text, std::vector<OcrWord>* words) {
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (it == nullptr) return;
    size_t at = 0;
    do {
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (word == nullptr || word[0] == '\0') continue;
      const std::string_view w(word.get());
      const size_t found = text.find(w, at);
      if (found == std::string_view::npos) continue;
      OcrWord read{found, w.size(), it->Confidence(tesseract::RIL_WORD), {}};
      if (read.confidence < kSureWord) Alternatives(*it, w, &read.alternatives);
      words->push_back(std::move(read));
      at = found + w.size();
    } while (it->Next(tesseract::RIL_WORD));
  }

  // A word read with this confidence or more gets no alternatives: the word
  // stage leaves it alone anyway (kSureReading in words_stage.cc).
  static constexpr float kSureWord = 93;
  // A character's other choice is kept when the LSTM rated it at least this
  // share of the chosen one; a word's alternative when its choices' shares
  // multiply to at least that. At most kMaxAlternatives a word, likeliest
  // first. Measured on rendered pages of news with four damages
  // (blur, noise, low resolution, JPEG): of the unsure words Tesseract
  // misread, 30% had the right word among such alternatives.
  static constexpr float kMinShare = 0.3f;
  static constexpr size_t kMaxAlternatives = 8;

  // The readings of the word at `word_it` (read as `read`) with one or two
  // of its characters replaced by the LSTM's other choices for them.
  static void Alternatives(const tesseract::ResultIterator& word_it,
                           std::string_view read,
                           std::vector<std::string>* out) {
    struct Choice {
      std::string text;
      float share;
    };
    std::vector<std::string> chosen;            // the word's characters
    std::vector<std::vector<Choice>> others;    // their other choices
    tesseract::ResultIterator symbol(word_it);  // (at the word's first)
    do {
      std::unique_ptr<char[]> s(symbol.GetUTF8Text(tesseract::RIL_SYMBOL));
      if (s == nullptr) return;
      chosen.emplace_back(s.get());
      std::vector<Choice>& mine = others.emplace_back();
      // (The word's character is not always the LSTM's first choice: the
      // word is read with the dictionary. Shares are of the chosen one's
      // rating, or of the best when the chosen one is not listed.)
      std::vector<Choice> listed;
      float top = 0;
      tesseract::ChoiceIterator choice(symbol);
      do {
        const char* t = choice.GetUTF8Text();
        if (t == nullptr) continue;
        listed.push_back({t, choice.Confidence()});
      } while (choice.Next());
      for (const Choice& c : listed) top = std::max(top, c.share);
      for (const Choice& c : listed) {
        if (c.text == chosen.back()) top = c.share;
      }
      for (Choice& c : listed) {
        c.share = top > 0 ? std::min(c.share / top, 1.0f) : 0;
        if (c.share >= kMinShare && c.text != chosen.back())
          mine.push_back(std::move(c));
      }
    } while (
        !symbol.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) &&
        symbol.Next(tesseract::RIL_SYMBOL));
    // (The characters must spell the word as the text has it.)
    std::string spelled;
    for (const std::string& c : chosen) spelled += c;
    if (spelled != read) return;
    std::vector<std::pair<float, std::string>> found;
    const auto with = [&](size_t i, const std::string& a, size_t j,
                          const std::string& b) {
      std::string w;
      for (size_t k = 0; k < chosen.size(); ++k)
        w += k == i ? a : k == j ? b : chosen[k];
      return w;
    };
    for (size_t i = 0; i < chosen.size(); ++i) {
      for (const Choice& a : others[i]) {
        found.emplace_back(a.share, with(i, a.text, i, a.text));
        for (size_t j = i + 1; j < chosen.size(); ++j) {
          for (const Choice& b : others[j]) {
            if (a.share * b.share >= kMinShare)
              found.emplace_back(a.share * b.share, with(i, a.text, j, b.text));
          }
        }
      }
    }
    std::stable_sort(
        found.begin(), found.end(),
        [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto& [share, w] : found) {
      if (out->size() == kMaxAlternatives) break;
      if (std::find(out->begin(), out->end(), w) == out->end())
        out->push_back(std::move(w));
    }
  }

  tesseract::TessBaseAPI api_;
  int psm_ = -1;
};

// The pages of an image file, read one at a time, in order (so that a long
// PDF never has all its pages in memory). Not thread-safe: one reader.
class PageSource {
 public:
  virtual ~PageSource() = default;
  // The next page, or null at the end. A page that cannot be read is named
  // in *failed and skipped.
  virtual PixPtr Next(std::vector<std::string>* failed) = 0;
  // The number of pages, 0 when unknown before they are read.
  virtual int count() const { return 0; }
};

// PDF pages rendered at kPdfDpi in gray by poppler.
class PdfPages final : public PageSource {
 public:
  static Status Open(std::string_view bytes, const std::string& name,
                     std::unique_ptr<PageSource>* out) {
    if (bytes.size() > static_cast<size_t>(INT_MAX))
      return Status::InvalidArgument(name + ": a PDF file too large to read");
    auto pages = std::make_unique<PdfPages>();
    pages->name_ = name;
    pages->doc_.reset(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (pages->doc_ == nullptr)
      return Status::InvalidArgument(name +
                                     ": a damaged or unsupported PDF file");
    if (pages->doc_->is_locked())
      return Status::NotSupported(name +
                                  ": an encrypted PDF file (no password "
                                  "given); its pages cannot be read");
    pages->renderer_.set_render_hint(poppler::page_renderer::antialiasing,
                                     true);
    pages->renderer_.set_render_hint(poppler::page_renderer::text_antialiasing,
                                     true);
    pages->renderer_.set_image_format(poppler::image::format_gray8);
    *out = std::move(pages);
    return Status::Ok();
  }
  int count() const override { return doc_->pages(); }
  PixPtr Next(std::vector<std::string>* failed) override {
    for (; next_ < doc_->pages(); ++next_) {
      const int n = next_;
      std::unique_ptr<poppler::page> page(doc_->create_page(n));
      const poppler::image image =
          page == nullptr ? poppler::image()
                          : renderer_.render_page(page.get(), kPdfDpi, kPdfDpi);
      if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
        failed->push_back(name_ + ": page " + std::to_string(n + 1) +
                          " cannot be rendered; skipped");
        continue;
      }
      PixPtr pix(pixCreate(image.width(), image.height(), 8));
      if (pix == nullptr) {
        failed->push_back(name_ + ": page " + std::to_string(n + 1) +
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
      ++next_;
      return pix;
    }
    return nullptr;
  }

 private:
  std::string name_;
  std::unique_ptr<poppler::document> doc_;
  poppler::page_renderer renderer_;
  int next_ = 0;
};

// The pages of a TIFF file, each read from where the last ended.
class TiffPages final : public PageSource {
 public:
  TiffPages(std::string_view bytes, std::string name)
      : data_(reinterpret_cast<const l_uint8*>(bytes.data())),
        size_(bytes.size()),
        name_(std::move(name)) {}
  PixPtr Next(std::vector<std::string>* failed) override {
    while (!done_ && read_ < kMaxPages) {
      const size_t before = offset_;
      ++read_;
      PixPtr page(pixReadMemFromMultipageTiff(data_, size_, &offset_));
      if (page != nullptr) {
        done_ = offset_ == 0;  // the last page
        ++good_;
        return page;
      }
      if (offset_ != 0 && offset_ != before) {
        failed->push_back(name_ + ": page " + std::to_string(read_) +
                          " cannot be read; skipped");
        continue;
      }
      done_ = true;
      if (good_ > 0) {
        failed->push_back(name_ + ": page " + std::to_string(read_) +
                          " cannot be read; the pages after it are lost");
      }
    }
    return nullptr;
  }
  bool unreadable() const { return good_ == 0; }

 private:
  const l_uint8* data_;
  size_t size_;
  std::string name_;
  size_t offset_ = 0;
  int read_ = 0, good_ = 0;
  bool done_ = false;
};

// One page.
class SinglePage final : public PageSource {
 public:
  explicit SinglePage(PixPtr page) : page_(std::move(page)) {}
  int count() const override { return 1; }
  PixPtr Next(std::vector<std::string>*) override { return std::move(page_); }

 private:
  PixPtr page_;
};

}  // namespace

int TextResolution(Pix* page) {
  // (A bi-level page, as most scans are, is its own binary image.)
  PixPtr binary(pixGetDepth(page) == 1 ? pixClone(page)
                                       : pixConvertTo1(page, 128));
  if (binary == nullptr) return 0;
  Boxa* boxes = pixConnComp(binary.get(), nullptr, 8);
  if (boxes == nullptr) return 0;
  const int limit = pixGetHeight(page) / 10;
  std::vector<int> heights;
  for (int i = 0; i < boxaGetCount(boxes); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) == 0 && h >= 3 && w >= 2 &&
        h < limit)
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
                      std::vector<std::string>* failed, OcrFormat format,
                      std::vector<OcrWord>* words) {
  return RecognizeImagePages(bytes, name, {engine}, text, failed, format,
                             nullptr, words);
}

Status RecognizeImagePages(std::string_view bytes, const std::string& name,
                           const std::vector<OcrEngine*>& engines,
                           std::string* text, std::vector<std::string>* failed,
                           OcrFormat format, const PageProgress& progress,
                           std::vector<OcrWord>* words) {
  QuietLeptonica();
  text->clear();
  if (words != nullptr) words->clear();
  if (engines.empty()) return Status::InvalidArgument("no OCR engine");
  const ImageKind kind = SniffImage(bytes);
  if (kind == ImageKind::kNone)
    return Status::InvalidArgument(name + ": not an image");
  std::unique_ptr<PageSource> source;
  TiffPages* tiff = nullptr;
  if (kind == ImageKind::kPdf) {
    Status s = PdfPages::Open(bytes, name, &source);
    if (!s.ok()) return s;
  } else if (kind == ImageKind::kTiff) {
    auto pages = std::make_unique<TiffPages>(bytes, name);
    tiff = pages.get();
    source = std::move(pages);
  } else {
    PixPtr page(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()),
                           bytes.size()));
    if (page == nullptr) {
      return Status::InvalidArgument(name + ": a damaged or unsupported " +
                                     std::string(ImageKindName(kind)) +
                                     " image");
    }
    source = std::make_unique<SinglePage>(std::move(page));
  }
  // Pages are read in order by this thread and recognized by one worker per
  // engine (this thread itself when there is one); at most two pages per
  // worker wait in memory. Their texts are joined in page order.
  struct Result {
    bool ok = false;
    std::string text, error;
    std::vector<OcrWord> words;
  };
  std::deque<Result> results;  // (stable references while it grows)
  const int total = source->count();
  size_t done = 0;
  std::mutex mu;
  const auto recognize = [&](OcrEngine* engine, size_t index, PixPtr page) {
    std::string page_text;
    std::vector<OcrWord> page_words;
    const Status s =
        engine->Recognize(page.get(), static_cast<int>(index), format,
                          &page_text, words != nullptr ? &page_words : nullptr);
    page.reset();
    std::lock_guard<std::mutex> lock(mu);
    Result& r = results[index];
    r.ok = s.ok();
    r.text = std::move(page_text);
    r.words = std::move(page_words);
    if (!s.ok()) {
      r.error =
          name + ": page " + std::to_string(index + 1) + ": " + s.message();
    }
    ++done;
    if (progress) progress(done, total > 0 ? static_cast<size_t>(total) : 0);
  };
  size_t pages = 0;
  if (engines.size() == 1) {
    for (PixPtr page; (page = source->Next(failed)) != nullptr;) {
      {
        std::lock_guard<std::mutex> lock(mu);
        results.emplace_back();
      }
      recognize(engines[0], pages++, std::move(page));
    }
  } else {
    std::condition_variable ready, room;
    std::deque<std::pair<size_t, PixPtr>> queue;
    bool finished = false;
    const auto work = [&](OcrEngine* engine) {
      for (;;) {
        std::pair<size_t, PixPtr> item;
        {
          std::unique_lock<std::mutex> lock(mu);
          ready.wait(lock, [&] { return !queue.empty() || finished; });
          if (queue.empty()) return;
          item = std::move(queue.front());
          queue.pop_front();
        }
        room.notify_one();
        recognize(engine, item.first, std::move(item.second));
      }
    };
    std::vector<std::thread> workers;
    for (OcrEngine* engine : engines) workers.emplace_back(work, engine);
    const size_t limit = 2 * engines.size();
    for (PixPtr page; (page = source->Next(failed)) != nullptr;) {
      std::unique_lock<std::mutex> lock(mu);
      room.wait(lock, [&] { return queue.size() < limit; });
      results.emplace_back();
      queue.emplace_back(pages++, std::move(page));
      ready.notify_one();
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      finished = true;
    }
    ready.notify_all();
    for (std::thread& t : workers) t.join();
  }
  if (tiff != nullptr && tiff->unreadable())
    return Status::InvalidArgument(name + ": a TIFF file that cannot be read");
  if (pages == 0)
    return Status::InvalidArgument(name + ": no page could be read");
  for (size_t k = 0; k < results.size(); ++k) {
    if (!results[k].ok) {
      failed->push_back(results[k].error);
      continue;
    }
    if (k > 0 && format == OcrFormat::kText) text->push_back('\f');
    if (words != nullptr) {
      for (OcrWord w : results[k].words) {
        w.offset += text->size();
        words->push_back(w);
      }
    }
    text->append(results[k].text);
  }
  return Status::Ok();
}

}  // namespace textmend
