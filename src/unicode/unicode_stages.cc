// The unicode stage's two passes. Clean text is rejected by MayChange() a
// machine word at a time; ICU is consulted only for text that holds a candidate
// character.
#include "unicode/unicode_stages.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include <bit>
#include <cstring>
#include <string>

#include "core/utf8.h"
#include "unicode/char_rules.h"
#include "unicode/markup.h"

namespace textmend {
namespace {

constexpr std::string_view kStageName = "unicode";

// True when `cp` belongs to a script written without spaces between words,
// where a zero-width space is the word separator and must stay.
bool InUnspacedScript(int32_t cp) {
  if (cp < 0x0E00)
    return false;  // fast path: everything below Thai is spaced or common
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(cp, &err)) {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_JAVANESE:
    case USCRIPT_BALINESE:
    case USCRIPT_SUNDANESE:
    case USCRIPT_TAI_LE:
    case USCRIPT_NEW_TAI_LUE:
    case USCRIPT_LANNA:
    case USCRIPT_TAI_VIET:
    case USCRIPT_YI:
      return true;
    default:
      return false;
  }
}

class CharRulesStage final : public TextStage {
 public:
  explicit CharRulesStage(CosmeticChoice cosmetic) : cosmetic_(cosmetic) {
    UErrorCode err = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCInstance(err);
  }

  std::string_view name() const override { return kStageName; }

  bool MayChange(std::string_view s, const DocumentModel*) const override {
    return NextCandidate(s, 0, nullptr, nullptr) < s.size();
  }

  void Process(std::string_view run, size_t run_offset, const DocumentModel*,
               std::vector<Edit>* edits) const override {
    size_t i = 0, len = 0;
    int32_t cp = 0;
    while ((i = NextCandidate(run, i, &cp, &len)) < run.size()) {
      // Neighbours, for the context rules: the run's edges count as line
      // boundaries.
      int32_t prev = -1, next = -1;
      if (i > 0) {
        size_t j = i - 1, prev_len = 0;
        while (j > 0 && (static_cast<unsigned char>(run[j]) & 0xC0) == 0x80)
          --j;
        prev = DecodeAt(run, j, &prev_len);
      }
      size_t next_len = 0;
      if (i + len < run.size()) next = DecodeAt(run, i + len, &next_len);
      Edit e;
      e.offset = run_offset + i;
      e.length = len;
      if (Rewrite(ClassifyChar(static_cast<uint32_t>(cp), cosmetic_),
                  static_cast<uint32_t>(cp), prev, next, &e)) {
        edits->push_back(std::move(e));
      }
      i += len;
    }
  }

 private:
  // The position of the first character at or after `from` that some rule acts
  // on (s.size() if none), with its code point and length. Skips ASCII text a
  // machine word at a time; every candidate outside ASCII is a 3-byte sequence
  // led by E2, E3 or EF.
  size_t NextCandidate(std::string_view s, size_t from, int32_t* cp,
                       size_t* len) const {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = from;
    while (i < n) {
      if (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        const uint64_t del = w ^ 0x7F7F7F7F7F7F7F7Full;
        const bool has_del =
            ((del - 0x0101010101010101ull) & ~del & 0x8080808080808080ull);
        if (!(w & 0x8080808080808080ull) && !HasControlByte(w) && !has_del) {
          i += 8;
          continue;
        }
      }
      const unsigned char c = p[i];
      if (c < 0x80) {
        if (ClassifyChar(c, cosmetic_) != CharRule::kNone) {
          if (cp != nullptr) {
            *cp = c;
            *len = 1;
          }
          return i;
        }
        ++i;
      } else if (c >= 0xE2 && c <= 0xEF) {
        size_t l = 1;
        const int32_t v = DecodeAt(s, i, &l);
        if (v >= 0 && ClassifyChar(static_cast<uint32_t>(v), cosmetic_) !=
                          CharRule::kNone) {
          if (cp != nullptr) {
            *cp = v;
            *len = l;
          }
          return i;
        }
        i += l;
      } else {
        ++i;
      }
    }
    return n;
  }

