// Word tokenization for the word and name stages.
#include "core/tokenizer.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/byte_masks.h"
#include "core/char_class.h"
#include "core/utf8.h"

namespace textmend {
namespace {

// The apostrophe at text[i] (ASCII or U+2019), or 0.
size_t ApostropheAt(std::string_view text, size_t i) {
  if (text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// The letter at text[i]: its byte length, or 0 when it is not a letter.
size_t LetterAt(std::string_view text, size_t i, bool* ascii) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *ascii = true;
    return AsciiLetter(static_cast<char>(c)) ? 1 : 0;
  }
  size_t len = 1;
  const int32_t cp = DecodeAt(text, i, &len);
  *ascii = false;
  return cp >= 0 && u_isalpha(cp) ? len : 0;
}

// Byte classes for the scan.
enum : uint8_t {
  kOther = 0,
  kLower = 1,       // a-z
  kUpper = 2,       // A-Z
  kSpace = 4,       // space, tab, newline, carriage return
  kHigh = 8,        // a byte of a multi-byte character
  kProtector = 16,  // @ / \ : its chunk is a URL, address or path
  kDot = 32,        // between two letters: a host name or abbreviation
};
struct ByteClasses {
  uint8_t c[256];
  constexpr ByteClasses() : c() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = kLower;
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = kUpper;
    c[static_cast<int>(' ')] = c[static_cast<int>('\t')] = kSpace;
    c[static_cast<int>('\n')] = c[static_cast<int>('\r')] = kSpace;
    for (int b = 0x80; b < 0x100; ++b) c[b] = kHigh;
    c[static_cast<int>('@')] = c[static_cast<int>('/')] = kProtector;
    c[static_cast<int>('\\')] = kProtector;
    c[static_cast<int>('.')] = kDot;
  }
};
constexpr ByteClasses kClasses;

// For the sentence start, read backwards from a word: bytes stepped over
// (spaces, quotes, brackets, and 0xE2 and continuation bytes: curly quotes)
// and bytes that end what comes before (a line or a sentence).
enum : uint8_t { kSkippedBack = 1, kEndsBefore = 2 };
struct SentenceBytes {
  uint8_t c[256];
  constexpr SentenceBytes() : c() {
    for (const char b : {' ', '\t', '"', '\'', '(', '['})
      c[static_cast<unsigned char>(b)] = kSkippedBack;
    for (int b = 0x80; b < 0xC0; ++b) c[b] = kSkippedBack;
    c[0xE2] = kSkippedBack;
    for (const char b : {'\n', '\r', '.', '!', '?', ':'})
      c[static_cast<unsigned char>(b)] = kEndsBefore;
  }
};
constexpr SentenceBytes kSentenceBytes;

uint8_t ClassOf(char c) { return kClasses.c[static_cast<unsigned char>(c)]; }

void TokenizeBytes(std::string_view text, std::vector<WordToken>* out);

#if defined(__SSE2__)
// Text of at most this many bytes, all ASCII, is tokenized from bit masks
// (one bit per byte, 64 bytes to a word) built 16 bytes at a time: most
// lines of English text. Longer text, or text with a byte of a multi-byte
// character, is read byte by byte (TokenizeBytes).
constexpr size_t kMaxMaskedBytes = 4096;
constexpr size_t kMaskWords = kMaxMaskedBytes / 64;

// The masks of one text: letters, small letters, apostrophes, and the bytes
// that may protect a chunk (@ / \ and dots).
struct TextMasks {
  uint64_t letter[kMaskWords + 1];
  uint64_t lower[kMaskWords + 1];
  uint64_t apostrophe[kMaskWords + 1];
  uint64_t protector[kMaskWords + 1];
  uint64_t dot[kMaskWords + 1];
  size_t words = 0;  // in use; one more, zero, follows them
};

// Fills `m` for `text` (at most kMaxMaskedBytes); false when it holds a byte
// that is not ASCII.
bool BuildMasks(std::string_view text, TextMasks* m) {
  const size_t n = text.size();
  m->words = (n + 63) / 64;
  const __m128i quote = _mm_set1_epi8('\'');
  const __m128i at = _mm_set1_epi8('@');
  const __m128i slash = _mm_set1_epi8('/');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i period = _mm_set1_epi8('.');
  uint64_t high = 0;
  for (size_t w = 0; w <= m->words; ++w) {
    uint64_t letter = 0, lower = 0, apostrophe = 0, protector = 0, dot = 0;
    for (size_t q = 0; q < 4 && w * 64 + q * 16 < n; ++q) {
      const __m128i v = Load16(text, w * 64 + q * 16);
      high |= MaskBits(v, q);
      letter |= MaskBits(AsciiLetters16(v), q);
      lower |= MaskBits(AsciiLower16(v), q);
      apostrophe |= MaskBits(_mm_cmpeq_epi8(v, quote), q);
      protector |= MaskBits(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, at),
                                                      _mm_cmpeq_epi8(v, slash)),
                                         _mm_cmpeq_epi8(v, backslash)),
                            q);
      dot |= MaskBits(_mm_cmpeq_epi8(v, period), q);
    }
    m->letter[w] = letter;
    m->lower[w] = lower;
    m->apostrophe[w] = apostrophe;
    m->protector[w] = protector;
    m->dot[w] = dot;
  }
  return high == 0;
}

