// Moving bytes from an input file through a Repairer into an output file: the
// loop shared by stdout mode, in-place rewriting and dry runs.
#ifndef TEXTMEND_IO_TRANSFER_H_
#define TEXTMEND_IO_TRANSFER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "io/file_system.h"
#include "textmend/repairer.h"

namespace textmend {

using ChangeCallback = std::function<void(const Change&)>;

// How much of an input is read to decide whether it looks binary.
inline constexpr size_t kSniffBytes = 8192;

// Reads once, up to kSniffBytes, from `in` into `*prefix` (a pipe may give
// less) and sets
// `*binary` from textmend::LooksBinary.
Status SniffInput(ReadableFile* in, std::string* prefix, bool* binary);

// Streams `prefix` and then the rest of `in` through `repairer` into `out`,
// calling `on_change` (may be empty) for every change and counting them in
// `*changes`. Flushes `out` after each chunk, so a pipe sees output before its
// input ends.
Status RepairInto(ReadableFile* in, std::string_view prefix,
                  const Repairer& repairer, WritableFile* out,
                  const ChangeCallback& on_change, size_t* changes);

// Copies `prefix` and the rest of `in` to `out` unchanged.
Status CopyInto(ReadableFile* in, std::string_view prefix, WritableFile* out);

// Reads all of `in` after `prefix` into `*all` (which starts with `prefix`).
Status ReadRest(ReadableFile* in, std::string_view prefix, std::string* all);

}  // namespace textmend

#endif  // TEXTMEND_IO_TRANSFER_H_
