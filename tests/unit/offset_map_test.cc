// OffsetMap: positions in edited text map back to the source, through several
// rounds of edits.
#include "core/offset_map.h"

#include <catch2/catch.hpp>

namespace textmend {
namespace {

Edit MakeEdit(size_t offset, size_t length, std::string replacement) {
  Edit e;
  e.offset = offset;
  e.length = length;
  e.replacement = std::move(replacement);
  return e;
}

TEST_CASE("identity map maps every position to itself", "[offset_map]") {
  const OffsetMap m = OffsetMap::Identity(10);
  for (uint64_t i = 0; i <= 10; ++i) {
    CHECK(m.SourceBegin(i) == i);
    CHECK(m.SourceEnd(i) == i);
  }
}

TEST_CASE("a replacement maps as one unit, text around it shifts",
          "[offset_map]") {
  // "abXYZcd" -> "ab12cd": XYZ (3 bytes at 2) becomes 12 (2 bytes).
  const OffsetMap m = OffsetMap::Identity(7).Edited({MakeEdit(2, 3, "12")});
  CHECK(m.dst_size() == 6);
  CHECK(m.src_size() == 7);
  CHECK(m.SourceBegin(0) == 0);
  CHECK(m.SourceBegin(2) == 2);  // start of "12" -> start of XYZ
  CHECK(m.SourceBegin(3) == 2);  // inside the unit -> its start
  CHECK(m.SourceEnd(3) == 5);    // inside the unit -> its end
  CHECK(m.SourceEnd(4) == 5);
  CHECK(m.SourceBegin(4) == 5);  // "c"
  CHECK(m.SourceEnd(6) == 7);
}

TEST_CASE("a deletion belongs to neither neighbour", "[offset_map]") {
  // "a##b" -> "ab".
  const OffsetMap m = OffsetMap::Identity(4).Edited({MakeEdit(1, 2, "")});
  CHECK(m.SourceBegin(1) == 3);  // "b" starts at 3
  CHECK(m.SourceEnd(1) == 1);    // "a" ends at 1
  CHECK(m.src_size() == 4);
}

TEST_CASE("maps compose over successive stages", "[offset_map]") {
  // Stage 1: "xﬁy" (x, 3-byte ligature, y = 5 bytes) -> "xfiy".
  OffsetMap m = OffsetMap::Identity(5).Edited({MakeEdit(1, 3, "fi")});
  // Stage 2: delete "x" and replace "y" with "YY".
  m = m.Edited({MakeEdit(0, 1, ""), MakeEdit(3, 1, "YY")});
  // Now "fiYY": "fi" still maps to the ligature's 3 bytes, "YY" to y.
  CHECK(m.SourceBegin(0) == 1);
  CHECK(m.SourceEnd(2) == 4);
  CHECK(m.SourceBegin(2) == 4);
  CHECK(m.SourceEnd(4) == 5);
  CHECK(m.src_size() == 5);
}

TEST_CASE("an edit inside an earlier replacement maps to that replacement",
          "[offset_map]") {
  OffsetMap m =
      OffsetMap::Identity(5).Edited({MakeEdit(1, 3, "fi")});  // x fi y
  m = m.Edited({MakeEdit(2, 1, "I")});                        // x f I y
  CHECK(m.dst_size() == 4);
  CHECK(m.src_size() == 5);
  CHECK(m.SourceBegin(2) >= 1);
  CHECK(m.SourceEnd(3) <= 4);
  CHECK(m.SourceBegin(3) == 4);  // "y" is exact
}

TEST_CASE("runs of units map characters of another width exactly",
          "[offset_map]") {
  // UTF-16 "ab" (2 bytes each -> 1) then "ж" (2 -> 2).
  OffsetMap m;
  m.Append(2, 1, 2);
  m.Append(1, 2, 2);
  CHECK(m.SourceBegin(1) == 2);
  CHECK(m.SourceBegin(2) == 4);
  CHECK(m.SourceEnd(4) == 6);
  uint64_t dropped = 0;
  const OffsetMap rest = m.DropPrefix(1, &dropped);
  CHECK(dropped == 2);
  CHECK(rest.dst_size() == 3);
  CHECK(rest.SourceBegin(1) == 2);
}

}  // namespace
}  // namespace textmend