// Bits [from, from + count) of `mask` (count at most 64), as the low bits.
uint64_t BitsOf(const uint64_t* mask, size_t from, size_t count) {
  const size_t w = from / 64, shift = from % 64;
  uint64_t v = mask[w] >> shift;
  if (shift != 0) v |= mask[w + 1] << (64 - shift);
  return count >= 64 ? v : v & ((uint64_t{1} << count) - 1);
}

// The tokens of `text`, all ASCII, from its masks: the rules of
// TokenizeBytes, stated on whole words of bits.
void TokenizeMasked(std::string_view text, const TextMasks& m,
                    std::vector<WordToken>* out) {
  const size_t n = text.size();
  const size_t first = out->size();
  const size_t words = m.words;
  // The bytes between two letters; in a word: letters, and apostrophes
  // between two letters.
  uint64_t between[kMaskWords + 1];
  uint64_t in_word[kMaskWords + 1];
  for (size_t w = 0; w < words; ++w) {
    const uint64_t before =
        (m.letter[w] << 1) | (w > 0 ? m.letter[w - 1] >> 63 : 0);
    const uint64_t after = (m.letter[w] >> 1) | (m.letter[w + 1] << 63);
    between[w] = before & after;
    in_word[w] = m.letter[w] | (m.apostrophe[w] & between[w]);
  }
  in_word[words] = 0;
  // Capitals that follow another byte of their word: where a camelCase word
  // may be (most words have none: a word need not be read for it).
  uint64_t inner_capitals[kMaskWords + 1];
  for (size_t w = 0; w < words; ++w) {
    const uint64_t follows =
        (in_word[w] << 1) | (w > 0 ? in_word[w - 1] >> 63 : 0);
    inner_capitals[w] = m.letter[w] & ~m.lower[w] & follows;
  }
  inner_capitals[words] = 0;
  const auto joined = [&](size_t at) {
    const char c = text[at];
    return (c >= '0' && c <= '9') || c == '_';
  };
  for (size_t w = 0; w < words; ++w) {
    uint64_t starts =
        in_word[w] & ~((in_word[w] << 1) | (w > 0 ? in_word[w - 1] >> 63 : 0));
    while (starts != 0) {
      const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(starts));
      starts &= starts - 1;
      // Its end: the first byte after it that is in no word.
      size_t k = i / 64;
      uint64_t rest = ~in_word[k] & (~uint64_t{0} << (i % 64));
      while (rest == 0) rest = ~in_word[++k];
      const size_t j = k * 64 + static_cast<size_t>(std::countr_zero(rest));
      WordToken t;
      t.offset = i;
      t.length = j - i;
      t.ascii = true;
      // camelCase: a capital after the word's first small letter.
      bool camel = false;
      const bool one_word = i / 64 == (j - 1) / 64;
      if (one_word && (inner_capitals[i / 64] >> (i % 64) &
                       ((uint64_t{2} << (j - 1 - i)) - 1)) == 0) {
        // (No capital after its first letter.)
      } else if (j - i <= 64) {
        const uint64_t lower = BitsOf(m.lower, i, j - i);
        const uint64_t upper = BitsOf(m.letter, i, j - i) & ~lower;
        camel = lower != 0 && (upper & ~((lower & -lower) * 2 - 1)) != 0;
      } else {
        bool lower_seen = false;
        for (size_t k2 = i; k2 < j && !camel; ++k2) {
          const char c = text[k2];
          lower_seen = lower_seen || (c >= 'a' && c <= 'z');
          camel = lower_seen && c >= 'A' && c <= 'Z';
        }
      }
      t.protect = camel || (i > 0 && joined(i - 1)) || (j < n && joined(j));
      size_t b = i;
      while (b > 0 &&
             kSentenceBytes.c[static_cast<unsigned char>(text[b - 1])] ==
                 kSkippedBack)
        --b;
      t.sentence_start =
          b == 0 || kSentenceBytes.c[static_cast<unsigned char>(text[b - 1])] ==
                        kEndsBefore;
      out->push_back(t);
    }
  }
  // Whitespace-delimited chunks holding @ / \ or a dot between two letters
  // (URLs, addresses, paths, host names): all their tokens are protected.
  for (size_t w = 0; w < words; ++w) {
    uint64_t marks = m.protector[w] | (m.dot[w] & between[w]);
    while (marks != 0) {
      const size_t x = w * 64 + static_cast<size_t>(std::countr_zero(marks));
      marks &= marks - 1;
      const auto space = [&](size_t k) { return ClassOf(text[k]) & kSpace; };
      size_t begin = x, end = x + 1;
      while (begin > 0 && !space(begin - 1)) --begin;
      while (end < n && !space(end)) ++end;
      auto it = std::lower_bound(
          out->begin() + static_cast<long>(first), out->end(), begin,
          [](const WordToken& t, size_t at) { return t.offset < at; });
      for (; it != out->end() && it->offset < end; ++it) it->protect = true;
    }
  }
}
#endif

}  // namespace

