// Substitution inference; see substitution.h for the evidence it weighs.
#include "words/substitution.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "words/tokenizer.h"

namespace textmend {
namespace {

constexpr size_t kMinUnknownLength = 4;
constexpr size_t kMaxPiece = 8;  // longest source or target string
constexpr size_t kMaxCandidates = 300;
constexpr size_t kMaxRange = 20000;  // lexicon entries scanned per search
constexpr size_t kMaxRules = 3;
constexpr uint8_t kMaxEvidenceLevel = 60;  // SCOWL size level
constexpr double kMinExpectedTrace = 2.0;
constexpr uint8_t kMaxSplitLevel = 50;  // pieces of run-together words

// A crude stem, so that inflections of one word count as one piece of
// evidence: prisoners, prisoner -> prison; pardoned -> pardon.
std::string Stem(std::string w) {
  auto strip = [&w](std::string_view suffix, size_t keep) {
    if (w.size() >= suffix.size() + keep &&
        std::string_view(w).substr(w.size() - suffix.size()) == suffix) {
      w.resize(w.size() - suffix.size());
      return true;
    }
    return false;
  };
  strip("'s", 3);
  if (!strip("ies", 3)) strip("s", 3);
  if (!strip("ing", 3) && !strip("ed", 3)) strip("er", 3);
  strip("ly", 3);
  return w;
}

bool AsciiLetters(std::string_view s) {
  for (const char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// True when `u` is two common words run together ("jumpsthe"): a missing
// space explains it better than a substitution, so it is no evidence for one.
bool RunTogether(const Lexicon& lexicon, std::string_view u) {
  for (size_t i = 2; i + 2 <= u.size(); ++i) {
    const Lexicon::Entry* a = lexicon.Find(u.substr(0, i));
    const Lexicon::Entry* b = lexicon.Find(u.substr(i));
    if (a != nullptr && b != nullptr && (a->flags & lexfmt::kLower) &&
        (b->flags & lexfmt::kLower) && a->level <= kMaxSplitLevel &&
        b->level <= kMaxSplitLevel) {
      return true;
    }
  }
  return false;
}

// The share of running English text's words (by corpus frequency, over the
// most frequent lowercase words) that contain `piece`.
double ShareContaining(const Lexicon& lexicon, std::string_view piece) {
  const uint32_t n = std::min<uint32_t>(lexicon.size(), 20000);
  uint64_t total = 0, with = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const Lexicon::Entry& e = lexicon.ByFrequency(i);
    if ((e.flags & lexfmt::kLower) == 0) continue;
    total += e.frequency;
    if (lexicon.WordOf(e).find(piece) != std::string_view::npos)
      with += e.frequency;
  }
  return total == 0 ? 0
                    : static_cast<double>(with) / static_cast<double>(total);
}

}  // namespace

std::string SubstitutionRule::Describe() const {
  std::string out = "substitution '" + source + "'->'" + target + "' (" +
                    std::to_string(stems) + " words:";
  for (size_t i = 0; i < examples.size() && i < 5; ++i) {
    out += (i ? ", " : " ") + examples[i];
  }
  return out + ")";
}

std::string ReplaceAll(std::string_view word, std::string_view from,
                       std::string_view to) {
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = word.find(from, pos)) != std::string_view::npos;
       pos = hit + from.size()) {
    out.append(word.substr(pos, hit - pos));
    out.append(to);
  }
  out.append(word.substr(pos));
  return out;
}

std::string_view WithoutPossessive(std::string_view lower) {
  if (lower.size() > 3 && lower.substr(lower.size() - 2) == "'s") {
    lower.remove_suffix(2);
  }
  return lower;
}

bool KnownLower(const Lexicon& lexicon, std::string_view lower) {
  const Lexicon::Entry* e = lexicon.Find(lower);
  if (e != nullptr) return (e->flags & lexfmt::kLower) != 0;
  if (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s") {
    return KnownLower(lexicon, lower.substr(0, lower.size() - 2));
  }
  return false;
}

DocumentWords GatherWords(std::string_view window, const Lexicon& lexicon) {
  DocumentWords words;
  struct Seen {
    size_t count = 0;
    bool lower = false;        // written in lowercase somewhere
    bool not_upper = false;    // written other than in all capitals somewhere
    bool mid_capital = false;  // capitalized in the middle of a sentence
  };
  std::unordered_map<std::string, Seen> unknown;
  std::unordered_set<std::string> written;
  std::unordered_map<std::string, bool> known_cache;
  std::vector<WordToken> tokens;
  ForEachRun(
      window,
      [&](size_t, std::string_view run) {
        tokens.clear();
        Tokenize(run, &tokens);
        for (const WordToken& t : tokens) {
          const std::string_view text = run.substr(t.offset, t.length);
          written.emplace(text);
          if (t.length < 2) continue;
          ++words.tokens;
          const std::string lower = LowerWord(text, t.ascii);
          auto [it, fresh] = known_cache.emplace(lower, false);
          if (fresh) {
            it->second =
                lexicon.Find(lower) != nullptr || KnownLower(lexicon, lower);
          }
          if (it->second) {
            ++words.known_tokens;
            continue;
          }
          if (t.protect || !t.ascii) continue;
          const std::string base(WithoutPossessive(lower));
          if (base.size() < kMinUnknownLength) continue;
          Seen& seen = unknown[base];
          ++seen.count;
          const WordCase c = CaseOf(text);
          seen.lower = seen.lower || c == WordCase::kLower;
          seen.not_upper = seen.not_upper || c != WordCase::kUpper;
          seen.mid_capital = seen.mid_capital ||
                             (c == WordCase::kCapitalized && !t.sentence_start);
        }
      },
      [](size_t, size_t) {});
  for (auto& [w, seen] : unknown) {
    if (!seen.lower && seen.mid_capital) {
      words.names.push_back(w);
    } else if (seen.not_upper) {
      words.unknown.emplace_back(w, seen.count);
    }
  }
  std::sort(words.unknown.begin(), words.unknown.end());
  std::sort(words.names.begin(), words.names.end());
  words.written.assign(written.begin(), written.end());
  return words;
}

