// What a character is, as far as telling text from mojibake goes, and the cost
// model built on it: how unlike ordinary writing a short stretch of text is.
// The model is language-neutral (character classes, case, scripts, rare
// blocks) plus Cyrillic letter frequencies, which are what separates the
// Cyrillic code pages from one another: koi8-r read as windows-1251 is still
// all Cyrillic, but made of the wrong letters.
//
// Thread-safety: all functions are pure; the tables are built on first use
// (thread-safe static initialization) and never change.
#ifndef TEXTMEND_CORE_CHAR_CLASS_H_
#define TEXTMEND_CORE_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace textmend {

enum class CharKind : uint8_t {
  kSpace,       // white space other than no-break space
  kNbsp,        // U+00A0
  kLower,       // lowercase letter
  kUpper,       // uppercase or titlecase letter
  kCaseless,    // letter of a script without case (CJK, Arabic, ...)
  kDigit,       // decimal digit
  kAsciiPunct,  // ASCII punctuation and symbols
  kPunct,       // other punctuation (quotes, dashes, ellipsis, guillemets)
  kSymbol,      // other symbols, and letter-like signs (ª º µ ƒ)
  kMark,        // combining mark
  kFormat,      // format characters (soft hyphen, joiners, marks)
  kControl,     // control characters, C0 and C1
  kBad,         // unassigned, private use, noncharacter, replacement char
};

struct CharInfo {
  CharKind kind = CharKind::kBad;
  uint8_t script = 0;  // ICU UScriptCode; 0 (Common) and 1 (Inherited) mix
                       // with anything
  uint8_t rarity = 0;  // tenths of a cost unit: how unusual the character is
                       // in running text (rare blocks, controls' neighbours)
  uint8_t letter_rarity = 0;  // tenths: how rare the letter is in the
                              // languages that use it (letter frequencies)
};

// The table behind Classify() for the Basic Multilingual Plane, built on
// first use; and the slow path for the planes above it.
const CharInfo* BmpCharInfo();
CharInfo ClassifyAstral(uint32_t cp);

inline CharInfo Classify(uint32_t cp) {
  static const CharInfo* const bmp = BmpCharInfo();
  return cp < 0x10000 ? bmp[cp] : ClassifyAstral(cp);
}

inline bool IsLetter(CharKind k) {
  return k == CharKind::kLower || k == CharKind::kUpper ||
         k == CharKind::kCaseless;
}

// The cost of a chunk (a run of text between white space) in two parts:
// `structure` sums what is odd about its characters and each pair of
// neighbours (a symbol between two letters, a case flip or two scripts inside
// a word, control characters, rare blocks); `letters` sums how rare its
// letters are. Ordinary words in any language cost about 0; mojibake costs
// several structure units per damaged character. Letter rarity alone never
// proves mojibake (every reading of Cyrillic bytes is Cyrillic), but it ranks
// readings that are structurally alike.
struct Cost {
  float structure = 0;
  float letters = 0;
  float total() const { return structure + letters; }
};
Cost ChunkCost(const uint32_t* chunk, size_t length);

// True when a character of this code point could plausibly be the result of
// undoing a wrong decode: an assigned character that is not a control, not
// private use and not in one of the rare blocks (NKo, Samaritan, ...).
bool PlausibleResult(uint32_t cp);

}  // namespace textmend

#endif  // TEXTMEND_CORE_CHAR_CLASS_H_
