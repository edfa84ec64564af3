// textmend_eval --mojibake: generates mojibake from clean text (every pairing
// the encoding stage handles, per line and per run of words, single and
// layered, exact and lossy) and scores the repair per kind and per script.
#ifndef TEXTMEND_TOOLS_EVAL_MOJIBAKE_EVAL_H_
#define TEXTMEND_TOOLS_EVAL_MOJIBAKE_EVAL_H_

#include <string>
#include <vector>

namespace textmend_eval {

struct MojibakeEvalOptions {
  unsigned seed = 1;
  unsigned seeds = 1;     // runs seeds seed .. seed + seeds - 1, summed
  double rate = 0.3;      // share of lines damaged
  double min_latin = -1;  // floors (percent recall), -1: none
  double min_cyrillic = -1;
  double max_damage = -1;  // per 10,000 clean tokens
  bool verbose = false;    // print each token the repair got wrong
};

// Returns 0, or 1 when a floor is not met, 2 on error.
int RunMojibakeEval(const std::vector<std::string>& texts,
                    const MojibakeEvalOptions& options);

}  // namespace textmend_eval

#endif  // TEXTMEND_TOOLS_EVAL_MOJIBAKE_EVAL_H_
