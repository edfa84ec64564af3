// Name normalization; see names.h.
#include "names/names.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <fstream>
#include <functional>
#include <tuple>

#include "core/byte_masks.h"
#include "core/tokenizer.h"
#include "names/cyrillic.h"

namespace textmend {
namespace {

// ASCII lowercase (names here are ASCII; the tokenizer's fold).
std::string Lower(std::string_view s) { return LowerWord(s, true); }

// Words before a name that are no first name.
bool IsTitle(std::string_view lower) {
  static const std::set<std::string_view> kTitles = {
      "mr",        "mrs",     "ms",       "miss",    "dr",       "prof",
      "sir",       "lady",    "lord",     "madam",   "madame",   "mister",
      "president", "premier", "minister", "general", "colonel",  "judge",
      "father",    "st",      "saint",    "mayor",   "governor", "senator"};
  return kTitles.count(lower) != 0;
}

// `word` without a possessive 's (ASCII or typographic apostrophe).
std::string_view WithoutPossessive(std::string_view word) {
  for (const std::string_view s :
       {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s)
      return word.substr(0, word.size() - s.size());
  }
  return word;
}

// Whether a lexicon entry (null: none) leaves its word free to be a name's
// spelling: none, or a word of the lexicon's largest, rarest lists only
// (SCOWL size 70 and up) that running text never shows (no frequency):
// Pechan is a surname here, not the obscure word.
bool ObscureWord(const Lexicon::Entry* e) {
  return e == nullptr || (e->level >= 70 && e->frequency == 0);
}

// How the lexicon writes a word (lexfmt::Flags; 0: it does not know it, or
// only obscurely). A word it knows in lowercase use (President, Government)
// is no name, unless it also knows it capitalized, as a name (Marina,
// Maxim).
uint8_t LexiconFlags(const Lexicon* lexicon, std::string_view word) {
  if (lexicon == nullptr) return 0;
  const Lexicon::Entry* e = lexicon->Find(Lower(word));
  return ObscureWord(e) ? 0 : e->flags;
}

// Shortest surname looked at.
constexpr size_t kMinSurname = 3;

// Whether `word` is an East Slavic patronymic: -ovich, -evich (Belarusian
// -avich, Ukrainian -ovych), -ovna, -evna, -ichna, -ivna, in Latin or
// Cyrillic letters.
bool Patronymic(std::string_view word) {
  static constexpr std::string_view kEndings[] = {
      "ovich", "evich", "avich", "ovych", "evych", "ovna",
      "evna",  "ichna", "ivna",  "avna",  "ович",  "евич",
      "авіч",  "овна",  "евна",  "ична",  "івна",  "аўна"};
  if (word.size() < 7) return false;
  const std::string lower = Lower(word);
  for (const std::string_view e : kEndings) {
    if (lower.size() >= e.size() + 3 && lower.ends_with(e)) return true;
  }
  return false;
}

}  // namespace

Status FirstNames::Load(const std::string& path,
                        std::unique_ptr<FirstNames>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  auto names = std::unique_ptr<FirstNames>(new FirstNames());
  int group = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t at = 0;
    while (at <= line.size()) {
      size_t tab = line.find('\t', at);
      if (tab == std::string::npos) tab = line.size();
      if (tab > at) {
        // (A Cyrillic spelling stands for its romanization.)
        std::string name = line.substr(at, tab - at);
        // (A trailing * marks a form of other languages too: Peter.)
        const bool foreign = name.back() == '*';
        if (foreign) name.pop_back();
        if (static_cast<unsigned char>(name[0]) >= 0x80)
          name = RomanizeCyrillic(name);
        const std::string skeleton = NameSkeleton(name);
        if (!skeleton.empty()) {
          names->groups_.emplace(Lower(name), group);
          // (A foreign form is matched as written: its folds would reach
          // other languages' names, Katherine for Catherine.)
          if (foreign) {
            names->foreign_.insert(Lower(name));
          } else {
            names->skeletons_.emplace(skeleton, group);
          }
        }
      }
      at = tab + 1;
    }
    ++group;
  }
  *out = std::move(names);
  return Status::Ok();
}

Status LoadFirstNames(const std::string& dir,
                      std::shared_ptr<const FirstNames>* out) {
  std::string tried;
  const std::string path = FindDictionary(dir, "first_names.tsv", &tried);
  if (path.empty()) {
    return Status::NotSupported(
        "the name stage needs first_names.tsv, which is not in " + tried +
        " (set TEXTMEND_DICTIONARY_DIR, or turn the stage off with "
        "--no-names)");
  }
  std::unique_ptr<FirstNames> names;
  Status s = FirstNames::Load(path, &names);
  if (!s.ok()) return s;
  *out = std::move(names);
  return Status::Ok();
}

Status NamesDictionary::Load(const std::string& path,
                             const FirstNames& first_names,
                             std::unique_ptr<NamesDictionary>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  auto dict = std::unique_ptr<NamesDictionary>(new NamesDictionary());
  dict->first_names_ = &first_names;
  // Cyrillic forms the build romanized ("Мария Колесникова|Mariya
  // Kolesnikova", see dictionaries/romanize_names.cc): indexed after every
  // Latin form, as Resolve() indexes the others.
  std::vector<Pending> romanized;
  size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const size_t index = dict->people_.size();
    dict->people_.emplace_back();
    size_t at = 0;
    while (at <= line.size()) {
      size_t tab = line.find('\t', at);
      if (tab == std::string::npos) tab = line.size();
      std::string name = line.substr(at, tab - at);
      at = tab + 1;
      std::string latin;  // a Cyrillic form's romanization, when given
      if (const size_t bar = name.find('|'); bar != std::string::npos) {
        latin = name.substr(bar + 1);
        name.erase(bar);
      }
      const size_t space = name.rfind(' ');
      const size_t latin_space = latin.rfind(' ');
      if (space == std::string::npos ||
          (!latin.empty() && latin_space == std::string::npos)) {
        return Status::InvalidArgument(
            path + ":" + std::to_string(line_number) + ": '" +
            (space == std::string::npos ? name : latin) +
            "' is not 'Given Surname'");
      }
      std::string given = name.substr(0, space);
      std::string surname = name.substr(space + 1);
      // A Cyrillic form stands for its romanization (BGN/PCGN, by its
      // letters' language: see cyrillic.h), so it gives the person the
      // Latin spellings' key: romanized at the first lookup, unless the
      // build did it.
      if (static_cast<unsigned char>(surname[0]) >= 0x80) {
        if (CyrillicLanguage(given) == SlavicLanguage::kNone ||
            CyrillicLanguage(surname) == SlavicLanguage::kNone) {
          return Status::InvalidArgument(
              path + ":" + std::to_string(line_number) + ": '" + name +
              "' is not in the Russian, Belarusian or Ukrainian alphabet");
        }
        if (!latin.empty()) {
          romanized.push_back({index, latin.substr(0, latin_space),
                               latin.substr(latin_space + 1)});
        } else {
          dict->pending_.push_back(
              {index, std::move(given), std::move(surname)});
        }
        continue;
      }
      if (dict->people_[index].surname.empty())
        dict->people_[index] = {given, surname};
      dict->Index(index, given, surname);
    }
  }
  for (const Pending& p : romanized) {
    // (A person written only in Cyrillic is preferred in its romanization.)
    if (dict->people_[p.index].surname.empty())
      dict->people_[p.index] = {p.given, p.surname};
    dict->Index(p.index, p.given, p.surname);
  }
  *out = std::move(dict);
  return Status::Ok();
}

