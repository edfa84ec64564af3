// Character classes the unicode stage acts on, and what each becomes.
#ifndef TEXTMEND_UNICODE_CHAR_RULES_H_
#define TEXTMEND_UNICODE_CHAR_RULES_H_

#include <cstdint>

namespace textmend {

enum class CharRule {
  kNone,
  kControl,    // C0 controls other than tab, LF, VT, FF, CR and ESC; DEL
  kZeroWidth,  // U+200B ZERO WIDTH SPACE: stray unless it separates words of a
               // script written without spaces
  kStrayBom,   // U+FEFF after the start of the text
  kLigature,   // Latin and Armenian presentation-form ligatures
  kQuote,      // curly single/double quotes (cosmetic)
  kDash,       // hyphen and dash variants, minus sign (cosmetic)
  kFullwidth,  // fullwidth ASCII forms and the ideographic space (cosmetic)
};

struct CosmeticChoice {
  bool quotes = false;
  bool dashes = false;
  bool fullwidth = false;
};

// The kind of `cp`, given which cosmetic rules are on.
inline CharRule ClassifyChar(uint32_t cp, CosmeticChoice cosmetic) {
  if (cp < 0x80) {
    return (cp <= 0x08 || (cp >= 0x0E && cp <= 0x1A) ||
            (cp >= 0x1C && cp <= 0x1F) || cp == 0x7F)
               ? CharRule::kControl
               : CharRule::kNone;
  }
  if (cp < 0x200B) return CharRule::kNone;
  if (cp == 0x200B) return CharRule::kZeroWidth;
  if (cp == 0xFEFF) return CharRule::kStrayBom;
  if ((cp >= 0xFB00 && cp <= 0xFB06) || (cp >= 0xFB13 && cp <= 0xFB17)) {
    return CharRule::kLigature;
  }
  if (cosmetic.quotes && cp >= 0x2018 && cp <= 0x201F) return CharRule::kQuote;
  if (cosmetic.dashes && ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)) {
    return CharRule::kDash;
  }
  if (cosmetic.fullwidth && ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000)) {
    return CharRule::kFullwidth;
  }
  return CharRule::kNone;
}

// What the unicode stage deletes: controls, and (with the exceptions noted
// at kZeroWidth and kStrayBom) zero-width spaces and byte order marks. The
// other stages read past these as if they were not there, so that a word
// reads the same before and after that stage.
inline bool DeletedByUnicodeStage(uint32_t cp) {
  const CharRule rule = ClassifyChar(cp, CosmeticChoice{});
  return rule == CharRule::kControl || rule == CharRule::kZeroWidth ||
         rule == CharRule::kStrayBom;
}

// Whether the unicode stage spells `cp` out as other characters (a ligature:
// U+FB01 as "fi").
inline bool SpelledOutByUnicodeStage(uint32_t cp) {
  return ClassifyChar(cp, CosmeticChoice{}) == CharRule::kLigature;
}

// The Alphabetic Presentation Forms block, U+FB00-FB4F: the unicode stage
// spells out its ligatures and NFC decomposes its Hebrew forms, so a
// character there may not survive that stage as itself.
inline bool InPresentationFormsBlock(uint32_t cp) {
  return cp >= 0xFB00 && cp <= 0xFB4F;
}

}  // namespace textmend

#endif  // TEXTMEND_UNICODE_CHAR_RULES_H_
