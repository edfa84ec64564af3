// Streaming repair: Write() any number of chunks, then Finish(). Output is
// produced as soon as a piece of the input can no longer be affected by what
// follows (normally at each newline), so memory stays bounded however long the
// input or its lines are. Cutting the input into any chunks gives exactly the
// output and the changes of a one-shot Repairer::Repair().
//
// Shaped like leveldb's TableBuilder: errors are sticky; once a call has
// failed, later calls do nothing and return the same Status.
//
// Thread-safety: a Stream is used from one thread at a time. Many Streams may
// share one Repairer concurrently.
#ifndef TEXTMEND_STREAM_H_
#define TEXTMEND_STREAM_H_

#include <string_view>

#include "textmend/change.h"
#include "textmend/status.h"

namespace textmend {

// Where a Stream delivers repaired text and changes. Implemented by the caller.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Receives the next piece of repaired output. `text` is valid only during the
  // call. A non-OK return stops the stream and is returned by the
  // Write()/Finish() that caused it.
  virtual Status Append(std::string_view text) = 0;
  // Receives each change before the piece of output that holds it is appended.
  // Changes come in order of their offset in the input; changes at the same
  // offset come in stage order. Default: ignored.
  virtual void AddChange(const Change& change) { (void)change; }
};

class Stream {
 public:
  virtual ~Stream() = default;
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Feeds the next chunk of input bytes. A UTF-8 sequence (or UTF-16 unit)
  // split between chunks is held back until it is complete. `chunk` need only
  // live during the call.
  virtual Status Write(std::string_view chunk) = 0;
  // Processes what is held back and flushes all output. Call once; Write()
  // after Finish() is an error.
  virtual Status Finish() = 0;
  // The first error met, or OK.
  virtual Status status() const = 0;

 protected:
  Stream() = default;
};

}  // namespace textmend

#endif  // TEXTMEND_STREAM_H_