void Tokenize(std::string_view text, std::vector<WordToken>* out) {
#if defined(__SSE2__)
  if (text.size() <= kMaxMaskedBytes) {
    TextMasks masks;
    if (BuildMasks(text, &masks)) {
      TokenizeMasked(text, masks, out);
      return;
    }
  }
#endif
  TokenizeBytes(text, out);
}

namespace {

void TokenizeBytes(std::string_view text, std::vector<WordToken>* out) {
  // One pass. Whether a whitespace-delimited chunk is a URL, address, path
  // or host name is known only at its end: its tokens are marked then.
  const size_t n = text.size();
  size_t i = 0;
  size_t chunk_first = out->size();  // the current chunk's first token
  bool chunk_protected = false;
  const auto end_chunk = [&] {
    if (chunk_protected) {
      for (size_t k = chunk_first; k < out->size(); ++k)
        (*out)[k].protect = true;
    }
    chunk_protected = false;
    chunk_first = out->size();
  };
  // Whether only bytes a sentence start steps over (spaces, quotes,
  // brackets, curly quotes: kSkippedBack) lie between here and the text's
  // start or a byte that ends a line or sentence: kept as the bytes go by,
  // rather than read backwards from each word.
  bool after_end = true;
  const auto pass_byte = [&after_end](char c) {
    const uint8_t s = kSentenceBytes.c[static_cast<unsigned char>(c)];
    if (s != kSkippedBack) after_end = s == kEndsBefore;
  };
  while (i < n) {
    const uint8_t cls = ClassOf(text[i]);
    if (cls & kSpace) {
      pass_byte(text[i]);
      end_chunk();
      ++i;
      continue;
    }
    bool ascii = true;
    size_t len;
    if (cls & (kLower | kUpper)) {
      len = 1;
    } else if (cls & kHigh) {
      len = LetterAt(text, i, &ascii);
    } else {
      pass_byte(text[i]);
      if (cls & kProtector) {
        chunk_protected = true;
      } else if ((cls & kDot) && i > 0 && i + 1 < n &&
                 (ClassOf(text[i - 1]) & (kLower | kUpper)) &&
                 (ClassOf(text[i + 1]) & (kLower | kUpper))) {
        chunk_protected = true;
      }
      ++i;
      continue;
    }
    if (len == 0) {
      // (A character that is no letter: its continuation bytes are all
      // stepped over.)
      pass_byte(text[i]);
      ++i;
      while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    WordToken t;
    t.offset = i;
    t.ascii = ascii;
    // (A non-ASCII first letter is stepped over; an ASCII one is read with
    // the rest.)
    size_t j = ascii ? i : i + len;
    bool lower_seen = false, camel = false;
    for (;;) {
      // ASCII letters, the common case: eight at a time while they last,
      // then by the table.
      while (j + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, text.data() + j, 8);
        const uint64_t letters = AsciiLetterBytes(w);
        // The letters before the first byte that is not one.
        const uint64_t run = letters == kHighBits
                                 ? kHighBits
                                 : letters & ((~letters & kHighBits) - 1);
        const uint64_t lower = run & (w << 2);  // (bit 5 of each byte: 0x20)
        const uint64_t upper = run & ~(w << 2);
        if (lower_seen) {
          camel = camel || upper != 0;
        } else if (lower != 0) {
          lower_seen = true;
          // An upper-case letter after the first lower-case one.
          camel = camel || (upper & ~((lower & -lower) * 2 - 1)) != 0;
        }
        if (run != kHighBits) {
          j += static_cast<size_t>(std::countr_zero(~run & kHighBits)) / 8;
          break;
        }
        j += 8;
      }
      uint8_t c;
      while (j < n && ((c = ClassOf(text[j])) & (kLower | kUpper))) {
        if (c & kLower) {
          lower_seen = true;
        } else if (lower_seen) {
          camel = true;
        }
        ++j;
      }
      if (j >= n) break;
      bool a = true;
      if (ClassOf(text[j]) & kHigh) {
        const size_t l = LetterAt(text, j, &a);
        if (l > 0) {
          t.ascii = false;
          j += l;
          continue;
        }
      }
      // An apostrophe between letters stays inside the word.
      const size_t ap = ApostropheAt(text, j);
      if (ap > 0 && j + ap < n && LetterAt(text, j + ap, &a) > 0) {
        j += ap;
        continue;
      }
      break;
    }
    t.length = j - i;
    const auto joined = [&](size_t at) {
      const char c = text[at];
      return (c >= '0' && c <= '9') || c == '_';
    };
    // A combining mark right after the word belongs to its last letter
    // (d and U+0301, which no precomposed letter holds): rewriting the
    // letter would make another character, which normalization may then
    // compose (w and U+0301 are ẃ).
    const auto marked = [&](size_t at) {
      if (static_cast<unsigned char>(text[at]) < 0x80) return false;
      size_t len = 1;
      const int32_t cp = DecodeAt(text, at, &len);
      return cp >= 0 &&
             Classify(static_cast<uint32_t>(cp)).kind == CharKind::kMark;
    };
    t.protect = camel || (i > 0 && joined(i - 1)) ||
                (j < n && (joined(j) || marked(j)));
    // Sentence start: only spaces, quotes and brackets between the word and a
    // line start or sentence-ending punctuation.
    t.sentence_start = after_end;
    // (A word's bytes are letters and apostrophes: one that is not stepped
    // over ends the stretch; words of letters stepped over alone, such as
    // U+2C00.., leave it as it was.)
    if (t.ascii) {
      after_end = false;
    } else {
      for (size_t k = i; k < j; ++k) {
        if (kSentenceBytes.c[static_cast<unsigned char>(text[k])] !=
            kSkippedBack)
          after_end = false;
      }
    }
    out->push_back(t);
    i = j;
  }
  end_chunk();
}

}  // namespace

std::string LowerWord(std::string_view word, bool ascii) {
  if (ascii) {
    // (Copied, then lowered in place: a loop the compiler vectorizes, where
    // appending a byte at a time cost ~20 instructions a letter.)
    std::string out(word);
    for (char& c : out) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
    }
    return out;
  }
  std::string out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)),
                   icu::UnicodeString(static_cast<UChar>('\'')));
  u.toLower(icu::Locale::getEnglish()).toUTF8String(out);
  return out;
}

WordCase CaseOf(std::string_view word) {
  size_t upper = 0, letters = 0;
  bool first_upper = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (letters == 0) first_upper = true;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
  }
  if (upper == 0) return WordCase::kLower;
  if (upper == letters)
    return letters > 1 ? WordCase::kUpper : WordCase::kCapitalized;
  if (upper == 1 && first_upper) return WordCase::kCapitalized;
  return WordCase::kMixed;
}

std::string ApplyCase(std::string_view lower, WordCase word_case) {
  std::string out(lower);
  if (word_case == WordCase::kUpper) {
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
  } else if (word_case == WordCase::kCapitalized && !out.empty() &&
             out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 32);
  }
  return out;
}

}  // namespace textmend
