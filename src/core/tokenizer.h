// Word tokens for the word and name stages: runs of letters, with apostrophes
// inside (don't, Belarus's). Tokens that must never be touched are marked:
// those in URLs, e-mail addresses and paths, those joined to digits or
// underscores (identifiers, model numbers), camelCase code, and words whose
// last letter carries a combining mark.
#ifndef TEXTMEND_CORE_TOKENIZER_H_
#define TEXTMEND_CORE_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textmend {

struct WordToken {
  size_t offset = 0;  // in the text given to Tokenize
  size_t length = 0;
  bool ascii = true;            // only ASCII letters and apostrophes
  bool protect = false;         // never rewrite (URL, e-mail, identifier, code)
  bool sentence_start = false;  // first word of a line or sentence
};

// Whether `c` is an ASCII letter.
inline bool AsciiLetter(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// Eight bytes at a time: `w` holds eight text bytes (std::memcpy'd), and a
// mask has the high bit of each byte that passes.
inline constexpr uint64_t kHighBits = 0x8080808080808080ull;
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
// The ASCII letters of `w`.
inline uint64_t AsciiLetterBytes(uint64_t w) {
  const uint64_t folded = (w | (0x20 * kOnes)) & (0x7F * kOnes);  // a-z now
  const uint64_t from_a = (folded + (0x80 - 'a') * kOnes) & kHighBits;
  const uint64_t past_z = (folded + (0x80 - 'z' - 1) * kOnes) & kHighBits;
  return from_a & ~past_z & ~w & kHighBits;
}
// The bytes of `w` equal to `c` (exactly: no carry crosses a byte).
inline uint64_t BytesEqual(uint64_t w, char c) {
  const uint64_t x = w ^ (static_cast<unsigned char>(c) * kOnes);
  return ~(((x & (0x7F * kOnes)) + 0x7F * kOnes) | x) & kHighBits;
}

// Appends the word tokens of `text` (valid UTF-8) to `*out`.
void Tokenize(std::string_view text, std::vector<WordToken>* out);

// Lowercase form for lexicon lookups: ASCII letters folded, the typographic
// apostrophe (U+2019) made ASCII; other letters through ICU.
std::string LowerWord(std::string_view word, bool ascii);

// How a word is capitalized.
enum class WordCase { kLower, kCapitalized, kUpper, kMixed };
WordCase CaseOf(std::string_view word);  // ASCII words
// `lower` written in `word_case` (kMixed: unchanged).
std::string ApplyCase(std::string_view lower, WordCase word_case);

}  // namespace textmend

#endif  // TEXTMEND_CORE_TOKENIZER_H_
