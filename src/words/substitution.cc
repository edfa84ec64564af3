// Substitution inference; see substitution.h for the evidence it weighs.
#include "words/substitution.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/tokenizer.h"
#include "core/utf8.h"

namespace textmend {
namespace {

constexpr size_t kMinSource = 2;       // shortest source string
constexpr size_t kMinPiece = 2;        // shortest target string
constexpr size_t kMaxPiece = 8;        // longest target string
constexpr size_t kMaxSource = 16;      // longest source string
constexpr size_t kMaxSources = 60;     // source strings examined per window
constexpr size_t kWordsPerSource = 8;  // unknown words searched per source
constexpr size_t kNamesPerSource = 8;  // names read for its targets
// Sources only names hold: their shortest string, the names that must hold
// one, and how many are examined per window. Measured on substitution seeds
// 3-4, 7-10, 61-62 and 81-82: +0.17, +0.10, +0.13 and +0.08 points of
// damaged non-words restored, none more given a wrong word; OCR-like noise
// and clean text the same; +0.9% instructions on 2 MB of clean news.
constexpr size_t kMinNameSource = 3;
constexpr size_t kMinNameWitnesses = 3;
constexpr size_t kMaxNameSources = 5;
constexpr size_t kMaxRange = 8000;  // lexicon entries scanned per search
// Lexicon entries scanned per window for one word family's forms together
// (step 2): a bound, as such families are rare (none on 2 MB of clean or
// of 5%-misread news).
constexpr size_t kJointBudget = 200000;
constexpr size_t kMaxRules = 3;
constexpr uint8_t kMaxEvidenceLevel = 60;  // SCOWL size level
constexpr double kMinExpectedTrace = 2.0;
constexpr uint8_t kMaxSplitLevel = 50;  // pieces of run-together words
// The log-probability of an unknown word a rule leaves unexplained, and the
// lead in log-likelihood the best target for a source needs over the next.
constexpr double kUnexplainedLogP = -25.0;
constexpr double kMinScoreMargin = 3.4;  // thirty times as likely
// A rule told from its rivals by the words around the repaired words: it
// must fit them this much better (in log-likelihood) than every rival
// rewrite of the same words, on at least one listed word pair, and repair
// at least kMinContextTokens tokens of unknown words (names alone are no
// reading). On fewer than kMinContextPairs listed pairs it must rewrite no
// name unless it repairs two tokens or more, and a page reader's slips must
// not read any of its words otherwise (SubstitutionRule::few_pairs):
// measured on substitution seeds 3-4, 7-10 and 61-62, 83.15, 84.30 and
// 84.60% of damaged non-words restored with two pairs asked always, 83.40,
// 84.78 and 85.25% so, with as many or fewer given a wrong word (276, 510,
// 171) and OCR-like noise unchanged (no name at all: 83.35, 84.55, 85.13%);
// without the conditions, a rule from one misread word (otbers) rewrote the
// name Beringer (Heringer), and one from heve and thhe made reeve and
// three. The words around one damaged token can decide: measured
// on substitution seeds 3-4, a minimum of 3, 2 and 1 tokens restored 82.38,
// 83.01 and 83.15% of damaged non-words, with 291, 278 and 276 given a wrong
// word. Among more than
// kFewContextRivals rival readings the best fits better by chance: the lead
// needed grows by the log of how many times more there are (as a test
// corrected for many comparisons), and beyond kMaxContextRivals the words
// are left alone. Only rivals within kRivalReach of the best count: one far
// behind (most of the hundreds a word family's letters allow, whose
// long sources leave the words few letters of their own) is no chance
// winner.
constexpr double kMinContextLead = 6.9;  // a thousand times as likely
constexpr int kMinContextPairs = 2;
// Or, on one listed pair, the word it brings back is one the document
// would hold kMinTellingAbsence times or more and holds nowhere (an English
// article without a single "the"): its absence is no chance (e^-3, 5%, at
// the least), whatever names the reading rewrites. Measured on substitution
// seeds 7-10 and 61-62: +0.03 points of non-words each, +0.45 and +0.73 of
// damaged tokens that read as words, no more given a wrong word; seeds 3-4
// and 81-82, OCR-like noise and clean text the same.
constexpr double kMinTellingAbsence = 3.0;
constexpr size_t kMinContextTokens = 1;
constexpr size_t kFewContextRivals = 10;
constexpr double kRivalReach = 3 * kMinContextLead;
constexpr double kSourceLetterLog = 3.26;  // log 26: one letter of 26
constexpr size_t kMaxContextRivals = 5000;
// Neighbours read per unknown word by the words-around scoring: an article's
// first uses of a word stand beside words that fit any reading ("of _", "the
// _"); measured on substitution seeds 7-10 and 61-62, 16 left 0.08 and 0.15
// points of recall, and 64 added nothing over 32.
constexpr size_t kMaxNeighbours = 32;

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
  if (strip("ies", 3)) {
    w.push_back('i');  // babies -> babi, as baby
  } else {
    strip("s", 3);
  }
  if (!strip("ing", 3) && !strip("ed", 3)) strip("er", 3);
  strip("ly", 3);
  // A final e or y (crappie, crappies; technology, technologies).
  if (w.size() > 3 && (w.back() == 'e' || w.back() == 'y')) {
    if (w.back() == 'y')
      w.back() = 'i';
    else
      w.pop_back();
  }
  return w;
}

bool AsciiLetters(std::string_view s) {
  for (const char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// The pieces of `pieces` (a map from views to what holds them) held by at
// least `least` words that a piece one letter longer (a letter a-z before
// or after it) is held by as many words as: a piece inside a longer one
// says little the longer one does not. Found from the longer side, two
// lookups per piece. `count_of(entry)` is how many words hold an entry.
template <typename Pieces, typename CountOf>
std::unordered_set<std::string_view> CoveredPieces(const Pieces& pieces,
                                                   size_t least,
                                                   CountOf count_of) {
  std::unordered_set<std::string_view> covered;
  for (const auto& entry : pieces) {
    const std::string_view s = entry.first;
    const size_t n = count_of(entry);
    if (n < least || s.size() < 2) continue;
    const auto mark = [&](char dropped, std::string_view shorter) {
      if (dropped < 'a' || dropped > 'z') return;
      const auto it = pieces.find(shorter);
      if (it != pieces.end() && count_of(*it) == n) covered.insert(shorter);
    };
    mark(s.front(), s.substr(1));
    mark(s.back(), s.substr(0, s.size() - 1));
  }
  return covered;
}

// The places where `u` splits into two common words ("jumpsthe" at 5): a
// missing space there explains it better than a substitution, so it is no
// evidence for one, unless the split falls at the edge of the substitution's
// source (when the source is itself a word, every damaged word splits there).
std::vector<uint8_t> RunTogetherSplits(const Lexicon& lexicon,
                                       std::string_view u) {
  std::vector<uint8_t> splits;
  for (size_t i = 3; i + 3 <= u.size() && i < 256; ++i) {
    const Lexicon::Entry* a = lexicon.Find(u.substr(0, i));
    if (a == nullptr || (a->flags & lexfmt::kLower) == 0 ||
        a->level > kMaxSplitLevel)
      continue;
    const Lexicon::Entry* b = lexicon.Find(u.substr(i));
    if (b != nullptr && (b->flags & lexfmt::kLower) &&
        b->level <= kMaxSplitLevel) {
      splits.push_back(static_cast<uint8_t>(i));
    }
  }
  return splits;
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

// Whether a token of the document holding `source` is a word the lexicon
// knows, counting the words other repairs will write (a join's volunteer),
// as a second run would read them.
bool InKnownWord(const DocumentWords& words, const Lexicon& lexicon,
                 std::string_view source) {
  const auto known_holder = [&](std::string_view w) {
    return w.find(source) != std::string_view::npos &&
           Known(lexicon, LowerWord(w, true));
  };
  return std::any_of(words.written.begin(), words.written.end(),
                     known_holder) ||
         std::any_of(words.extra_written.begin(), words.extra_written.end(),
                     known_holder);
}

}  // namespace

double WordLogP(const Lexicon& lexicon, std::string_view lower) {
  const Lexicon::Entry* e = lexicon.Find(lower);
  const double total = static_cast<double>(lexicon.total_frequency()) + 1.0;
  if (e != nullptr && e->frequency > 0)
    return std::log(static_cast<double>(e->frequency) / total);
  const double floor = std::log(1e4 / total);
  return floor - (e != nullptr ? 0.05 * e->level : 5.0);
}

// How likely an accident is to have written `source` (lowercase) in place
// of what it replaced: as arbitrary letters, one of 26 per letter, or as an
// English word, as likely as the word is in running text (a find-and-replace
// is mostly given words: "start" for "one"). Of a reading's source letters,
// those of a word are far likelier the accident's than the same number of
// a damaged word's own letters ("still" in cstillr, colour, over "cstill",
// power).
double SourceLogP(const Lexicon& lexicon, std::string_view source) {
  const double letters = -kSourceLetterLog * static_cast<double>(source.size());
  const Lexicon::Entry* e = lexicon.Find(source);
  if (e == nullptr || e->frequency == 0 || (e->flags & lexfmt::kLower) == 0)
    return letters;
  const double word = WordLogP(lexicon, source);
  const double high = std::max(letters, word);
  return high + std::log1p(std::exp(std::min(letters, word) - high));
}

std::string SubstitutionRule::Describe() const {
  std::string out = "substitution '" + source + "'->'" + target + "' (" +
                    std::to_string(stems) + " words:";
  for (size_t i = 0; i < examples.size() && i < 5; ++i) {
    out += (i ? ", " : " ") + examples[i];
  }
  if (context_lead > 0) {
    char lead[48];
    std::snprintf(lead, sizeof lead, "; by the words around them, %.1f nats",
                  context_lead);
    out += lead;
  }
  return out + ")";
}

std::string ReplaceAll(std::string_view word, std::string_view from,
                       std::string_view to) {
  if (from.empty()) return std::string(word);  // (nothing to replace)
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

namespace {

// Counts by short string (pieces of a window's unknown words: tens of
// thousands of insertions per window, each a node allocation in a
// std::unordered_map). Open addressing over the entries' indexes; entries
// in insertion order. The strings must outlive the map.
class PieceCounts {
 public:
  using Entry = std::pair<std::string_view, size_t>;

  size_t& operator[](std::string_view key) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    for (size_t h = HashOf(key);; ++h) {
      uint32_t& slot = slots_[h & (slots_.size() - 1)];
      if (slot == 0) {
        entries_.emplace_back(key, 0);
        slot = static_cast<uint32_t>(entries_.size());
        return entries_.back().second;
      }
      if (entries_[slot - 1].first == key) return entries_[slot - 1].second;
    }
  }
  // The entry for `key`, or end() (as a std::unordered_map's find).
  std::vector<Entry>::iterator find(std::string_view key) {
    if (entries_.empty()) return entries_.end();
    for (size_t h = HashOf(key);; ++h) {
      const uint32_t slot = slots_[h & (slots_.size() - 1)];
      if (slot == 0) return entries_.end();
      if (entries_[slot - 1].first == key) return entries_.begin() + (slot - 1);
    }
  }
  std::vector<Entry>::const_iterator find(std::string_view key) const {
    return const_cast<PieceCounts*>(this)->find(key);
  }
  bool contains(std::string_view key) const { return find(key) != end(); }
  bool empty() const { return entries_.empty(); }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  static size_t HashOf(std::string_view key) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
    for (const char c : key)
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    for (size_t k = 0; k < entries_.size(); ++k) {
      size_t h = HashOf(entries_[k].first);
      while (slots_[h & (slots_.size() - 1)] != 0) ++h;
      slots_[h & (slots_.size() - 1)] = static_cast<uint32_t>(k + 1);
    }
  }
  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;
};

}  // namespace

CommonPieces::CommonPieces(const Lexicon& lexicon) {
  const std::string_view all = lexicon.common_pieces();
  for (size_t at = 0, end; at < all.size(); at = end + 1) {
    end = all.find('\n', at);
    if (end == std::string_view::npos) end = all.size();
    if (end > at) pieces_.emplace_back(all.substr(at, end - at));
  }
}

std::vector<SubstitutionRule> LearnSubstitutions(const DocumentWords& words,
                                                 const Lexicon& lexicon,
                                                 const CommonPieces* common,
                                                 SourceLog* log) {
  std::vector<SubstitutionRule> rules;
  if (!EnglishDocument(words)) return rules;
  // 1. Source candidates: strings inside several distinct unknown words.
  PieceCounts pieces;  // views into `words`
  std::vector<std::string_view> seen;
  for (const auto& [u, n] : words.unknown) {
    seen.clear();
    for (size_t len = kMinSource; len <= kMaxSource; ++len) {
      for (size_t i = 0; i + len <= u.size(); ++i)
        seen.push_back(std::string_view(u).substr(i, len));
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const std::string_view piece : seen) ++pieces[piece];
  }
  // A name holding a piece of an unknown word supports it too: an accident
  // damages names as well as words (Richzqw and Chapzqw beside inzqwnet:
  // "ter" replaced), and in step 3 a name the rewrite makes one the lexicon
  // knows is evidence. (Only pieces an unknown word holds are counted: a
  // window's names are hundreds, and their own pieces alone are no source.)
  // Per piece, the names holding it (indexes into words.names).
  std::unordered_map<std::string_view, std::vector<uint32_t>> names_with;
  if (!pieces.empty()) {
    for (size_t k = 0; k < words.names.size(); ++k) {
      const std::string& name = words.names[k];
      seen.clear();
      // (A piece no unknown word holds is in no longer one that starts
      // with it either.)
      for (size_t i = 0; i + kMinSource <= name.size(); ++i) {
        for (size_t len = kMinSource;
             len <= kMaxSource && i + len <= name.size(); ++len) {
          const std::string_view piece = std::string_view(name).substr(i, len);
          if (!pieces.contains(piece)) break;
          seen.push_back(piece);
        }
      }
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      for (const std::string_view piece : seen)
        names_with[piece].push_back(static_cast<uint32_t>(k));
    }
    for (const auto& [piece, holding] : names_with)
      pieces.find(piece)->second += holding.size();
  }
  static const std::vector<uint32_t> kNoNames;
  const auto names_holding_piece =
      [&](std::string_view piece) -> const std::vector<uint32_t>& {
    const auto it = names_with.find(piece);
    return it == names_with.end() ? kNoNames : it->second;
  };
  struct Source {
    std::string text;
    size_t words;  // distinct unknown words and names holding it
    bool closed;   // no one-letter-longer piece is in as many words
  };
  std::vector<Source> sources;
  // A piece inside a longer piece found in as many words mostly says
  // nothing the longer one does not ("orribl" inside "horrible"), so the
  // longest such pieces come first; the shorter ones still get a turn, as
  // the longer one may hold letters of the words around the replacement.
  const std::unordered_set<std::string_view> covered =
      CoveredPieces(pieces, 2, [](const auto& entry) { return entry.second; });
  for (const auto& [s, n] : pieces) {
    if (n < 2) continue;
    sources.push_back({std::string(s), n, covered.count(s) == 0});
  }
  std::sort(sources.begin(), sources.end(),
            [](const Source& a, const Source& b) {
              if (a.words != b.words) return a.words > b.words;
              if (a.closed != b.closed) return a.closed;
              if (a.text.size() != b.text.size())
                return a.text.size() > b.text.size();
              return a.text < b.text;
            });
  if (sources.size() > kMaxSources) sources.resize(kMaxSources);
  // An accident may damage only capitalized words (Fridlmn, Saturdlmn,
  // Thursdlmn: every "day" replaced), which leaves no unknown word to find
  // its source in. A piece held by kMinNameWitnesses names or more and no
  // unknown word, with three letters no common English word holds (what a
  // find-and-replace wrote; Lexicon::EnglishTrigram), is a source too, after
  // the others. Its rule still needs as many names that it makes names the
  // lexicon knows (step 4).
  {
    // (A window's names are thousands: only those sharing such three
    // letters with two others have their pieces read.)
    const auto junk_at = [&](const std::string& name, size_t i) {
      return AsciiLetters(std::string_view(name).substr(i, 3)) &&
             !lexicon.EnglishTrigram(name[i], name[i + 1], name[i + 2]);
    };
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_trigram;
    for (size_t k = 0; k < words.names.size(); ++k) {
      const std::string& name = words.names[k];
      for (size_t i = 0; i + 3 <= name.size(); ++i) {
        if (!junk_at(name, i)) continue;
        auto& holders = by_trigram[std::string_view(name).substr(i, 3)];
        if (holders.empty() || holders.back() != k)
          holders.push_back(static_cast<uint32_t>(k));
      }
    }
    std::vector<uint32_t> readable;  // names whose pieces are read
    for (const auto& [trigram, holders] : by_trigram) {
      if (holders.size() >= kMinNameWitnesses)
        readable.insert(readable.end(), holders.begin(), holders.end());
    }
    std::sort(readable.begin(), readable.end());
    readable.erase(std::unique(readable.begin(), readable.end()),
                   readable.end());
    std::unordered_map<std::string_view, std::vector<uint32_t>> name_pieces;
    for (const uint32_t k : readable) {
      const std::string& name = words.names[k];
      seen.clear();
      for (size_t i = 0; i + kMinNameSource <= name.size(); ++i) {
        // (Pieces from i that hold junk letters: from the first at or after
        // i on.)
        size_t junk = i;
        while (junk + 3 <= name.size() && !junk_at(name, junk)) ++junk;
        if (junk + 3 > name.size()) break;
        for (size_t len = std::max(kMinNameSource, junk + 3 - i);
             len <= kMaxSource && i + len <= name.size(); ++len) {
          const std::string_view piece = std::string_view(name).substr(i, len);
          if (!pieces.contains(piece)) seen.push_back(piece);
        }
      }
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      for (const std::string_view piece : seen) name_pieces[piece].push_back(k);
    }
    std::vector<Source> name_sources;
    // (The longest such pieces: none one letter longer is in as many.)
    const std::unordered_set<std::string_view> covered_names =
        CoveredPieces(name_pieces, kMinNameWitnesses,
                      [](const auto& entry) { return entry.second.size(); });
    for (const auto& [piece, holding] : name_pieces) {
      if (holding.size() < kMinNameWitnesses || covered_names.count(piece) != 0)
        continue;
      name_sources.push_back({std::string(piece), holding.size(), true});
    }
    std::sort(name_sources.begin(), name_sources.end(),
              [](const Source& a, const Source& b) {
                if (a.words != b.words) return a.words > b.words;
                return a.text < b.text;
              });
    if (name_sources.size() > kMaxNameSources)
      name_sources.resize(kMaxNameSources);
    for (Source& source : name_sources) {
      // (Keyed by a view into words.names, as the other pieces are.)
      auto it = name_pieces.find(source.text);
      names_with[it->first] = std::move(it->second);
      sources.push_back(std::move(source));
    }
  }
  // The longest pieces, which a replaced string is (see step 4).
  std::set<std::string, std::less<>> closed;
  for (const Source& source : sources) {
    if (source.closed) closed.insert(source.text);
  }
  if (log != nullptr && log->changed != nullptr &&
      log->tokens == words.tokens) {
    // A source examined before, in words that differ from these only by
    // words without it, has the same evidence, unless one of its targets
    // now has a trace, or had one only in a form now gone: not examined
    // again. (Unless the repairs changed the number of tokens: see
    // SourceLog::tokens.)
    // (Nor a source inside or around one a left-out word held: the two are
    // rivals (step 5), and the rival's evidence changed.)
    std::vector<std::string_view> touched;
    for (const auto& [t, targets] : log->examined) {
      for (const std::string& w : *log->changed) {
        if (w.find(t) != std::string::npos) {
          touched.push_back(t);
          break;
        }
      }
    }
    std::erase_if(sources, [&](const Source& source) {
      const auto before = log->examined.find(source.text);
      if (before == log->examined.end()) return false;
      for (const std::string_view t : touched) {
        if (source.text.find(t) != std::string::npos ||
            t.find(source.text) != std::string_view::npos)
          return false;
      }
      for (const std::string& r : before->second) {
        for (const std::string& w : words.extra_written) {
          if (w.find(r) != std::string::npos) return false;
        }
        for (const std::string& w : log->gone) {
          if (w.find(r) != std::string::npos) return false;
        }
      }
      return true;
    });
  }
  if (log != nullptr) {
    log->tokens = words.tokens;
    for (const Source& source : sources) log->examined[source.text];
  }

  // 2. Target candidates: for an unknown word A+s+B, lexicon words A+r+B,
  //    read from the lexicon's words that share the longer of A and B. The
  //    words whose context narrows the lexicon most are read first.
  std::set<std::pair<std::string, std::string>> candidates;
  // Those whose target no word of the lexicon shaped like the damaged words
  // suggested: a common letter string tried in their place.
  std::set<std::pair<std::string, std::string>> guessed;
  struct Context {
    std::string_view a, b;
    bool by_prefix;
    bool name;  // of a name: its rewrite may be a name too
    uint32_t lo, hi;
  };
  std::vector<Context> contexts;
  // The unknown words' contexts too wide to search alone (see below).
  std::vector<Context> wide;
  std::set<std::string, std::less<>> joint;  // targets the joint search found
  size_t joint_budget = kJointBudget;        // lexicon entries read so
  std::unordered_map<std::string_view, size_t> generated;  // target -> words
  const auto narrower = [](const Context& x, const Context& y) {
    return x.hi - x.lo < y.hi - y.lo;
  };
  // The lexicon's ranges of the contexts' prefixes and suffixes, each
  // searched once (two binary searches of the whole lexicon, which the
  // caches do not hold): the sources inside one word share them (every
  // source starting at one place has the same prefix), and a second call
  // reads mostly the same words.
  SourceLog own_log;
  SourceLog& ranges_log = log != nullptr ? *log : own_log;
  std::string piece_key;
  const auto range_of = [&](std::string_view piece, bool prefix) {
    auto& ranges = prefix ? ranges_log.prefix_ranges : ranges_log.suffix_ranges;
    piece_key.assign(piece);
    const auto [it, fresh] = ranges.try_emplace(piece_key);
    if (fresh)
      it->second =
          prefix ? lexicon.PrefixRange(piece) : lexicon.SuffixRange(piece);
    return it->second;
  };
  for (const Source& source : sources) {
    const std::string& s = source.text;
    // The target the `i`-th lexicon entry of context `c`'s range gives (its
    // letters between c.a and c.b, no longer than kMaxPiece), or "" when
    // none.
    const auto target_of = [&](const Context& c,
                               uint32_t i) -> std::string_view {
      const Lexicon::Entry& e =
          c.by_prefix ? lexicon.At(i) : lexicon.ReversedAt(i);
      if ((e.flags & (c.name ? lexfmt::kLower | lexfmt::kCapitalized
                             : lexfmt::kLower)) == 0)
        return {};
      const std::string_view w = lexicon.WordOf(e);
      const size_t around = c.a.size() + c.b.size();
      // (The range's words all start with c.a, or all end with c.b: only the
      // other end is compared.)
      if (w.size() < around + kMinPiece || w.size() > around + kMaxPiece ||
          !(c.by_prefix ? SameText(w.substr(w.size() - c.b.size()), c.b)
                        : SameText(w.substr(0, c.a.size()), c.a)))
        return {};
      const std::string_view r = w.substr(c.a.size(), w.size() - around);
      return r != s && AsciiLetters(r) ? r : std::string_view();
    };
    contexts.clear();
    wide.clear();
    joint.clear();
    // (The names holding the source too: an accident damages names as well
    // as words, and a name may be the one whose letters narrow the lexicon.)
    const auto add_context = [&](std::string_view u, bool name) {
      const size_t p = u.find(s);
      if (p == std::string::npos || u.find(s, p + 1) != std::string::npos)
        return;
      Context c;
      c.a = u.substr(0, p);
      c.b = u.substr(p + s.size());
      c.name = name;
      if (c.a.size() + c.b.size() < 2) return;
      const auto pre = range_of(c.a, true);
      const auto suf = range_of(c.b, false);
      c.by_prefix = pre.second - pre.first <= suf.second - suf.first;
      std::tie(c.lo, c.hi) = c.by_prefix ? pre : suf;
      if (c.hi - c.lo <= kMaxRange) {
        contexts.push_back(c);
      } else if (!name) {
        wide.push_back(c);
      }
    };
    for (const auto& [u, count] : words.unknown) add_context(u, false);
    // (At most a few names: a short piece is in hundreds of a window's names,
    // and each costs two searches of the lexicon.)
    const std::vector<uint32_t>& holding_names = names_holding_piece(s);
    for (size_t k = 0; k < holding_names.size() && k < kNamesPerSource; ++k)
      add_context(words.names[holding_names[k]], true);
    std::sort(contexts.begin(), contexts.end(), narrower);
    if (contexts.size() > kWordsPerSource) contexts.resize(kWordsPerSource);
    // One word family whose every context is too common to narrow the
    // lexicon alone (prsaid, prsaids: "pr" and "s"): its forms narrow it
    // together. The narrowest context (its prefix's words, or its suffix's)
    // is read within a budget per window, and a target is kept when it
    // makes every form a word: price and prices, prize and prizes, pride and
    // prides, for the words around to choose from (see step 4; a common
    // letter string the forms confirm so is no guess).
    if (contexts.empty() && wide.size() >= 2) {
      std::sort(wide.begin(), wide.end(), narrower);
      const Context& c = wide[0];
      if (c.hi - c.lo <= joint_budget) {
        joint_budget -= c.hi - c.lo;
        std::string rewritten;
        for (uint32_t i = c.lo; i < c.hi; ++i) {
          const std::string_view r = target_of(c, i);
          if (r.empty()) continue;
          bool all = true;
          for (size_t k = 1; k < wide.size() && all; ++k) {
            rewritten.assign(wide[k].a).append(r).append(wide[k].b);
            all = KnownLowerRare(lexicon, rewritten);
          }
          if (all) {
            candidates.emplace(s, std::string(r));
            joint.emplace(std::string(r));
          }
        }
      }
    }
    if (contexts.empty() && common != nullptr) {
      // Every word holding s is (nearly) all source, or its context is too
      // common to narrow the lexicon ("thorrible", "whorrible"): the target
      // is tried among the letter strings common in English instead.
      std::vector<std::string_view> holding;
      for (const auto& [u, count] : words.unknown) {
        const size_t p = u.find(s);
        if (p != std::string::npos && u.find(s, p + 1) == std::string::npos &&
            holding.size() < kWordsPerSource)
          holding.push_back(u);
      }
      if (holding.size() < 2) continue;
      for (const std::string& r : common->pieces()) {
        if (r == s) continue;
        size_t hits = 0;
        for (size_t k = 0; k < holding.size() && hits + holding.size() - k >= 2;
             ++k) {
          hits += KnownLowerRare(lexicon, ReplaceAll(holding[k], s, r));
        }
        if (hits >= 2) {
          candidates.emplace(s, r);
          // (Unless the family's own forms found it too.)
          if (joint.count(r) == 0) guessed.emplace(s, r);
        }
      }
    }
    // A target only one of several words' letters allow is no rule for
    // the document (a rule needs two words): it must come from two contexts,
    // unless only one word narrows the lexicon enough to be searched.
    generated.clear();
    for (const Context& c : contexts) {
      for (uint32_t i = c.lo; i < c.hi; ++i) {
        const std::string_view r = target_of(c, i);
        if (!r.empty()) ++generated[r];
      }
    }
    const size_t needed = contexts.size() >= 2 ? 2 : 1;
    for (const auto& [r, n] : generated) {
      if (n >= needed) candidates.emplace(s, std::string(r));
    }
  }

  // 3. Evidence for each candidate across the whole document, cheapest test
  //    first.
  std::vector<std::vector<uint8_t>> splits(words.unknown.size());
  for (size_t i = 0; i < words.unknown.size(); ++i) {
    splits[i] = RunTogetherSplits(lexicon, words.unknown[i].first);
  }
  auto run_together = [&](size_t i, size_t at, size_t source_size) {
    for (const uint8_t split : splits[i]) {
      if (split != at && split != at + source_size) return true;
    }
    return false;
  };
  // Word families are told apart by the damaged words, the same for every
  // candidate (the rewrite may turn a family's forms into unrelated words:
  // "ilfh", "ilfhes" are "go", "goes" or "search", "searches").
  // A candidate that rewrites every unknown word holding its source.
  struct Contextual {
    std::string source, target;
    std::map<std::string, std::string> stems;  // as for a rule
    size_t fixed = 0, containing = 0;
    double gain = 0;
    double score = 0;  // how well the rewrites fit the words around them
    double floor = 0;  // the same for words no pair lists
    int listed = 0;    // pairs the pair list has
    size_t names = 0;  // of the words it rewrites, names
    // The unknown words and names it rewrites, by index (names after the
    // unknown words), and what it makes of them, each ended by '\n': the
    // rewrites of one source and of the pieces around or inside it that
    // rewrite the same words into the same words are one reading.
    std::string holders, outcome;
    bool guessed = false;  // its target only guessed (see `guessed`)
  };
  std::vector<Contextual> contextual;
  std::map<std::string, size_t, std::less<>> source_tokens;  // occurrences
  std::vector<std::string> families(words.unknown.size());
  for (size_t i = 0; i < words.unknown.size(); ++i)
    families[i] = Stem(std::string(WithoutPossessive(words.unknown[i].first)));
  std::unordered_map<std::string, double> share;  // per target
  // A find-and-replace leaves no trace of what it replaced (outside what it
  // wrote: "then" written for "the" holds "the" itself).
  const auto has_trace = [&](const std::string& s, const std::string& r) {
    const bool inside = s.find(r) != std::string::npos;
    const auto holds = [&](std::string_view w) {
      if (w.find(r) == std::string_view::npos) return false;
      return !inside || ReplaceAll(w, s, "\n").find(r) != std::string::npos;
    };
    for (const std::string_view w : words.written) {
      if (holds(w)) return true;
    }
    for (const std::string& w : words.extra_written) {
      if (holds(w)) return true;
    }
    return false;
  };
  const auto make_rule = [&](const std::string& s, const std::string& r,
                             const std::map<std::string, std::string>& stems,
                             size_t fixed, size_t containing, double gain) {
    // That absence is strong evidence only when this document would be
    // expected to contain the target ("one" is in about 1 of 160 running
    // words); for a rarer target, more distinct words must agree.
    auto [it, fresh] = share.emplace(r, 0.0);
    if (fresh) it->second = ShareContaining(lexicon, r);
    SubstitutionRule rule;
    rule.source = s;
    rule.target = r;
    rule.stems = stems.size();
    rule.fixed = fixed;
    rule.containing = containing;
    rule.expected = it->second * static_cast<double>(words.tokens);
    // The rule explains the target's absence; a rival target's absence
    // would be a coincidence of probability exp(-expected).
    rule.score = gain + rule.expected;
    for (const auto& [stem, example] : stems) rule.examples.push_back(example);
    return rule;
  };
  // Per unknown word, its pairs in words.adjacent (index * 2, plus 1 where
  // it is the second word), at most kMaxNeighbours; indexed at first use.
  std::vector<std::vector<uint32_t>> pairs_of;
  const auto index_pairs = [&] {
    std::unordered_map<std::string_view, uint32_t> index;
    index.reserve(words.unknown.size());
    for (size_t i = 0; i < words.unknown.size(); ++i)
      index.emplace(words.unknown[i].first, static_cast<uint32_t>(i));
    pairs_of.resize(words.unknown.size());
    // A first filter on the length and the first two letters (lowercase),
    // so that most words need neither lowercasing nor hashing.
    const auto shape = [](std::string_view w) -> size_t {
      if (w.size() < 2) return 0;
      const auto letter = [](char c) -> size_t {
        c = static_cast<char>(c | 0x20);
        return c >= 'a' && c <= 'z' ? static_cast<size_t>(c - 'a') : 26;
      };
      return std::min<size_t>(w.size(), 31) * 27 * 27 + letter(w[0]) * 27 +
             letter(w[1]);
    };
    std::vector<bool> shapes(32 * 27 * 27);
    for (const auto& [u, n] : words.unknown) {
      shapes[shape(u)] = true;
      shapes[shape(u + "'s")] = true;
    }
    std::string lower;
    const auto find = [&](std::string_view w) {
      if (!shapes[shape(w)]) return UINT32_MAX;
      if (std::any_of(w.begin(), w.end(),
                      [](char c) { return c >= 'A' && c <= 'Z'; })) {
        lower = LowerWord(w, true);
        w = lower;
      }
      const auto it = index.find(WithoutPossessive(w));
      return it == index.end() ? UINT32_MAX : it->second;
    };
    for (size_t k = 0; k < words.adjacent.size(); ++k) {
      const auto [a, b] = words.adjacent[k];
      for (const uint32_t side : {0u, 1u}) {
        const uint32_t i = find(side == 0 ? a : b);
        if (i != UINT32_MAX && pairs_of[i].size() < kMaxNeighbours)
          pairs_of[i].push_back(static_cast<uint32_t>(2 * k) + side);
      }
    }
  };
  // How likely the rewrite of the words holding `s` makes them with the
  // words around them (a neighbour the rewrite repairs too read repaired):
  // per written word its own log count, once however often it occurs, and
  // per neighbour the log of how often the pair list has the two together
  // over how often the word occurs. (A word an article is about recurs far
  // more often than running text has it: counted per occurrence, the count
  // of a common word outweighed the neighbours of a rarer one: brfirstr,
  // seven times, read as car, not browser.) A pair the list lacks counts as
  // likely as the neighbour alone (at most just below the list's rarest pair);
  // a word it lacks, just below its rarest word. Rival rewrites of the same
  // words are scored on the same occurrences and neighbours, so their
  // difference is what tells.
  const float unlisted_pair = lexicon.pair_floor() - 1.0f;
  const double log_total = lexicon.log_total_frequency();
  std::unordered_map<std::string, float> pair_logs;  // "a b" -> log count
  // (-1: not listed.)
  const auto listed_log = [&](const std::string& a, const std::string& b) {
    std::string key = a + " " + b;
    auto it = pair_logs.find(key);
    if (it == pair_logs.end()) {
      float log = 0;
      if (!lexicon.PairLog(a, b, &log)) log = -1;
      it = pair_logs.emplace(std::move(key), log).first;
    }
    return it->second;
  };
  const auto word_log = [&](const std::string& w) {
    const float log = listed_log(w, "");
    return log >= 0 ? log : Lexicon::kUnlistedWordLog;
  };
  const auto score_context = [&](Contextual* c) {
    if (pairs_of.empty()) index_pairs();
    const std::string& s = c->source;
    const std::string& r = c->target;
    const auto as_repaired = [&](const std::string& w) {
      if (w.find(s) == std::string::npos) return w;
      std::string f = ReplaceAll(w, s, r);
      return KnownLower(lexicon, f) ? f : w;
    };
    for (size_t i = 0; i < words.unknown.size(); ++i) {
      const std::string& u = words.unknown[i].first;
      if (u.find(s) == std::string::npos) continue;
      const std::string f = ReplaceAll(u, s, r);
      const double own = word_log(f);
      c->score += own;
      c->floor += Lexicon::kUnlistedWordLog;
      for (const uint32_t p : pairs_of[i]) {
        const auto& [first, second] = words.adjacent[p / 2];
        const bool before = (p & 1) != 0;  // the neighbour comes first
        const std::string w =
            as_repaired(LowerWord(before ? first : second, true));
        const float pair = before ? listed_log(w, f) : listed_log(f, w);
        const double alone = word_log(w) - log_total;
        if (pair >= 0) {
          c->score += pair - own;
          ++c->listed;
        } else {
          c->score += std::min<double>(unlisted_pair - own, alone);
        }
        c->floor +=
            std::min<double>(unlisted_pair - Lexicon::kUnlistedWordLog, alone);
      }
    }
  };
  // Whether every unknown word holding a piece of `s` one letter shorter
  // (at least three letters) holds `s` itself: a piece of a replaced
  // string's junk left in other words says the source is not all of it
  // ("yuygwe" in boyuygwer, "yuygw" in goyuygw: the replacement was
  // "oyuygw").
  std::map<std::string, bool, std::less<>> holds_pieces;  // by source
  const auto holds_its_pieces = [&](const std::string& s) {
    auto [it, fresh] = holds_pieces.emplace(s, true);
    if (!fresh || s.size() <= 3) return it->second;
    const std::string_view whole = s;
    for (const std::string_view piece :
         {whole.substr(1), whole.substr(0, whole.size() - 1)}) {
      for (const auto& [u, n] : words.unknown) {
        if (u.find(piece) != std::string::npos &&
            u.find(s) == std::string::npos)
          return it->second = false;
      }
    }
    return true;
  };
  std::string holders, outcome;
  // The unknown words and names holding the current source (candidates
  // come sorted by source): found once per source, not per candidate.
  const std::string* holders_of = nullptr;
  std::vector<size_t> unknown_holding;
  for (const auto& [s, r] : candidates) {
    if (holders_of == nullptr || *holders_of != s) {
      holders_of = &s;
      unknown_holding.clear();
      for (size_t i = 0; i < words.unknown.size(); ++i) {
        if (words.unknown[i].first.find(s) != std::string::npos)
          unknown_holding.push_back(i);
      }
    }
    size_t containing = 0, fixed = 0;
    // In log-likelihood over leaving the words unknown, per written word
    // (once however often it occurs, as the words around score it).
    double gain = 0;
    std::map<std::string, std::string> stems;  // stem -> an example
    holders.clear();
    outcome.clear();
    for (const size_t i : unknown_holding) {
      const std::string& u = words.unknown[i].first;
      const size_t at = u.find(s);
      if (at == std::string::npos || run_together(i, at, s.size())) continue;
      ++containing;
      const std::string f = ReplaceAll(u, s, r);
      if (!KnownLowerRare(lexicon, f)) continue;
      ++fixed;
      holders.append(std::to_string(i)).push_back('\n');
      outcome.append(f).push_back('\n');
      gain += WordLogP(lexicon, WithoutPossessive(f)) - kUnexplainedLogP;
      // Rare words are weak evidence: a coincidence finds them too easily.
      // So is a word that is all source: it keeps none of its own letters.
      const Lexicon::Entry* e = lexicon.Find(WithoutPossessive(f));
      if (e != nullptr && e->level <= kMaxEvidenceLevel &&
          WithoutPossessive(u).size() > s.size())
        stems.emplace(families[i], f);
    }
    const size_t word_stems = stems.size();
    const size_t words_fixed = fixed;
    // A name holding the source (always capitalized, so not among the
    // unknown words) is evidence when the rewrite makes it a word or name
    // the lexicon knows (Microsmhbuol -> Microsoft); a name it does not
    // repair is no evidence against it: names are unknown anyway.
    for (const uint32_t k : names_holding_piece(s)) {
      const std::string& name = words.names[k];
      const std::string f = ReplaceAll(name, s, r);
      if (!KnownCapitalized(lexicon, f)) continue;
      ++fixed;
      ++containing;
      holders.append(name).push_back('\n');
      outcome.append(f).push_back('\n');
      gain += WordLogP(lexicon, WithoutPossessive(f)) - kUnexplainedLogP;
      const Lexicon::Entry* e = lexicon.Find(WithoutPossessive(f));
      if (e != nullptr && e->level <= kMaxEvidenceLevel &&
          WithoutPossessive(name).size() > s.size())
        stems.emplace(Stem(std::string(WithoutPossessive(name))), f);
    }
    // A rewrite of every unknown word holding the source, into words that
    // keep letters of their own: a hypothesis the words around them can
    // confirm, even for one word family (see step 4).
    // (Any piece of the words, not only the longest: in one word family
    // the longest piece is most of the word, and the replaced string is a
    // piece inside it.)
    if (!stems.empty() && fixed == containing && holds_its_pieces(s)) {
      auto [it, fresh] = source_tokens.emplace(s, 0);
      if (fresh) {
        for (const auto& [u, n] : words.unknown) {
          if (u.find(s) != std::string::npos) it->second += n;
        }
      }
      if (it->second >= kMinContextTokens) {
        contextual.push_back({s, r, stems, fixed, containing, gain, 0, 0, 0,
                              fixed - words_fixed, holders, outcome,
                              guessed.count({s, r}) != 0});
      }
    }
    if (stems.size() < 2 || fixed * 2 < containing) continue;
    if (log != nullptr) log->examined[s].push_back(r);
    if (has_trace(s, r)) continue;
    rules.push_back(make_rule(s, r, stems, fixed, containing, gain));
    rules.back().word_stems = word_stems;
    rules.back().names = fixed - words_fixed;
  }

  // 4. One target per source: the one that explains the most distinct words.
  //    Two targets that explain them equally well leave the source ambiguous,
  //    and an ambiguous source gets no rule.
  auto better = [](const SubstitutionRule& a, const SubstitutionRule& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.target < b.target;
  };
  std::sort(rules.begin(), rules.end(), [&](const auto& a, const auto& b) {
    return a.source != b.source ? a.source < b.source : better(a, b);
  });
  // A rule is strong enough to stand when the winner's missing target is
  // telling (see above), or it explains every one of at least three unknown
  // words holding its source, which names and rare words sharing a piece by
  // chance do not. Or the source is no English: it occurs in no word the
  // lexicon knows (a find-and-replace wrote it; "mdmn" in smdmnts,
  // smdmntive), and the rule explains every unknown word holding it. One
  // word family (techlxogy, techlxogies) is not enough: measured, most such
  // rules were coincidences (a source swallowing most of the word).
  std::map<std::string, bool, std::less<>> in_known;  // by source
  auto strong = [&](const SubstitutionRule& w) {
    if (w.stems < 2) return false;
    // A name is a weak second witness: a window's names are many, and an
    // unknown word and a name share a piece by chance far more often than
    // two unknown words do (OCR noise beside Rossignol: "signol" -> "ter").
    if (w.word_stems < 2 && w.stems < 3) return false;
    // A word the lexicon knows as an acronym is a weak witness too: junk a
    // page reader made is often one (ond, bcs: "nd" -> "nce" made once and
    // ounce of ond and ound), and so are the other weak witnesses (short
    // words the lexicon lacks or has without a corpus count; see
    // DocumentWords). Only the words around it (step 5) may confirm a rule
    // that fewer than two other witnesses make: unknown words, or names it
    // makes names the lexicon knows (Monhbl, Tueshbl beside "hbl", every
    // "day" replaced).
    if (!words.weak_witnesses.empty()) {
      size_t weak = 0, others = 0;
      for (const auto& [u, n] : words.unknown) {
        if (u.find(w.source) == std::string::npos ||
            !KnownLower(lexicon, ReplaceAll(u, w.source, w.target)))
          continue;
        if (std::binary_search(words.weak_witnesses.begin(),
                               words.weak_witnesses.end(), u)) {
          ++weak;
        } else {
          ++others;
        }
      }
      if (weak > 0 && others + w.names < 2) return false;
    }
    if (w.expected >= kMinExpectedTrace || w.stems >= 3 ||
        (w.fixed >= 3 && w.fixed == w.containing))
      return true;
    if (w.fixed != w.containing) return false;
    auto [it, fresh] = in_known.emplace(w.source, false);
    if (fresh) it->second = InKnownWord(words, lexicon, w.source);
    return !it->second;
  };
  std::vector<char> standing(rules.size());
  for (size_t i = 0; i < rules.size(); ++i) standing[i] = strong(rules[i]);
  // The standing rules, for the rivals of step 5.
  std::vector<std::pair<std::string, std::string>> rival_rules;
  std::vector<double> rival_scores;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!standing[i]) continue;
    rival_rules.emplace_back(rules[i].source, rules[i].target);
    rival_scores.push_back(rules[i].score);
  }
  std::vector<SubstitutionRule> unique;
  for (size_t i = 0; i < rules.size();) {
    size_t j = i + 1;
    while (j < rules.size() && rules[j].source == rules[i].source) ++j;
    // The best rule of the source, if it stands and no other standing rule
    // of the source comes close.
    bool ambiguous = false;
    for (size_t k = i + 1; k < j; ++k) {
      if (standing[k]) {
        ambiguous = rules[i].score - rules[k].score < kMinScoreMargin;
        break;
      }
    }
    if (standing[i] && !ambiguous) unique.push_back(std::move(rules[i]));
    i = j;
  }
  rules = std::move(unique);
  // A rule with a rival on a source inside or around its own that rewrites
  // the same words differently and explains them nearly as well is
  // ambiguous ("mdmn" -> "ecre" or "smdmn" -> "effec": secrets or effects).
  // Such a source may still be told by the words around its words (below).
  // One far behind by the document's evidence is ambiguous too when the
  // words around the words fit it e^kMinContextLead times better
  // (`cconsumert`, `cconsumertors`: visit, visitors by the absence of "visi";
  // credit, creditors beside "_ cards", "its _"); the words-around reading
  // (below) then decides. Measured on substitution seeds 3-4, 7-10, 61-62 and
  // 81-82: +0.05, +0.18, +0.17 and +0.02 points of damaged non-words, and
  // 30, 61, 23 and 9 fewer given a wrong word.
  const auto context_of = [&](const std::string& s, const std::string& r) {
    Contextual c;
    c.source = s;
    c.target = r;
    score_context(&c);
    return c.score + SourceLogP(lexicon, s);
  };
  const auto same_holders = [&](const std::string& a, const std::string& b) {
    for (const auto& [u, n] : words.unknown) {
      if ((u.find(a) != std::string::npos) != (u.find(b) != std::string::npos))
        return false;
    }
    return true;
  };
  std::erase_if(rules, [&](const SubstitutionRule& rule) {
    for (size_t k = 0; k < rival_rules.size(); ++k) {
      const auto& [s, r] = rival_rules[k];
      if (s == rule.source) continue;
      const bool inside = rule.source.find(s) != std::string::npos;
      if (!inside && s.find(rule.source) == std::string::npos) continue;
      if (rival_scores[k] <= rule.score - kMinScoreMargin) {
        if (rule.context_lead == 0 && same_holders(s, rule.source) &&
            context_of(s, r) - context_of(rule.source, rule.target) >=
                kMinContextLead)
          return true;
        continue;
      }
      const std::string& outer = inside ? rule.source : s;
      const std::string& inner = inside ? s : rule.source;
      const std::string& outer_target = inside ? rule.target : r;
      const std::string& inner_target = inside ? r : rule.target;
      if (ReplaceAll(outer, inner, inner_target) != outer_target) return true;
    }
    return false;
  });
  // So is one that two word families make (three or more are evidence the
  // words around do not override) when any other reading of its words, a
  // rule or not, fits the words around them e^kMinContextLead times better
  // (`tndt`, `tndts`: land, lands by "tndt" -> "land", tale, tales by
  // "ndt" -> "ale", one family). Measured on substitution seeds 3-4, 7-10,
  // 61-62 and 81-82: 0, +0.11, -0.01 and +0.06 points of damaged non-words,
  // 34, 74, 25 and 25 fewer given a wrong word, 2 fewer clean tokens changed
  // on 7-10 and 61-62; without the limit to two families, -0.17 points on
  // 61-62 and 81-82 (rules of three and four families lost).
  std::erase_if(rules, [&](const SubstitutionRule& rule) {
    if (rule.context_lead != 0 || rule.stems >= 3) return false;
    const Contextual* own = nullptr;
    for (const Contextual& c : contextual) {
      if (c.source == rule.source && c.target == rule.target) {
        own = &c;
        break;
      }
    }
    if (own == nullptr) return false;
    const double mine = context_of(rule.source, rule.target);
    for (const Contextual& c : contextual) {
      if (c.holders != own->holders || c.outcome == own->outcome || c.guessed)
        continue;
      if (context_of(c.source, c.target) - mine >= kMinContextLead) return true;
    }
    return false;
  });
  // A source no rule stands for may still be told by the words around the
  // words it damaged: the rewrite that fits them far better than every rival
  // rewrite of the same words, and than no listed word at all, stands when
  // it leaves no trace: "has" -> "erne" from two words alone ("Inthast",
  // "conchasd") is weak, as "has" is English; read "Internet shopping" and
  // "mostly concerned about", it stands.
  //
  // The rewrites of one set of words are rivals, whatever their source; of
  // those that make the same words, the one with the shortest target is
  // kept, whose absence from the document (no trace) says the most.
  std::sort(contextual.begin(), contextual.end(),
            [](const Contextual& a, const Contextual& b) {
              if (a.holders != b.holders) return a.holders < b.holders;
              if (a.guessed != b.guessed) return b.guessed;
              if (a.outcome != b.outcome) return a.outcome < b.outcome;
              if (a.target.size() != b.target.size())
                return a.target.size() < b.target.size();
              return a.source < b.source;
            });
  const size_t standing_rules = rules.size();
  struct Reading {
    size_t first, end;  // its rewrites in `contextual`, shortest target first
  };
  std::vector<Reading> readings;
  for (size_t i = 0; i < contextual.size();) {
    size_t j = i + 1;
    while (j < contextual.size() &&
           contextual[j].holders == contextual[i].holders)
      ++j;
    // Guessed targets (they come last) only where the lexicon gave the words
    // no reading of their own: among others, the best of hundreds of guesses
    // fits some words by chance (`pgjoehs` read `years` where `players` was
    // meant). Measured on substitution seeds 3-4, 7-10, 61-62 and 81-82:
    // +0.05, 0, +0.05 and 0 points of damaged non-words, none more given a
    // wrong word (`xq`, `unxq`: its, units; `wa` in `wam`: form); admitted
    // beside the lexicon's readings too, 83.16% and 84.65% on seeds 3-4 and
    // 7-10.
    size_t end = i;
    while (end < j && !contextual[end].guessed) ++end;
    if (end == i) end = j;
    // (Not where a standing rule has decided, nor among many rivals: the
    // best of hundreds of rewrites fits some words by chance.)
    const bool taken = std::any_of(
        contextual.begin() + static_cast<long>(i),
        contextual.begin() + static_cast<long>(end), [&](const Contextual& c) {
          return std::any_of(
              rules.begin(), rules.begin() + static_cast<long>(standing_rules),
              [&](const SubstitutionRule& r) {
                return r.source.find(c.source) != std::string::npos ||
                       c.source.find(r.source) != std::string::npos;
              });
        });
    readings.clear();
    for (size_t k = i; k < end;) {
      size_t e = k + 1;
      while (e < end && contextual[e].outcome == contextual[k].outcome) ++e;
      readings.push_back({k, e});
      k = e;
    }
    if (taken || readings.size() > kMaxContextRivals) {
      i = j;
      continue;
    }
    // (A reading is scored by its rewrite with the shortest target: the
    // rewrites of one reading differ only in the letters they share.) Each
    // letter of its source is a letter the reading leaves unexplained, as
    // the accident's own: a reading that keeps more of the words' letters
    // as theirs is likelier (lawql, lawqls: "ql" for "yer", lawyers, over
    // "lawq" for "officia", officials, which the words around them favour).
    for (const Reading& r : readings) {
      Contextual& c = contextual[r.first];
      score_context(&c);
      c.score += SourceLogP(lexicon, c.source);
    }
    std::sort(readings.begin(), readings.end(),
              [&](const Reading& a, const Reading& b) {
                const Contextual& x = contextual[a.first];
                const Contextual& y = contextual[b.first];
                if (x.score != y.score) return x.score > y.score;
                return x.outcome < y.outcome;
              });
    const Contextual& top = contextual[readings[0].first];
    const double rival = std::max(
        readings.size() > 1 ? contextual[readings[1].first].score : top.floor,
        top.floor);
    const auto within = static_cast<size_t>(
        std::count_if(readings.begin(), readings.end(), [&](const Reading& r) {
          return contextual[r.first].score >= top.score - kRivalReach;
        }));
    const double lead_needed =
        kMinContextLead +
        std::log(std::max(1.0, static_cast<double>(within) /
                                   static_cast<double>(kFewContextRivals)));
    const bool pairs_enough =
        top.listed >= kMinContextPairs ||
        (top.listed >= 1 &&
         (top.names == 0 || source_tokens.find(top.source)->second >= 2));
    if (top.listed >= 1 && top.score - rival >= lead_needed) {
      // The rewrite of the reading that leaves no trace, if any: the
      // shortest such target.
      for (size_t k = readings[0].first; k < readings[0].end; ++k) {
        const Contextual& c = contextual[k];
        if (has_trace(c.source, c.target)) continue;
        if (!pairs_enough) {
          auto [it, fresh] = share.emplace(c.target, 0.0);
          if (fresh) it->second = ShareContaining(lexicon, c.target);
          if (it->second * static_cast<double>(words.tokens) <
              kMinTellingAbsence)
            break;
        }
        if (log != nullptr) log->examined[c.source].push_back(c.target);
        SubstitutionRule rule = make_rule(c.source, c.target, c.stems, c.fixed,
                                          c.containing, c.gain);
        rule.context_lead = top.score - rival;
        rule.few_pairs = top.listed < kMinContextPairs;
        rules.push_back(std::move(rule));
        break;
      }
    }
    i = j;
  }

  // 5. The strongest rules, one per source region.
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  // A rule that stood but is not chosen (one per source region, at most
  // kMaxRules) was decided by the others, not by its evidence: a second
  // call examines its source again, as a second run would, once the chosen
  // rules have repaired their words.
  std::vector<SubstitutionRule> chosen;
  for (SubstitutionRule& rule : rules) {
    bool overlaps = chosen.size() == kMaxRules;
    for (const auto& c : chosen) {
      overlaps = overlaps || c.source.find(rule.source) != std::string::npos ||
                 rule.source.find(c.source) != std::string::npos;
    }
    if (!overlaps) {
      chosen.push_back(std::move(rule));
    } else if (log != nullptr) {
      log->examined.erase(rule.source);
    }
  }
  return chosen;
}

}  // namespace textmend
