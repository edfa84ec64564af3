// Document-level substitution inference: finds the find-and-replace accident
// that damaged a document ("one" replaced by "start" everywhere, turning
// prisoners into prisstartrs) from the evidence the whole document gives.
//
// A rule rewrites source string s back to target r inside words the lexicon
// rejects. It is confirmed only when
//  - rewriting s -> r turns unknown words of at least two distinct stems into
//    lexicon words (prisstartr/prisstartrs count once), and most of the
//    unknown words containing s;
//  - r occurs nowhere in the document (written as in the rule): a
//    find-and-replace leaves no trace of the string it replaced. This also
//    picks the whole replaced string over a shorter piece of it that happens
//    to fit, which does occur elsewhere;
//  - r is at least two letters long (a one-letter replacement would have left
//    no readable text to learn from).
// Applied only to tokens the lexicon rejects, and only into lexicon words, so
// even a wrong rule cannot damage correct text.
#ifndef TEXTMEND_WORDS_SUBSTITUTION_H_
#define TEXTMEND_WORDS_SUBSTITUTION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/lexicon.h"
#include "words/document_words.h"

namespace textmend {

struct SubstitutionRule {
  std::string source;     // as it stands in the damaged text ("start")
  std::string target;     // what it replaced ("one")
  size_t stems = 0;       // distinct stems it repairs
  size_t word_stems = 0;  // of those, of unknown words (not names)
  size_t fixed = 0;       // distinct unknown words and names it repairs
  size_t names = 0;       // of those, names (made names the lexicon knows)
  size_t containing = 0;  // distinct unknown words holding the source
  double expected = 0;    // how often the document would contain the target
  // How much better the rule explains the document than no rule: the
  // log-likelihood its repairs gain as English words over staying unknown,
  // plus `expected` (the rule explains the target's absence).
  double score = 0;
  // For a rule told from its rivals by the words around the repaired words
  // (one word family): how much better they fit it, in nats; else 0.
  double context_lead = 0;
  // Of such a rule, whether the words around it stand in fewer than two
  // pairs the pair list has: weaker evidence, which a page reader's slips
  // may fit as well (see words_stage.cc, MisreadingsExplain).
  bool few_pairs = false;
  std::vector<std::string> examples;  // repaired words, for the report
  // "substitution 'start'->'one' (3 words: prisoners, pardoned, cautioned)"
  std::string Describe() const;
};

// The letter strings (2 to 8 letters) most common in running English text,
// weighted by the corpus frequency of the words that hold them: targets to
// try for a source whose damaged words are (nearly) all source ("thorrible"
// for "that", "whorrible" for "what"), where the lexicon cannot be searched
// by the letters around it. Computed when the lexicon is built (see
// lexicon_format.h); immutable, safe to share between threads.
class CommonPieces {
 public:
  explicit CommonPieces(const Lexicon& lexicon);
  const std::vector<std::string>& pieces() const { return pieces_; }

 private:
  std::vector<std::string> pieces_;  // most common first
};

// The sources a LearnSubstitutions() call examined, so that a second call on
// the same words less some (`changed`: those left out), with more
// `extra_written`, examines only what can decide differently: sources it did
// not examine, sources inside a word left out, and sources with a target
// that now has a trace. (The evidence for any other source is the same.)
struct SourceLog {
  // Source -> its targets that reached the no-trace test; each call adds.
  std::map<std::string, std::vector<std::string>, std::less<>> examined;
  const std::vector<std::string>* changed = nullptr;
  // Written forms (lowercase) the repairs rewrite, gone from the words since
  // the sources were examined: a target they held has no trace now.
  std::vector<std::string> gone;
  // The document's word tokens when the sources were last examined: how
  // often it would hold a target (SubstitutionRule::expected) grows with
  // them, so a repair that adds tokens (a word split in two) changes every
  // source's evidence.
  size_t tokens = 0;
  // The lexicon's ranges of the prefixes and suffixes around sources in
  // unknown words (Lexicon::PrefixRange, SuffixRange), kept from call to
  // call: the second call reads mostly the same words.
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> prefix_ranges,
      suffix_ranges;
};

// The rules `words` confirm, strongest first (at most a few). `common` (may be
// null) adds targets for sources with little context around them. `log` (may
// be null): see SourceLog.
std::vector<SubstitutionRule> LearnSubstitutions(
    const DocumentWords& words, const Lexicon& lexicon,
    const CommonPieces* common = nullptr, SourceLog* log = nullptr);

// The log-probability of running English text's next word being `lower`:
// from its corpus frequency, or below the rarest counted word by its SCOWL
// level (a word the lexicon lacks: lower still).
double WordLogP(const Lexicon& lexicon, std::string_view lower);

// `word` with every occurrence of `from` replaced by `to`.
std::string ReplaceAll(std::string_view word, std::string_view from,
                       std::string_view to);

}  // namespace textmend

#endif  // TEXTMEND_WORDS_SUBSTITUTION_H_
