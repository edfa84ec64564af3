// The noisy-channel corrector; see noisy_channel.h.
#include "words/noisy_channel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

#include "words/edit_hashes.h"
#include "words/substitution.h"

namespace textmend {

struct NoisyChannel::Candidate {
  std::string text;
  double cost = 0;
  // The table's misreadings (indices into kConfusions), first to last.
  uint8_t misreadings = 0;
  uint8_t confusion[2] = {0, 0};
  bool ordinary = false;  // made by an ordinary edit, not the table
  char kind = 0;          // ordinary: 'd'elete, 't'ranspose, 's'ubst., 'i'nsert
  size_t at = 0;          // ordinary: where
  std::string base;       // ordinary after a misreading: the misread word
  // One misreading: where the bytes it wrote are, and how many.
  uint8_t written_at = 0, written = 0;
  bool engine = false;  // the page reader's own other reading of the word
};

namespace {

using edits::EditHashes;
using edits::kMaxHashed;

// A misreading: `seen` in the text where the page had `meant`, with its cost
// in nats (-log of how often the channel makes it, relative to reading right).
struct Confusion {
  std::string_view seen, meant;
  double cost = 0;
};

// Shapes OCR engines confuse, from the literature on OCR post-correction and
// the engines' own confusion tables: joined and split strokes, and letters
// with one distinguishing stroke.
constexpr Confusion kConfusions[] = {
    {"rn", "m", 1.5}, {"m", "rn", 2.5}, {"cl", "d", 2.0}, {"d", "cl", 3.0},
    {"li", "h", 2.5}, {"h", "li", 3.0}, {"vv", "w", 2.0}, {"ri", "n", 2.5},
    {"n", "ri", 3.5}, {"in", "m", 3.0}, {"m", "in", 3.5}, {"ii", "u", 3.0},
    {"u", "ii", 3.5}, {"nn", "m", 3.5}, {"iv", "w", 3.5}, {"c", "e", 2.5},
    {"e", "c", 2.5},  {"l", "i", 2.5},  {"i", "l", 2.5},  {"t", "f", 3.0},
    {"f", "t", 3.0},  {"h", "b", 3.0},  {"b", "h", 3.0},  {"n", "u", 3.0},
    {"u", "n", 3.0},  {"o", "a", 3.5},  {"a", "o", 3.5},  {"e", "o", 3.5},
    {"o", "e", 3.5},  {"c", "o", 3.5},  {"o", "c", 3.5},  {"r", "t", 3.5},
    {"t", "r", 3.5},  {"i", "j", 3.5},  {"j", "i", 3.5},  {"g", "q", 3.5},
    {"q", "g", 3.5},  {"v", "y", 3.5},  {"y", "v", 3.5},  {"s", "e", 4.0},
};
constexpr int kMaxConfusions = 2;
// Ordinary edits, for noise no table lists (a dropped, added or swapped
// letter).
constexpr double kDeleteCost = 6.5;  // a letter the text has in excess
constexpr double kInsertCost = 7.0;  // a letter the text lost
constexpr double kSubstituteCost = 7.0;
constexpr double kTransposeCost = 6.5;
// A word of three letters loses none: two-letter words are so common that
// their priors outweigh any reading of the word (ofl as of, not oil).
constexpr size_t kMinDeleteLength = 4;
constexpr size_t kMinTwoEditLength = 6;  // a misreading and an ordinary edit
// The best candidate's score must reach this (a common word behind a likely
// misreading does; a rare word behind two ordinary edits does not), and lead
// the next candidate by kMargin nats.
constexpr double kMinScore = -16.0;  // at three letters
constexpr double kMargin = 2.0;
constexpr double kMinLead = 1.0;            // over kMinScore
constexpr double kShortMargin = 1.5;        // added for words of 3-4 letters
constexpr double kCapitalizedMargin = 1.5;  // added for capitalized words
constexpr double kTwoEditMargin = 1.5;      // added for two-edit readings
// A reading the page's reader itself nearly chose (Tesseract's second choice
// for a character): per character it differs in, as likely as the likeliest
// misreading of the table, since the reader saw that glyph and hesitated.
// (Of the unsure words Tesseract misread on rendered news pages, 30% had the
// right word among its alternatives; tools/eval/ocr_eval.sh measures what
// the word stage makes of them.)
constexpr double kEngineChoiceCost = 1.5;
// A reading the misreadings cannot tell from others close to it is taken
// when it fits the words around this much better (nats) than each of them.
constexpr double kContextLead = 2.0;
// Words run together or split by a stray space: what the lost or stray
// space costs (a space is a likely misreading), and the shortest word split.
constexpr double kSplitCost = 3.0;
constexpr double kJoinCost = 3.0;
constexpr size_t kMinSplitLength = 5;
// A word piece: the start or end of a word with at least this corpus count
// (scanning at most kFragmentScan words that share it).
constexpr uint32_t kFragmentCount = 1000000;
constexpr uint32_t kFragmentScan = 2000;
// What losing the start or end of a word costs, in nats: as much as an
// ordinary deletion. (Measured on OCR-like noise, bbc-entertainment, seed 15:
// 66.9% of the misread words restored at 0 nats, 67.3% at 3, 67.6% at 6 and
// above; tesseract's reading of 110 pages at 100 dpi came out the same from
// 6.5 nats up.)
constexpr double kPieceCost = kDeleteCost;
// Corpus count of a function word (he, in, which, about) and other words
// this frequent.
constexpr uint32_t kFrequentCount = 800000000;
// Corpus count of the function words FunctionWord() admits (why: 192
// million; its rarest, about 150 words).
constexpr uint32_t kFunctionWordCount = 150000000;
// Corpus count of the ~5,700 most frequent words (February, academy,
// awards, magic; not doppler, 2 million, nor godfather): a capitalized word
// one misreading from such a word in lowercase use is read as it (see
// CommonWord). Names are mostly rarer, and mostly not in lowercase use
// (John, which a misread Jolin must not become).
constexpr uint32_t kCommonWordCount = 10000000;
// Corpus count of the names CommonName() reads a misread capitalized word as.
constexpr uint32_t kCommonNameCount = 5000000;
constexpr double kFloorPerLetter = 1.5;  // beyond three letters
constexpr double kLowestFloor = -28.0;

// How likely a reading of a string of `length` letters must be: a long string
// the lexicon lacks rarely lies a misreading or two from a word by chance, a
// short one often does, so the floor falls with length.
double Floor(size_t length) {
  return std::max(
      kLowestFloor,
      kMinScore - kFloorPerLetter * (static_cast<double>(length) - 3));
}
// The document's own use of a word raises its prior.
constexpr double kVocabularyBonus = 1.5;

using Candidate = NoisyChannel::Candidate;

// Where each letter of `word` is (bit i: word[i], of its first 64 bytes), so
// that a confusion's places are found with a few operations instead of a
// search per confusion.
struct LetterPlaces {
  explicit LetterPlaces(std::string_view word) {
    const size_t n = std::min<size_t>(word.size(), 64);
    for (size_t i = 0; i < n; ++i) {
      const unsigned letter = static_cast<unsigned char>(word[i]) - 'a';
      if (letter < 26) where[letter] |= uint64_t{1} << i;
    }
  }
  // Bit i: `seen` starts at word[i].
  uint64_t Of(std::string_view seen) const {
    uint64_t at = ~uint64_t{0};
    for (size_t k = 0; k < seen.size(); ++k) {
      const unsigned letter = static_cast<unsigned char>(seen[k]) - 'a';
      at &= letter < 26 ? where[letter] >> k : 0;
    }
    return at;
  }
  uint64_t where[26] = {};
};

// The readings of `word` through one of the table's misreadings, appended to
// `table`, and through up to kMaxConfusions, those the lexicon's filter
// passes appended to `candidates` (each one-misreading reading followed by
// the readings of it through one more). Most two-misreading readings are no
// words, and are many: they are hashed first, and written out only when the
// filter passes them.
void AddConfusions(const std::string& word, const Lexicon& lexicon,
                   std::vector<Candidate>* table,
                   std::vector<Candidate>* candidates) {
  const LetterPlaces places(word);
  struct Probe {
    uint64_t hash;
    uint8_t confusion;
    uint8_t at;
  };
  std::vector<Probe> probes;
  for (size_t k = 0; k < std::size(kConfusions); ++k) {
    const Confusion& c = kConfusions[k];
    for (uint64_t left = places.Of(c.seen); left != 0; left &= left - 1) {
      const auto at = static_cast<size_t>(std::countr_zero(left));
      Candidate once;
      once.text.reserve(word.size() + 1);
      once.text.append(word, 0, at)
          .append(c.meant)
          .append(word, at + c.seen.size());
      once.cost = c.cost;
      once.misreadings = 1;
      once.confusion[0] = static_cast<uint8_t>(k);
      once.written_at = static_cast<uint8_t>(at);
      once.written = static_cast<uint8_t>(c.meant.size());
      if (lexicon.MayContain(lexfmt::PolyHash(once.text)))
        candidates->push_back(once);
      static_assert(kMaxConfusions == 2, "one more misreading");
      const LetterPlaces again(once.text);
      const EditHashes hashes(once.text);
      probes.clear();
      for (size_t k2 = 0; k2 < std::size(kConfusions); ++k2) {
        const Confusion& c2 = kConfusions[k2];
        for (uint64_t left2 = again.Of(c2.seen); left2 != 0;
             left2 &= left2 - 1) {
          const auto at2 = static_cast<size_t>(std::countr_zero(left2));
          probes.push_back({hashes.Replace(at2, c2.seen.size(), c2.meant),
                            static_cast<uint8_t>(k2),
                            static_cast<uint8_t>(at2)});
          lexicon.PrefetchFilter(probes.back().hash);
        }
      }
      for (const Probe& p : probes) {
        if (!lexicon.MayContain(p.hash)) continue;
        const Confusion& c2 = kConfusions[p.confusion];
        Candidate twice;
        twice.text.reserve(once.text.size() + 1);
        twice.text.append(once.text, 0, p.at)
            .append(c2.meant)
            .append(once.text, p.at + c2.seen.size());
        twice.cost = once.cost + c2.cost;
        twice.misreadings = 2;
        twice.confusion[0] = once.confusion[0];
        twice.confusion[1] = p.confusion;
        candidates->push_back(std::move(twice));
      }
      table->push_back(std::move(once));
    }
  }
}

// "rn->m, e->c": the misreadings of `c`.
std::string DescribeMisreadings(const Candidate& c) {
  std::string out;
  for (uint8_t k = 0; k < c.misreadings; ++k) {
    const Confusion& m = kConfusions[c.confusion[k]];
    if (k > 0) out += ", ";
    out.append(m.seen).append("->").append(m.meant);
  }
  return out;
}

// The ordinary edits of `word` (at most kMaxHashed letters; read through
// the misreadings of `from` when `from` is not null), described lazily (only
// the winner's description is ever read): the candidate's kind, position and
// letter tell what the edit was. Only candidates the lexicon's filter passes
// are written out and stored: of the ~55 per letter, few are words. The
// filter is far bigger than the caches, so every edit's hash is found and its
// block prefetched first, and then all are tested: the probes overlap.
void AddGenericEdits(const std::string& word, const Lexicon& lexicon,
                     const Candidate* from, std::vector<Candidate>* out) {
  const size_t n = word.size();
  const EditHashes hashes(word);
  struct Probe {
    lexfmt::FilterPlace place;
    char kind;
    char letter;
    uint8_t at;
  };
  std::vector<Probe> probes;
  probes.reserve(2 * n + 1 + 51 * n + 26);
  const auto probe = [&](uint64_t hash, char kind, char letter, size_t at) {
    probes.push_back(
        {lexicon.FilterPlaceOf(hash), kind, letter, static_cast<uint8_t>(at)});
    lexicon.PrefetchFilter(probes.back().place);
  };
  // (Not a byte a misreading wrote: "in" read "m" and the "m" deleted is
  // "in" deleted, which no misreading and no single slip makes.)
  for (size_t i = 0; i < n && n >= kMinDeleteLength; ++i) {
    if (from != nullptr && i >= from->written_at &&
        i < from->written_at + from->written)
      continue;
    probe(hashes.Delete(i), 'd', 0, i);
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (word[i] != word[i + 1]) probe(hashes.Transpose(i), 't', 0, i);
  }
  // (A letter's hashes are one step apart: the hash is linear in it.)
  for (size_t i = 0; i < n; ++i) {
    uint64_t hash = hashes.Substitute(i, 'a');
    const uint64_t step = edits::kPowers.p[n - i - 1];
    for (char c = 'a'; c <= 'z'; ++c, hash += step) {
      if (c != word[i]) probe(hash, 's', c, i);
    }
  }
  for (size_t i = 0; i <= n; ++i) {
    uint64_t hash = hashes.Insert(i, 'a');
    const uint64_t step = edits::kPowers.p[n - i];
    for (char c = 'a'; c <= 'z'; ++c, hash += step) probe(hash, 'i', c, i);
  }
  for (const Probe& p : probes) {
    if (!lexicon.MayContain(p.place)) continue;
    Candidate c;
    c.text = word;
    switch (p.kind) {
      case 'd':
        c.text.erase(p.at, 1);
        c.cost = kDeleteCost;
        break;
      case 't':
        std::swap(c.text[p.at], c.text[p.at + 1u]);
        c.cost = kTransposeCost;
        break;
      case 's':
        c.text[p.at] = p.letter;
        c.cost = kSubstituteCost;
        break;
      default:
        c.text.insert(p.at, 1, p.letter);
        c.cost = kInsertCost;
        break;
    }
    c.ordinary = true;
    c.kind = p.kind;
    c.at = p.at;
    if (from != nullptr) {
      c.cost += from->cost;
      c.misreadings = from->misreadings;
      c.confusion[0] = from->confusion[0];
      c.confusion[1] = from->confusion[1];
      c.base = from->text;
    }
    out->push_back(std::move(c));
  }
}

// What an ordinary edit did to `word`, for the report.
std::string Describe(const std::string& word, const Candidate& c) {
  switch (c.kind) {
    case 'd':
      return "delete '" + word.substr(c.at, 1) + "'";
    case 't':
      return "swap '" + word.substr(c.at, 2) + "'";
    case 's':
      return word.substr(c.at, 1) + "->" + c.text.substr(c.at, 1);
    default:
      return "insert '" + c.text.substr(c.at, 1) + "'";
  }
}

}  // namespace

double ContextScore(const Lexicon& lexicon, std::string_view before,
                    std::string_view w, std::string_view after, int* listed,
                    bool back_off) {
  const float unlisted = lexicon.pair_floor() - 1.0f;
  const auto word_log = [&](std::string_view x) {
    float log = 0;
    return lexicon.PairLog(x, "", &log) ? log : Lexicon::kUnlistedWordLog;
  };
  // A pair the list lacks is rarer than its rarest pair, and (backing off)
  // no likelier than the two words side by side by chance.
  const auto unlisted_log = [&](std::string_view a, std::string_view b) {
    if (!back_off) return static_cast<double>(unlisted);
    return std::min<double>(
        unlisted, word_log(a) + word_log(b) - lexicon.log_total_frequency());
  };
  double score = 0;
  float log = 0;
  if (!before.empty()) {
    const bool found = lexicon.PairLog(before, w, &log);
    *listed += found;
    score += found ? log : unlisted_log(before, w);
  }
  if (!after.empty()) {
    const bool found = lexicon.PairLog(w, after, &log);
    *listed += found;
    score += found ? log : unlisted_log(w, after);
    score -= word_log(w);
  }
  return score;
}

bool NoisyChannel::Decide(const std::string& word, bool capitalized,
                          const Vocabulary* vocabulary,
                          const WordContext* context,
                          const std::vector<Candidate>& candidates,
                          Correction* out, bool* weak,
                          std::vector<std::string>* reachable) const {
  constexpr size_t kAhead = 8;
  const size_t n = candidates.size();
  std::vector<std::pair<double, size_t>> found;  // score, candidate
  for (size_t k = 0; k < n; ++k) {
    if (k + 2 * kAhead < n)
      lexicon_.PrefetchSlot(candidates[k + 2 * kAhead].text);
    if (k + kAhead < n) lexicon_.PrefetchEntry(candidates[k + kAhead].text);
    const Candidate& c = candidates[k];
    if (c.text == word || c.text.size() < 2) continue;
    const Lexicon::Entry* e = lexicon_.Find(c.text);
    if (e == nullptr) continue;
    // A capitalized word the lexicon lacks is most often a name: an ordinary
    // edit may not make it another name (Parul is not Paul).
    if ((e->flags & lexfmt::kLower) == 0 && (!capitalized || c.ordinary))
      continue;
    found.emplace_back(Prior(c.text, vocabulary) - c.cost, k);
    if (reachable != nullptr) reachable->push_back(c.text);
  }
  const double floor = Floor(word.size());
  *weak = true;
  if (found.empty()) return false;
  // Best first; a word reached several ways keeps its best way and does not
  // compete with itself.
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  const size_t best_index = found[0].second;
  const double best = found[0].first;
  double second = -1e9;
  for (size_t i = 1; i < found.size(); ++i) {
    if (candidates[found[i].second].text != candidates[best_index].text) {
      second = found[i].first;
      break;
    }
  }
  *weak = best < floor + kMinLead;
  out->score = std::max(out->score, best);
  // Short words and capitalized ones (names, often) need a clearer lead.
  const Candidate& winner = candidates[best_index];
  // So do readings that take two edits: more words lie that far.
  const bool two_edits =
      winner.misreadings >= 2 || (winner.ordinary && !winner.base.empty());
  const double margin = kMargin + (word.size() <= 4 ? kShortMargin : 0) +
                        (capitalized ? kCapitalizedMargin : 0) +
                        (two_edits ? kTwoEditMargin : 0);
  if (*weak) return false;
  size_t chosen = best_index;
  double lead = best - std::max(second, floor);
  std::string by_context;  // the words around, when they chose
  if (best - second < margin) {
    // Too close to call by the misreadings: the words around may tell.
    if (context == nullptr || !lexicon_.has_pairs() ||
        (context->before.empty() && context->after.empty()) ||
        !ByContext(*context, candidates, found, best - margin, floor + kMinLead,
                   &chosen, &lead))
      return false;
    by_context = (context->before.empty() ? "" : context->before + " ") + "_" +
                 (context->after.empty() ? "" : " " + context->after);
  }
  const Candidate& taken = candidates[chosen];
  out->word = taken.text;
  out->edits = DescribeMisreadings(taken);
  if (taken.ordinary) {
    out->edits += (out->edits.empty() ? "" : ", ") +
                  Describe(taken.base.empty() ? word : taken.base, taken);
  }
  if (taken.engine) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (word[i] == taken.text[i]) continue;
      out->edits += (out->edits.empty() ? "" : ", ") + word.substr(i, 1) +
                    "->" + taken.text.substr(i, 1);
    }
    out->edits += ", the page reader's own second choice";
  }
  out->engine = taken.engine;
  out->context = by_context;
  out->ordinary = taken.ordinary;
  out->misreadings = taken.misreadings;
  out->score = best;
  out->margin = lead;
  return true;
}