void NamesDictionary::Index(size_t index, const std::string& given,
                            const std::string& surname) const {
  const SurnameKey key = KeyOfSurname(surname);
  if (key.skeleton.empty()) return;
  index_.emplace(std::make_pair(key, FirstNameKey(*first_names_, given)),
                 index);
  surnames_.insert(key);
}

void NamesDictionary::Resolve() const {
  if (pending_.empty()) return;  // (nothing for ICU: the build romanized it)
  std::call_once(resolved_, [this] {
    for (const Pending& p : pending_) {
      const std::string given = RomanizeCyrillic(p.given);
      const std::string surname = RomanizeCyrillic(p.surname);
      if (given.empty() || surname.empty()) continue;
      // (A person written only in Cyrillic is preferred in its
      // romanization.)
      if (people_[p.index].surname.empty())
        people_[p.index] = {given, surname};
      Index(p.index, given, surname);
    }
  });
}

const NamesDictionary::Person* NamesDictionary::Find(
    const SurnameKey& key, const std::string& first_key) const {
  Resolve();
  const auto it = index_.find({key, first_key});
  return it == index_.end() ? nullptr : &people_[it->second];
}

bool NamesDictionary::KnowsSurname(const SurnameKey& key) const {
  Resolve();
  return surnames_.count(key) != 0;
}

Status LoadNamesDictionary(const std::string& dir,
                           const FirstNames& first_names,
                           std::shared_ptr<const NamesDictionary>* out) {
  std::string tried;
  const std::string path = FindDictionary(dir, "names.tsv", &tried);
  out->reset();
  if (path.empty()) return Status::Ok();
  std::unique_ptr<NamesDictionary> dict;
  Status s = NamesDictionary::Load(path, first_names, &dict);
  if (!s.ok()) return s;
  *out = std::move(dict);
  return Status::Ok();
}

int FirstNames::Group(std::string_view name) const {
  const auto it = groups_.find(Lower(name));
  if (it != groups_.end()) return it->second;
  // A spelling the table lacks that folds like one it has (Dmytriy, Dmitriy).
  const auto folded = skeletons_.find(NameSkeleton(name));
  return folded == skeletons_.end() ? -1 : folded->second;
}

bool FirstNames::MarksEastSlavic(std::string_view name) const {
  return Group(name) >= 0 && foreign_.count(Lower(name)) == 0;
}

std::string FirstNameKey(const FirstNames& first_names, std::string_view name) {
  const int group = first_names.Group(name);
  if (group >= 0) {
    std::string key = "#";  // (appended: GCC 12 warns falsely on "#" + ...)
    key += std::to_string(group);
    return key;
  }
  return NameSkeleton(name);
}

std::string AnyFirstNameKey(const FirstNames& first_names,
                            std::string_view name) {
  if (!name.empty() && static_cast<unsigned char>(name[0]) >= 0x80)
    return FirstNameKey(first_names, RomanizeCyrillic(name));
  return FirstNameKey(first_names, name);
}

