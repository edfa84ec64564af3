// --report records: one JSON object per change, one per line (JSON Lines).
#ifndef TEXTMEND_IO_REPORT_H_
#define TEXTMEND_IO_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "textmend/change.h"

namespace textmend {

// The record for `change` in `file`, with its trailing newline. Fields: file,
// line, column, offset, length, before, after, stage, rule, confidence; for
// JSON Lines input also `record` (the input line number; then line, column and
// offset are within that record's field text). `record` < 0 leaves it out.
std::string ReportRecord(std::string_view file, const Change& change,
                         int64_t record = -1);

}  // namespace textmend

#endif  // TEXTMEND_IO_REPORT_H_
