// JSON Lines mode: each input line is a JSON object whose string field (default
// "text") is repaired; every other byte of the line passes through unchanged.
// The line is validated in full with simdjson's DOM parser, and the field's raw
// token is located with its On-Demand parser, so only that token is rewritten.
//
// Thread-safety: a JsonlLineRepairer holds parser buffers; use one per thread.
#ifndef TEXTMEND_IO_JSONL_H_
#define TEXTMEND_IO_JSONL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/file_system.h"
#include "textmend/repairer.h"

namespace textmend {

enum class JsonlOutcome {
  kUnchanged,    // the field needed no repair; output == input
  kRepaired,     // the field was repaired
  kBlank,        // an empty or all-white line; passed through silently
  kInvalidJson,  // passed through unchanged; worth a message
  kNotObject,
  kMissingField,
  kNotString,
};

// A short description for messages: "not valid JSON", "has no field \"text\"",
// ...
std::string DescribeOutcome(JsonlOutcome outcome, std::string_view field);

class JsonlLineRepairer {
 public:
  // `repairer` must outlive this object.
  JsonlLineRepairer(const Repairer& repairer, std::string field);
  ~JsonlLineRepairer();

  // Repairs `line` (without its newline) into `*out` (== line unless kRepaired)
  // and appends the changes made to the field's text, with offsets within that
  // text.
  JsonlOutcome Repair(std::string_view line, std::string* out,
                      std::vector<Change>* changes);

 private:
  struct Parsers;
  const Repairer& repairer_;
  std::string field_;
  std::unique_ptr<Parsers> parsers_;
  std::string padded_;
};

// What happened to each record, for messages and reports.
class JsonlObserver {
 public:
  virtual ~JsonlObserver() = default;
  // Line `line` (1-based) passed through unchanged: not JSON, no field, ...
  virtual void Skipped(uint64_t line, JsonlOutcome outcome) = 0;
  // Line `line` was repaired; `changes` point into its field's text.
  virtual void Repaired(uint64_t line, const std::vector<Change>& changes) = 0;
};

// Calls `on` with the text of string field `field` of each record of `in`
// that has one (reading `in` to its end first): what a batch's name profile
// observes.
Status ForEachJsonlText(ReadableFile* in, const std::string& field,
                        const std::function<void(std::string_view)>& on);

// Streams JSON Lines from `in` to `out`, repairing string `field` of each
// record. Records are read in batches and spread over `jobs` threads; output
// keeps their order and each line its terminator (a last line without a
// newline stays without). Sets `*repaired` to the number of records repaired.
Status RepairJsonl(ReadableFile* in, const Repairer& repairer,
                   const std::string& field, unsigned jobs, WritableFile* out,
                   JsonlObserver* observer, size_t* repaired);

// `text` as a JSON string literal, quotes included; non-ASCII stays as UTF-8.
std::string JsonQuote(std::string_view text);

}  // namespace textmend

#endif  // TEXTMEND_IO_JSONL_H_
