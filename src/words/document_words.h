// The word-level facts of one document that the word stage's learners share
// (DocumentWords, gathered once per window by GatherWords), and the lexicon
// questions they and the learners ask of a word: known at all, in lowercase
// use, as a name, with a possessive.
#ifndef TEXTMEND_WORDS_DOCUMENT_WORDS_H_
#define TEXTMEND_WORDS_DOCUMENT_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dict/lexicon.h"

namespace textmend {

inline constexpr uint32_t kNoForeignLine = UINT32_MAX;

// A written form the lexicon rejects, in an English line, not protected
// (URL, identifier, ...): a candidate for per-word correction.
struct Suspect {
  std::string_view text;     // as written; a view like DocumentWords::written
  size_t count = 0;          // occurrences in this form
  bool mid_capital = false;  // capitalized in the middle of a sentence
  bool hyphened = false;     // joined to another word by a hyphen somewhere
  bool beside_fragment = false;  // next to a lone letter other than a and I
  // The plain words one space before and after its first occurrence, as
  // written ("" at a line or sentence edge, or beside punctuation): views
  // like `text`.
  std::string_view before, after;
  // The plain words one space beyond those (two before, two after), which
  // a stray space may have split from them.
  std::string_view before2, after2;
  // For a suspect of a line in another language (DocumentWords::
  // foreign_suspects): the line, an index into foreign_words.
  uint32_t foreign_line = kNoForeignLine;
  bool elided = false;             // an apostrophe right before ('orrible)
  bool plural_possessive = false;  // an apostrophe right after (bidders')
};

// The word-level facts of one document, gathered once and shared by the
// learners.
struct DocumentWords {
  // Distinct lowercase ASCII words the lexicon rejects (4+ letters, not
  // protected, not only ever written in capitals), with their counts, and
  // the words it knows only as acronyms where written in lowercase (any
  // length: no word there, as "bcp" written for "the"), and, written in
  // lowercase at least twice, the words of two or three letters it lacks
  // ("sva" where every "and" became "sva") or has only from its largest
  // lists, without a corpus count ("hwt" for "the").
  std::vector<std::pair<std::string, size_t>> unknown;
  // Of those, the weak witnesses: the acronyms and the short words. Sorted.
  std::vector<std::string> weak_witnesses;
  // Every distinct token as written, for the no-trace test: views into the
  // window GatherWords was given, valid while it is.
  std::vector<std::string_view> written;
  std::vector<uint32_t> written_count;  // occurrences of each written form
  // Text other repairs will write, which a find-and-replace accident's
  // no-trace test must see too (GatherWords leaves it empty).
  std::vector<std::string> extra_written;
  // Unknown words the document always capitalizes, at least once in the
  // middle of a sentence: names (Bialiatski, Belta). Sorted; never learned
  // from, never rewritten.
  std::vector<std::string> names;
  // Every unknown ASCII form of 2+ letters outside other-language lines and
  // protected tokens, sorted by text.
  std::vector<Suspect> suspects;
  // Lines (each valid run of a line on its own) left out as another
  // language, for a second look once the repairs are known: a line of mostly
  // damaged English words reads as English to a second run once they are
  // repaired. Each one's words of 2+ letters (views like `written`), and
  // their unknown ASCII forms, as suspects with their line.
  std::vector<std::vector<std::string_view>> foreign_words;
  std::vector<Suspect> foreign_suspects;
  // Plain tokens one space apart in a sentence, at least one of them unknown
  // or a lexicon word without a corpus count (pris oners): views like
  // `written`, in text order, repeats included.
  std::vector<std::pair<std::string_view, std::string_view>> adjacent;
  // The same pairs in the lines left out as another language, with their
  // line (an index into foreign_words): a line that turns English once the
  // repairs are known gives them to the stray-space joins, as a second run
  // would see them.
  struct ForeignPair {
    std::string_view first, second;
    uint32_t line;
  };
  std::vector<ForeignPair> foreign_adjacent;
  // Per line of the window (0-based): whether its first valid run (bit 0)
  // and its last (bit 1) are in another language (ForeignLine). A line
  // without invalid bytes is one run.
  std::vector<char> foreign_lines;
  size_t tokens = 0;        // word tokens of 2+ letters
  size_t known_tokens = 0;  // of those, lexicon words
};

// Whether the document is English enough to learn from: the lexicon knows at
// least 70% of its words (a document in another language is not English with
// many unknown words).
bool EnglishDocument(const DocumentWords& words);

// A line (paragraph) of `words` words, `known` of them in the lexicon, is in
// another language when it is long enough to tell and the lexicon knows
// fewer than half of its words. Its words are neither evidence nor rewritten.
inline constexpr size_t kMinForeignLineWords = 4;
bool ForeignLine(size_t known, size_t words);

// Gathers the facts of `window` (may hold invalid bytes), which must outlive
// the result. Unknown words of foreign lines (see ForeignLine) are left out.
DocumentWords GatherWords(std::string_view window, const Lexicon& lexicon);

// `lower` without a possessive 's.
std::string_view WithoutPossessive(std::string_view lower);

// True when `lower` is a word the lexicon knows in any capitalization (a name
// included), possessive 's stripped when needed.
bool Known(const Lexicon& lexicon, std::string_view lower);

// True when `lower` is a lexicon word in lowercase use followed by a
// possessive 's ("council's").
bool KnownPossessive(const Lexicon& lexicon, std::string_view lower);

// True when `lower` (possessive 's stripped) is a word the lexicon knows in
// lowercase use or with an initial capital (a name: "microsoft").
bool KnownCapitalized(const Lexicon& lexicon, std::string_view lower);

// True when `lower` is a word the lexicon knows in lowercase use (possessive
// 's stripped when needed).
bool KnownLower(const Lexicon& lexicon, std::string_view lower);
// The same for a string that is mostly no word (a rewrite a rule or a
// reading tries): the lexicon's filter is asked first (Lexicon::FindRare).
bool KnownLowerRare(const Lexicon& lexicon, std::string_view lower);

// a == b for short strings (words), without a call: overlapping loads of
// the first and last bytes.
inline bool SameText(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  const auto load8 = [](const char* s) {
    uint64_t v;
    std::memcpy(&v, s, 8);
    return v;
  };
  const auto load4 = [](const char* s) {
    uint32_t v;
    std::memcpy(&v, s, 4);
    return v;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (load8(p + i) != load8(q + i)) return false;
    }
    return load8(p + n - 8) == load8(q + n - 8);
  }
  if (n >= 4)
    return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) return false;
  }
  return true;
}

}  // namespace textmend

#endif  // TEXTMEND_WORDS_DOCUMENT_WORDS_H_
