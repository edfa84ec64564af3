// Repairer: textmend's entry point. Create one from Options, then repair text
// one-shot or as a stream. A Repairer is immutable after creation and safe to
// share between threads: every method is const and keeps no per-call state.
//
// Example:
//   std::unique_ptr<textmend::Repairer> repairer;
//   textmend::Status s = textmend::Repairer::Create(textmend::Options(),
//   &repairer); textmend::RepairResult result; if (s.ok()) s =
//   repairer->Repair(input, &result);
#ifndef TEXTMEND_REPAIRER_H_
#define TEXTMEND_REPAIRER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textmend/change.h"
#include "textmend/options.h"
#include "textmend/status.h"
#include "textmend/stream.h"

namespace textmend {

// How sure the reader of a scanned page (OCR) was of one word of the input,
// and what else it nearly read there. Given with the input, it lets the word
// stage leave alone an unknown word read with confidence (a name, a rare word
// read right), and read an unsure one as one of its alternatives more readily
// than as an arbitrary misreading.
struct WordReading {
  uint64_t offset = 0;   // bytes into the input
  uint64_t length = 0;   // bytes
  float confidence = 0;  // 0 (a guess) .. 1 (certain)
  // Other readings of the whole word the reader considered (Tesseract's
  // second choices for a character or two), likeliest first; may be empty.
  std::vector<std::string> alternatives;
};

struct RepairResult {
  std::string text;             // the repaired output
  std::vector<Change> changes;  // every repair, in order of input offset
};

class Repairer {
 public:
  // Validates `options` and builds a Repairer in `*out`. Returns
  // InvalidArgument for bad options (then `*out` is untouched).
  static Status Create(const Options& options, std::unique_ptr<Repairer>* out);

  virtual ~Repairer() = default;
  Repairer(const Repairer&) = delete;
  Repairer& operator=(const Repairer&) = delete;

  // Repairs `input` (any bytes) into `*result`, replacing its contents.
  // Equivalent to one Write() of the whole input and Finish() on a stream.
  virtual Status Repair(std::string_view input, RepairResult* result) const = 0;

  // The same for text read from page images, with the reader's confidence
  // in its words (`readings`: any order; readings outside the input are
  // ignored). A word written the same way several times counts as read
  // with its highest confidence.
  virtual Status Repair(std::string_view input,
                        const std::vector<WordReading>& readings,
                        RepairResult* result) const = 0;

  // A new stream delivering into `sink`, which must outlive the stream. The
  // stream does not own the sink.
  virtual std::unique_ptr<Stream> NewStream(OutputSink* sink) const = 0;

  virtual const Options& options() const = 0;

 protected:
  Repairer() = default;
};

// True when `prefix` (the first few KiB of an input) looks like a binary file
// rather than text: it holds NUL bytes without a UTF-16/UTF-32 byte order mark,
// or too many control bytes. Text in a legacy 8-bit encoding is not binary.
bool LooksBinary(std::string_view prefix);

// textmend's version, "MAJOR.MINOR.PATCH".
std::string_view Version();

}  // namespace textmend

#endif  // TEXTMEND_REPAIRER_H_
