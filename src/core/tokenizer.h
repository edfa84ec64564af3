// Word tokens for the word and name stages: runs of letters, with apostrophes
// inside (don't, Belarus's). Tokens that must never be touched are marked:
// those in URLs, e-mail addresses and paths, those joined to digits or
// underscores (identifiers, model numbers), and camelCase code.
#ifndef TEXTMEND_CORE_TOKENIZER_H_
#define TEXTMEND_CORE_TOKENIZER_H_

#include <cstddef>
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
