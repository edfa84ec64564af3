// Per-word correction of OCR-like noise with a noisy-channel model: for a word
// the lexicon rejects, the candidates are the lexicon words a few likely
// misreadings away ("rn" read for "m", "cl" for "d", "li" for "h", "c" for
// "e", ...) or one ordinary edit away; each is scored by how likely the word
// is in running text (its corpus frequency, raised when the document itself
// uses it) and how likely the misreading is. A word changes only when one
// candidate clearly beats every other and is likely enough to outweigh the
// word simply being one the lexicon lacks.
//
// Thread-safety: immutable; Correct() may run concurrently.
#ifndef TEXTMEND_WORDS_NOISY_CHANNEL_H_
#define TEXTMEND_WORDS_NOISY_CHANNEL_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dict/lexicon.h"
#include "words/vocabulary.h"

namespace textmend {

// How well `w` fits between `before` and `after` (either may be ""), in
// nats, by the lexicon's word-pair counts: log C(before w) + log C(w after)
// - log C(w), the terms of P(w | before) P(after | w) that differ between
// two words in one place. A pair the list lacks counts as rarer than any it
// has, and with `back_off` also as no likelier than its two words side by
// side by chance (C(a) C(b) / N): without that, a rare word the list lacks
// seems to fit any words around it (P(after | w) near 1 when C(w) is
// small). `*listed` is raised by the number of w's pairs the list has.
double ContextScore(const Lexicon& lexicon, std::string_view before,
                    std::string_view w, std::string_view after, int* listed,
                    bool back_off = false);

// The words around a word's one occurrence (lowercase; "" at a line or
// sentence edge, or beside punctuation), which break ties between readings
// the misreadings alone cannot tell apart.
struct WordContext {
  std::string before, after;
};

struct Correction {
  std::string word;   // lowercase
  std::string edits;  // "rn->m", "cl->d, e->c", "insert 'a'"
  double score = 0;   // log-probability: word prior + channel
  double margin = 0;  // over the next candidate (or the floor)
  // When the words around chose the reading: them, "the _ date"; `margin`
  // is then how much better it fits them than the next close reading.
  std::string context;
  bool ordinary = false;  // the reading takes an ordinary edit
  int misreadings = 0;    // of the table's, the reading takes
  bool engine = false;    // the page reader's own other reading
};

class NoisyChannel {
 public:
  explicit NoisyChannel(const Lexicon& lexicon) : lexicon_(lexicon) {}
  NoisyChannel(const NoisyChannel&) = delete;
  NoisyChannel& operator=(const NoisyChannel&) = delete;

  // The correction for `lower` (a lowercase ASCII word of 3+ letters the
  // lexicon rejects), or false when no candidate clearly dominates. When the
  // word was `capitalized`, a candidate may be a word the lexicon knows only
  // capitalized, but only through the table's misreadings (an unknown
  // capitalized word is most often a name, and Parul is not Paul). `vocabulary`
  // (may be null) raises the prior of words the document uses.
  //
  // With `context` (may be null), readings the misreadings leave too close
  // to call are told apart by the word pairs they make with the words around
  // (see ContextScore): one that fits them far better than every other close
  // reading is taken.
  //
  // `alternatives` (may be null): lowercase readings of the word the page's
  // reader itself considered (see WordReading), each a candidate as likely
  // as a table misreading per character it changes.
  //
  // `reachable` (may be null) receives every word the readings weighed, so
  // that a caller can tell which new words of the document may change the
  // outcome (their priors rise with their counts).
  bool Correct(std::string_view lower, bool capitalized,
               const Vocabulary* vocabulary, Correction* out,
               const WordContext* context = nullptr,
               const std::vector<std::string>* alternatives = nullptr,
               std::vector<std::string>* reachable = nullptr) const;

  // Words run together ("thepolitical", "hesaid"): the best split of
  // `lower` (a lowercase ASCII word the lexicon rejects) into two words in
  // lowercase use with corpus counts, as out->word "the political", when it
  // clearly beats every other split and is likely enough.
  bool SplitRunTogether(std::string_view lower, const Vocabulary* vocabulary,
                        Correction* out) const;

  // The score (as Correction::score) of reading two tokens one space apart
  // as the single word `joined` (lowercase), or false when it is no word in
  // lowercase use with a corpus count.
  bool JoinScore(std::string_view joined, const Vocabulary* vocabulary,
                 double* score) const;

  // The prior of `lower` standing as written: its corpus log-probability
  // (raised when the document uses it), or, for a string the lexicon lacks,
  // that of an unknown word of its length.
  double WordPrior(std::string_view lower, const Vocabulary* vocabulary) const;

  // Whether one of the readings of `lower` through one of the table's
  // misreadings is a word `vocabulary` counts, or a CommonWord(): far
  // cheaper than Correct(), for words that may only be read so.
  bool ReadsAsDocumentWord(std::string_view lower,
                           const Vocabulary& vocabulary) const;

  // Appends to `out` the readings of `lower` through one of the table's
  // misreadings (rn read for m: "rnan" gives "man").
  static void Misreadings(std::string_view lower,
                          std::vector<std::string>* out);

  // Whether `word` is among the most frequent (function) words: the, when,
  // more.
  bool Frequent(std::string_view word) const;
  // Whether `word` is in lowercase use and as common as the pronouns and
  // auxiliaries (she, his, had, why): what a short capitalized word the
  // lexicon lacks may be read as where a sentence starts.
  bool FunctionWord(std::string_view word) const;
  // Whether `word` is a word in lowercase use common enough in running text
  // that a capitalized misreading of it is far likelier than a name
  // (academy, awards, magic: not doppler, nor the name John).
  bool CommonWord(std::string_view word) const;
  // Whether `word` is a name (a word the lexicon knows capitalized) common
  // enough in running text that a capitalized word one misreading from it is
  // far likelier its misreading than another name (London, Johnson, Owen:
  // not Kigali, nor Gervais, which the lexicon knows without a count).
  bool CommonName(std::string_view word) const;

  // Whether `lower` is more likely a piece of a common longer word the page
  // lost ("holdi", "ibility": it begins or ends one) than a misreading of
  // the word `reading` (Correct()'s) makes it.
  bool Fragment(std::string_view lower, const Correction& reading) const;

  struct Candidate;  // a reading of a word (defined in the .cc)

 private:
  // Scores `candidates` for `word` and decides as Correct() does; `*weak`
  // tells whether the best (if any) fell below the floor.
  bool Decide(const std::string& word, bool capitalized,
              const Vocabulary* vocabulary, const WordContext* context,
              const std::vector<Candidate>& candidates, Correction* out,
              bool* weak, std::vector<std::string>* reachable) const;

  // Of the readings in `found` (score, candidate index; best first) that
  // score at least `lowest`, the one that fits `context` far better than
  // every other: sets *chosen and *lead (its lead in fit) and returns true.
  // It must score at least `least` and have a word pair the lexicon lists.
  bool ByContext(const WordContext& context,
                 const std::vector<Candidate>& candidates,
                 const std::vector<std::pair<double, size_t>>& found,
                 double lowest, double least, size_t* chosen,
                 double* lead) const;

  // The prior of `word`: its corpus log-probability, raised when the
  // document uses it.
  double Prior(std::string_view word, const Vocabulary* vocabulary) const;
  // Whether `word` is a word in lowercase use with a corpus count.
  bool Counted(std::string_view word) const;

  const Lexicon& lexicon_;
};

}  // namespace textmend

#endif  // TEXTMEND_WORDS_NOISY_CHANNEL_H_