void ForEachNameMention(std::string_view text, const FirstNames& first_names,
                        const Lexicon* lexicon,
                        const std::function<void(const NameMention&)>& on) {
  // What each distinct word is, looked up once per text.
  struct Facts {
    bool common, known_name, title;
    int group;
    bool slavic_first = false;  // FirstNames::MarksEastSlavic, or Cyrillic
    bool keyed = false;  // key and first_key computed
    SurnameKey key;
    std::string first_key;
    std::string latin;  // a Cyrillic word's romanization
  };
  std::unordered_map<std::string_view, Facts> facts;
  const auto facts_of = [&](std::string_view w) -> Facts& {
    auto [it, added] = facts.try_emplace(w);
    if (added) {
      Facts& f = it->second;
      if (static_cast<unsigned char>(w[0]) >= 0x80) {
        // Cyrillic: no English word, no title; its first-name group is its
        // romanization's.
        f.latin = RomanizeCyrillic(w);
        f.common = f.known_name = f.title = false;
        f.group = f.latin.empty() ? -1 : first_names.Group(f.latin);
        f.slavic_first = f.group >= 0;
        return it->second;
      }
      const std::string lower = Lower(w);
      const uint8_t flags = LexiconFlags(lexicon, w);
      f.common = (flags & lexfmt::kLower) != 0;
      f.known_name = f.common && (flags & lexfmt::kCapitalized) != 0;
      f.title = IsTitle(lower);
      f.group = first_names.Group(w);
      f.slavic_first = f.group >= 0 && first_names.MarksEastSlavic(w);
    }
    return it->second;
  };
  static const std::string kNoFirstName;
  std::vector<WordToken> tokens;
  size_t sentence = 0;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    tokens.clear();
    Tokenize(line, &tokens);
    const auto word = [&](size_t k) {
      return line.substr(tokens[k].offset, tokens[k].length);
    };
    const auto capitalized = [&](size_t k) {
      const WordToken& t = tokens[k];
      const char first = line[t.offset];  // (most words fail here, cheaply)
      if (first >= 'A' && first <= 'Z') {
        return t.ascii && !t.protect && t.length >= 2 &&
               CaseOf(WithoutPossessive(word(k))) == WordCase::kCapitalized;
      }
      // (A Cyrillic capital's first byte: U+0400..U+042F, U+0490.)
      return (first == '\xD0' || first == '\xD2') && !t.protect &&
             CyrillicCapitalized(word(k));
    };
    for (size_t k = 0; k < tokens.size();) {
      if (tokens[k].sentence_start) ++sentence;
      if (!capitalized(k)) {
        ++k;
        continue;
      }
      // A run of capitalized words one space apart.
      size_t m = k + 1;
      while (m < tokens.size() && capitalized(m) && !tokens[m].sentence_start &&
             tokens[m].offset ==
                 tokens[m - 1].offset + tokens[m - 1].length + 1 &&
             line[tokens[m].offset - 1] == ' ' &&
             WithoutPossessive(word(m - 1)).size() == tokens[m - 1].length)
        ++m;
      // Its surname: the last word that is neither a common word nor a
      // first name; its first name, the word before, unless a title or a
      // common word.
      for (size_t s = m; s-- > k;) {
        const std::string_view surname = WithoutPossessive(word(s));
        // (A common word right after an East Slavic first name is a
        // surname: Sergei Frank, but not Peter Brown.)
        if (surname.size() < kMinSurname ||
            surname.find_first_of("'\xE2") != std::string_view::npos)
          continue;
        Facts& sf = facts_of(surname);
        const bool after_first_name =
            s > k && facts_of(word(s - 1)).slavic_first;
        if ((!after_first_name && sf.common) || sf.group >= 0 || sf.title)
          continue;
        NameMention mention;
        mention.surname_at = begin + tokens[s].offset;
        mention.surname_length = surname.size();
        mention.sentence = sentence;
        if (!sf.keyed) {
          // (A Cyrillic word's romanization is at hand in its facts.)
          const bool cyrillic = static_cast<unsigned char>(surname[0]) >= 0x80;
          sf.key = !cyrillic           ? KeyOfSurname(surname)
                   : sf.latin.empty() ? SurnameKey()
                                      : KeyOfRomanizedSurname(sf.latin);
          sf.keyed = true;
        }
        mention.key = &sf.key;
        mention.first_key = &kNoFirstName;
        // A patronymic between the first name and the surname (Aliaksandr
        // Ryhoravich Lukashenka) is stepped over: the first name is before
        // it.
        size_t f = s;
        if (f > k + 1 && Patronymic(word(f - 1))) --f;
        if (f > k) {
          const std::string_view first = word(f - 1);
          Facts& ff = facts_of(first);
          // (A word the lexicon also knows as a name, Marina or Maxim, is
          // a first name here.)
          if (ff.group >= 0 || (!ff.title && (!ff.common || ff.known_name))) {
            mention.first_at = begin + tokens[f - 1].offset;
            mention.first_length = first.size();
            if (ff.first_key.empty()) {
              ff.first_key = FirstNameKey(
                  first_names,
                  static_cast<unsigned char>(first[0]) >= 0x80
                      ? std::string_view(ff.latin)
                      : first);
            }
            mention.first_key = &ff.first_key;
          }
        }
        on(mention);
        break;
      }
      k = m;
    }
    begin = end + 1;
  }
}

NameProfile::NameProfile(std::shared_ptr<const FirstNames> first_names,
                         std::shared_ptr<const Lexicon> lexicon,
                         std::shared_ptr<const NamesDictionary> dictionary,
                         bool prefer_dictionary)
    : first_names_(std::move(first_names)),
      lexicon_(std::move(lexicon)),
      dictionary_(std::move(dictionary)),
      prefer_dictionary_(prefer_dictionary) {}

void NameProfile::Observe(std::string_view text) {
  struct Seen {
    SurnameKey key;
    std::string surname, first, first_key;
    size_t sentence;
  };
  std::vector<Seen> seen;
  ForEachNameMention(
      text, *first_names_, lexicon_.get(), [&](const NameMention& m) {
        Seen s;
        s.surname = std::string(text.substr(m.surname_at, m.surname_length));
        s.key = *m.key;
        if (s.key.skeleton.empty()) return;
        s.first = std::string(text.substr(m.first_at, m.first_length));
        s.first_key = *m.first_key;
        s.sentence = m.sentence;
        seen.push_back(std::move(s));
      });
  std::lock_guard<std::mutex> lock(mu_);
  for (size_t i = 0; i < seen.size(); ++i) {
    const Seen& s = seen[i];
    Add(s.key, s.surname, s.first, s.first_key, 1);
    // Two spellings of one key in a sentence: perhaps two people (the
    // Russian and Belarusian forms of a name listed side by side). So are
    // two of one loose key (Karpov and Karpova are apart by gender; Belov
    // and Bilov, side by side, are two people).
    for (size_t j = i; j-- > 0 && seen[j].sentence == s.sentence;) {
      if (seen[j].surname == s.surname) continue;
      if (seen[j].key == s.key ||
          LooseKey(seen[j].key) == LooseKey(s.key))  // (rare: no cache)
        side_by_side_.insert(s.surname);
    }
  }
}

void NameProfile::Add(const SurnameKey& key, const std::string& surname,
                      const std::string& first, const std::string& first_key,
                      size_t count) {
  Person& p = people_[key];
  p.spellings[surname] += count;
  if (!first.empty()) {
    p.first_keys.insert(first_key);
    p.first_spellings[first_key][first] += count;
    p.surnames_with[first_key][surname] += count;
  }
  pairs_[{surname, first}] += count;
}

namespace {
constexpr std::string_view kProfileHeader = "# textmend name profile 1";
}  // namespace

std::string NameProfile::Serialize() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out(kProfileHeader);
  out += '\n';
  for (const auto& [pair, n] : pairs_) {
    out += "m\t" + std::to_string(n) + "\t" + pair.first + "\t" + pair.second +
           "\n";
  }
  for (const std::string& s : side_by_side_) out += "s\t" + s + "\n";
  return out;
}