bool NoisyChannel::ByContext(
    const WordContext& context, const std::vector<Candidate>& candidates,
    const std::vector<std::pair<double, size_t>>& found, double lowest,
    double least, size_t* chosen, double* lead) const {
  // The distinct readings within reach of the best (found is best first).
  struct Reading {
    size_t candidate;
    double fit;  // ContextScore
    int listed = 0;
  };
  std::vector<Reading> close;
  for (const auto& [score, k] : found) {
    if (score < lowest) break;
    bool seen = false;
    for (const Reading& r : close)
      seen = seen || candidates[r.candidate].text == candidates[k].text;
    if (seen) continue;
    Reading r{k, 0};
    r.fit = ContextScore(lexicon_, context.before, candidates[k].text,
                         context.after, &r.listed, /*back_off=*/true);
    // (A reading too unlikely by itself stays out, whatever its context.)
    if (score < least) r.listed = -1;
    close.push_back(r);
  }
  if (close.size() < 2) return false;
  std::sort(close.begin(), close.end(),
            [](const Reading& a, const Reading& b) { return a.fit > b.fit; });
  if (close[0].listed <= 0 || close[0].fit - close[1].fit < kContextLead)
    return false;
  *chosen = close[0].candidate;
  *lead = close[0].fit - close[1].fit;
  return true;
}

