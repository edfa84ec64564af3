// textmend_eval --names; see names_eval.h.
#include "names_eval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "distance.h"
#include "names/names.h"
#include "textmend/repairer.h"

namespace textmend_eval {
namespace {

struct Spelling {
  std::string given, surname;
  bool operator<(const Spelling& o) const {
    return given != o.given ? given < o.given : surname < o.surname;
  }
  bool operator==(const Spelling& o) const {
    return given == o.given && surname == o.surname;
  }
};

// "LUKASHENKA" -> "Lukashenka", "SHAKUTIN-PETROV" -> "Shakutin-Petrov".
std::string TitleCase(const std::string& s) {
  std::string out = s;
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c | 0x20);
    if (c >= 'a' && c <= 'z' && start) c = static_cast<char>(c - 32);
    start = c == '-' || c == ' ' || c == '\'';
  }
  return out;
}

bool PlainName(const std::string& s) {
  if (s.size() < 2) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
      return false;
  }
  return true;
}

// The group's distinct spellings as (first given name, surname).
std::vector<Spelling> ParseGroup(const std::string& line) {
  std::set<Spelling> seen;
  std::vector<Spelling> out;
  size_t at = 0;
  while (at <= line.size()) {
    size_t tab = line.find('\t', at);
    if (tab == std::string::npos) tab = line.size();
    const std::string field = line.substr(at, tab - at);
    at = tab + 1;
    const size_t comma = field.find(", ");
    if (comma == std::string::npos) continue;
    const std::string surname = TitleCase(field.substr(0, comma));
    std::string given = field.substr(comma + 2);
    given = TitleCase(given.substr(0, given.find(' ')));
    if (!PlainName(surname) || !PlainName(given)) continue;
    if (surname.find('-') != std::string::npos) continue;
    Spelling s{given, surname};
    if (seen.insert(s).second) out.push_back(s);
  }
  return out;
}

// The surname's other gender form, when its ending tells one.
std::string OtherGender(const std::string& surname) {
  const auto ends = [&](const std::string& e) {
    return surname.size() > e.size() + 2 &&
           surname.compare(surname.size() - e.size(), e.size(), e) == 0;
  };
  const auto swap = [&](const std::string& from, const std::string& to) {
    return surname.substr(0, surname.size() - from.size()) + to;
  };
  for (const auto& [m, f] :
       std::vector<std::pair<std::string, std::string>>{{"sky", "skaya"},
                                                        {"ski", "skaya"},
                                                        {"ov", "ova"},
                                                        {"ev", "eva"},
                                                        {"in", "ina"},
                                                        {"au", "ava"}}) {
    if (ends(f)) return swap(f, m);
    if (ends(m)) return swap(m, f);
  }
  return "";
}

// Sentences around the mentions, written for this tool.
const std::vector<std::string>& Templates() {
  static const std::vector<std::string> t = {
      "{} said on Tuesday that the talks would resume next week.",
      "According to officials, {} was not available for comment.",
      "{} has denied any wrongdoing.",
      "A spokesman for {} declined to give details of the meeting.",
      "{} arrived in the capital late on Monday evening.",
      "Reporters asked {} about the new sanctions.",
      "The court heard that {} signed the contract in March.",
      "In a statement, {} thanked the workers at the plant.",
  };
  return t;
}
const std::vector<std::string>& Fillers() {
  static const std::vector<std::string> f = {
      "The decision was announced after a long session.",
      "Observers said the vote was neither free nor fair.",
      "Prices for grain rose sharply over the summer.",
      "The ministry did not respond to questions.",
  };
  return f;
}

struct Person {
  std::vector<Spelling> spellings;  // of its group (or its own, for a trap)
  std::vector<size_t> given_tokens, surname_tokens;  // in the document
  std::set<std::string> used;  // "given surname" forms written
  bool trap = false;           // a relative added as a trap
  bool has_trap = false;       // a relative of it is in the document
};

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// A token without trailing punctuation.
std::string Bare(std::string w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  return w;
}