Status NameProfile::Merge(std::string_view text, const std::string& name) {
  struct Record {
    bool mention;
    size_t count;
    std::string surname, first;
  };
  std::vector<Record> records;
  size_t line_number = 0;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_number;
    const auto bad = [&](const std::string& what) {
      return Status::InvalidArgument(name + ":" + std::to_string(line_number) +
                                     ": " + what);
    };
    if (line_number == 1) {
      if (line != kProfileHeader)
        return bad("not a textmend name profile (its first line is not '" +
                   std::string(kProfileHeader) + "')");
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    for (size_t f = 0;;) {
      const size_t tab = line.find('\t', f);
      fields.push_back(line.substr(
          f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    if (fields[0] == "m" && fields.size() == 4) {
      size_t count = 0;
      const auto [p, ec] = std::from_chars(
          fields[1].data(), fields[1].data() + fields[1].size(), count);
      if (ec != std::errc() || p != fields[1].data() + fields[1].size() ||
          count == 0 || fields[2].empty())
        return bad("a mention record needs a count and a surname");
      records.push_back(
          {true, count, std::string(fields[2]), std::string(fields[3])});
    } else if (fields[0] == "s" && fields.size() == 2 && !fields[1].empty()) {
      records.push_back({false, 0, std::string(fields[1]), ""});
    } else {
      return bad(
          "not a record ('m', count, surname, first name; or 's', "
          "surname; tab-separated)");
    }
  }
  if (line_number == 0)
    return Status::InvalidArgument(name +
                                   ": empty, not a textmend name profile");
  std::lock_guard<std::mutex> lock(mu_);
  for (const Record& r : records) {
    const SurnameKey key = KeyOfAnySurname(r.surname);
    if (key.skeleton.empty()) continue;
    if (!r.mention) {
      side_by_side_.insert(r.surname);
      continue;
    }
    Add(key, r.surname, r.first,
        r.first.empty() ? std::string()
                        : AnyFirstNameKey(*first_names_, r.first),
        r.count);
  }
  return Status::Ok();
}

namespace {

// Whether a surname's spellings show an East Slavic name: a surname
// suffix of the languages (-ov, -ova, -sky, -skaya, -enko, -chuk, -vich,
// Belarusian -au and -ava, Armenian -yan as Russian writes it), or a
// romanization's digraph (kh, zh, shch, an initial ts).
bool EastSlavicSurname(const std::map<std::string, size_t>& spellings) {
  static constexpr std::string_view kSuffixes[] = {
      "ov",   "ova",  "ev",    "eva",   "yov",  "yova", "sky",  "ski",
      "skiy", "skii", "skaya", "skaja", "enko", "enka", "chuk", "yuk",
      "vich", "au",   "ava",   "yan",   "uk",   "ich",  "ina",  "yna"};
  for (const auto& [spelling, n] : spellings) {
    // (A Cyrillic spelling is in an East Slavic alphabet: see cyrillic.h.)
    if (static_cast<unsigned char>(spelling[0]) >= 0x80) return true;
    const std::string lower = Lower(spelling);
    const std::string_view w = lower;
    for (const std::string_view suffix : kSuffixes) {
      if (w.size() > suffix.size() + 2 &&
          w.substr(w.size() - suffix.size()) == suffix)
        return true;
    }
    if (w.find("kh") != std::string_view::npos ||
        w.find("zh") != std::string_view::npos ||
        w.find("shch") != std::string_view::npos || w.starts_with("ts"))
      return true;
  }
  return false;
}

// Whether a surname of key `key` may be joined with others by its loose key
// (LooseKey): one with a Slavic ending (-ov, -ova, -in, -sky, ...), or one
// the lexicon does not know in any case (`unknown`: Podobed, Pavliuchenko,
// but not Brown or Berlin).
bool LooselyJoined(const SurnameKey& key, bool unknown) {
  return unknown || key.skeleton.find('|') != std::string::npos;
}

// A person's surname key as text.
std::string PersonId(const SurnameKey& key) {
  return key.skeleton + "/" + std::to_string(static_cast<int>(key.gender));
}

// The most frequent spelling (a tie: the one `overall` counts most, when
// given: the spelling of the surname the scope writes most, whoever it
// names; then `preferred` when it is among the first; then the
// alphabetically first), and the evidence: "Kolesnikova 4, Kalesnikava 1".
std::pair<std::string, std::string> Choose(
    const std::map<std::string, size_t>& spellings,
    const std::string& preferred,
    const std::map<std::string, size_t>* overall = nullptr) {
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto& [s, n] : spellings) ranked.emplace_back(n, s);
  const auto in_all = [overall](const std::string& s) -> size_t {
    if (overall == nullptr) return 0;
    const auto it = overall->find(s);
    return it == overall->end() ? 0 : it->second;
  };
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    if (in_all(a.second) != in_all(b.second))
      return in_all(a.second) > in_all(b.second);
    if ((a.second == preferred) != (b.second == preferred))
      return a.second == preferred;
    return a.second < b.second;
  });
  std::string evidence;
  for (const auto& [n, s] : ranked) {
    if (!evidence.empty()) evidence += ", ";
    evidence += s + " " + std::to_string(n);
  }
  if (ranked.size() > 1 && ranked[0].first == ranked[1].first) {
    if (in_all(ranked[0].second) > in_all(ranked[1].second)) {
      evidence += "; the spelling of the surname this scope writes most (" +
                  std::to_string(in_all(ranked[0].second)) +
                  " times) breaks the tie";
    } else if (ranked[0].second == preferred) {
      evidence += "; the names dictionary's spelling breaks the tie";
    }
  }
  return {ranked[0].second, evidence};
}

}  // namespace

