// Change: one repair textmend made, pointing into the caller's *original*
// bytes, so a user can see exactly what changed, where, and why.
//
// Thread-safety: a plain value.
#ifndef TEXTMEND_CHANGE_H_
#define TEXTMEND_CHANGE_H_

#include <cstdint>
#include <string>

namespace textmend {

struct Change {
  // Byte range [offset, offset + length) in the original input (before any
  // decoding), whatever stages ran before the one that made this change.
  uint64_t offset = 0;
  uint64_t length = 0;
  // 1-based line and column of `offset` in the decoded text. Columns count
  // Unicode code points (an invalid byte counts as one).
  uint64_t line = 1;
  uint64_t column = 1;
  // The text the stage saw and the text it wrote instead (both UTF-8).
  std::string before;
  std::string after;
  // The stage that made the change ("decode", "unicode", ...) and the rule that
  // fired in it
  // ("nfc", "ligature", "zero-width", ...), with its evidence where the stage
  // has any.
  std::string stage;
  std::string rule;
  // How sure the stage is, in [0, 1]. Mechanical normalizations are 1.
  float confidence = 1.0f;
};

}  // namespace textmend

#endif  // TEXTMEND_CHANGE_H_
