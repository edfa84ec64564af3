// StreamImpl: the streaming driver behind Stream. It sniffs the byte order
// mark, decodes UTF-16/32 through the decode stage, holds input until a piece
// of it can be repaired without seeing what follows (a newline, or a safe cut
// in a very long line), runs the pipeline over each piece and maps every change
// back to original byte offsets.
//
// Thread-safety: one thread at a time (see textmend/stream.h).
#ifndef TEXTMEND_CORE_STREAM_IMPL_H_
#define TEXTMEND_CORE_STREAM_IMPL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/offset_map.h"
#include "core/pipeline.h"
#include "decode/decoder.h"
#include "decode/legacy.h"
#include "textmend/options.h"
#include "textmend/stream.h"

namespace textmend {

class StreamImpl final : public Stream {
 public:
  // `pipeline` and `sink` must outlive the stream.
  StreamImpl(const Options& options, const Pipeline* pipeline,
             OutputSink* sink);

  // The reader's confidence in the words of text read from page images,
  // for the learning stages; set before the first Write().
  void set_readings(PageReadings readings) { readings_ = std::move(readings); }

  Status Write(std::string_view chunk) override;
  Status Finish() override;
  Status status() const override { return status_; }

 private:
  // kSniff: settling the byte order mark. kUtf8: UTF-8 (or bytes passed
  // through). kDeciding: ASCII so far, then a non-ASCII byte; holding input
  // from there until it is clear whether it is UTF-8 or a legacy code page.
  // kUnits: decoding UTF-16/32 or a legacy code page. kOpaque: passing
  // UTF-16/32 through untouched (decode stage off).
  enum class Mode { kSniff, kUtf8, kDeciding, kUnits, kOpaque };

  void Feed(std::string_view bytes, bool at_end);
  // kDeciding: settles UTF-8 or legacy once deciding_ says enough.
  void Decide(bool at_end);
  // Switches to decoding `page` from the current end of pending_ on, and
  // reports it as a change of the decode stage.
  void StartLegacy(CodePageId page, const std::string& evidence);
  void FeedDecided(std::string_view bytes, bool at_end);
  void Drain(bool at_end);
  size_t FindCut(bool at_end) const;
  // With a learning stage: the end of the next window in pending_, or 0 when
  // more input is needed to know it.
  size_t WindowEnd(bool at_end) const;
  void EmitSegment(size_t length);
  void Emit(std::string_view text);

  const Options options_;
  const Pipeline* pipeline_;
  OutputSink* sink_;
  PageReadings readings_;
  Status status_;
  bool finished_ = false;

  Mode mode_ = Mode::kSniff;
  std::string sniff_;  // the first bytes, until the BOM question is settled
  uint64_t bom_length_ = 0;           // bytes of BOM before the decoded text
  std::optional<UnitDecoder> units_;  // UTF-16/32 input
  std::optional<CodePageDecoder> legacy_;  // single-byte code page input
  bool detect_legacy_ = false;  // kUtf8: still ASCII, legacy detection on
  std::string deciding_;        // kDeciding: input from the first non-ASCII
  std::string undecoded_;       // UTF-16/32 bytes waiting for a complete unit
  OffsetMap pending_map_;   // UTF-16/32: pending_ -> original, from units_src_
  uint64_t units_src_ = 0;  // original offset (after the BOM) of pending_[0]

  std::string pending_;          // decoded text not yet repaired
  uint64_t pending_offset_ = 0;  // decoded offset of pending_[0]
  TextPosition position_;        // line and column of pending_[0]

  // Document-level stages: what they learned from the current window, and how
  // many bytes of pending_ are still in it (0: no window learned yet).
  const bool learns_;
  Models models_;
  size_t window_left_ = 0;

  std::string repaired_;  // scratch buffers, reused across segments
  std::vector<Change> changes_;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_STREAM_IMPL_H_
