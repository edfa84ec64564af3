// UnifiedDiff over dtl's hunks.
#include "io/diff.h"

#include <dtl/dtl.hpp>
#include <vector>

namespace textmend {
namespace {

// Lines with their newline; an unterminated last line stays without one, so
// that it differs from the same line terminated.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view name) {
  if (before == after) return {};
  const std::vector<std::string_view> a = Lines(before), b = Lines(after);
  dtl::Diff<std::string_view, std::vector<std::string_view>> diff(a, b);
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  std::string out;
  out += "--- a/";
  out += name;
  out += "\n+++ b/";
  out += name;
  out += "\n";
  auto emit = [&out](char mark, std::string_view line) {
    out += mark;
    out += line;
    if (line.empty() || line.back() != '\n')
      out += "\n\\ No newline at end of file\n";
  };
  for (const auto& hunk : diff.getUniHunks()) {
    out += "@@ -" + std::to_string(hunk.a) + "," + std::to_string(hunk.b) +
           " +" + std::to_string(hunk.c) + "," + std::to_string(hunk.d) +
           " @@\n";
    for (const auto* part : {&hunk.common[0], &hunk.change, &hunk.common[1]}) {
      for (const auto& [line, info] : *part) {
        const char mark = info.type == dtl::SES_ADD      ? '+'
                          : info.type == dtl::SES_DELETE ? '-'
                                                         : ' ';
        emit(mark, line);
      }
    }
  }
  return out;
}

}  // namespace textmend
