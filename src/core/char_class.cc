// Character classes and the chunk cost model; see char_class.h.
#include "core/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

#include "core/alphabets.h"

namespace textmend {
namespace {

// Relative frequencies of the letters of Russian, with Ukrainian and
// Belarusian additions (і, ї, є, ґ, ў), as fractions of all letters. Published
// figures, rounded; only their order of magnitude matters here.
struct LetterFrequency {
  uint32_t lower;
  float frequency;
};
constexpr LetterFrequency kCyrillicFrequencies[] = {
    {0x043E, .110f},  {0x0435, .085f},  {0x0430, .080f},  {0x0438, .074f},
    {0x043D, .067f},  {0x0442, .063f},  {0x0441, .055f},  {0x0440, .047f},
    {0x0432, .045f},  {0x043B, .044f},  {0x043A, .035f},  {0x043C, .032f},
    {0x0434, .030f},  {0x043F, .028f},  {0x0443, .026f},  {0x044F, .020f},
    {0x044B, .019f},  {0x044C, .017f},  {0x0433, .017f},  {0x0437, .016f},
    {0x0431, .016f},  {0x0447, .014f},  {0x0439, .012f},  {0x0445, .0097f},
    {0x0436, .0094f}, {0x0448, .0073f}, {0x044E, .0064f}, {0x0446, .0048f},
    {0x0449, .0036f}, {0x044D, .0032f}, {0x0444, .0026f}, {0x044A, .0004f},
    {0x0451, .002f},  {0x0456, .030f},  {0x0457, .006f},  {0x0454, .008f},
    {0x0491, .001f},  {0x045E, .015f},
};

// The same for Greek (final sigma counted with sigma, accented vowels with
// their base letters).
constexpr LetterFrequency kGreekFrequencies[] = {
    {0x03B1, .120f}, {0x03BF, .100f}, {0x03B9, .080f}, {0x03B5, .080f},
    {0x03C4, .080f}, {0x03C3, .075f}, {0x03C2, .075f}, {0x03BD, .065f},
    {0x03B7, .050f}, {0x03C5, .045f}, {0x03C1, .045f}, {0x03C0, .040f},
    {0x03BA, .040f}, {0x03BC, .035f}, {0x03BB, .030f}, {0x03C9, .020f},
    {0x03B3, .020f}, {0x03B4, .018f}, {0x03B8, .013f}, {0x03C7, .012f},
    {0x03C6, .009f}, {0x03B2, .008f}, {0x03BE, .005f}, {0x03B6, .004f},
    {0x03C8, .002f}, {0x03AC, .030f}, {0x03AD, .030f}, {0x03AE, .030f},
    {0x03AF, .030f}, {0x03CC, .030f}, {0x03CD, .030f}, {0x03CE, .030f},
    {0x03CA, .003f}, {0x03CB, .002f}, {0x0390, .001f}, {0x03B0, .001f},
};

uint8_t Tenths(float cost) {
  return static_cast<uint8_t>(std::lround(std::min(cost, 4.0f) * 10));
}

uint8_t CyrillicRarity(uint32_t cp) {
  const uint32_t lower = u_tolower(static_cast<UChar32>(cp));
  for (const auto& f : kCyrillicFrequencies) {
    if (f.lower == lower) {
      return f.frequency >= .03f ? 0 : Tenths(std::log(.03f / f.frequency));
    }
  }
  return 25;  // Serbian and Macedonian letters
}

bool IsRareLatin1Upper(uint32_t cp) {
  switch (cp) {
    case 0xC9:  // É
    case 0xD6:  // Ö
    case 0xC4:  // Ä
    case 0xDC:  // Ü
    case 0xC5:  // Å
    case 0xD8:  // Ø
    case 0xC6:  // Æ
    case 0xC7:  // Ç
      return false;
    default:
      return true;
  }
}

// Letters that are rare in the languages that use them: Latin Extended-A
// letters outside the big national alphabets (Esperanto, Maltese, Sami, ...).
bool IsRareLatinExtendedA(uint32_t cp) {
  static constexpr uint16_t kRare[] = {
      0x0108, 0x0109, 0x010A, 0x010B, 0x0114, 0x0115, 0x011C, 0x011D,
      0x0120, 0x0121, 0x0124, 0x0125, 0x0126, 0x0127, 0x0128, 0x0129,
      0x012C, 0x012D, 0x0132, 0x0133, 0x0134, 0x0135, 0x0138, 0x013F,
      0x0140, 0x0149, 0x014A, 0x014B, 0x014E, 0x014F, 0x0166, 0x0167,
      0x0168, 0x0169, 0x016C, 0x016D, 0x0176, 0x0177, 0x017F};
  return std::find(std::begin(kRare), std::end(kRare), cp) != std::end(kRare);
}

uint8_t LetterRarity(uint32_t cp, int script) {
  // Vietnamese horned letters: common in Vietnamese, which also uses many
  // letters of Latin Extended Additional; rare anywhere else.
  if (cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0) return 10;
  if (cp >= 0x0100 && cp < 0x0180) return IsRareLatinExtendedA(cp) ? 10 : 0;
  if (cp >= 0x0386 && cp <= 0x03CE) {
    const uint32_t lower = u_tolower(static_cast<UChar32>(cp));
    for (const auto& f : kGreekFrequencies) {
      if (f.lower == lower) {
        return f.frequency >= .03f ? 0 : Tenths(std::log(.03f / f.frequency));
      }
    }
    return 10;
  }
  if (script == USCRIPT_CYRILLIC &&
      (cp < 0x0460 || cp == 0x0490 || cp == 0x0491))
    return CyrillicRarity(cp);
  return 0;
}

bool IsCommonAccent(uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x0308) || (cp >= 0x030A && cp <= 0x030C) ||
         cp == 0x0323 || cp == 0x0327 || cp == 0x0328;
}

uint8_t Rarity(uint32_t cp, CharKind kind, int script) {
  if (cp < 0x80) return 0;
  if (kind == CharKind::kMark && cp < 0x0370) {
    return IsCommonAccent(cp) ? 0 : 20;
  }
  if (cp == 0xC2 || cp == 0xC3)
    return 10;  // Â Ã: seldom in text, common
                // in mojibake
  if (cp >= 0xC0 && cp <= 0xDE && kind == CharKind::kUpper) {
    return IsRareLatin1Upper(cp) ? 5 : 0;
  }
  if (cp == 0xFF) return 10;  // ÿ
  switch (cp) {
    case 0xA4:
    case 0xA6:
    case 0xA8:
    case 0xAF:
    case 0xB4:
    case 0xB6:
    case 0xB8:
    case 0xAC:
      return 10;
    case 0x2020:
    case 0x2021:  // † ‡
      return 10;
    case 0x201A:  // ‚ (mac-roman's reading of a UTF-8 lead byte)
    case 0x2030:
    case 0x2039:
    case 0x203A:  // ‰ ‹ ›
      return 5;
    default:
      break;
  }
  if (cp == 0x0192) return 10;  // ƒ, a windows-1252 character
  if (cp >= 0x0180 && cp < 0x0250) {
    if (cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0) return 0;
    if (cp >= 0x0218 && cp <= 0x021B) return 0;   // Romanian ș ț
    if (cp >= 0x01CD && cp <= 0x01DC) return 10;  // pinyin ǎ ǐ ǒ ǔ ǖ
    return 30;
  }
  if (cp >= 0x0250 && cp < 0x02B0) return 30;  // IPA
  if (cp >= 0x02B0 && cp < 0x0300) return 10;  // spacing modifiers
  if (cp >= 0x0370 && cp < 0x0400) {
    return (cp < 0x0386 || cp > 0x03CE) ? 30 : 0;
  }
  if (script == USCRIPT_CYRILLIC && cp < 0x0530) {
    if (cp < 0x0460 || cp == 0x0490 || cp == 0x0491) return 0;  // Ґ ґ
    if (cp < 0x048A) return 35;    // historic letters
    return cp < 0x0500 ? 15 : 40;  // Kazakh, Tatar, ... letters; supplement
  }
  if (cp >= 0x0530 && cp < 0x0590) return 20;  // Armenian
  if (cp >= 0x0700 && cp < 0x0900) return 40;  // Syriac, Thaana, NKo, ...
  if (cp >= 0x1D00 && cp < 0x1DC0) return 30;  // phonetic extensions
  // Technical, APL, control pictures, OCR, supplemental arrows and math:
  // real characters, seldom in text; Braille patterns.
  if ((cp >= 0x2300 && cp < 0x2460) || (cp >= 0x2800 && cp < 0x2B00)) return 20;
  if (cp == 0x017F) return 30;                 // long s, archaic
  if (cp >= 0x1E00 && cp < 0x1F00) return 5;   // Latin Extended Additional
  if (cp >= 0x1F00 && cp < 0x2000) return 20;  // Greek Extended
  if (cp >= 0x2070 && cp < 0x20A0) return 10;  // super- and subscripts
  if (cp >= 0x2500 && cp < 0x25A0) return 10;  // box drawing and blocks
  return 0;
}

CharKind KindOf(uint32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return CharKind::kSpace;
    if (cp < 0x20 || cp == 0x7F) return CharKind::kControl;
    if (cp >= '0' && cp <= '9') return CharKind::kDigit;
    if (cp >= 'a' && cp <= 'z') return CharKind::kLower;
    if (cp >= 'A' && cp <= 'Z') return CharKind::kUpper;
    return CharKind::kAsciiPunct;
  }
  if (cp == 0xA0) return CharKind::kNbsp;
  if (cp == 0xAA || cp == 0xBA || cp == 0xB5 || cp == 0x0192) {
    return CharKind::kSymbol;  // ª º µ ƒ: letters by category, signs in use
  }
  if (cp >= 0x02B0 && cp < 0x0300) return CharKind::kSymbol;
  if (cp == 0xFFFD) return CharKind::kBad;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_LOWERCASE_LETTER:
      return CharKind::kLower;
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return CharKind::kUpper;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharKind::kCaseless;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharKind::kDigit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharKind::kMark;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharKind::kSpace;
    case U_CONTROL_CHAR:
      return CharKind::kControl;
    case U_FORMAT_CHAR:
      return CharKind::kFormat;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharKind::kPunct;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharKind::kSymbol;
    default:  // unassigned, private use, surrogate
      return CharKind::kBad;
  }
}

