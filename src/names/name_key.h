// Spelling keys for East Slavic personal names in Latin letters, so that the
// romanizations of one Cyrillic name (Russian, Belarusian and Ukrainian
// forms; BGN/PCGN, passport, press and scholarly conventions) share a key:
// Tikhanovskaya and Tsikhanouskaya, Kolesnikova and Kalesnikava, Lukashenko
// and Lukashenka, Svetlana and Sviatlana.
//
// What keeps people apart is kept in the key: a surname's gender
// (Tsikhanouskaya is not Tsikhanouski), and every consonant but the few a
// romanization or the Belarusian/Russian correspondence changes (Ivanov is not
// Ivakin).
//
// The key is no spelling: it is compared, never shown.
#ifndef TEXTMEND_NAMES_NAME_KEY_H_
#define TEXTMEND_NAMES_NAME_KEY_H_

#include <string>
#include <string_view>

namespace textmend {

enum class NameGender { kNeutral, kFeminine, kMasculine };

struct SurnameKey {
  std::string skeleton;
  NameGender gender = NameGender::kNeutral;
  bool operator==(const SurnameKey& o) const {
    return skeleton == o.skeleton && gender == o.gender;
  }
  bool operator<(const SurnameKey& o) const {
    return skeleton != o.skeleton ? skeleton < o.skeleton : gender < o.gender;
  }
};

// The key of a surname written in ASCII letters (any case; an apostrophe
// or hyphen is dropped). Empty skeleton for anything else.
SurnameKey KeyOfSurname(std::string_view surname);

// The skeleton of a name's letters (lowercase ASCII in, any case accepted):
// the romanization differences folded. Shared by surnames (after their
// gendered ending is set aside) and first names the table does not know.
std::string NameSkeleton(std::string_view name);

}  // namespace textmend

#endif  // TEXTMEND_NAMES_NAME_KEY_H_
