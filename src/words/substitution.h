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

namespace textmend {

struct SubstitutionRule {
  std::string source;     // as it stands in the damaged text ("start")
  std::string target;     // what it replaced ("one")
  size_t stems = 0;       // distinct stems it repairs
  size_t word_stems = 0;  // of those, of unknown words (not names)
  size_t fixed = 0;       // distinct unknown words it repairs
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

inline constexpr uint32_t kNoForeignLine = UINT32_MAX;

// A written form the lexicon rejects, in an English line, not protected
// (URL, identifier, ...): a candidate for per-word correction.
struct Suspect {
  std::string_view text;     // as written; a view like DocumentWords::written
  size_t count = 0;          // occurrences in this form
  bool mid_capital = false;  // capitalized in the middle of a sentence
  bool hyphened = false;     // joined to another word by a hyphen somewhere
  bool beside_fragment = false;  // next to a lone letter other than a and I
  // The plain words one space before and after its first occurrence, as
  // written ("" at a line or sentence edge, or beside punctuation): views
  // like `text`.
  std::string_view before, after;
  // The plain words one space beyond those (two before, two after), which
  // a stray space may have split from them.
  std::string_view before2, after2;
  // For a suspect of a line in another language (DocumentWords::
  // foreign_suspects): the line, an index into foreign_words.
  uint32_t foreign_line = kNoForeignLine;
  bool elided = false;             // an apostrophe right before ('orrible)
  bool plural_possessive = false;  // an apostrophe right after (bidders')
};

// The word-level facts of one document, gathered once and shared by the
// learners.
struct DocumentWords {
  // Distinct lowercase ASCII words the lexicon rejects (4+ letters, not
  // protected, not only ever written in capitals), with their counts, and
  // the words it knows only as acronyms where written in lowercase (any
  // length: no word there, as "bcp" written for "the").
  std::vector<std::pair<std::string, size_t>> unknown;
  // Of those, the words the lexicon knows only as acronyms, written in
  // lowercase ("wy" where every "the" became "wy"), of any length. Sorted.
  std::vector<std::string> acronyms;
  // Every distinct token as written, for the no-trace test: views into the
  // window GatherWords was given, valid while it is.
  std::vector<std::string_view> written;
  std::vector<uint32_t> written_count;  // occurrences of each written form
  // Text other repairs will write, which a find-and-replace accident's
  // no-trace test must see too (GatherWords leaves it empty).
  std::vector<std::string> extra_written;
  // Unknown words the document always capitalizes, at least once in the
  // middle of a sentence: names (Bialiatski, Belta). Sorted; never learned
  // from, never rewritten.
  std::vector<std::string> names;
  // Every unknown ASCII form of 2+ letters outside other-language lines and
  // protected tokens, sorted by text.
  std::vector<Suspect> suspects;
  // Lines (each valid run of a line on its own) left out as another
  // language, for a second look once the repairs are known: a line of mostly
  // damaged English words reads as English to a second run once they are
  // repaired. Each one's words of 2+ letters (views like `written`), and
  // their unknown ASCII forms, as suspects with their line.
  std::vector<std::vector<std::string_view>> foreign_words;
  std::vector<Suspect> foreign_suspects;
  // Plain tokens one space apart in a sentence, at least one of them unknown
  // or a lexicon word without a corpus count (pris oners): views like
  // `written`, in text order, repeats included.
  std::vector<std::pair<std::string_view, std::string_view>> adjacent;
  // The same pairs in the lines left out as another language, with their
  // line (an index into foreign_words): a line that turns English once the
  // repairs are known gives them to the stray-space joins, as a second run
  // would see them.
  struct ForeignPair {
    std::string_view first, second;
    uint32_t line;
  };
  std::vector<ForeignPair> foreign_adjacent;
  // Per line of the window (0-based): whether its first valid run (bit 0)
  // and its last (bit 1) are in another language (ForeignLine). A line
  // without invalid bytes is one run.
  std::vector<char> foreign_lines;
  size_t tokens = 0;        // word tokens of 2+ letters
  size_t known_tokens = 0;  // of those, lexicon words
};

// Whether the document is English enough to learn from: the lexicon knows at
// least 70% of its words (a document in another language is not English with
// many unknown words).
bool EnglishDocument(const DocumentWords& words);

// A line (paragraph) of `words` words, `known` of them in the lexicon, is in
// another language when it is long enough to tell and the lexicon knows
// fewer than half of its words. Its words are neither evidence nor rewritten.
inline constexpr size_t kMinForeignLineWords = 4;
bool ForeignLine(size_t known, size_t words);

// Gathers the facts of `window` (may hold invalid bytes), which must outlive
// the result. Unknown words of foreign lines (see ForeignLine) are left out.
DocumentWords GatherWords(std::string_view window, const Lexicon& lexicon);

// `lower` without a possessive 's.
std::string_view WithoutPossessive(std::string_view lower);

// True when `lower` is a word the lexicon knows in any capitalization (a name
// included), possessive 's stripped when needed.
bool Known(const Lexicon& lexicon, std::string_view lower);

// True when `lower` is a lexicon word in lowercase use followed by a
// possessive 's ("council's").
bool KnownPossessive(const Lexicon& lexicon, std::string_view lower);

// True when `lower` (possessive 's stripped) is a word the lexicon knows in
// lowercase use or with an initial capital (a name: "microsoft").
bool KnownCapitalized(const Lexicon& lexicon, std::string_view lower);

// True when `lower` is a word the lexicon knows in lowercase use (possessive
// 's stripped when needed).
bool KnownLower(const Lexicon& lexicon, std::string_view lower);
// The same for a string that is mostly no word (a rewrite a rule or a
// reading tries): the lexicon's filter is asked first (Lexicon::FindRare).
bool KnownLowerRare(const Lexicon& lexicon, std::string_view lower);

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
