// textmend_eval --names: documents that mention several persons, each in
// several spellings drawn from a group of real spellings of one person (one
// group a line, tab-separated, "SURNAME, Given Patronymic", as in
// ../shared/data/names/ofac-dev.tsv), some with a trap: a relative with the
// same surname and another first name, or the surname's other gender form
// with another first name. Scores the name stage:
//   unified - persons written in several spellings that end with one;
//   merged  - name tokens changed into a spelling that is not their own
//             person's (two people merged, or a name damaged);
//   other   - tokens that are no name, changed.
#ifndef TEXTMEND_TOOLS_EVAL_NAMES_EVAL_H_
#define TEXTMEND_TOOLS_EVAL_NAMES_EVAL_H_

#include <string>
#include <vector>

namespace textmend_eval {

struct NamesEvalOptions {
  unsigned seed = 1;
  size_t documents = 400;
  // Which groups: "all", or "even" / "odd" lines (one half to develop on,
  // the other held out).
  std::string half = "all";
  double min_unified = -1;  // exit 1 below this share (percent)
  bool verbose = false;
  // Instead of documents: how the surname keys pair the group's spellings
  // (see RunNamesEval).
  bool pairs = false;
};

// `groups`: the lines of a spellings file. With `pairs`, no documents: over
// the spellings that share a first name (by first-name key), the share of one
// person's surname spellings whose surname keys are equal, and equal once
// loosened (LooseKey), and how many pairs of different persons' spellings
// (same first name and gender) each would join.
int RunNamesEval(const std::vector<std::string>& groups,
                 const NamesEvalOptions& options);

}  // namespace textmend_eval

#endif  // TEXTMEND_TOOLS_EVAL_NAMES_EVAL_H_