NameProfile::Decisions NameProfile::Decide() const {
  std::lock_guard<std::mutex> lock(mu_);
  Decisions d;
  // Surname keys with a Slavic ending that share a loose key (LooseKey) and
  // a first name are one person (Ivan Vakhromeyev, Ivan Vakromeev): joined,
  // each union under its first key, with the keys it holds.
  std::map<SurnameKey, SurnameKey> parent;
  const auto root = [&parent](SurnameKey k) {
    for (auto it = parent.find(k); it != parent.end() && !(it->second == k);
         it = parent.find(k))
      k = it->second;
    return k;
  };
  {
    // (loose key, first key, key), sorted: runs of one loose key and first
    // key with several keys are joined, when each key may be.
    std::vector<std::tuple<SurnameKey, const std::string*, const SurnameKey*>>
        loose;
    for (const auto& [key, p] : people_) {
      if (p.first_keys.empty()) continue;
      const SurnameKey l = LooseKey(key);
      for (const std::string& f : p.first_keys) loose.emplace_back(l, &f, &key);
    }
    std::sort(loose.begin(), loose.end(), [](const auto& a, const auto& b) {
      if (!(std::get<0>(a) == std::get<0>(b)))
        return std::get<0>(a) < std::get<0>(b);
      return *std::get<1>(a) < *std::get<1>(b);
    });
    const auto may_join = [&](const SurnameKey& key) {
      bool unknown = true;  // no spelling of it is a lexicon word
      if (lexicon_ != nullptr && key.skeleton.find('|') == std::string::npos) {
        for (const auto& [spelling, n] : people_.at(key).spellings) {
          unknown =
              unknown && (static_cast<unsigned char>(spelling[0]) >= 0x80 ||
                          ObscureWord(lexicon_->Find(Lower(spelling))));
        }
      }
      return LooselyJoined(key, unknown);
    };
    for (size_t i = 0, j; i < loose.size(); i = j) {
      j = i + 1;
      while (j < loose.size() &&
             std::get<0>(loose[j]) == std::get<0>(loose[i]) &&
             *std::get<1>(loose[j]) == *std::get<1>(loose[i]))
        ++j;
      if (j - i < 2) continue;
      const SurnameKey* first = nullptr;
      for (size_t k = i; k < j; ++k) {
        const SurnameKey& key = *std::get<2>(loose[k]);
        if (!may_join(key)) continue;
        if (first == nullptr) {
          first = &key;
          continue;
        }
        const SurnameKey a = root(*first), b = root(key);
        if (!(a == b)) parent[b] = a;
      }
    }
  }
  // The unions of several keys, by their root; every other key is a person
  // of its own.
  std::map<SurnameKey, std::vector<SurnameKey>> members;
  for (const auto& [key, up] : parent) members[root(key)].push_back(key);
  for (auto& [r, keys] : members) keys.push_back(r);
  std::map<SurnameKey, Person> joined;
  std::vector<std::pair<const Person*, const std::vector<SurnameKey>*>> persons;
  std::vector<std::vector<SurnameKey>> alone;  // (one key each)
  alone.reserve(people_.size());
  for (const auto& [key, p] : people_) {
    if (p.first_keys.empty() || parent.count(key) != 0 ||
        members.count(key) != 0)
      continue;
    alone.push_back({key});
    persons.emplace_back(&p, &alone.back());
  }
  for (const auto& [r, keys] : members) {
    Person& into = joined[r];
    for (const SurnameKey& k : keys) {
      const Person& p = people_.at(k);
      for (const auto& [s, n] : p.spellings) into.spellings[s] += n;
      into.first_keys.insert(p.first_keys.begin(), p.first_keys.end());
      for (const auto& [f, m] : p.surnames_with) {
        for (const auto& [s, n] : m) into.surnames_with[f][s] += n;
      }
      for (const auto& [f, m] : p.first_spellings) {
        for (const auto& [s, n] : m) into.first_spellings[f][s] += n;
      }
    }
    persons.emplace_back(&into, &keys);
  }
  for (const auto& [person, keys] : persons) {
    const Person& p = *person;
    // The keys of the person's mentions: its own, or its union's.
    const std::vector<SurnameKey>& own_keys = *keys;
    if (p.first_keys.empty()) continue;
    // Two spellings in one sentence: perhaps two people.
    bool side_by_side = false;
    for (const auto& [spelling, n] : p.spellings)
      side_by_side = side_by_side || side_by_side_.count(spelling) != 0;
    if (side_by_side) continue;
    // The key's folds are East Slavic correspondences, and would merge other
    // names' unrelated spellings (Milan and Millan, Omar and Ammar): only a
    // person with a first name from the table (Maria Kolesnikova) or an East
    // Slavic surname.
    bool table_first_name = false;
    for (const auto& [f, spellings] : p.first_spellings) {
      if (f.front() != '#') continue;
      for (const auto& [spelling, n] : spellings) {
        table_first_name = table_first_name ||
                           static_cast<unsigned char>(spelling[0]) >= 0x80 ||
                           first_names_->MarksEastSlavic(spelling);
      }
    }
    if (!table_first_name && !EastSlavicSurname(p.spellings)) continue;
    // The dictionary's entry for the person with first name `first_key`.
    const auto known =
        [&](const std::string& first_key) -> const NamesDictionary::Person* {
      if (dictionary_ == nullptr) return nullptr;
      for (const SurnameKey& k : own_keys) {
        if (const auto* entry = dictionary_->Find(k, first_key)) return entry;
      }
      return nullptr;
    };
    // The rewrites of `spellings` into one (the dictionary's `preferred`
    // with --names=dictionary, else the scope's most used), stored in `out`
    // under (spelling, `second`); `what` names them in the evidence.
    const auto unify = [&](const std::map<std::string, size_t>& spellings,
                           const NamesDictionary::Person* entry,
                           const std::string& preferred,
                           const std::string& second, const char* what,
                           Decisions::Rewrites* out,
                           const std::map<std::string, size_t>* overall =
                               nullptr) -> std::string {
      std::string to, evidence;
      if (prefer_dictionary_ && entry != nullptr) {
        to = preferred;
        evidence = "the names dictionary's spelling of " + entry->given + " " +
                   entry->surname;
      } else {
        if (spellings.size() < 2) return spellings.begin()->first;
        std::string counts;
        std::tie(to, counts) = Choose(spellings, preferred, overall);
        evidence =
            std::string("one person's ") + what + " in this scope: " + counts;
      }
      for (const auto& [s, n] : spellings) {
        if (s != to) (*out)[{s, second}] = {to, evidence};
      }
      return to;
    };
    // (Returns the spelling the person's mentions end with.)
    const auto rewrite =
        [&](const std::map<std::string, size_t>& spellings,
            const std::string& first_key, const std::string& mention_key,
            const std::map<std::string, size_t>* overall = nullptr) {
          const NamesDictionary::Person* entry = known(first_key);
          return unify(spellings, entry, entry != nullptr ? entry->surname : "",
                       mention_key, "spellings", &d.surnames, overall);
        };
    if (p.first_keys.size() == 1) {
      // One person: every mention, with its first name or without, of a
      // spelling the scope writes at least once with the first name (a word
      // only ever alone may be another name: Liam beside Stanislaw Lem).
      const std::string& first_key = *p.first_keys.begin();
      std::map<std::string, size_t> spellings;
      for (const auto& [s, n] : p.surnames_with.at(first_key))
        spellings[s] = p.spellings.at(s);
      rewrite(spellings, first_key, first_key);
      rewrite(spellings, first_key, "");
    } else {
      // Several people of one surname: each person's full-name mentions.
      // When they all end with one spelling, a mention without a first name
      // ends with it too, whoever it names.
      std::set<std::string> targets;
      std::map<std::string, size_t> all;
      // (A person's spellings used equally often: the one the scope uses
      // most for the surname, so that the people end alike where they can.)
      for (const auto& [first_key, spellings] : p.surnames_with) {
        targets.insert(rewrite(spellings, first_key, first_key, &p.spellings));
        for (const auto& [spelling, n] : spellings)
          all[spelling] = p.spellings.at(spelling);
      }
      if (targets.size() == 1 && all.size() > 1) {
        const std::string& to = *targets.begin();
        std::string counts;
        for (const auto& [spelling, n] : all) {
          if (!counts.empty()) counts += ", ";
          counts += spelling + " " + std::to_string(n);
        }
        for (const auto& [spelling, n] : all) {
          if (spelling == to) continue;
          d.surnames[{spelling, ""}] = {
              to,
              "the spelling every person of this surname in this scope "
              "ends with (" +
                  counts + ")"};
        }
      }
    }
    for (const auto& [first_key, spellings] : p.first_spellings) {
      const NamesDictionary::Person* entry = known(first_key);
      for (const SurnameKey& k : own_keys) {
        unify(spellings, entry, entry != nullptr ? entry->given : "",
              PersonId(k), "first names", &d.first_names);
      }
    }
  }
  return d;
}

