// Pipeline: runs the text stages in order over one segment, applies their
// edits, and turns each edit into a Change that points into the segment's
// decoded bytes. The stream driver (stream_impl.cc) cuts input into segments
// and maps those offsets on to the original input.
//
// Thread-safety: immutable after construction; Run() may be called
// concurrently.
#ifndef TEXTMEND_CORE_PIPELINE_H_
#define TEXTMEND_CORE_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/stage.h"
#include "textmend/change.h"

namespace textmend {

// 1-based line and column of a segment's first byte in the whole input.
struct TextPosition {
  uint64_t line = 1;
  uint64_t column = 1;
};

// Per stage, what it learned from the current window (nullptr: nothing).
using Models = std::vector<std::unique_ptr<DocumentModel>>;

class Pipeline {
 public:
  explicit Pipeline(std::vector<std::unique_ptr<TextStage>> stages);

  // Repairs `segment`. Returns false when no stage changed anything; then
  // `*out` and `*changes` are untouched and the caller emits the segment as it
  // is. Otherwise sets `*out` to the repaired text and appends one Change per
  // edit, with offset/length relative to `segment` and line/column counted from
  // `start`, in order of offset (stage order at equal offsets).
  // `models` holds, per stage, what it learned from the segment's window (may
  // be empty: no stage learned anything).
  bool Run(std::string_view segment, TextPosition start, const Models& models,
           std::string* out, std::vector<Change>* changes) const;

  // True when some stage learns from whole documents.
  bool learns() const;
  // What each stage learned from `window`, in stage order, given the
  // reader's confidence in the words of text read from page images.
  Models Learn(std::string_view window, const PageReadings& readings) const;

  // The position just after `text` when `text` starts at `start`.
  static TextPosition Advance(TextPosition start, std::string_view text);

 private:
  std::vector<std::unique_ptr<TextStage>> stages_;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_PIPELINE_H_
