// Edit: one replacement a stage wants to make in the text it was given. Stages
// produce edits; only the pipeline driver applies them, so that it can keep
// every offset pointing back into the original input.
#ifndef TEXTMEND_CORE_EDIT_H_
#define TEXTMEND_CORE_EDIT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace textmend {

struct Edit {
  size_t offset = 0;        // byte offset in the stage's input text
  size_t length = 0;        // bytes replaced (0: an insertion)
  std::string replacement;  // valid UTF-8
  std::string rule;         // which rule fired, with its evidence
  float confidence = 1.0f;
};

// Returns `text` with `edits` applied. Requires: edits sorted by offset,
// non-overlapping, and inside the text.
std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits);

}  // namespace textmend

#endif  // TEXTMEND_CORE_EDIT_H_
