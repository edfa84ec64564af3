// Name keys; see name_key.h.
#include "names/name_key.h"

#include <algorithm>
#include <array>

namespace textmend {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// `name`'s letters in lowercase ASCII, apostrophes and hyphens dropped;
// false for any other character.
bool LetterFold(std::string_view name, std::string* out) {
  out->clear();
  out->reserve(name.size());
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c | 0x20));
    } else if (c >= 'a' && c <= 'z') {
      out->push_back(c);
    } else if (c != '\'' && c != '-') {
      return false;
    }
  }
  return true;
}

// A surname's gendered ending, set aside before the skeleton is taken: the
// ending's class (the same for the Russian and Belarusian forms: -ova and
// -ava, -ov and -au, -skaya and -skaja) and the gender it marks.
struct Ending {
  std::string_view suffix;
  std::string_view kind;  // appended to the skeleton
  NameGender gender;
};
// Longest first within each family.
constexpr std::array kEndings = {
    // -skaya / -skaja / -skaia (Tsikhanouskaya) and -sky / -ski / -skiy
    Ending{"skaya", "sk", NameGender::kFeminine},
    Ending{"skaja", "sk", NameGender::kFeminine},
    Ending{"skaia", "sk", NameGender::kFeminine},
    Ending{"ckaya", "sk", NameGender::kFeminine},
    Ending{"ckaja", "sk", NameGender::kFeminine},
    Ending{"skiy", "sk", NameGender::kMasculine},
    Ending{"skii", "sk", NameGender::kMasculine},
    Ending{"skij", "sk", NameGender::kMasculine},
    Ending{"skyy", "sk", NameGender::kMasculine},
    Ending{"skyi", "sk", NameGender::kMasculine},
    Ending{"ckiy", "sk", NameGender::kMasculine},
    Ending{"cki", "sk", NameGender::kMasculine},
    Ending{"cky", "sk", NameGender::kMasculine},
    Ending{"sky", "sk", NameGender::kMasculine},
    Ending{"ski", "sk", NameGender::kMasculine},
    // -ova / -ava / -eva and -ov / -au / -ev / -ou (Kolesnikova, Kalesnikava,
    // Kalesnikau)
    Ending{"yova", "ov", NameGender::kFeminine},
    Ending{"iova", "ov", NameGender::kFeminine},
    Ending{"iyeva", "ov", NameGender::kFeminine},
    Ending{"iieva", "ov", NameGender::kFeminine},
    Ending{"yeva", "ov", NameGender::kFeminine},
    Ending{"jeva", "ov", NameGender::kFeminine},
    Ending{"ieva", "ov", NameGender::kFeminine},
    Ending{"ova", "ov", NameGender::kFeminine},
    Ending{"ava", "ov", NameGender::kFeminine},
    Ending{"eva", "ov", NameGender::kFeminine},
    // (-yev, -iev, -yov: the same -ев after a vowel or a soft sign:
    // Timofeyev, Timofeev; Adoniev, Adonev)
    Ending{"iyev", "ov", NameGender::kMasculine},
    Ending{"iiev", "ov", NameGender::kMasculine},
    Ending{"yev", "ov", NameGender::kMasculine},
    Ending{"jev", "ov", NameGender::kMasculine},
    Ending{"iev", "ov", NameGender::kMasculine},
    Ending{"yov", "ov", NameGender::kMasculine},
    Ending{"iov", "ov", NameGender::kMasculine},
    Ending{"ov", "ov", NameGender::kMasculine},
    Ending{"ev", "ov", NameGender::kMasculine},
    Ending{"au", "ov", NameGender::kMasculine},
    Ending{"ou", "ov", NameGender::kMasculine},
    Ending{"eu", "ov", NameGender::kMasculine},
    // -ina / -yna and -in / -yn (Putina, Putin)
    Ending{"ina", "in", NameGender::kFeminine},
    Ending{"yna", "in", NameGender::kFeminine},
    Ending{"in", "in", NameGender::kMasculine},
    Ending{"yn", "in", NameGender::kMasculine},
    // adjectival -aya / -oy, -iy, -yy (Tolstaya, Tolstoy)
    Ending{"aya", "i", NameGender::kFeminine},
    Ending{"aja", "i", NameGender::kFeminine},
    Ending{"oy", "i", NameGender::kMasculine},
    Ending{"oi", "i", NameGender::kMasculine},  // (Tolstoi, Tolstoy)
    Ending{"iy", "i", NameGender::kMasculine},
    Ending{"yy", "i", NameGender::kMasculine},
    Ending{"yi", "i", NameGender::kMasculine},
    Ending{"ij", "i", NameGender::kMasculine},
    Ending{"yj", "i", NameGender::kMasculine},
    Ending{"ii", "i", NameGender::kMasculine},
    Ending{"y", "i", NameGender::kMasculine},
};
// A stem shorter than this keeps its ending as letters (Ivin, Lev).
constexpr size_t kMinStem = 3;

}  // namespace

