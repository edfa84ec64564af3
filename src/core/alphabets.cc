// The alphabets; see alphabets.h.
#include "core/alphabets.h"

#include <unicode/uchar.h>

#include <iterator>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace textmend {
namespace {

// Lowercase accented letters of each language's alphabet (with the letters
// its loanwords commonly keep where that matters, such as é in Swedish).
constexpr std::string_view kAlphabets[] = {
    "äöüß",                     // German
    "àâæçéèêëîïôœùûüÿ",         // French (and English loanwords)
    "áéíñóúü",                  // Spanish
    "áâãàçéêíóôõú",             // Portuguese
    "àèéìíîòóùú",               // Italian
    "àçèéíïòóúü",               // Catalan
    "áäéëèíïóöúü",              // Dutch
    "æøåéó",                    // Danish, Norwegian
    "åäöé",                     // Swedish
    "äöåšž",                    // Finnish
    "áðéíóúýþæö",               // Icelandic
    "áðíóúýæø",                 // Faroese
    "ąćęłńóśźż",                // Polish
    "áčďéěíňóřšťúůýž",          // Czech
    "áäčďéíĺľňóôŕšťúýž",        // Slovak
    "áéíóöőúüű",                // Hungarian
    "ăâîșțşţ",                  // Romanian
    "čćđšž",                    // Croatian, Bosnian, Serbian
    "čšž",                      // Slovene
    "çğıöşüâîû",                // Turkish
    "çəğıöşü",                  // Azerbaijani
    "ąčęėįšųūž",                // Lithuanian
    "āčēģīķļņšūž",              // Latvian
    "äõöüšž",                   // Estonian
    "çë",                       // Albanian
    "ċġħżàèìòù",                // Maltese
    "âêîôûŵŷáéíóúàèìòùäëïöüÿ",  // Welsh
    "ĉĝĥĵŝŭ",                   // Esperanto
    "áéíóú",                    // Irish
    "äëéè",                     // Luxembourgish
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "đ",  // Vietnamese
};

// Flat: U+0000..U+02AF, then U+1E00..U+1EFF.
constexpr uint32_t kLowSize = 0x2B0;  // through IPA (Azerbaijani ə)
constexpr uint32_t kHighBase = 0x1E00, kHighSize = 0x100;

const std::vector<uint64_t>& Table() {
  static const auto* const table = [] {
    auto* t = new std::vector<uint64_t>(kLowSize + kHighSize, 0);
    auto slot = [&](uint32_t cp) -> uint64_t& {
      return (*t)[cp < kLowSize ? cp : kLowSize + (cp - kHighBase)];
    };
    uint64_t bit = 1;
    for (std::string_view letters : kAlphabets) {
      for (size_t i = 0; i < letters.size();) {
        size_t len = 1;
        const int32_t cp = DecodeAt(letters, i, &len);
        slot(static_cast<uint32_t>(cp)) |= bit;
        i += len;
      }
      bit <<= 1;
    }
    return t;
  }();
  return *table;
}

}  // namespace

uint64_t LatinLanguages(uint32_t cp) {
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return kAnyLanguage;
  if (!(cp < 0x02B0 || (cp >= 0x1E00 && cp < 0x1F00))) return kAnyLanguage;
  if (!u_isalpha(static_cast<UChar32>(cp))) return kAnyLanguage;
  const uint32_t lower = static_cast<uint32_t>(u_tolower(cp));
  if (lower < 0x80) return kAnyLanguage;  // İ folds to i
  if (!(lower < kLowSize ||
        (lower >= kHighBase && lower < kHighBase + kHighSize)))
    return 0;
  return Table()[lower < kLowSize ? lower : kLowSize + (lower - kHighBase)];
}

void AlphabetCheck::Add(uint32_t cp) {
  if (cp < 0xC0 || (cp >= 0x02B0 && (cp < 0x1E00 || cp >= 0x1F00))) return;
  languages_ &= LatinLanguages(cp);
  const uint32_t lower =
      static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp)));
  if ((lower >= 0x1EA0 && lower <= 0x1EF9) || lower == 0x01A1 ||
      lower == 0x01B0 || lower == 0x0103 || lower == 0x0111)
    vietnamese_ = true;
}

bool AlphabetCheck::Coherent() const {
  constexpr uint64_t kVietnamese = uint64_t{1} << (std::size(kAlphabets) - 1);
  const uint64_t l = vietnamese_ ? languages_ : languages_ & ~kVietnamese;
  return l != 0;
}

}  // namespace textmend