// See NamesEvalOptions::pairs.
int PairStats(const std::vector<std::vector<Spelling>>& groups,
              const textmend::FirstNames& first_names, bool verbose) {
  struct Form {
    textmend::SurnameKey key, loose;
    std::string first_key, surname;
  };
  std::vector<std::vector<Form>> forms(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const Spelling& s : groups[g]) {
      Form f;
      f.key = textmend::KeyOfSurname(s.surname);
      if (f.key.skeleton.empty()) continue;
      f.loose = textmend::LooseKey(f.key);
      f.first_key = textmend::FirstNameKey(first_names, s.given);
      f.surname = s.surname;
      forms[g].push_back(std::move(f));
    }
  }
  // One person's pairs: distinct surnames with one first-name key, not an
  // alias (another surname altogether).
  size_t same = 0, same_key = 0, same_loose = 0;
  for (const auto& group : forms) {
    for (size_t i = 0; i < group.size(); ++i) {
      for (size_t j = i + 1; j < group.size(); ++j) {
        const Form& a = group[i];
        const Form& b = group[j];
        if (a.first_key != b.first_key || a.surname == b.surname) continue;
        if (2 * Distance(a.surname, b.surname) >
            std::max(a.surname.size(), b.surname.size()))
          continue;
        ++same;
        same_key += a.key == b.key;
        same_loose += a.loose == b.loose;
        if (verbose && a.key != b.key && a.loose != b.loose)
          std::printf("apart: %s %s\n", a.surname.c_str(), b.surname.c_str());
      }
    }
  }
  // One person's first names: the pairs of spellings that share a key.
  size_t given = 0, given_key = 0;
  for (const auto& group : groups) {
    std::set<std::string> names;
    for (const Spelling& s : group) names.insert(s.given);
    for (auto a = names.begin(); a != names.end(); ++a) {
      for (auto b = std::next(a); b != names.end(); ++b) {
        ++given;
        const bool same_key = textmend::FirstNameKey(first_names, *a) ==
                              textmend::FirstNameKey(first_names, *b);
        given_key += same_key;
        if (verbose && !same_key)
          std::printf("first names apart: %s %s\n", a->c_str(), b->c_str());
      }
    }
  }
  std::printf(
      "one person's first-name spellings: %zu pairs, %zu (%.1f%%) "
      "with one key\n",
      given, given_key, given ? 100.0 * given_key / given : 0.0);
  // Different persons' pairs: the (first name, key) both groups write.
  const auto joined = [&](bool loose) {
    std::map<std::pair<std::string, textmend::SurnameKey>, std::set<size_t>> by;
    for (size_t g = 0; g < forms.size(); ++g) {
      for (const Form& f : forms[g])
        by[{f.first_key, loose ? f.loose : f.key}].insert(g);
    }
    size_t pairs = 0;
    for (const auto& [k, gs] : by) {
      if (gs.size() < 2) continue;
      pairs += gs.size() * (gs.size() - 1) / 2;
      if (verbose && loose) {
        std::printf("joined:");
        for (const size_t g : gs)
          std::printf(" [%s %s]", groups[g][0].given.c_str(),
                      groups[g][0].surname.c_str());
        std::printf("\n");
      }
    }
    return pairs;
  };
  const size_t apart_key = joined(false), apart_loose = joined(true);
  std::printf(
      "one person's surname spellings with one first name: %zu pairs\n"
      "  equal keys: %zu (%.1f%%); equal loose keys: %zu (%.1f%%)\n"
      "different persons' spellings with one first name and gender joined:\n"
      "  by the key: %zu pairs; by the loose key: %zu pairs\n",
      same, same_key, same ? 100.0 * same_key / same : 0.0, same_loose,
      same ? 100.0 * same_loose / same : 0.0, apart_key, apart_loose);
  return 0;
}

}  // namespace