CharInfo Compute(uint32_t cp) {
  CharInfo info;
  info.kind = KindOf(cp);
  if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
    info.kind = CharKind::kBad;
  }
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script =
      uscript_getScript(static_cast<UChar32>(cp), &error);
  info.script =
      U_SUCCESS(error) && static_cast<int>(script) < 256
          ? static_cast<uint8_t>(script)
          : 0;
  info.rarity = Rarity(cp, info.kind, info.script);
  info.letter_rarity = LetterRarity(cp, info.script);
  return info;
}

const std::vector<CharInfo>& BmpTable() {
  static const std::vector<CharInfo>* const table = [] {
    auto* t = new std::vector<CharInfo>(0x10000);
    for (uint32_t cp = 0; cp < 0x10000; ++cp) (*t)[cp] = Compute(cp);
    return t;
  }();
  return *table;
}

constexpr int kLatin = USCRIPT_LATIN;

// Scripts written together: Japanese mixes ideographs with both kana,
// Korean may mix Hangul with ideographs.
int ScriptGroup(int script) {
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return USCRIPT_HAN;
    default:
      return script;
  }
}

bool IsCyrillicVowel(uint32_t lower) {
  switch (lower) {
    case 0x0430:
    case 0x0435:
    case 0x0451:
    case 0x0438:
    case 0x043E:
    case 0x0443:
    case 0x044B:
    case 0x044D:
    case 0x044E:
    case 0x044F:
    case 0x0456:
    case 0x0457:
    case 0x0454:
      return true;
    default:
      return false;
  }
}

