// Cyrillic names; see cyrillic.h.
#include "names/cyrillic.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "core/utf8.h"

namespace textmend {
namespace {

// The code points of `word` (core/utf8.h's decoder), or false at a byte
// that starts no valid sequence.
template <typename F>
bool ForEachCodePoint(std::string_view word, F&& on) {
  for (size_t i = 0, len = 1; i < word.size(); i += len) {
    const int32_t cp = DecodeAt(word, i, &len);
    if (cp < 0) return false;
    on(static_cast<char32_t>(cp));
  }
  return true;
}

bool Upper(char32_t c) {
  return (c >= 0x410 && c <= 0x42F) || c == 0x401 || c == 0x404 || c == 0x406 ||
         c == 0x407 || c == 0x40E || c == 0x490;
}

bool Lower(char32_t c) {
  return (c >= 0x430 && c <= 0x44F) || c == 0x451 || c == 0x454 || c == 0x456 ||
         c == 0x457 || c == 0x45E || c == 0x491;
}

char32_t ToLower(char32_t c) {
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c == 0x490) return 0x491;
  return c;
}

// An apostrophe (', U+2019, U+02BC) or a hyphen.
bool Mark(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2BC || c == '-';
}

const char* const kTransforms[] = {
    nullptr,
    "Russian-Latin/BGN; Latin-ASCII",
    "Belarusian-Latin/BGN; Latin-ASCII",
    "Ukrainian-Latin/BGN; Latin-ASCII",
};

// This thread's transform for `language` (ICU transliterators are not
// shared between threads), or null when ICU lacks it.
const icu::Transliterator* Transform(SlavicLanguage language) {
  thread_local std::array<std::unique_ptr<icu::Transliterator>, 4> cache;
  thread_local std::array<bool, 4> tried{};
  const auto i = static_cast<size_t>(language);
  if (!tried[i]) {
    tried[i] = true;
    UErrorCode status = U_ZERO_ERROR;
    cache[i].reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kTransforms[i]), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) cache[i].reset();
  }
  return cache[i].get();
}

}  // namespace

SlavicLanguage CyrillicLanguage(std::string_view word) {
  bool letters = false, other = false, short_u = false, ukrainian = false,
       i_dot = false, russian_i = false;
  const bool ok = ForEachCodePoint(word, [&](char32_t c) {
    if (Mark(c)) return;
    if (!Upper(c) && !Lower(c)) {
      other = true;
      return;
    }
    letters = true;
    const char32_t l = ToLower(c);
    short_u = short_u || l == 0x45E;                                  // ў
    ukrainian = ukrainian || l == 0x457 || l == 0x454 || l == 0x491;  // ї є ґ
    i_dot = i_dot || l == 0x456;                                      // і
    russian_i = russian_i || l == 0x438 || l == 0x449;                // и щ
  });
  if (!ok || other || !letters) return SlavicLanguage::kNone;
  if (short_u && ukrainian) return SlavicLanguage::kNone;
  if (short_u) return SlavicLanguage::kBelarusian;
  if (ukrainian) return SlavicLanguage::kUkrainian;
  if (i_dot) {
    return russian_i ? SlavicLanguage::kUkrainian : SlavicLanguage::kBelarusian;
  }
  return SlavicLanguage::kRussian;
}

bool CyrillicCapitalized(std::string_view word) {
  size_t n = 0;
  bool ok = true;
  const bool valid = ForEachCodePoint(word, [&](char32_t c) {
    if (n++ == 0) {
      ok = Upper(c);
    } else {
      ok = ok && (Lower(c) || Mark(c));
    }
  });
  return valid && ok && n >= 2;
}

std::string RomanizeCyrillic(std::string_view word) {
  const SlavicLanguage language = CyrillicLanguage(word);
  if (language == SlavicLanguage::kNone) return {};
  const icu::Transliterator* t = Transform(language);
  if (t == nullptr) return {};
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  t->transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  // Only the letters: BGN/PCGN marks the soft and hard signs (ʹ ʺ) and
  // separates some letter pairs with a middle dot.
  std::string out;
  out.reserve(latin.size());
  for (const char c : latin) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')
      out.push_back(c);
  }
  return out;
}

SurnameKey KeyOfRomanizedSurname(std::string_view latin) {
  SurnameKey key = KeyOfSurname(latin);
  if (key.skeleton.empty()) return key;
  std::string marked(1, '~');
  marked += key.skeleton;
  key.skeleton = std::move(marked);
  return key;
}

SurnameKey KeyOfAnySurname(std::string_view surname) {
  bool ascii = true;
  for (const char c : surname)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return KeyOfSurname(surname);
  const std::string latin = RomanizeCyrillic(surname);
  return latin.empty() ? SurnameKey() : KeyOfRomanizedSurname(latin);
}

}  // namespace textmend
