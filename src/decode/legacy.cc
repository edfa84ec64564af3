// Legacy encoding detection and decoding; see legacy.h.
#include "decode/legacy.h"

#include <unicode/uchar.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/alphabets.h"
#include "core/char_class.h"
#include "core/utf8.h"
#include "unicode/char_rules.h"

namespace textmend {
namespace {

// The code pages tried, most common first (ties go to the earlier one).
constexpr CodePageId kCandidates[] = {
    CodePageId::kWindows1252, CodePageId::kWindows1251,
    CodePageId::kWindows1250, CodePageId::kKoi8R,
    CodePageId::kIso8859_2,   CodePageId::kWindows1253,
    CodePageId::kWindows1254, CodePageId::kWindows1257,
    CodePageId::kCp866,       CodePageId::kKoi8U,
    CodePageId::kMacRoman,    CodePageId::kCp437,
};

struct Reading {
  CodePageId page;
  std::u32string text;
  float cost = 0;  // per non-ASCII byte
};

// The cost of a reading: the cost model of every chunk that holds non-ASCII
// characters, plus a penalty per line whose accented letters no one
// language writes together.
float CostOfReading(const std::u32string& text) {
  float cost = 0;
  size_t i = 0;
  AlphabetCheck alphabet;
  auto end_line = [&] {
    if (!alphabet.Coherent()) cost += 3;
    alphabet.Reset();
  };
  while (i < text.size()) {
    if (text[i] == '\n') {
      end_line();
      ++i;
      continue;
    }
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
      ++i;
      continue;
    }
    size_t j = i;
    bool high = false;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' &&
           text[j] != '\r' && text[j] != '\n') {
      if (text[j] >= 0x80) {
        high = true;
        alphabet.Add(text[j]);
      }
      ++j;
    }
    if (high) {
      cost +=
          ChunkCost(reinterpret_cast<const uint32_t*>(text.data() + i), j - i)
              .total();
    }
    i = j;
  }
  end_line();
  return cost;
}

// ICU's charset detector's best guess among the single-byte charsets, as
// one of our code pages, or kCount.
CodePageId IcuGuess(std::string_view sample) {
  UErrorCode error = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&error);
  if (U_FAILURE(error)) return CodePageId::kCount;
  ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()),
                 &error);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &error);
  CodePageId page = CodePageId::kCount;
  for (int32_t k = 0; U_SUCCESS(error) && k < found; ++k) {
    const char* name = ucsdet_getName(matches[k], &error);
    if (U_FAILURE(error) || name == nullptr) break;
    // ISO-8859-1 is ICU's name for text that could be windows-1252 too.
    const CodePageId id = std::strcmp(name, "ISO-8859-1") == 0
                              ? CodePageId::kWindows1252
                              : FindCodePage(name);
    if (id != CodePageId::kCount) {
      page = id;
      break;
    }
  }
  ucsdet_close(detector);
  return page;
}

}  // namespace