// East Slavic spelling rules that the wrong Cyrillic code page breaks (its
// readings are all Cyrillic letters, so only spelling tells them apart): no
// word starts with ь, ъ or ы; ь and ъ follow consonants; й seldom follows a
// consonant; ы does not follow г к х; three vowels or five consonants
// in a row are rare; and text is seldom all capitals.
float CyrillicWordCost(const uint32_t* s, size_t n) {
  float cost = 0;
  size_t i = 0;
  while (i < n) {
    const CharInfo info = Classify(s[i]);
    if (!(IsLetter(info.kind) && info.script == USCRIPT_CYRILLIC)) {
      ++i;
      continue;
    }
    size_t j = i, upper = 0, vowels = 0, consonants = 0;
    uint32_t prev = 0;
    for (; j < n; ++j) {
      const CharInfo c = Classify(s[j]);
      if (!(IsLetter(c.kind) && c.script == USCRIPT_CYRILLIC)) break;
      upper += c.kind == CharKind::kUpper;
      const uint32_t l = u_tolower(static_cast<UChar32>(s[j]));
      const bool vowel = IsCyrillicVowel(l);
      const bool sign = l == 0x044C || l == 0x044A;  // ь ъ
      if (j == i) {
        if (sign || l == 0x044B) cost += 3;
      } else {
        const bool prev_vowel = IsCyrillicVowel(prev);
        const bool prev_sign = prev == 0x044C || prev == 0x044A;
        if (sign && (prev_vowel || prev_sign)) cost += 2;
        if (l == 0x0439 && !prev_vowel) cost += 1.5f;
        if (l == 0x044B && (prev == 0x0433 || prev == 0x043A || prev == 0x0445))
          cost += 2;  // (Belarusian writes ы after ж, ш, ч: not a rule here)
        if ((l == 0x044F || l == 0x044E) && (prev == 0x0436 || prev == 0x0448 ||
                                             prev == 0x0447 || prev == 0x0449))
          cost += 1.5f;
      }
      vowels = vowel ? vowels + 1 : 0;
      consonants = vowel || sign ? 0 : consonants + 1;
      if (vowels > 2) cost += 2;
      if (consonants > 4) cost += 1.5f;
      prev = l;
    }
    if (j - i >= 3 && upper == j - i) cost += 0.25f * (j - i);
    i = j;
  }
  return cost;
}

}  // namespace