bool NoisyChannel::Correct(std::string_view lower, bool capitalized,
                           const Vocabulary* vocabulary, Correction* out,
                           const WordContext* context,
                           const std::vector<std::string>* alternatives,
                           std::vector<std::string>* reachable) const {
  const std::string word(lower);
  out->score = -1e9;  // the best reading's score, even when undecided
  if (word.size() > kMaxHashed) return false;
  // Most candidates are not words: the filter drops them. The rest are
  // looked up in a batch that prefetches ahead (the lexicon is far bigger
  // than the caches).
  std::vector<Candidate> table;  // the readings through one misreading
  std::vector<Candidate> candidates;
  AddConfusions(word, lexicon_, &table, &candidates);
  AddGenericEdits(word, lexicon_, nullptr, &candidates);
  if (alternatives != nullptr) {
    for (const std::string& a : *alternatives) {
      // (Letters only, and as long: the reader's choices are per character.)
      if (a.size() != word.size() ||
          !std::all_of(a.begin(), a.end(),
                       [](char c) { return c >= 'a' && c <= 'z'; }))
        continue;
      Candidate c;
      c.text = a;
      for (size_t i = 0; i < a.size(); ++i)
        c.cost += a[i] != word[i] ? kEngineChoiceCost : 0;
      c.engine = true;
      candidates.push_back(std::move(c));
    }
  }
  bool weak = false;
  if (Decide(word, capitalized, vocabulary, context, candidates, out, &weak,
             reachable))
    return true;
  // Nothing likely enough one step away: a misreading the table lists and
  // an ordinary edit together, for longer lowercase words (two unlisted
  // edits are left alone: too many words lie that far from a string).
  if (!weak || capitalized || word.size() < kMinTwoEditLength) return false;
  candidates.clear();
  for (const Candidate& t : table) {
    if (t.text.size() >= kMaxHashed) continue;
    AddGenericEdits(t.text, lexicon_, &t, &candidates);
  }
  return Decide(word, capitalized, vocabulary, context, candidates, out, &weak,
                reachable);
}

