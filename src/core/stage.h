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

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/edit.h"

namespace textmend {

// What a document-level stage learned from a whole window of text (a document,
// or a bounded piece of a very long one) before repairing any of it: the word
// stage's confirmed substitution rules, for example. Immutable once learned.
class DocumentModel {
 public:
  virtual ~DocumentModel() = default;
};

// A hash for maps keyed by std::string that are searched with a
// std::string_view (no string is built to look one up).
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>()(text);
  }
};

// What the reader of page images said of a word of its text (as written):
// its confidence (0..1), the highest over the word's occurrences, and the
// other readings it considered (lowercase word tokens, likeliest first).
struct PageReading {
  float confidence = 0;
  std::vector<std::string> alternatives;
};
// By the word as written; empty for text not read from page images.
using PageReadings =
    std::unordered_map<std::string, PageReading, TextHash, std::equal_to<>>;

class TextStage {
 public:
  virtual ~TextStage() = default;

  // The name reported in Change::stage ("unicode", ...).
  virtual std::string_view name() const = 0;

  // A fast, conservative filter over a whole segment (which may hold invalid
  // bytes): false means Process() would make no edit anywhere in it. Called for
  // every segment, so it must run at memory speed on clean text. A stage
  // without a model must answer false for every piece of a text cut at line
  // ends when it answers false for the whole (the pipeline asks once per
  // learning window and trusts that for the window's segments).
  virtual bool MayChange(std::string_view segment,
                         const DocumentModel* model) const = 0;

  // Document-level stages learn from the whole window before any segment of
  // it is processed; `window` may hold invalid bytes. Returns nullptr for a
  // stage that needs no document context (the default), or that learned
  // nothing worth using. `readings` (never null) holds the reader's
  // confidence in the words of text read from page images.
  virtual std::unique_ptr<DocumentModel> Learn(
      std::string_view window, const PageReadings& readings) const {
    (void)window;
    (void)readings;
    return nullptr;
  }
  // True when the stage learns from documents (the stream then holds input
  // back until a window is complete).
  virtual bool learns() const { return false; }

  // Appends to `edits` the edits for `run`, a valid UTF-8 run that starts at
  // byte `run_offset` of the segment, with offsets relative to the segment, in
  // increasing order and non-overlapping. `model` is what Learn() returned for
  // the window that holds the segment.
  virtual void Process(std::string_view run, size_t run_offset,
                       const DocumentModel* model,
                       std::vector<Edit>* edits) const = 0;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_STAGE_H_