namespace {

class NamesModel final : public DocumentModel {
 public:
  NameProfile::Decisions decisions;
};

// Keeps `to`'s letters in the case pattern of `from` (all capitals stay all
// capitals; otherwise as `to` is written).
std::string InCaseOf(std::string_view from, const std::string& to) {
  if (CaseOf(from) == WordCase::kUpper) {
    std::string out = to;
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return out;
  }
  return to;
}

class NamesStage final : public TextStage {
 public:
  NamesStage(std::shared_ptr<const FirstNames> first_names,
             std::shared_ptr<const Lexicon> lexicon,
             std::shared_ptr<const NamesDictionary> dictionary,
             bool prefer_dictionary, std::shared_ptr<const NameProfile> profile)
      : first_names_(std::move(first_names)),
        lexicon_(std::move(lexicon)),
        dictionary_(std::move(dictionary)),
        prefer_dictionary_(prefer_dictionary),
        profile_(std::move(profile)) {
    if (profile_ != nullptr) batch_ = profile_->Decide();
  }

  std::string_view name() const override { return "names"; }
  bool learns() const override { return true; }

  std::unique_ptr<DocumentModel> Learn(
      std::string_view window,
      const PageReadings& /*readings*/) const override {
    auto model = std::make_unique<NamesModel>();
    if (profile_ != nullptr) {
      model->decisions = batch_;
    } else {
      // Only lines holding a capitalized word that shares its surname key or
      // first-name group with another are read for mentions: nothing else
      // can be unified.
      const std::string lines = LinesWithVariants(window);
      if (lines.empty()) return nullptr;
      NameProfile own(first_names_, lexicon_, dictionary_, prefer_dictionary_);
      own.Observe(lines);
      model->decisions = own.Decide();
    }
    if (model->decisions.surnames.empty() &&
        model->decisions.first_names.empty())
      return nullptr;
    return model;
  }

