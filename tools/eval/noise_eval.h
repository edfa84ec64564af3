// textmend_eval --ocr-noise (and --broken-words, below): damages a share of the
// words of clean text the way OCR engines misread print (joined and split
// strokes such as m/rn, d/cl, h/li, w/vv; one-stroke letters such as e/c, l/i,
// u/n, t/f, h/b; and ordinary dropped, doubled, swapped or wrong letters), one
// or two misreadings per damaged word, runs the word stage, and scores recall
// (damaged words restored), damage (clean words changed, per 10,000) and the
// character error rate before and after.
#ifndef TEXTMEND_TOOLS_EVAL_NOISE_EVAL_H_
#define TEXTMEND_TOOLS_EVAL_NOISE_EVAL_H_

#include <string>
#include <vector>

namespace textmend_eval {

struct NoiseEvalOptions {
  unsigned seed = 1;
  unsigned seeds = 1;      // runs seed .. seed + seeds - 1, summed
  double rate = 0.05;      // share of words damaged
  double min_recall = -1;  // floor on the recall of damaged non-words (%)
  double max_damage = -1;  // per 10,000 clean tokens
  bool verbose = false;    // print each damaged word the repair got wrong
  // Instead of misreadings: words split by a stray space ("pris oners") or
  // run together with the next ("thepolitical"), half each.
  bool broken_words = false;
  // Where to write each damaged document (doc-N.txt), to read the misses in
  // context with `textmend --report`; nullptr: nowhere.
  const char* dump = nullptr;
};

// Flags for the tokens of `a` that a longest common subsequence with `b`
// keeps (token text equal): which tokens a repair left as they were, even
// where it split or joined others.
std::vector<char> Kept(const std::vector<std::string>& a,
                       const std::vector<std::string>& b);

// Returns 0, or 1 when a floor is not met, 2 on error.
int RunNoiseEval(const std::vector<std::string>& texts,
                 const NoiseEvalOptions& options);

}  // namespace textmend_eval

#endif  // TEXTMEND_TOOLS_EVAL_NOISE_EVAL_H_