std::vector<SubstitutionRule> LearnSubstitutions(const DocumentWords& words,
                                                 const Lexicon& lexicon) {
  std::vector<SubstitutionRule> rules;
  // Text in another language is not English with many unknown words.
  if (words.tokens == 0 || words.known_tokens * 10 < words.tokens * 7) {
    return rules;
  }
  // 1. Source candidates: strings inside several distinct unknown words.
  std::unordered_map<std::string, size_t> pieces;
  for (const auto& [u, n] : words.unknown) {
    std::set<std::string_view> seen;
    for (size_t len = 2; len <= kMaxPiece; ++len) {
      for (size_t i = 0; i + len <= u.size(); ++i) {
        seen.insert(std::string_view(u).substr(i, len));
      }
    }
    for (std::string_view s : seen) ++pieces[std::string(s)];
  }
  std::vector<std::pair<std::string, size_t>> sources;
  for (auto& [s, n] : pieces) {
    if (n >= 2) sources.emplace_back(s, n);
  }
  std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second
                                : a.first.size() > b.first.size();
  });
  if (sources.size() > kMaxCandidates) sources.resize(kMaxCandidates);

  // 2. Target candidates: for an unknown word A+s+B, lexicon words A+r+B.
  std::set<std::pair<std::string, std::string>> candidates;
  for (const auto& [s, n] : sources) {
    size_t tried = 0;
    for (const auto& [u, count] : words.unknown) {
      const size_t p = u.find(s);
      if (p == std::string::npos || u.find(s, p + 1) != std::string::npos)
        continue;
      if (++tried > 30) break;
      const std::string_view a = std::string_view(u).substr(0, p);
      const std::string_view b = std::string_view(u).substr(p + s.size());
      if (a.size() + b.size() < 3) continue;
      const bool by_prefix = a.size() >= b.size();
      const auto [lo, hi] =
          by_prefix ? lexicon.PrefixRange(a) : lexicon.SuffixRange(b);
      if (hi - lo > kMaxRange) continue;
      for (uint32_t i = lo; i < hi; ++i) {
        const Lexicon::Entry& e =
            by_prefix ? lexicon.At(i) : lexicon.ReversedAt(i);
        if ((e.flags & lexfmt::kLower) == 0) continue;
        const std::string_view w = lexicon.WordOf(e);
        if (w.size() < a.size() + b.size() + 2 ||
            w.size() > a.size() + b.size() + kMaxPiece ||
            w.substr(0, a.size()) != a || w.substr(w.size() - b.size()) != b) {
          continue;
        }
        const std::string_view r =
            w.substr(a.size(), w.size() - a.size() - b.size());
        if (r != s && AsciiLetters(r)) candidates.emplace(s, std::string(r));
      }
    }
  }

  // 3. Evidence for each candidate across the whole document.
  for (const auto& [s, r] : candidates) {
    bool trace = false;
    for (const std::string& w : words.written) {
      if (w.find(r) != std::string::npos) {
        trace = true;
        break;
      }
    }
    if (trace) continue;
    size_t containing = 0, fixed = 0;
    std::map<std::string, std::string> stems;  // stem -> an example
    for (const auto& [u, count] : words.unknown) {
      if (u.find(s) == std::string::npos || RunTogether(lexicon, u)) continue;
      ++containing;
      const std::string f = ReplaceAll(u, s, r);
      if (!KnownLower(lexicon, f)) continue;
      ++fixed;
      // Rare words are weak evidence: a coincidence finds them too easily.
      const Lexicon::Entry* e = lexicon.Find(WithoutPossessive(f));
      if (e != nullptr && e->level <= kMaxEvidenceLevel)
        stems.emplace(Stem(f), f);
    }
    if (stems.size() < 2 || fixed * 2 < containing) continue;
    // The missing target is evidence only if this document would be expected
    // to contain it several times: "one" is in 1 of 70 running words.
    const double expected =
        ShareContaining(lexicon, r) * static_cast<double>(words.tokens);
    if (expected < kMinExpectedTrace) continue;
    SubstitutionRule rule;
    rule.source = s;
    rule.target = r;
    rule.stems = stems.size();
    for (const auto& [stem, example] : stems) rule.examples.push_back(example);
    rules.push_back(std::move(rule));
  }

  // 4. The strongest rules, one per source region.
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    if (a.stems != b.stems) return a.stems > b.stems;
    if (a.source.size() != b.source.size())
      return a.source.size() > b.source.size();
    return a.target < b.target;
  });
  std::vector<SubstitutionRule> chosen;
  for (auto& rule : rules) {
    bool overlaps = false;
    for (const auto& c : chosen) {
      if (c.source.find(rule.source) != std::string::npos ||
          rule.source.find(c.source) != std::string::npos) {
        overlaps = true;
      }
    }
    if (!overlaps) chosen.push_back(std::move(rule));
    if (chosen.size() == kMaxRules) break;
  }
  return chosen;
}

}  // namespace textmend
