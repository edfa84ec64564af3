// East Slavic names written in Cyrillic: their language, told by their
// letters, and their romanization by that language's BGN/PCGN transform in
// ICU, so that a Cyrillic name gets the spelling key its Latin spellings have.
//
// ICU's BGN/PCGN transforms each handle their own alphabet only (the Russian
// one leaves і and ў alone), so the transform is chosen per word: ў, or і
// without и, is Belarusian; ї, є, ґ, or і beside и, Ukrainian; else Russian.
#ifndef TEXTMEND_NAMES_CYRILLIC_H_
#define TEXTMEND_NAMES_CYRILLIC_H_

#include <string>
#include <string_view>

#include "names/name_key.h"

namespace textmend {

enum class SlavicLanguage { kNone, kRussian, kBelarusian, kUkrainian };

// The language whose alphabet `word` (UTF-8) is written in: kNone unless
// every character is a letter of the Russian, Belarusian or Ukrainian
// alphabet (an apostrophe or hyphen aside).
SlavicLanguage CyrillicLanguage(std::string_view word);

// Whether `word` is a capitalized East Slavic Cyrillic word: an upper-case
// letter, then lower-case letters (an apostrophe or hyphen aside).
bool CyrillicCapitalized(std::string_view word);

// `word` romanized by its language's BGN/PCGN transform and folded to ASCII
// letters ("Калеснікава" -> "Kalyesnikava", "Колесникова" -> "Kolesnikova");
// empty when `word` is not East Slavic Cyrillic. Thread-safe.
std::string RomanizeCyrillic(std::string_view word);

// The key of a surname in Latin or Cyrillic letters. A Cyrillic surname's key
// is its romanization's, marked as Cyrillic: spellings in the two scripts
// are never unified with each other (a Russian quotation keeps its letters).
SurnameKey KeyOfAnySurname(std::string_view surname);

// The same for a Cyrillic surname already romanized (`latin`, from
// RomanizeCyrillic), so that a caller holding the romanization need not
// make it again.
SurnameKey KeyOfRomanizedSurname(std::string_view latin);

}  // namespace textmend

#endif  // TEXTMEND_NAMES_CYRILLIC_H_
