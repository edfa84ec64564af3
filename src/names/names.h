// Name normalization: transliteration variants of one person (Kolesnikova and
// Kalesnikava, Sviatlana Tsikhanouskaya and Svetlana Tikhanovskaya) unified
// within a scope, without merging two people.
//
// A mention is a capitalized word the lexicon does not know as a lowercase
// word, alone or after a first name or a title (Maria Kolesnikova, Ms
// Tsikhanouskaya). Mentions whose surnames share a key (name_key.h) are one
// person when their first names are equivalent (first_names.tsv, or the
// same skeleton) or absent. A surname key used with two different first
// names in a scope is two people: their full-name mentions are unified each
// within its own, and the surname alone is left as it is (whose is it?). A
// spelling never written with the first name is left alone too. A
// key whose spellings stand side by side in one sentence stays as it is. The
// key's folds are East Slavic correspondences: a person is unified only when
// its first name is in the table or its surname shows an East Slavic suffix
// or digraph. The spelling a scope uses most often wins (a tie: the
// alphabetically first).
//
// A NameProfile counts the mentions of a scope: one document (the stage
// builds its own per window), or many (the CLI observes every file given
// together before it writes any).
#ifndef TEXTMEND_NAMES_NAMES_H_
#define TEXTMEND_NAMES_NAMES_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/stage.h"
#include "dict/lexicon.h"
#include "names/name_key.h"
#include "textmend/status.h"

namespace textmend {

// Equivalent first names (dictionaries/names/first_names.tsv).
class FirstNames {
 public:
  static Status Load(const std::string& path, std::unique_ptr<FirstNames>* out);
  // The group of `name` (any case), or -1.
  int Group(std::string_view name) const;
  // Whether `name` (Latin letters) is in a group and marks its bearer as
  // East Slavic: not a form other languages write too (Peter, Nicholas,
  // marked * in the table), which joins its group but admits no one to the
  // Slavic folds.
  bool MarksEastSlavic(std::string_view name) const;

 private:
  std::unordered_map<std::string, int> groups_;     // lowercase -> group
  std::unordered_map<std::string, int> skeletons_;  // NameSkeleton -> group
  std::unordered_set<std::string> foreign_;         // lowercase, marked *
};

// Well-known people's preferred spellings (dictionaries/names/names.tsv:
// "Given Surname" forms tab-separated, the preferred first): looked up by a
// mention's surname key and first-name key.
class NamesDictionary {
 public:
  struct Person {
    std::string given, surname;  // preferred
  };
  static Status Load(const std::string& path, const FirstNames& first_names,
                     std::unique_ptr<NamesDictionary>* out);
  // The person whose surname key is `key` and first name's key
  // `first_key` (FirstNameKey), or null.
  const Person* Find(const SurnameKey& key, const std::string& first_key) const;
  // Whether some person of the dictionary has surname key `key`.
  bool KnowsSurname(const SurnameKey& key) const;

 private:
  // Indexes `given surname` (Latin letters) as a spelling of person `index`
  // (const: Resolve's lazy part, see the members it fills).
  void Index(size_t index, const std::string& given,
             const std::string& surname) const;
  // Romanizes and indexes the Cyrillic forms the build did not romanize (a
  // dictionary edited by hand: see dictionaries/romanize_names.cc), once, at
  // the first lookup: setting up ICU's first transform took 12.5 ms here,
  // which a run that never looks a person up should not pay at start.
  void Resolve() const;