  // The lines of `text` (each ended by a newline) that hold a capitalized
  // word sharing its surname key or first-name group with another
  // capitalized word of `text`.
  std::string LinesWithVariants(std::string_view text) const {
    std::unordered_map<std::string_view, uint32_t> ids;  // capitalized words
    std::vector<std::string_view> words;
    std::vector<uint32_t> line_words;  // per line, its capitalized words' ids
    // Per word: written right after another capitalized word somewhere (a
    // first name, perhaps), which a loose key needs (see LooseKey).
    std::vector<char> after_capital;
    // Capitalized words written one after the other (a first name and a
    // surname, perhaps), by id.
    std::vector<std::pair<uint32_t, uint32_t>> name_pairs;
    size_t last_capital_end = SIZE_MAX;
    uint32_t last_capital_id = 0;
    std::vector<std::pair<std::string_view, size_t>> lines;  // line, its end
    // A quick scan, no tokenizer: every run of ASCII letters and apostrophes
    // that starts with a capital after no letter (a superset of the
    // capitalized words the mentions can hold).
    const size_t n = text.size();
    size_t line_begin = 0;
    // Reads text[i] (i <= n) as the byte scan would, and returns where the
    // scan goes on: a line's end, a word that may be a capitalized one, or
    // any other byte, which is stepped over.
    const auto visit = [&](size_t i) -> size_t {
      if (i == n || text[i] == '\n') {
        lines.emplace_back(text.substr(line_begin, i - line_begin),
                           line_words.size());
        line_begin = ++i;
        return i;
      }
      const char c = text[i];
      const bool after_letter =
          i > 0 && (AsciiLetter(text[i - 1]) || text[i - 1] == '\'' ||
                    static_cast<unsigned char>(text[i - 1]) >= 0x80);
      // A Cyrillic capital: U+0400..U+042F or U+0490.
      const auto next = i + 1 < n ? static_cast<unsigned char>(text[i + 1]) : 0;
      const bool cyrillic = (c == '\xD0' && next >= 0x80 && next < 0xB0) ||
                            (c == '\xD2' && next == 0x90);
      if ((!cyrillic && (c < 'A' || c > 'Z')) || after_letter) return i + 1;
      if (cyrillic) {
        // Two-byte letters (U+0400..U+04FF).
        size_t j = i;
        while (j + 1 < n && text[j] >= '\xD0' && text[j] <= '\xD3' &&
               (static_cast<unsigned char>(text[j + 1]) & 0xC0) == 0x80)
          j += 2;
        const std::string_view w = text.substr(i, j - i);
        const size_t on = std::max(j, i + 1);  // (always forward)
        if (!CyrillicCapitalized(w)) return on;
        const auto [it, added] =
            ids.try_emplace(w, static_cast<uint32_t>(words.size()));
        if (added) {
          words.push_back(w);
          after_capital.push_back(1);  // (not told: taken as if it were)
        }
        line_words.push_back(it->second);
        return on;
      }
      size_t j = i + 1;
      while (j < n && (AsciiLetter(text[j]) || text[j] == '\'')) ++j;
      size_t k = j;  // (an apostrophe ends a word only between letters)
      while (k > i + 1 && text[k - 1] == '\'') --k;
      const std::string_view w = WithoutPossessive(text.substr(i, k - i));
      const bool follows_capital =
          i >= 2 && last_capital_end == i - 1 && text[i - 1] == ' ';
      if (w.size() < 2 || CaseOf(w) != WordCase::kCapitalized) return j;
      last_capital_end = j;
      const auto [it, added] =
          ids.try_emplace(w, static_cast<uint32_t>(words.size()));
      if (added) {
        words.push_back(w);
        after_capital.push_back(0);
      }
      after_capital[it->second] |= follows_capital;
      if (follows_capital) name_pairs.emplace_back(last_capital_id, it->second);
      last_capital_id = it->second;
      line_words.push_back(it->second);
      return j;
    };
    size_t at = 0;  // where the byte scan would be
#if defined(__SSE2__)
    // The bytes visit() does more than step over, found 64 at a time: line
    // ends, and capitals (A-Z, or the lead bytes 0xD0 and 0xD2 of Cyrillic
    // ones) not right after a letter, an apostrophe or a byte of a
    // multi-byte character. Any other byte the scan steps over, and a
    // word it reads holds none of them, so it goes from one to the next.
    {
      const __m128i newline = _mm_set1_epi8('\n');
      const __m128i quote = _mm_set1_epi8('\'');
      const __m128i d0 = _mm_set1_epi8('\xD0');
      const __m128i d2 = _mm_set1_epi8('\xD2');
      uint64_t carry = 0;  // whether the byte before the block goes on a word
      for (size_t block = 0; block < n; block += 64) {
        uint64_t ends = 0, capitals = 0, word = 0;
        for (size_t q = 0; q < 4 && block + q * 16 < n; ++q) {
          const __m128i v = Load16(text, block + q * 16);
          const __m128i letters = AsciiLetters16(v);
          const __m128i small = AsciiLower16(v);
          ends |= MaskBits(_mm_cmpeq_epi8(v, newline), q);
          capitals |= MaskBits(
              _mm_or_si128(
                  _mm_andnot_si128(small, letters),
                  _mm_or_si128(_mm_cmpeq_epi8(v, d0), _mm_cmpeq_epi8(v, d2))),
              q);
          word |= MaskBits(
              _mm_or_si128(_mm_or_si128(letters, _mm_cmpeq_epi8(v, quote)),
                           _mm_cmplt_epi8(v, _mm_setzero_si128())),
              q);
        }
        const uint64_t after_word = (word << 1) | carry;
        carry = word >> 63;
        for (uint64_t events = ends | (capitals & ~after_word); events != 0;
             events &= events - 1) {
          const size_t e =
              block + static_cast<size_t>(std::countr_zero(events));
          if (e >= n) break;
          if (e >= at) at = visit(e);
        }
      }
    }
#else
    while (at < n) at = visit(at);
#endif
    visit(n);  // (the last line)
    // Which words are common words, looked up in a batch that prefetches a
    // few lookups ahead (the lexicon is far bigger than the caches).
    std::vector<char> common(words.size(), 0);
    std::vector<char> in_lexicon(words.size(), 0);  // in any case, not
                                                    // obscurely (ObscureWord)
    std::vector<char> known_name(words.size(), 0);  // common, and a name
    if (lexicon_ != nullptr) {
      std::vector<std::string> lowers(words.size());
      for (size_t k = 0; k < words.size(); ++k) lowers[k] = Lower(words[k]);
      constexpr size_t kAhead = 4;
      for (size_t k = 0; k < kAhead && k < lowers.size(); ++k)
        lexicon_->PrefetchSlot(lowers[k]);
      for (size_t k = 0; k < lowers.size(); ++k) {
        if (k + kAhead < lowers.size())
          lexicon_->PrefetchSlot(lowers[k + kAhead]);
        if (k + 1 < lowers.size()) lexicon_->PrefetchEntry(lowers[k + 1]);
        const Lexicon::Entry* e = lexicon_->Find(lowers[k]);
        common[k] = !ObscureWord(e) && (e->flags & lexfmt::kLower) != 0;
        in_lexicon[k] = !ObscureWord(e);
        known_name[k] = common[k] && (e->flags & lexfmt::kCapitalized) != 0;
      }
    }
    std::unordered_map<std::string, std::vector<uint32_t>> groups;
    std::vector<uint32_t> known;  // surnames the dictionary knows
    std::vector<int> group_of(words.size(), -1);
    std::vector<std::string> person_of(words.size());  // PersonId, or empty
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::string_view w = words[id];
      // (A Cyrillic word is romanized once, for its group and its key.)
      const bool cyrillic = static_cast<unsigned char>(w[0]) >= 0x80;
      const std::string latin = cyrillic ? RomanizeCyrillic(w) : std::string();
      if (cyrillic && latin.empty()) continue;
      const int group = first_names_->Group(cyrillic ? latin : w);
      group_of[id] = group;
      if (group >= 0) {
        std::string g = "#";
        g += std::to_string(group);
        groups[g].push_back(id);
      }
      // (A common word is no name: "In" and "On" share a key.)
      if (group < 0 && common[id]) continue;
      if (w.size() >= 3) {
        const SurnameKey key =
            cyrillic ? KeyOfRomanizedSurname(latin) : KeyOfSurname(w);
        if (!key.skeleton.empty()) {
          person_of[id] = PersonId(key);
          groups[person_of[id]].push_back(id);
          // (Keys that a shared first name may join: see LooseKey and
          // LooselyJoined. Most capitalized words of English text would
          // pair by chance, and each pair is a line to read.)
          if (after_capital[id] &&
              LooselyJoined(key, cyrillic || !in_lexicon[id])) {
            std::string loose = PersonId(LooseKey(key));
            loose.insert(loose.begin(), '~');  // (apart from the keys)
            groups[loose].push_back(id);
          }
        }
        // (With --names=dictionary, a person the dictionary knows may need
        // a rewrite even in one spelling.)
        if (prefer_dictionary_ && dictionary_ != nullptr &&
            dictionary_->KnowsSurname(key))
          known.push_back(id);
      }
    }
    // A first name the table lacks (as ForEachNameMention takes one), keyed
    // as FirstNameKey keys it, with the surname that follows: Jan and Yan
    // Petrovsky, whose surname has one spelling. (By the first name alone,
    // English text's Alan and Allan would mark lines by the hundred.)
    std::sort(name_pairs.begin(), name_pairs.end());
    name_pairs.erase(std::unique(name_pairs.begin(), name_pairs.end()),
                     name_pairs.end());
    for (const auto& [first, surname] : name_pairs) {
      if (group_of[first] >= 0 || person_of[surname].empty() ||
          (common[first] && !known_name[first]))
        continue;
      std::string g = "^";
      g += NameSkeleton(words[first]);
      if (g.size() == 1) continue;
      g += ' ';
      g += person_of[surname];
      std::vector<uint32_t>& members = groups[g];
      // (One first name before two spellings of the surname is one name.)
      if (members.empty() || members.back() != first) members.push_back(first);
    }
    std::vector<char> variant(words.size(), 0);
    bool any = !known.empty();
    for (const uint32_t id : known) variant[id] = 1;
    for (const auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      for (const uint32_t id : members) variant[id] = 1;
      any = true;
    }
    std::string out;
    if (!any) return out;
    size_t from = 0;
    for (const auto& [line, to] : lines) {
      for (size_t k = from; k < to; ++k) {
        if (variant[line_words[k]]) {
          out.append(line).push_back('\n');
          break;
        }
      }
      from = to;
    }
    return out;
  }