namespace {

// Calls `f` with each reading of `lower` through one of the table's
// misreadings, written into one reused buffer, until `f` returns true;
// returns whether it did.
template <typename F>
bool AnyMisreading(std::string_view lower, F&& f) {
  std::string reading;
  for (const Confusion& c : kConfusions) {
    for (size_t at = lower.find(c.seen); at != std::string_view::npos;
         at = lower.find(c.seen, at + 1)) {
      reading.assign(lower, 0, at);
      reading.append(c.meant).append(lower.substr(at + c.seen.size()));
      if (f(reading)) return true;
    }
  }
  return false;
}

// The tests of CommonWord() and CommonName() on a looked-up entry (may be
// null).
bool IsCommonWord(const Lexicon::Entry* e) {
  return e != nullptr && e->frequency >= kCommonWordCount &&
         (e->flags & lexfmt::kLower) != 0;
}
bool IsCommonName(const Lexicon::Entry* e) {
  return e != nullptr && e->frequency >= kCommonNameCount &&
         (e->flags & lexfmt::kCapitalized) != 0;
}

}  // namespace

bool NoisyChannel::ReadsAsDocumentWord(std::string_view lower,
                                       const Vocabulary& vocabulary) const {
  // (This runs for every name of a document: no reading is kept.)
  return AnyMisreading(lower, [&](const std::string& reading) {
    if (vocabulary.Count(reading) > 0) return true;
    // (CommonWord or CommonName, in one lookup: most readings are no words.)
    const Lexicon::Entry* e = lexicon_.FindRare(reading);
    return IsCommonWord(e) || IsCommonName(e);
  });
}

