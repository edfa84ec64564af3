// Text helpers shared by textmend_eval's modes: whitespace tokens and the
// Levenshtein distance over any sequence (characters, code points, words).
#ifndef TEXTMEND_TOOLS_EVAL_DISTANCE_H_
#define TEXTMEND_TOOLS_EVAL_DISTANCE_H_

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

namespace textmend_eval {

// A whitespace-separated token of a text: [begin, end).
struct Span {
  size_t begin, end;
};

// The whitespace-separated tokens of `text` (ASCII whitespace; no damage the
// eval makes adds any inside a token).
inline std::vector<Span> WhitespaceTokens(const std::string& text) {
  std::vector<Span> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    size_t j = i;
    while (j < text.size() &&
           !std::isspace(static_cast<unsigned char>(text[j])))
      ++j;
    if (j > i) out.push_back({i, j});
    i = j;
  }
  return out;
}

// The number of insertions, deletions and substitutions that turn `a` into
// `b` (elements compared with ==), in O(|a| |b|) time and O(|b|) memory.
template <typename Sequence>
size_t Distance(const Sequence& a, const Sequence& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace textmend_eval

#endif  // TEXTMEND_TOOLS_EVAL_DISTANCE_H_
