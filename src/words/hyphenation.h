// Line-end hyphenation: a word broken across two lines by a hyphen
// ("prison-" + newline + "ers") is joined back ("prisoners") when the lexicon
// or the document itself knows the joined word, while real compounds keep
// their hyphen ("well-" + newline + "known" stays, as the document or the
// lexicon does not know "wellknown").
//
// The join is two edits, each inside its own line, so that no edit spans a
// newline: the first line's hyphen becomes the rest of the word (with the
// punctuation glued to it), and that rest and one space after it leave the
// second line. A second line holding nothing but the rest of the word is left
// alone (removing it would turn two lines into a paragraph break).
#ifndef TEXTMEND_WORDS_HYPHENATION_H_
#define TEXTMEND_WORDS_HYPHENATION_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tokenizer.h"
#include "dict/lexicon.h"
#include "words/noisy_channel.h"

namespace textmend {

// One line-end hyphenation in a text.
struct LineBreak {
  size_t head_begin;   // the word part before the hyphen
  size_t hyphen;       // the hyphen
  size_t tail_begin;   // the word part on the next line
  size_t tail_end;     // end of the letters
  size_t moved_end;    // end of the letters and the punctuation glued on
  size_t removed_end;  // moved_end and one following space
};

// Calls `f(const LineBreak&)` for each line-end hyphenation in `text`: ASCII
// letters, a hyphen, a line break, and lowercase ASCII letters at the start of
// the next line, where that line holds more than the rest of the word.
template <typename F>
void ForEachLineBreak(std::string_view text, F&& f);

// The joins (lowercase head, tail) that the lexicon or the document supports,
// among the line-end hyphenations of `window`. `vocabulary` holds the
// document's words (lowercase); `compounds` the hyphenated words it writes
// within lines ("well-known", lowercase); `foreign_lines` flags the window's
// lines in another language (by 0-based line, as DocumentWords has them),
// where nothing is joined.
std::set<std::pair<std::string, std::string>> DecideJoins(
    std::string_view window, const Lexicon& lexicon,
    const Vocabulary& vocabulary,
    const std::set<std::string, std::less<>>& compounds,
    const std::vector<char>& foreign_lines);

// The hyphenated words written within lines of `window`, lowercase.
std::set<std::string, std::less<>> Compounds(std::string_view window);

// --- implementation ---

template <typename F>
void ForEachLineBreak(std::string_view text, F&& f) {
  for (size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', nl + 1)) {
    size_t end = nl;  // of the first line
    if (end > 0 && text[end - 1] == '\r') --end;
    if (end < 2 || text[end - 1] != '-' || !AsciiLetter(text[end - 2]))
      continue;
    LineBreak b;
    b.hyphen = end - 1;
    b.head_begin = b.hyphen;
    while (b.head_begin > 0 && AsciiLetter(text[b.head_begin - 1]))
      --b.head_begin;
    // Not a piece of a longer token (a number, a path, a double hyphen).
    if (b.head_begin > 0) {
      const char before = text[b.head_begin - 1];
      if (before != ' ' && before != '\t' && before != '\n' && before != '(' &&
          before != '"' && before != '\'')
        continue;
    }
    b.tail_begin = nl + 1;
    b.tail_end = b.tail_begin;
    while (b.tail_end < text.size() && text[b.tail_end] >= 'a' &&
           text[b.tail_end] <= 'z')
      ++b.tail_end;
    if (b.tail_end == b.tail_begin) continue;
    if (b.tail_end < text.size() &&
        (AsciiLetter(text[b.tail_end]) ||
         static_cast<unsigned char>(text[b.tail_end]) >= 0x80))
      continue;
    b.moved_end = b.tail_end;
    while (b.moved_end < text.size() &&
           (text[b.moved_end] == '.' || text[b.moved_end] == ',' ||
            text[b.moved_end] == ';' || text[b.moved_end] == ':' ||
            text[b.moved_end] == '!' || text[b.moved_end] == '?' ||
            text[b.moved_end] == ')' || text[b.moved_end] == '"' ||
            text[b.moved_end] == '\''))
      ++b.moved_end;
    // The second line must keep something.
    if (b.moved_end >= text.size() || text[b.moved_end] != ' ') continue;
    b.removed_end = b.moved_end + 1;
    if (b.removed_end >= text.size() || text[b.removed_end] == '\n' ||
        text[b.removed_end] == '\r' || text[b.removed_end] == ' ')
      continue;
    f(static_cast<const LineBreak&>(b));
  }
}

}  // namespace textmend

#endif  // TEXTMEND_WORDS_HYPHENATION_H_
