// Unified diffs for --diff, computed with dtl (an O(ND) difference algorithm),
// in the format `patch` and `git apply` read.
#ifndef TEXTMEND_IO_DIFF_H_
#define TEXTMEND_IO_DIFF_H_

#include <string>
#include <string_view>

namespace textmend {

// The unified diff (3 lines of context) turning `before` into `after`, with
// `name` in the headers as a/name and b/name. Empty when the texts are equal. A
// last line without a newline is marked "\ No newline at end of file".
std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view name);

}  // namespace textmend

#endif  // TEXTMEND_IO_DIFF_H_
