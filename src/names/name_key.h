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

// A looser key for the same surname, for mentions that share a first name:
// the skeleton's vowels as one class after its first letter (Tomilina,
// Tumilina; Varabei, Verabei), х written k folded with kh, h and g
// (Zakarova, Zakharova; Zaxarova), and з written s as German does (Beloserov,
// Belozerov). What it joins besides romanizations may
// be two people, so it joins them only with more evidence: see
// NameProfile::Decide. The gender and ending stay as they are. Measured on
// the OFAC aliases (textmend_eval --name-pairs): it pairs 90% of one
// person's surname spellings under one first name where the key pairs 83%,
// and pairs no two different persons' spellings that the key does not.
SurnameKey LooseKey(const SurnameKey& key);

// The skeleton of a name's letters (lowercase ASCII in, any case accepted):
// the romanization differences folded. Shared by surnames (after their
// gendered ending is set aside) and first names the table does not know.
std::string NameSkeleton(std::string_view name);

}  // namespace textmend

#endif  // TEXTMEND_NAMES_NAME_KEY_H_