void NoisyChannel::Misreadings(std::string_view lower,
                               std::vector<std::string>* out) {
  AnyMisreading(lower, [&](const std::string& reading) {
    out->push_back(reading);
    return false;
  });
}

bool NoisyChannel::CommonName(std::string_view word) const {
  return IsCommonName(lexicon_.Find(word));
}

bool NoisyChannel::CommonWord(std::string_view word) const {
  return IsCommonWord(lexicon_.Find(word));
}

double NoisyChannel::Prior(std::string_view word,
                           const Vocabulary* vocabulary) const {
  double score = WordLogP(lexicon_, word);
  if (vocabulary != nullptr) {
    // (A count of 0 is a word the repairs remove from the document, the
    // pieces of a joined word: absent, as a second run sees it.)
    const uint32_t count = vocabulary->Count(word);
    if (count > 0)
      score += kVocabularyBonus + std::log(static_cast<double>(count));
  }
  return score;
}

double NoisyChannel::WordPrior(std::string_view lower,
                               const Vocabulary* vocabulary) const {
  if (lexicon_.Find(lower) != nullptr) return Prior(lower, vocabulary);
  // Unknown: as likely as the floor a correction of it must clear.
  return Floor(lower.size());
}

bool NoisyChannel::Frequent(std::string_view word) const {
  const Lexicon::Entry* e = lexicon_.Find(word);
  return e != nullptr && e->frequency >= kFrequentCount;
}