  const FirstNames* first_names_ = nullptr;  // outlives the dictionary
  // Complete once Resolve() has run (under resolved_), which adds the
  // romanized Cyrillic entries: hence mutable. Read only after it.
  mutable std::vector<Person> people_;
  mutable std::map<std::pair<SurnameKey, std::string>, size_t> index_;
  mutable std::set<SurnameKey> surnames_;
  struct Pending {
    size_t index;
    std::string given, surname;  // in Cyrillic (romanized, in Load)
  };
  std::vector<Pending> pending_;
  mutable std::once_flag resolved_;
};

// The first-name table from the dictionaries (`dir`, or where
// FindDictionary looks).
Status LoadFirstNames(const std::string& dir,
                      std::shared_ptr<const FirstNames>* out);
// The names dictionary from the dictionaries (`dir`, or where FindDictionary
// looks); null, and Ok, when there is none.
Status LoadNamesDictionary(const std::string& dir,
                           const FirstNames& first_names,
                           std::shared_ptr<const NamesDictionary>* out);

// One person-name mention in a text: offsets of the surname (without a
// possessive) and the first name (length 0: none) in the text.
struct NameMention {
  size_t surname_at = 0, surname_length = 0;
  size_t first_at = 0, first_length = 0;
  size_t sentence = 0;  // sentences counted from the text's start
  // The surname's key, and the first name's (FirstNameKey; empty: none),
  // valid during the call.
  const SurnameKey* key = nullptr;
  const std::string* first_key = nullptr;
};

// Calls on(mention) for the mentions of `text` (valid UTF-8), in order.
// `lexicon` (may be null) tells common words from names.
void ForEachNameMention(std::string_view text, const FirstNames& first_names,
                        const Lexicon* lexicon,
                        const std::function<void(const NameMention&)>& on);

// The mentions of a scope, counted, and what unifying them decides.
class NameProfile {
 public:
  // `dictionary` (may be null) breaks ties between spellings used equally
  // often; with `prefer_dictionary`, the dictionary's spelling of a person
  // it knows wins outright (--names=dictionary).
  NameProfile(std::shared_ptr<const FirstNames> first_names,
              std::shared_ptr<const Lexicon> lexicon,
              std::shared_ptr<const NamesDictionary> dictionary = nullptr,
              bool prefer_dictionary = false);

  // Counts the mentions of `text`. Thread-safe.
  void Observe(std::string_view text);

  // What to rewrite: (surname spelling, the key of the first name before
  // it, or "" for none) -> the person's chosen spelling, and (first-name
  // spelling, surname key) -> the chosen first name, each with its evidence
  // for the report. Computed from the counts so far.
  struct Rewrite {
    std::string to;
    std::string evidence;
  };
  struct Decisions {
    using Rewrites = std::map<std::pair<std::string, std::string>, Rewrite>;
    Rewrites surnames;
    Rewrites first_names;
  };
  Decisions Decide() const;

  // The counts as text, one record a line, for --save-profile: a header line,
  // "m<TAB>count<TAB>surname<TAB>first name" per spelling pair ("" for a
  // surname without a first name), and "s<TAB>surname" per spelling seen
  // side by side with another of its person. Keys are not written: Merge
  // computes them with the tables of its own run.
  std::string Serialize() const;

  // Adds the counts of `text` (as Serialize writes them). A malformed record
  // is an error naming `name` and its line; nothing is added then.
  Status Merge(std::string_view text, const std::string& name);

 private:
  struct Person {
    std::map<std::string, size_t> spellings;  // surname spelling -> count
    std::set<std::string> first_keys;         // first names used with it
    // first-name key -> the surname spellings written with it
    std::map<std::string, std::map<std::string, size_t>> surnames_with;
    // first-name key -> its spellings with counts
    std::map<std::string, std::map<std::string, size_t>> first_spellings;
  };
  std::shared_ptr<const FirstNames> first_names_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const NamesDictionary> dictionary_;
  bool prefer_dictionary_ = false;
  // Counts `count` mentions of `surname` with `first` ("" for none) under
  // `key` and `first_key`. mu_ held.
  void Add(const SurnameKey& key, const std::string& surname,
           const std::string& first, const std::string& first_key,
           size_t count);

  mutable std::mutex mu_;
  std::map<SurnameKey, Person> people_;
  // What Serialize writes: (surname, first name) -> mentions (people_ is
  // its index by person, kept so that keys are not computed twice); and
  // the spellings seen side by side with another of their person (a person
  // with one of them is left alone).
  std::map<std::pair<std::string, std::string>, size_t> pairs_;
  std::set<std::string> side_by_side_;
};

// The names stage. With `profile` (a batch's, observed beforehand), its
// decisions hold for every document; without, each window is its own scope.
std::unique_ptr<TextStage> MakeNamesStage(
    std::shared_ptr<const FirstNames> first_names,
    std::shared_ptr<const Lexicon> lexicon,
    std::shared_ptr<const NamesDictionary> dictionary, bool prefer_dictionary,
    std::shared_ptr<const NameProfile> profile);

// The key of a first name: its group in `first_names`, or its skeleton.
std::string FirstNameKey(const FirstNames& first_names, std::string_view name);
// The same for a first name in Latin or Cyrillic letters (a Cyrillic one by
// its romanization: see cyrillic.h).
std::string AnyFirstNameKey(const FirstNames& first_names,
                            std::string_view name);

}  // namespace textmend

#endif  // TEXTMEND_NAMES_NAMES_H_