  bool MayChange(std::string_view segment,
                 const DocumentModel* model) const override {
    if (model == nullptr) return false;
    // Only a segment holding a spelling to rewrite.
    const auto& d = static_cast<const NamesModel*>(model)->decisions;
    const auto holds = [&](const std::string& w) {
      return segment.find(w) != std::string_view::npos;
    };
    for (const auto& [from, to] : d.surnames) {
      if (holds(from.first)) return true;
    }
    for (const auto& [from, to] : d.first_names) {
      if (holds(from.first)) return true;
    }
    return false;
  }

  void Process(std::string_view run, size_t run_offset,
               const DocumentModel* model,
               std::vector<Edit>* edits) const override {
    const auto& d = static_cast<const NamesModel*>(model)->decisions;
    // Only the lines holding a spelling to rewrite are read.
    std::vector<std::pair<size_t, size_t>> spans;  // line begin, end
    const auto mark = [&](const std::string& w) {
      for (size_t at = run.find(w); at != std::string_view::npos;
           at = run.find(w, at + 1)) {
        const size_t nl = run.rfind('\n', at);
        const size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
        size_t end = run.find('\n', at);
        if (end == std::string_view::npos) end = run.size();
        spans.emplace_back(begin, end);
        at = end;
        if (at >= run.size()) break;
      }
    };
    for (const auto& [from, to] : d.surnames) mark(from.first);
    for (const auto& [from, to] : d.first_names) mark(from.first);
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    const size_t first_edit = edits->size();
    for (const auto& [begin, end] : spans) {
      ProcessLine(run.substr(begin, end - begin), run_offset + begin, d, edits);
    }
    std::sort(edits->begin() + static_cast<long>(first_edit), edits->end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  }

  void ProcessLine(std::string_view run, size_t run_offset,
                   const NameProfile::Decisions& d,
                   std::vector<Edit>* edits) const {
    ForEachNameMention(
        run, *first_names_, lexicon_.get(), [&](const NameMention& m) {
          const SurnameKey& key = *m.key;
          if (key.skeleton.empty()) return;
          const std::string& first_key = *m.first_key;
          // The word at [at, at + length) rewritten as `rewrites` says, under
          // (its text, `second`).
          const auto rewrite =
              [&](size_t at, size_t length, const std::string& second,
                  const NameProfile::Decisions::Rewrites& rewrites) {
                const std::string_view word = run.substr(at, length);
                const auto it = rewrites.find({std::string(word), second});
                if (it == rewrites.end()) return;
                Edit e;
                e.offset = run_offset + at;
                e.length = length;
                e.replacement = InCaseOf(word, it->second.to);
                e.rule = "name: " + it->second.evidence;
                e.confidence = 0.9f;
                edits->push_back(std::move(e));
              };
          if (m.first_length > 0)
            rewrite(m.first_at, m.first_length, PersonId(key), d.first_names);
          rewrite(m.surname_at, m.surname_length, first_key, d.surnames);
        });
  }

 private:
  std::shared_ptr<const FirstNames> first_names_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const NamesDictionary> dictionary_;
  bool prefer_dictionary_;
  std::shared_ptr<const NameProfile> profile_;
  NameProfile::Decisions batch_;
};

}  // namespace

std::unique_ptr<TextStage> MakeNamesStage(
    std::shared_ptr<const FirstNames> first_names,
    std::shared_ptr<const Lexicon> lexicon,
    std::shared_ptr<const NamesDictionary> dictionary, bool prefer_dictionary,
    std::shared_ptr<const NameProfile> profile) {
  return std::make_unique<NamesStage>(std::move(first_names),
                                      std::move(lexicon), std::move(dictionary),
                                      prefer_dictionary, std::move(profile));
}

}  // namespace textmend