bool NoisyChannel::FunctionWord(std::string_view word) const {
  const Lexicon::Entry* e = lexicon_.Find(word);
  return e != nullptr && e->frequency >= kFunctionWordCount &&
         (e->flags & lexfmt::kLower) != 0;
}

bool NoisyChannel::Fragment(std::string_view lower,
                            const Correction& reading) const {
  // Scanners and OCR engines drop the start or the end of a word (a torn
  // edge, a smudge, a line the engine cut short): "holdi" for "holding",
  // "ibility" for "responsibility". A string that begins or ends a common
  // longer word may be such a piece rather than a misread whole word.
  double best = 0;  // the likeliest such word's count
  for (const bool by_prefix : {true, false}) {
    const auto [lo, hi] =
        by_prefix ? lexicon_.PrefixRange(lower) : lexicon_.SuffixRange(lower);
    for (uint32_t i = lo; i < hi && i < lo + kFragmentScan; ++i) {
      const Lexicon::Entry& e =
          by_prefix ? lexicon_.At(i) : lexicon_.ReversedAt(i);
      if (e.word_length >= lower.size() + 2 && e.frequency >= kFragmentCount &&
          (e.flags & lexfmt::kLower))
        best = std::max(best, static_cast<double>(e.frequency));
    }
  }
  if (best == 0) return false;
  // A piece keeps the letters it has: a reading that drops one of them
  // (thei as the, ists as its) contradicts it, unless the letter is doubled
  // (withh, gget: a stroke read twice).
  if (reading.ordinary && reading.misreadings == 0 &&
      reading.word.size() + 1 == lower.size()) {
    bool doubled = false;
    for (size_t i = 0; i + 1 < lower.size() && !doubled; ++i) {
      doubled = lower[i] == lower[i + 1] &&
                reading.word.compare(0, i, lower, 0, i) == 0 &&
                reading.word.compare(i, std::string::npos, lower, i + 1,
                                     std::string::npos) == 0;
    }
    if (!doubled) return true;
  }
  // Otherwise the likelier explanation wins: the word, less what losing a
  // piece of it costs, or the reading.
  const double piece =
      std::log(best / (static_cast<double>(lexicon_.total_frequency()) + 1.0));
  return piece - kPieceCost > reading.score;
}

