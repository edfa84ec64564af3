// Line-end hyphenation; see hyphenation.h.
#include "words/hyphenation.h"

#include <algorithm>

#include "words/substitution.h"
#include "core/tokenizer.h"

namespace textmend {
namespace {
constexpr uint8_t kMaxJoinedLevel = 50;  // SCOWL size level
}  // namespace

std::set<std::string, std::less<>> Compounds(std::string_view window) {
  std::set<std::string, std::less<>> out;
  for (size_t h = window.find('-'); h != std::string_view::npos;
       h = window.find('-', h + 1)) {
    if (h == 0 || h + 1 >= window.size() || !AsciiLetter(window[h - 1]) ||
        !AsciiLetter(window[h + 1]))
      continue;
    size_t a = h, b = h + 1;
    while (a > 0 && AsciiLetter(window[a - 1])) --a;
    while (b < window.size() && AsciiLetter(window[b])) ++b;
    out.insert(LowerWord(window.substr(a, b - a), true));
  }
  return out;
}

std::set<std::pair<std::string, std::string>> DecideJoins(
    std::string_view window, const Lexicon& lexicon,
    const Vocabulary& vocabulary,
    const std::set<std::string, std::less<>>& compounds,
    const std::vector<char>& foreign_lines) {
  std::set<std::pair<std::string, std::string>> joins;
  size_t line = 0, counted_to = 0;  // newlines in window[0, counted_to)
  ForEachLineBreak(window, [&](const LineBreak& b) {
    line += static_cast<size_t>(
        std::count(window.begin() + static_cast<long>(counted_to),
                   window.begin() + static_cast<long>(b.hyphen), '\n'));
    counted_to = b.hyphen;
    // Either line in another language where the word is (the end of the
    // first line, the start of the next): joining could make it read as
    // English to a second run.
    const auto foreign = [&](size_t l, int bit) {
      return l < foreign_lines.size() && (foreign_lines[l] & bit) != 0;
    };
    if (foreign(line, 2) || foreign(line + 1, 1)) return;
    const std::string_view head_text =
        window.substr(b.head_begin, b.hyphen - b.head_begin);
    const std::string head = LowerWord(head_text, true);
    const std::string tail(
        window.substr(b.tail_begin, b.tail_end - b.tail_begin));
    const std::string joined = head + tail;
    // The document's own spelling decides first: it writes the compound with
    // its hyphen within lines, or the word whole.
    const bool written_whole = vocabulary.Find(joined) != nullptr;
    if (compounds.count(head + "-" + tail) != 0 && !written_whole) return;
    const bool capitalized = CaseOf(head_text) == WordCase::kCapitalized;
    const bool known =
        KnownLower(lexicon, joined) || (capitalized && Known(lexicon, joined));
    if (!written_whole && !known) return;
    if (!written_whole && KnownLower(lexicon, head) &&
        KnownLower(lexicon, tail)) {
      // Two words either way ("well-known", "wellknown"): joined only into a
      // common word (every-day, everyday), never into a rare listing of a
      // compound.
      const Lexicon::Entry* e = lexicon.Find(joined);
      if (e == nullptr || e->frequency == 0 || e->level > kMaxJoinedLevel)
        return;
    }
    joins.emplace(head, tail);
  });
  return joins;
}

}  // namespace textmend
