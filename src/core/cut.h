// Where the streaming driver may cut a line that is too long to hold in memory.
#ifndef TEXTMEND_CORE_CUT_H_
#define TEXTMEND_CORE_CUT_H_

#include <cstddef>
#include <string_view>

namespace textmend {

// A position in (0, limit] of `text` (which holds more than `limit` bytes)
// where no repair can span the cut: preferably just before an ASCII space that
// follows a plain character, else between two plain ASCII characters, else
// before a character that is neither a mark nor a format or control character
// and where normalization has a boundary, after one that is not a format or
// control character. Falls back to the character boundary at or before `limit`
// (then, in pathological text such as megabytes of combining marks, streaming
// may differ from one-shot at that point).
size_t SafeCut(std::string_view text, size_t limit);

}  // namespace textmend

#endif  // TEXTMEND_CORE_CUT_H_