const CharInfo* BmpCharInfo() { return BmpTable().data(); }

CharInfo ClassifyAstral(uint32_t cp) { return Compute(cp); }

bool PlausibleResult(uint32_t cp) {
  const CharInfo info = Classify(cp);
  return info.kind != CharKind::kBad && info.kind != CharKind::kControl &&
         info.rarity < 30;
}

Cost ChunkCost(const uint32_t* s, size_t n) {
  float cost = 0, letters = 0;
  int latin_run = 0;  // non-ASCII Latin letters in a row, up to s[i - 1]
  CharInfo prev{}, cur{}, next{};
  if (n > 0) {
    cur = Classify(s[0]);
    latin_run = s[0] >= 0xC0 && s[0] <= 0xFF && IsLetter(cur.kind);
  }
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n) next = Classify(s[i + 1]);
    const bool has_prev = i > 0, has_next = i + 1 < n;
    const bool prev_letter = has_prev && IsLetter(prev.kind);
    const bool next_letter = has_next && IsLetter(next.kind);
    // Neighbours that are themselves non-ASCII and not space: mojibake comes
    // in dense runs of such characters.
    const bool dense = has_prev && has_next && s[i - 1] >= 0x80 &&
                       s[i + 1] >= 0x80 && prev.kind != CharKind::kSpace &&
                       next.kind != CharKind::kSpace;
    cost += cur.rarity * 0.1f;
    letters += cur.letter_rarity * 0.1f;
    // Â ends no word in any language; as mojibake it is the first byte of a
    // no-break space whose second byte was lost ("100Â km").
    if (s[i] == 0xC2 && !has_next) cost += 2.5f;
    switch (cur.kind) {
      case CharKind::kBad:
        cost += 20;
        break;
      case CharKind::kControl:
        cost += 8;
        break;
      case CharKind::kSymbol:
        if (has_prev || has_next) cost += 0.5f;  // (a sign alone is fine)
        if (prev_letter && next_letter) {
          cost += 4;
        } else if ((prev_letter && has_next && next.kind != CharKind::kSpace &&
                    s[i + 1] >= 0x80) ||
                   (next_letter && has_prev && s[i - 1] >= 0x80 &&
                    prev.kind != CharKind::kSpace)) {
          cost += 1.5f;
        } else if (dense) {
          cost += 1.5f;
        }
        if (prev_letter && s[i - 1] >= 0x80) cost += 2;
        if (next_letter && s[i + 1] >= 0x80) cost += 2.5f;  // "√Æn"
        break;
      case CharKind::kPunct:
        // (CJK punctuation between ideographs is ordinary.)
        if (s[i] >= 0x2070) {
          // CJK and other punctuation among its own script is ordinary.
        } else if (s[i] == 0x2019 || s[i] == 0x2018 || s[i] == 0xB7 ||
                   s[i] == 0x2010 || s[i] == 0x2011) {
          if (dense) cost += 1.5f;
        } else if (prev_letter && next_letter) {
          cost += 2;
        } else if (dense || (next_letter && has_prev && s[i - 1] >= 0x80 &&
                             prev.kind == CharKind::kSymbol)) {
          cost += 1.5f;  // "√§t" (mac-roman for "ät")
        }
        break;
      case CharKind::kMark:
        if (!prev_letter) {
          cost += 3;
        } else if (s[i] >= 0x0370 && s[i] < 0x1AB0 &&
                   (prev.script == kLatin || s[i - 1] < 0x0370)) {
          cost += 5;  // a Hebrew, Arabic, ... mark on a Latin letter
        }
        break;
      case CharKind::kNbsp:
        cost += (has_prev && has_next) ? 2 : has_next ? 1 : 0.5f;
        break;
      case CharKind::kFormat:
        if (!(s[i] == 0xAD && prev_letter && next_letter)) cost += 1;
        break;
      default:
        break;
    }
    if (has_prev) {
      const uint32_t a = s[i - 1], b = s[i];
      // Two scripts side by side (letters, digits or marks of a script).
      if (prev.script > 1 && cur.script > 1 &&
          ScriptGroup(prev.script) != ScriptGroup(cur.script) &&
          prev.kind != CharKind::kSymbol && cur.kind != CharKind::kSymbol) {
        cost += 5;
      }
      if (prev.kind == CharKind::kLower && cur.kind == CharKind::kUpper &&
          (a >= 0x80 || b >= 0x80)) {
        cost += 3;
      }
      if (a >= 0x80 && b >= 0x80 && IsLetter(prev.kind) && IsLetter(cur.kind) &&
          prev.script == kLatin && cur.script == kLatin) {
        // Two accented letters side by side are unusual; three different
        // Latin-1 letters are not written in any language that uses them
        // (Polish "żół" mixes in Latin Extended-A).
        cost += (latin_run >= 2 && a != b && b <= 0xFF) ? 3 : 1;
        latin_run = b <= 0xFF ? latin_run + 1 : 0;
      } else {
        latin_run = b >= 0xC0 && b <= 0xFF && IsLetter(cur.kind);
      }
      if ((a == 0xC2 || a == 0xC3) && b >= 0x80) cost += 2;
      // A Latin-1 letter followed by a windows-1252 sign or by œ ("âœ”",
      // "â€“"): the lead byte and first continuation byte of a three-byte
      // character read as windows-1252.
      if (a >= 0xC0 && a <= 0xFF && IsLetter(prev.kind) &&
          (b == 0x0152 || b == 0x0153 || b == 0x20AC || b == 0x201A ||
           b == 0x0192 || b == 0x201E || b == 0x2020 || b == 0x2021 ||
           b == 0x02C6 || b == 0x2030 || b == 0x2039 || b == 0x203A ||
           b == 0x2022 || b == 0x2013 || b == 0x2014 || b == 0x02DC ||
           b == 0x2122))
        cost += 2;
      // A non-ASCII letter glued to the digits after it ("ÂŁ50", "ВЈ20" for
      // "£50"), and two non-ASCII signs side by side ("¬£").
      if (a >= 0x80 && IsLetter(prev.kind) && b >= '0' && b <= '9')
        cost += 1.5f;
      if (a >= 0x80 && b >= 0x80 && prev.kind == CharKind::kSymbol &&
          cur.kind == CharKind::kSymbol)
        cost += 1.5f;
      // Two accented capitals before a small letter ("ÄŤtvrtek").
      if (i >= 2 && s[i - 2] >= 0x80 && a >= 0x80 &&
          prev.kind == CharKind::kUpper && cur.kind == CharKind::kLower &&
          Classify(s[i - 2]).kind == CharKind::kUpper)
        cost += 2;
      // An accented capital right after a non-ASCII sign, before another
      // accented letter ("‚Äî", mac-roman for "—").
      if (i >= 1 && i + 1 < n && a >= 0x80 &&
          (prev.kind == CharKind::kPunct || prev.kind == CharKind::kSymbol) &&
          cur.kind == CharKind::kUpper && b >= 0x80 && s[i + 1] >= 0x80 &&
          IsLetter(next.kind))
        cost += 1.5f;
      // An accented capital glued to a non-ASCII sign (Ă—, É‰): a lead byte
      // and a continuation byte of a wrong decode.
      if (a >= 0x80 && prev.kind == CharKind::kUpper &&
          (cur.kind == CharKind::kSymbol || cur.kind == CharKind::kPunct) &&
          b != 0x2019 && b != 0x201D && b != 0x2026 && b != 0xBB)
        cost += 1;
      // The same non-ASCII letter three times running is not a word.
      if (i >= 2 && b >= 0x80 && a == b && s[i - 2] == b && IsLetter(cur.kind))
        letters += 2;
    }
    prev = cur;
    cur = next;
  }
  // A word whose accented letters no one language writes together
  // ("CĂłrdoba": Romanian Ă beside Polish ł).
  AlphabetCheck alphabet;
  for (size_t i = 0; i < n; ++i) alphabet.Add(s[i]);
  if (!alphabet.Coherent()) cost += 2;
  return {cost, letters + CyrillicWordCost(s, n)};
}

}  // namespace textmend
