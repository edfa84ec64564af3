// TextStage: the interface every text-repair stage implements. Stages see only
// valid UTF-8: the driver hands them the valid runs of a segment, so bytes that
// are not valid UTF-8 can never be altered by a stage. A stage reports what it
// wants changed as Edits; the driver applies them and keeps offsets.
//
// Locality contract (what makes streaming equal one-shot): a stage's edits for
// a run may depend only on the text of the run itself, treat the run's edges
// like line boundaries, and never span a newline unless the stage declares
// otherwise (none does yet). The streaming driver cuts input only at newlines
// or, in very long lines, between two plain characters.
//
// Thread-safety: stages are immutable after construction; const methods may run
// concurrently.
#ifndef TEXTMEND_CORE_STAGE_H_
#define TEXTMEND_CORE_STAGE_H_

#include <string_view>
#include <vector>

#include "core/edit.h"

namespace textmend {

class TextStage {
 public:
  virtual ~TextStage() = default;

  // The name reported in Change::stage ("unicode", ...).
  virtual std::string_view name() const = 0;

  // A fast, conservative filter over a whole segment (which may hold invalid
  // bytes): false means Process() would make no edit anywhere in it. Called for
  // every segment, so it must run at memory speed on clean text.
  virtual bool MayChange(std::string_view segment) const = 0;

  // Appends to `edits` the edits for `run`, a valid UTF-8 run that starts at
  // byte `run_offset` of the segment, with offsets relative to the segment, in
  // increasing order and non-overlapping.
  virtual void Process(std::string_view run, size_t run_offset,
                       std::vector<Edit>* edits) const = 0;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_STAGE_H_