std::string NameSkeleton(std::string_view name) {
  std::string w;
  if (!LetterFold(name, &w)) return {};
  // 1. Consonants: digraphs to one symbol (upper case: never a letter of the
  //    input), and the spellings one sound has in different systems.
  std::string s;
  s.reserve(w.size());
  const auto soft = [&](size_t at) {  // a vowel that softens what precedes
    return at < w.size() &&
           (w[at] == 'i' || w[at] == 'e' || w[at] == 'y' || w[at] == 'j');
  };
  for (size_t i = 0; i < w.size();) {
    const std::string_view rest = std::string_view(w).substr(i);
    if (rest.starts_with("shch")) {
      s += 'W';
      i += 4;
    } else if (rest.starts_with("zh")) {
      s += 'J';
      i += 2;
    } else if (rest.starts_with("tsch")) {
      s += 'C';  // (German: Tschatajev, Chataev)
      i += 4;
    } else if (rest.starts_with("kh")) {
      // х, written kh or h: and г, written g or (Belarusian, Ukrainian) h,
      // folded with it (Kharichev, Harichev; Hancharyk, Goncharik).
      s += 'g';
      i += 2;
    } else if (rest.starts_with("ch")) {
      s += 'C';
      i += 2;
    } else if (rest.starts_with("sh")) {
      s += 'S';
      i += 2;
    } else if (rest.starts_with("ts") || rest.starts_with("tz")) {
      // Belarusian ц where Russian has a soft т (Tsikhanouskaya,
      // Tikhanovskaya); a ц of both languages otherwise.
      s += soft(i + 2) ? 't' : 'Z';
      i += 2;
    } else if (rest.starts_with("dz")) {
      s += 'd';  // Belarusian дз for Russian д (Dzmitry, Dmitry)
      i += 2;
    } else if (rest.starts_with("ck")) {
      s += 'k';
      i += 2;
    } else if (rest.starts_with("ph")) {
      s += 'f';
      i += 2;
    } else if (rest.starts_with("gu") &&
               (rest.starts_with("gue") || rest.starts_with("gui"))) {
      // French-style passport spellings write a hard г before e and i as
      // gu (Evgueni, Guennadi, Sergueï): Evgeni, Gennadi.
      s += 'g';
      i += 2;
    } else {
      switch (w[i]) {
        case 'x':
          s += "ks";
          break;
        case 'c':
        case 'q':
          s += 'k';
          break;
        case 'w':
          s += 'v';
          break;
        case 'y':
        case 'j':
          s += 'i';
          break;
        case 'h':  // Belarusian and Ukrainian г (Hryhory, Grigory)
          s += 'g';
          break;
        default:
          s += w[i];
      }
      ++i;
    }
  }
  // (Doubled letters once, before the vowels are read: Tatiyana, Tatyana.)
  {
    std::string once;
    for (const char c : s) {
      if (once.empty() || once.back() != c) once += c;
    }
    s.swap(once);
  }
  // 2. Vowels: ў written u after a vowel (Tsikhanouskaya, Tikhanovskaya); the
  //    iotated vowels (ia, ie, io, iu: Sviatlana, Svetlana; Yury, Iury); the
  //    Belarusian a for an unstressed o (Kalesnikava, Kolesnikova).
  std::string v;
  v.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == 'u' && i > 0 && IsVowel(s[i - 1]) &&
        (i + 1 == s.size() || !IsVowel(s[i + 1]))) {
      v += 'v';
    } else if (c == 'i' && i + 1 < s.size() &&
               (s[i + 1] == 'a' || s[i + 1] == 'e' || s[i + 1] == 'o') &&
               i + 2 < s.size()) {
      v += 'e';  // (not at the end: Maria keeps its last vowel apart)
      ++i;
    } else if (c == 'i' && i + 1 < s.size() && s[i + 1] == 'u') {
      v += 'u';
      ++i;
    } else if (c == 'o') {
      v += 'a';
    } else if (c == 'i' && i > 0 && i + 1 < s.size()) {
      v += 'e';  // Ukrainian і for Russian е (Pasichnyk, Pasechnik)
    } else {
      v += c;
    }
  }
  // 3. Doubled letters once (Natallia, Natalia; Yurii, Yuri).
  std::string out;
  out.reserve(v.size());
  for (const char c : v) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

SurnameKey KeyOfSurname(std::string_view surname) {
  std::string lower;
  if (!LetterFold(surname, &lower)) return {};
  // Ukrainian ї after a vowel, written yi or i (Mykolayiv, Mykolaiv; Soyin,
  // Soin): one spelling before the ending is read, so that both have the
  // same stem.
  for (size_t at = lower.find("yi", 1); at != std::string::npos;
       at = lower.find("yi", at + 1)) {
    if (IsVowel(lower[at - 1])) lower.erase(at, 1);
  }
  SurnameKey key;
  for (const Ending& e : kEndings) {
    if (!EndsWith(lower, e.suffix) || lower.size() < e.suffix.size() + kMinStem)
      continue;
    // A final y after a vowel is й, no ending (Varabey, Varabei).
    if (e.suffix == "y" && IsVowel(lower[lower.size() - 2])) continue;
    key.skeleton = NameSkeleton(
        std::string_view(lower).substr(0, lower.size() - e.suffix.size()));
    key.skeleton += '|';
    key.skeleton += e.kind;
    key.gender = e.gender;
    return key;
  }
  key.skeleton = NameSkeleton(lower);
  return key;
}

SurnameKey LooseKey(const SurnameKey& key) {
  SurnameKey loose;
  loose.gender = key.gender;
  const std::string_view k = key.skeleton;
  const size_t bar = std::min(k.find('|'), k.size());
  for (size_t i = 0; i < bar; ++i) {
    char c = k[i];
    if (i > 0 && IsVowel(c)) {
      c = 'V';
    } else if (c == 'g') {
      c = 'k';  // (kh, h and g are g in the skeleton)
    } else if (c == 'z') {
      c = 's';  // з written s, as German does (Beloserov, Belozerov)
    } else if (c == 's' && i > 0 && k[i - 1] == 'k') {
      continue;  // x, which the skeleton writes ks
    }
    if (loose.skeleton.empty() || loose.skeleton.back() != c)
      loose.skeleton += c;
  }
  loose.skeleton += k.substr(bar);
  return loose;
}

}  // namespace textmend