int RunNamesEval(const std::vector<std::string>& lines,
                 const NamesEvalOptions& options) {
  std::vector<std::vector<Spelling>> groups;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((options.half == "even" && i % 2 != 0) ||
        (options.half == "odd" && i % 2 != 1))
      continue;
    std::vector<Spelling> g = ParseGroup(lines[i]);
    if (!g.empty()) groups.push_back(std::move(g));
  }
  if (groups.size() < 4) {
    std::fprintf(stderr, "textmend_eval --names: too few groups\n");
    return 2;
  }
  std::shared_ptr<const textmend::FirstNames> first_names;
  if (!textmend::LoadFirstNames("", &first_names).ok()) return 2;
  if (options.pairs) return PairStats(groups, *first_names, options.verbose);
  textmend::Options o;
  (void)textmend::SetStages("names", &o);
  std::unique_ptr<textmend::Repairer> repairer;
  if (!textmend::Repairer::Create(o, &repairer).ok()) return 2;

  std::mt19937 rng(options.seed);
  const auto pick = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  size_t varied_alias = 0, unified_alias = 0;
  size_t varied = 0, unified = 0, varied_trap = 0, unified_trap = 0, merged = 0,
         name_tokens = 0, other = 0, other_tokens = 0, traps = 0,
         trap_changed = 0;
  for (size_t doc = 0; doc < options.documents; ++doc) {
    std::vector<Person> people;
    std::set<size_t> chosen;
    while (chosen.size() < 3) chosen.insert(pick(groups.size()));
    for (const size_t g : chosen) {
      Person p;
      p.spellings = groups[g];
      people.push_back(std::move(p));
    }
    // A trap beside the first person: a relative with its surname, or its
    // other gender form, and a first name that is not its own.
    if (pick(3) == 0) {
      const Person& a = people[0];
      const Spelling& s = a.spellings[0];
      std::string surname = s.surname;
      if (pick(2) == 0) {
        const std::string other_form = OtherGender(s.surname);
        if (!other_form.empty()) surname = other_form;
      }
      const std::string a_key = textmend::FirstNameKey(*first_names, s.given);
      for (int tries = 0; tries < 20; ++tries) {
        const auto& g = groups[pick(groups.size())];
        const std::string given = g[pick(g.size())].given;
        if (textmend::FirstNameKey(*first_names, given) == a_key) continue;
        Person r;
        r.spellings = {{given, surname}};
        r.trap = true;
        people[0].has_trap = true;
        people.push_back(std::move(r));
        ++traps;
        break;
      }
    }
    // Each person four times (a relative twice), in up to three spellings:
    // the full name first, then the surname alone or the full name again.
    struct Mention {
      size_t person;
      Spelling spelling;
      bool full;
    };
    std::vector<Mention> mentions;
    for (size_t k = 0; k < people.size(); ++k) {
      Person& p = people[k];
      const size_t forms = std::min<size_t>(p.spellings.size(), 1 + pick(3));
      std::vector<Spelling> use = p.spellings;
      std::shuffle(use.begin(), use.end(), rng);
      use.resize(forms);
      const size_t times = p.trap ? 2 : 4;
      for (size_t m = 0; m < times; ++m) {
        const Spelling& s = use[m % forms];
        mentions.push_back({k, s, m < forms || p.trap || pick(2) == 0});
      }
    }
    // Sentences: each person's mentions in order, interleaved at random,
    // with filler sentences; three sentences a paragraph.
    std::vector<size_t> order(mentions.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    // (Keep each person's first mention, the full name, before the others.)
    std::map<size_t, std::vector<size_t>> by_person;
    for (const size_t i : order) by_person[mentions[i].person].push_back(i);
    for (auto& [person, list] : by_person) std::sort(list.begin(), list.end());
    std::map<size_t, size_t> next;
    std::vector<std::string> tokens;
    std::string text;
    size_t sentences = 0;
    const auto add_words = [&](const std::string& s) {
      for (const std::string& w : SplitWords(s)) tokens.push_back(w);
      text += s;
    };
    for (const size_t slot : order) {
      const size_t person = mentions[slot].person;
      const Mention& m = mentions[by_person[person][next[person]++]];
      Person& p = people[m.person];
      const std::string& t = Templates()[pick(Templates().size())];
      const size_t hole = t.find("{}");
      add_words(t.substr(0, hole));
      if (m.full) {
        p.given_tokens.push_back(tokens.size());
        tokens.push_back(m.spelling.given);
        text += m.spelling.given + " ";
      }
      p.surname_tokens.push_back(tokens.size());
      tokens.push_back(m.spelling.surname);
      text += m.spelling.surname;
      // The rest of the sentence: its first word may be glued to the name
      // ("{}," or "{}."), as in the templates.
      std::string rest = t.substr(hole + 2);
      if (!rest.empty() && rest[0] != ' ') {
        const size_t space = rest.find(' ');
        const std::string glued = rest.substr(0, space);
        tokens.back() += glued;
        text += glued;
        rest = space == std::string::npos ? "" : rest.substr(space);
      }
      add_words(rest);
      p.used.insert(m.spelling.given + " " + m.spelling.surname);
      if (pick(3) == 0) {
        text += " ";
        add_words(Fillers()[pick(Fillers().size())]);
      }
      text += ++sentences % 3 == 0 ? "\n\n" : " ";
    }
    text += "\n";
    textmend::RepairResult r;
    if (!repairer->Repair(text, &r).ok()) return 2;
    const std::vector<std::string> after = SplitWords(r.text);
    if (after.size() != tokens.size()) {
      ++other;  // a token split or joined: count the document as damaged
      continue;
    }
    std::vector<char> is_name(tokens.size(), 0);
    for (const Person& p : people) {
      for (const size_t i : p.given_tokens) is_name[i] = 1;
      for (const size_t i : p.surname_tokens) is_name[i] = 1;
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (is_name[i]) continue;
      ++other_tokens;
      other += after[i] != tokens[i];
    }
    for (const Person& p : people) {
      std::set<std::string> own_given, own_surname;
      for (const Spelling& s : p.spellings) {
        own_given.insert(s.given);
        own_surname.insert(s.surname);
      }
      std::set<std::string> givens, surnames;
      bool changed = false;
      for (const size_t i : p.given_tokens) {
        ++name_tokens;
        const std::string g = Bare(after[i]);
        givens.insert(g);
        changed = changed || after[i] != tokens[i];
        if (own_given.count(g) == 0) ++merged;
      }
      for (const size_t i : p.surname_tokens) {
        ++name_tokens;
        const std::string s = Bare(after[i]);
        surnames.insert(s);
        changed = changed || after[i] != tokens[i];
        if (own_surname.count(s) == 0) ++merged;
      }
      if (p.trap) {
        trap_changed += changed;
        continue;
      }
      if (p.used.size() < 2) continue;
      const bool one = givens.size() <= 1 && surnames.size() == 1;
      (p.has_trap ? varied_trap : varied) += 1;
      (p.has_trap ? unified_trap : unified) += one;
      // An alias (another surname altogether: a maiden name, a pseudonym)
      // is no spelling of the name: persons written with one are counted
      // apart.
      bool alias = false;
      std::set<std::string> written;
      for (const size_t i : p.surname_tokens) written.insert(Bare(tokens[i]));
      for (const std::string& a : written) {
        for (const std::string& b : written) {
          alias = alias || 2 * Distance(a, b) > std::max(a.size(), b.size());
        }
      }
      if (!p.has_trap && alias) {
        ++varied_alias;
        unified_alias += one;
      }
      if (options.verbose && !one) {
        std::printf("not unified%s:", p.has_trap ? " (beside a relative)"
                                      : alias    ? " (an alias)"
                                                 : "");
        for (const std::string& u : p.used) std::printf(" [%s]", u.c_str());
        std::printf("\n");
        if (options.verbose && std::getenv("NAMES_EVAL_TEXT") != nullptr)
          std::printf("%s\n---\n%s\n===\n", text.c_str(), r.text.c_str());
      }
    }
  }
  const auto pct = [](size_t a, size_t b) {
    return b == 0 ? 0.0
                  : 100.0 * static_cast<double>(a) / static_cast<double>(b);
  };
  std::printf("names: %zu documents from %zu groups (%s), seed %u\n",
              options.documents, groups.size(), options.half.c_str(),
              options.seed);
  std::printf(
      "  persons in several spellings: %zu, one spelling after: %zu "
      "(%.1f%%)\n",
      varied, unified, pct(unified, varied));
  std::printf(
      "  ... of them written under another surname too (an alias, "
      "no spelling of the name): %zu, one spelling after: %zu; the "
      "others: %.1f%%\n",
      varied_alias, unified_alias,
      pct(unified - unified_alias, varied - varied_alias));
  std::printf(
      "  ... beside a relative with the same surname or its other "
      "gender form: %zu, one spelling after: %zu (%.1f%%)\n",
      varied_trap, unified_trap, pct(unified_trap, varied_trap));
  std::printf("  relatives (traps): %zu, changed: %zu\n", traps, trap_changed);
  std::printf(
      "  name tokens changed into another person's or no spelling: "
      "%zu of %zu\n",
      merged, name_tokens);
  std::printf("  other tokens changed: %zu of %zu\n", other, other_tokens);
  const bool ok =
      merged == 0 && other == 0 && trap_changed == 0 &&
      (options.min_unified < 0 || pct(unified, varied) >= options.min_unified);
  return ok ? 0 : 1;
}

}  // namespace textmend_eval