 private:
  // Fills e->replacement and e->rule for a character of `kind`; false to leave
  // it.
  bool Rewrite(CharRule kind, uint32_t cp, int32_t prev, int32_t next,
               Edit* e) const {
    switch (kind) {
      case CharRule::kNone:
        return false;
      case CharRule::kControl:
        e->rule = "control";
        return true;
      case CharRule::kZeroWidth:
        if (InUnspacedScript(prev) || InUnspacedScript(next)) return false;
        e->rule = "zero-width";
        return true;
      case CharRule::kStrayBom:
        e->rule = "zero-width";
        return true;
      case CharRule::kLigature: {
        icu::UnicodeString decomposition;
        if (nfkc_ == nullptr ||
            !nfkc_->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
          return false;
        }
        decomposition.toUTF8String(e->replacement);
        e->rule = "ligature";
        return true;
      }
      case CharRule::kQuote:
        e->replacement.assign(1, cp <= 0x201B ? '\'' : '"');
        e->rule = "quotes";
        return true;
      case CharRule::kDash:
        e->replacement.assign(1, '-');
        e->rule = "dash";
        return true;
      case CharRule::kFullwidth:
        e->replacement.assign(
            1, cp == 0x3000 ? ' ' : static_cast<char>(cp - 0xFEE0));
        e->rule = "fullwidth";
        return true;
    }
    return false;
  }