bool NoisyChannel::Counted(std::string_view word) const {
  // (Asked of the pieces and joins of words: mostly no words.)
  const Lexicon::Entry* e = lexicon_.FindRare(word);
  return e != nullptr && (e->flags & lexfmt::kLower) != 0 && e->frequency > 0;
}

bool NoisyChannel::SplitRunTogether(std::string_view lower,
                                    const Vocabulary* vocabulary,
                                    Correction* out) const {
  if (lower.size() < kMinSplitLength) return false;
  double best = -1e9, second = -1e9;
  size_t best_at = 0;
  for (size_t at = 1; at < lower.size(); ++at) {
    const std::string_view a = lower.substr(0, at), b = lower.substr(at);
    if (a.size() < 2 || b.size() < 2) continue;
    if (!Counted(a) || !Counted(b)) continue;
    // Words run together by a lost space hold a function word ("hesaid",
    // "inwhich"); two content words written as one are mostly a compound
    // the lexicon lacks ("matchday", "dancefloor").
    if (!Frequent(a) && !Frequent(b)) continue;
    // Corpus priors alone: the document uses its function words often, and
    // that says nothing about this string.
    (void)vocabulary;
    const double score = Prior(a, nullptr) + Prior(b, nullptr) - kSplitCost;
    if (score > best) {
      second = best;
      best = score;
      best_at = at;
    } else if (score > second) {
      second = score;
    }
  }
  const double floor = Floor(lower.size());
  if (best_at == 0 || best < floor + kMinLead || best - second < kMargin)
    return false;
  out->word = std::string(lower.substr(0, best_at)) + " " +
              std::string(lower.substr(best_at));
  out->edits = "run together";
  out->score = best;
  out->margin = best - std::max(second, floor);
  return true;
}

bool NoisyChannel::JoinScore(std::string_view joined,
                             const Vocabulary* vocabulary,
                             double* score) const {
  if (!Counted(joined)) return false;
  *score = Prior(joined, vocabulary) - kJoinCost;
  return true;
}

}  // namespace textmend