LegacyGuess GuessLegacyEncoding(std::string_view raw) {
  LegacyGuess guess;
  // What the unicode stage removes or spells out (C0 controls, stray byte
  // order marks and zero-width spaces, presentation ligatures) is left out:
  // the guess must not change once that stage has run.
  std::string cleaned;
  cleaned.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b < 0x80) {
      if (!DeletedByUnicodeStage(b)) cleaned.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t len = 1;
    const int32_t cp = DecodeAt(raw, i, &len);
    if (cp < 0 || !(DeletedByUnicodeStage(static_cast<uint32_t>(cp)) ||
                    InPresentationFormsBlock(static_cast<uint32_t>(cp))))
      cleaned.append(raw.substr(i, len));
    i += len;
  }
  const std::string_view sample = cleaned;
  // Valid multi-byte UTF-8 sequences against bytes that are not UTF-8.
  // Invalid bytes that are UTF-8 in shape (a lead byte and continuation
  // bytes, cut short) are damaged UTF-8, not another encoding.
  size_t valid = 0, invalid = 0, shaped = 0, high = 0;
  for (size_t i = 0; i < sample.size();) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = 1;
    const int32_t cp = DecodeAt(sample, i, &len);
    ++high;
    if (cp < 0) {
      ++invalid;
      const int want = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 ? 1 : 0;
      int conts = 0;
      while (conts < want && i + 1 + conts < sample.size() &&
             (static_cast<unsigned char>(sample[i + 1 + conts]) & 0xC0) == 0x80)
        ++conts;
      if (want > 0 && conts > 0) {
        ++shaped;
        len = 1 + conts;
      }
    } else {
      ++valid;
    }
    i += len;
  }
  // UTF-8, perhaps with a few damaged bytes.
  if (invalid == 0 || valid * 2 >= invalid || shaped * 2 > invalid)
    return guess;

  // The code pages are judged on what is not valid UTF-8: a run of valid
  // sequences reads as one space. The guess must not change once the later
  // stages have repaired the text, which they do only among valid
  // sequences and ASCII: the encoding stage repairs mojibake, and the
  // unicode stage composes a letter and its marks into one character (k and
  // U+0301 into U+1E31) and drops control characters. So a combining mark
  // reads as one space with the ASCII letter before it, and a control
  // character as nothing.
  std::string judged(sample);
  bool after_valid = false;  // judged[i - 1] is a space for valid sequences
  for (size_t i = 0; i < judged.size();) {
    const auto b = static_cast<unsigned char>(judged[i]);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
        judged.erase(i, 1);
        continue;
      }
      after_valid = false;
      ++i;
      continue;
    }
    size_t len = 1;
    const int32_t cp = DecodeAt(judged, i, &len);
    if (cp < 0) {
      after_valid = false;
      i += len;
      continue;
    }
    if (after_valid) {
      judged.erase(i, len);
      continue;
    }
    if (u_getCombiningClass(cp) != 0 && i > 0 &&
        static_cast<unsigned char>(judged[i - 1]) < 0x80) {
      judged[i - 1] = ' ';
      judged.erase(i, len);
    } else {
      judged.replace(i, len, 1, ' ');
      ++i;
    }
    after_valid = true;
  }
  const size_t judged_high = static_cast<size_t>(std::count_if(
      judged.begin(), judged.end(),
      [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  if (judged_high == 0) return guess;
  std::vector<Reading> readings;
  for (CodePageId id : kCandidates) {
    const CodePage& page = GetCodePage(id);
    Reading r;
    r.page = id;
    r.text.reserve(judged.size());
    for (unsigned char b : judged) r.text.push_back(page.Decode(b));
    if (std::any_of(readings.begin(), readings.end(),
                    [&](const Reading& o) { return o.text == r.text; }))
      continue;  // the same reading as a commoner code page
    r.cost = CostOfReading(r.text) / static_cast<float>(judged_high);
    readings.push_back(std::move(r));
  }
  std::stable_sort(
      readings.begin(), readings.end(),
      [](const Reading& a, const Reading& b) { return a.cost < b.cost; });
  const Reading& best = readings[0];
  const float margin =
      readings.size() > 1 ? readings[1].cost - best.cost : 10.0f;
  // Plausible text costs well under one unit per non-ASCII character; the
  // runner-up must be clearly worse, or ICU's detector must agree.
  // Prose, too: most of the non-ASCII characters of the reading are letters
  // or punctuation (a reading of box drawing and signs is a binary file or a
  // table, not text in that code page).
  size_t prose = 0, high_chars = 0;
  for (char32_t c : best.text) {
    if (c < 0x80) continue;
    ++high_chars;
    const CharKind kind = Classify(c).kind;
    prose += IsLetter(kind) || kind == CharKind::kPunct;
  }
  const bool plausible = best.cost < 1.0f && 2 * prose > high_chars;
  const bool clear = margin * static_cast<float>(judged_high) >= 2.0f;
  // (ICU's detector is asked only where there is more than one byte to
  // judge, in a sample of some length: on a byte or two among a few words,
  // its answer turns on which words they are, and a repair of one of them
  // would change the decision.)
  constexpr size_t kMinIcuSample = 16;
  const CodePageId icu = judged_high >= 2 && judged.size() >= kMinIcuSample
                             ? IcuGuess(judged)
                             : CodePageId::kCount;
  if (plausible && (clear || icu == best.page)) {
    guess.legacy = true;
    guess.page = best.page;
    guess.evidence = std::to_string(high) + " non-UTF-8 bytes read as " +
                     std::string(GetCodePage(best.page).name()) +
                     (icu == best.page ? " (ICU agrees)" : "");
  }
  return guess;
}

size_t CodePageDecoder::Decode(std::string_view in, std::string* out,
                               OffsetMap* map) const {
  size_t run = 0;  // ASCII bytes pending in one 1:1 run
  for (unsigned char b : in) {
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
      ++run;
      continue;
    }
    if (run > 0) map->Append(run, 1, 1), run = 0;
    const size_t before = out->size();
    AppendUtf8(page_->Decode(b), out);
    map->Append(1, out->size() - before, 1);
  }
  if (run > 0) map->Append(run, 1, 1);
  return in.size();
}

}  // namespace textmend