  CosmeticChoice cosmetic_;
  const icu::Normalizer2* nfkc_ = nullptr;
};

// NFC, except for the CJK compatibility ideographs: NFC maps each to a unified
// ideograph and loses the distinction their users (Korean hanja in names, for
// one) chose them for.
class NfcStage final : public TextStage {
 public:
  NfcStage() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    keep_ = std::make_unique<icu::UnicodeSet>(
        icu::UnicodeString(u"[^\\uF900-\\uFAFF\\U0002F800-\\U0002FA1F]"), err);
    keep_->freeze();
    if (U_SUCCESS(err))
      normalizer_ = std::make_unique<icu::FilteredNormalizer2>(*nfc, *keep_);
    // Stable characters in the BMP, looked up by bit: NFC leaves any text made
    // of them alone.
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (ComputeStable(c))
        stable_bmp_[static_cast<size_t>(c) >> 6] |= uint64_t{1} << (c & 63);
    }
  }

  std::string_view name() const override { return kStageName; }

  bool MayChange(std::string_view s, const DocumentModel*) const override {
    return normalizer_ != nullptr && NextUnstable(s, 0, nullptr) < s.size();
  }

  void Process(std::string_view run, size_t run_offset, const DocumentModel*,
               std::vector<Edit>* edits) const override {
    // Around each unstable character, widen to the normalization boundaries and
    // normalize that stretch alone.
    const auto* p = reinterpret_cast<const unsigned char*>(run.data());
    size_t i = 0, len = 0;
    while ((i = NextUnstable(run, i, &len)) < run.size()) {
      size_t l = 0;
      const int32_t cp = DecodeAt(run, i, &l);
      // The stretch starts at the nearest character at or before i that has a
      // normalization boundary before it, and ends before the next one after i.
      size_t start = i;
      if (!normalizer_->hasBoundaryBefore(cp)) {
        while (start > 0) {
          size_t j = start - 1;
          while (j > 0 && (p[j] & 0xC0) == 0x80) --j;
          start = j;
          if (normalizer_->hasBoundaryBefore(DecodeAt(run, j, &l))) break;
        }
      }
      size_t end = i + len;
      while (end < run.size()) {
        if (normalizer_->hasBoundaryBefore(DecodeAt(run, end, &l))) break;
        end += l;
      }
      NormalizeStretch(run, start, end, run_offset, edits);
      i = end;
    }
  }

 private:
  // Normalizes run[start, end) and, if it changes, records an edit covering
  // only the characters that differ (the stretch may begin with a letter or
  // newline that stays).
  void NormalizeStretch(std::string_view run, size_t start, size_t end,
                        size_t run_offset, std::vector<Edit>* edits) const {
    const std::string_view piece = run.substr(start, end - start);
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    UErrorCode err = U_ZERO_ERROR;
    normalizer_->normalizeUTF8(0, icu::StringPiece(piece.data(), piece.size()),
                               sink, nullptr, err);
    if (U_FAILURE(err) || normalized == piece) return;
    size_t head = 0;
    while (head < piece.size() && head < normalized.size() &&
           piece[head] == normalized[head]) {
      ++head;
    }
    while (head > 0 && (static_cast<unsigned char>(piece[head]) & 0xC0) == 0x80)
      --head;
    size_t tail = 0;
    while (tail < piece.size() - head && tail < normalized.size() - head &&
           piece[piece.size() - 1 - tail] ==
               normalized[normalized.size() - 1 - tail]) {
      ++tail;
    }
    while (tail > 0 && (static_cast<unsigned char>(piece[piece.size() - tail]) &
                        0xC0) == 0x80) {
      --tail;
    }
    Edit e;
    e.offset = run_offset + start + head;
    e.length = piece.size() - head - tail;
    e.replacement = normalized.substr(head, normalized.size() - head - tail);
    e.rule = "nfc";
    edits->push_back(std::move(e));
  }

  // Stable: NFC quick check "yes" and canonical combining class 0, so the
  // character can neither change, nor combine with what precedes it, nor need
  // reordering. Every character of NFC text that could change under NFC is
  // followed by, or is, an unstable one. CJK compatibility ideographs are left
  // out of NFC here, so they count as stable.
  bool ComputeStable(UChar32 c) const {
    if (keep_ != nullptr && !keep_->contains(c)) return true;
    return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(c) == 0;
  }

  bool Stable(int32_t c) const {
    if (c < 0x10000)
      return (stable_bmp_[static_cast<size_t>(c) >> 6] >> (c & 63)) & 1;
    return ComputeStable(c);
  }

  // The position of the first unstable character at or after `from` (s.size()
  // if none), and its length. Everything below U+0300 is stable, and its UTF-8
  // starts below 0xCC.
  size_t NextUnstable(std::string_view s, size_t from, size_t* len) const {
    size_t i = from + AsciiPrefix(s.substr(from));
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
      if (p[i] < 0xCC) {
        ++i;
        // (Eight bytes at a time to the next byte that may lead an unstable
        // character, 0xCC or above: text that holds a few non-ASCII
        // characters is otherwise read a byte at a time after the first.)
        while (i + 8 <= s.size()) {
          uint64_t w;
          std::memcpy(&w, p + i, 8);
          constexpr uint64_t kHigh = 0x8080808080808080ull;
          // High bit of each byte: set when the byte is 0x80 + 0x4C or more.
          const uint64_t at_least =
              ((w & ~kHigh) + 0x3434343434343434ull) & w & kHigh;
          if (at_least != 0) {
            i += static_cast<size_t>(std::countr_zero(at_least)) / 8;
            break;
          }
          i += 8;
        }
        continue;
      }
      // Two- and three-byte sequences decoded inline (this loop runs over all
      // non-ASCII text); anything else through the validating decoder. A
      // malformed sequence counts as stable: it is invalid, and no stage sees
      // invalid bytes.
      size_t l = 1;
      int32_t c;
      if (p[i] < 0xE0 && i + 1 < s.size() && (p[i + 1] & 0xC0) == 0x80) {
        c = ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
        l = 2;
      } else if (p[i] >= 0xE0 && p[i] < 0xF0 && i + 2 < s.size() &&
                 (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) |
            (p[i + 2] & 0x3F);
        l = 3;
      } else {
        c = DecodeAt(s, i, &l);
      }
      if (c >= 0 && !Stable(c)) {
        if (len != nullptr) *len = l;
        return i;
      }
      i += l;
    }
    return s.size();
  }

  std::unique_ptr<icu::UnicodeSet> keep_;
  std::unique_ptr<icu::FilteredNormalizer2> normalizer_;
  uint64_t stable_bmp_[0x10000 / 64] = {};
};

}  // namespace

std::vector<std::unique_ptr<TextStage>> MakeUnicodeStages(
    const Options& options) {
  CosmeticChoice cosmetic;
  cosmetic.quotes = options.straighten_quotes;
  cosmetic.dashes = options.ascii_dashes;
  cosmetic.fullwidth = options.fullwidth_to_ascii;
  std::vector<std::unique_ptr<TextStage>> stages;
  // Markup first: a reference may stand for a character the rules act on.
  if (auto markup = MakeMarkupStage(options))
    stages.push_back(std::move(markup));
  stages.push_back(std::make_unique<CharRulesStage>(cosmetic));
  stages.push_back(std::make_unique<NfcStage>());
  return stages;
}

}  // namespace textmend
