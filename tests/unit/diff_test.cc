// Unified diffs for --diff.
#include "io/diff.h"

#include <catch2/catch.hpp>

namespace textmend {
namespace {

TEST_CASE("diff: equal texts give nothing", "[diff]") {
  CHECK(UnifiedDiff("a\nb\n", "a\nb\n", "f").empty());
}

TEST_CASE("diff: one changed line with context", "[diff]") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
  CHECK(UnifiedDiff(before, after, "doc.txt") ==
        "--- a/doc.txt\n+++ b/doc.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n "
        "4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("diff: a last line without newline is marked", "[diff]") {
  CHECK(UnifiedDiff("x\ny", "x\nz", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of "
        "file\n+z\n"
        "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace textmend
