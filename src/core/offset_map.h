// OffsetMap: maps byte positions in a derived text back to positions in the
// text it came from. The pipeline keeps one per segment so that a change made
// by any stage points into the caller's original bytes, whatever the stages
// before it inserted or deleted; the decoder uses one for UTF-16/32 input,
// where a character's byte length differs between input and output.
//
// The map is a sequence of runs. A run covers `units` consecutive units; each
// unit is `dst_unit` bytes of the derived text and `src_unit` bytes of the
// source. An untouched stretch is one run of 1:1 units, a replacement is one
// unit of its two lengths, and UTF-16 text is a run per stretch of characters
// with the same lengths. Clean text is one run.
//
// Thread-safety: a value; const methods may be called concurrently.
#ifndef TEXTMEND_CORE_OFFSET_MAP_H_
#define TEXTMEND_CORE_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

#include "core/edit.h"

namespace textmend {

class OffsetMap {
 public:
  struct Run {
    uint64_t dst_begin;
    uint64_t src_begin;
    uint64_t units;
    uint64_t dst_unit;
    uint64_t src_unit;
    uint64_t dst_end() const { return dst_begin + units * dst_unit; }
    uint64_t src_end() const { return src_begin + units * src_unit; }
  };

  OffsetMap() = default;
  // The map of a text that is its own source, `length` bytes long.
  static OffsetMap Identity(uint64_t length);

  // Appends `units` units of the given shape after the current end. Merges with
  // the last run when the shape is the same.
  void Append(uint64_t units, uint64_t dst_unit, uint64_t src_unit);

  // The source position where the derived byte range starting at `dst` begins:
  // the start of the unit holding `dst`. Requires dst <= dst_size().
  uint64_t SourceBegin(uint64_t dst) const;
  // The source position where a derived range ending at `dst` ends: the end of
  // the unit holding byte dst-1. Requires dst <= dst_size().
  uint64_t SourceEnd(uint64_t dst) const;

  // The map of the text that results from applying `edits` to the derived text
  // (same source). Requires: edits sorted, non-overlapping and inside [0,
  // dst_size()].
  OffsetMap Edited(const std::vector<Edit>& edits) const;

  // The map of derived bytes [a, dst_size()), with source positions counted
  // from SourceBegin(a), which is stored in *src_dropped. The streaming driver
  // uses it to forget what it has already emitted.
  OffsetMap DropPrefix(uint64_t a, uint64_t* src_dropped) const;

  uint64_t dst_size() const {
    return runs_.empty() ? 0 : runs_.back().dst_end();
  }
  uint64_t src_size() const {
    return runs_.empty() ? 0 : runs_.back().src_end();
  }
  const std::vector<Run>& runs() const { return runs_; }

 private:
  // Appends the part of this map that covers derived range [a, b), shifted to
  // start at the current end of `out`. Source positions are stored less
  // `src_base`.
  void CopyRange(uint64_t a, uint64_t b, OffsetMap* out,
                 uint64_t src_base = 0) const;

  std::vector<Run> runs_;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_OFFSET_MAP_H_
