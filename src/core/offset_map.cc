// OffsetMap implementation; see offset_map.h for the model.
#include "core/offset_map.h"

#include <algorithm>

namespace textmend {

std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  size_t grow = 0;
  for (const Edit& e : edits) grow += e.replacement.size();
  out.reserve(text.size() + grow);
  size_t pos = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(pos, e.offset - pos));
    out.append(e.replacement);
    pos = e.offset + e.length;
  }
  out.append(text.substr(pos));
  return out;
}

OffsetMap OffsetMap::Identity(uint64_t length) {
  OffsetMap map;
  map.Append(length, 1, 1);
  return map;
}

void OffsetMap::Append(uint64_t units, uint64_t dst_unit, uint64_t src_unit) {
  if (units == 0 || (dst_unit == 0 && src_unit == 0)) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.dst_unit == dst_unit && last.src_unit == src_unit) {
      last.units += units;
      return;
    }
  }
  runs_.push_back(Run{dst_size(), src_size(), units, dst_unit, src_unit});
}

uint64_t OffsetMap::SourceBegin(uint64_t dst) const {
  // The first run that holds byte `dst`; runs that hold no derived bytes
  // (deletions) are skipped, so a deletion just before `dst` is not part of the
  // range starting there.
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), dst,
      [](uint64_t d, const Run& r) { return d < r.dst_end(); });
  if (it == runs_.end()) return src_size();
  const uint64_t k = (dst - it->dst_begin) / it->dst_unit;
  return it->src_begin + k * it->src_unit;
}

uint64_t OffsetMap::SourceEnd(uint64_t dst) const {
  // The last run that holds byte dst-1.
  if (dst == 0) return 0;
  auto it = std::lower_bound(
      runs_.begin(), runs_.end(), dst,
      [](const Run& r, uint64_t d) { return r.dst_begin < d; });
  if (it == runs_.begin()) return 0;
  --it;
  while (it->dst_unit == 0 && it != runs_.begin())
    --it;  // skip deletions ending at dst
  if (it->dst_unit == 0) return it->src_begin;
  const uint64_t off = dst - it->dst_begin;
  const uint64_t k =
      (off + it->dst_unit - 1) / it->dst_unit;  // round up to the unit's end
  return it->src_begin + std::min(k, it->units) * it->src_unit;
}

namespace {

// Appends `units` units of shape du:su to `out` so that they start at source
// position `src_start`. Source bytes skipped over (deletions) become a deletion
// run; a start before the current end (a unit cut in two by a later edit) gives
// the piece only the source not yet given.
void AppendAt(OffsetMap* out, uint64_t src_start, uint64_t units, uint64_t du,
              uint64_t su) {
  const uint64_t cur = out->src_size();
  if (src_start > cur) {
    out->Append(1, 0, src_start - cur);
  } else if (src_start < cur) {
    const uint64_t end = src_start + units * su;
    out->Append(1, units * du, end > cur ? end - cur : 0);
    return;
  }
  out->Append(units, du, su);
}

}  // namespace

void OffsetMap::CopyRange(uint64_t a, uint64_t b, OffsetMap* out,
                          uint64_t src_base) const {
  if (a >= b) return;
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), a,
      [](uint64_t d, const Run& r) { return d < r.dst_end(); });
  for (; it != runs_.end() && it->dst_begin < b; ++it) {
    if (it->dst_unit == 0)
      continue;  // a deletion: AppendAt covers its source bytes
    const uint64_t du = it->dst_unit, su = it->src_unit;
    const uint64_t lo = std::max(a, it->dst_begin) - it->dst_begin;
    const uint64_t hi = std::min(b, it->dst_end()) - it->dst_begin;
    uint64_t k = lo / du;
    const uint64_t k_end = hi / du;
    if (lo % du != 0) {
      // The range starts inside a unit: that piece maps to the whole unit's
      // source.
      const uint64_t piece_end = std::min(hi, (k + 1) * du);
      AppendAt(out, it->src_begin - src_base + k * su, 1, piece_end - lo, su);
      if (piece_end == hi) continue;
      ++k;
    }
    if (k_end > k)
      AppendAt(out, it->src_begin - src_base + k * su, k_end - k, du, su);
    if (hi % du != 0 && k_end >= k) {
      AppendAt(out, it->src_begin - src_base + k_end * su, 1, hi % du, su);
    }
  }
}

OffsetMap OffsetMap::Edited(const std::vector<Edit>& edits) const {
  OffsetMap out;
  uint64_t pos = 0;
  for (const Edit& e : edits) {
    CopyRange(pos, e.offset, &out);
    const uint64_t src_a = SourceBegin(e.offset);
    const uint64_t src_b = std::max(src_a, SourceEnd(e.offset + e.length));
    AppendAt(&out, src_a, 1, e.replacement.size(), src_b - src_a);
    pos = e.offset + e.length;
  }
  CopyRange(pos, dst_size(), &out);
  if (out.src_size() < src_size())
    out.Append(1, 0, src_size() - out.src_size());
  return out;
}

OffsetMap OffsetMap::DropPrefix(uint64_t a, uint64_t* src_dropped) const {
  OffsetMap out;
  *src_dropped = SourceBegin(a);
  CopyRange(a, dst_size(), &out, *src_dropped);
  if (out.src_size() < src_size() - *src_dropped) {
    out.Append(1, 0, src_size() - *src_dropped - out.src_size());
  }
  return out;
}

}  // namespace textmend
