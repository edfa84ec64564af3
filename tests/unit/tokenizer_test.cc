// The word tokenizer (core/tokenizer.h): table-driven cases for what it
// marks, and a seeded loop that checks it against a plain byte-at-a-time
// statement of the same rules, so that the fast scan can be reworked without
// changing a token.
#include "core/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/char_class.h"
#include "core/utf8.h"

namespace textmend {
namespace {

// The rules of core/tokenizer.h, stated plainly: slow, obviously right.
std::vector<WordToken> ReferenceTokens(std::string_view text) {
  const size_t n = text.size();
  // The letter at `i`: its length, or 0.
  const auto letter_at = [&](size_t i, bool* ascii) -> size_t {
    const auto c = static_cast<unsigned char>(text[i]);
    *ascii = c < 0x80;
    if (c < 0x80) return AsciiLetter(static_cast<char>(c)) ? 1 : 0;
    size_t len = 1;
    const int32_t cp = DecodeAt(text, i, &len);
    return cp >= 0 && u_isalpha(cp) ? len : 0;
  };
  const auto apostrophe_at = [&](size_t i) -> size_t {
    if (text[i] == '\'') return 1;
    return text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;
  };
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  const auto joined = [&](size_t at) {
    return (text[at] >= '0' && text[at] <= '9') || text[at] == '_';
  };
  const auto marked = [&](size_t at) {
    if (static_cast<unsigned char>(text[at]) < 0x80) return false;
    size_t len = 1;
    const int32_t cp = DecodeAt(text, at, &len);
    return cp >= 0 &&
           Classify(static_cast<uint32_t>(cp)).kind == CharKind::kMark;
  };
  // Bytes a sentence start looks back over, and bytes that end a sentence.
  const auto stepped_over = [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' ||
           c == '[' || c == 0xE2 || (c >= 0x80 && c < 0xC0);
  };
  const auto ends = [](char c) {
    return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' ||
           c == ':';
  };
  std::vector<WordToken> out;
  size_t i = 0;
  while (i < n) {
    bool ascii = true;
    const size_t first = letter_at(i, &ascii);
    if (first == 0) {
      ++i;
      continue;
    }
    WordToken t;
    t.offset = i;
    t.ascii = ascii;
    size_t j = i + first;
    for (;;) {
      if (j >= n) break;
      bool a = true;
      const size_t l = letter_at(j, &a);
      if (l > 0) {
        t.ascii = t.ascii && a;
        j += l;
        continue;
      }
      const size_t ap = apostrophe_at(j);
      if (ap > 0 && j + ap < n && letter_at(j + ap, &a) > 0) {
        j += ap;
        continue;
      }
      break;
    }
    t.length = j - i;
    // camelCase: an ASCII capital after an ASCII small letter of the word
    // (its first letter read only when ASCII).
    bool lower_seen = false, camel = false;
    for (size_t k = i; k < j; ++k) {
      const char c = text[k];
      if (c >= 'a' && c <= 'z') lower_seen = true;
      if (c >= 'A' && c <= 'Z' && lower_seen) camel = true;
    }
    t.protect = camel || (i > 0 && joined(i - 1)) ||
                (j < n && (joined(j) || marked(j)));
    size_t k = i;
    while (k > 0 && stepped_over(static_cast<unsigned char>(text[k - 1]))) --k;
    t.sentence_start = k == 0 || ends(text[k - 1]);
    out.push_back(t);
    i = j;
  }
  // Whole whitespace-delimited chunks holding @ / \ or a dot between two
  // ASCII letters are protected.
  for (size_t begin = 0; begin < n;) {
    while (begin < n && space(text[begin])) ++begin;
    size_t end = begin;
    bool chunk_protected = false;
    while (end < n && !space(text[end])) {
      const char c = text[end];
      if (c == '@' || c == '/' || c == '\\') chunk_protected = true;
      if (c == '.' && end > begin && end + 1 < n &&
          AsciiLetter(text[end - 1]) && AsciiLetter(text[end + 1]))
        chunk_protected = true;
      ++end;
    }
    if (chunk_protected) {
      for (WordToken& t : out) {
        if (t.offset >= begin && t.offset < end) t.protect = true;
      }
    }
    begin = end;
  }
  return out;
}

std::string Describe(std::string_view text, const std::vector<WordToken>& ts) {
  std::string s;
  for (const WordToken& t : ts) {
    s.append("[").append(text.substr(t.offset, t.length)).append("@");
    s.append(std::to_string(t.offset));
    if (!t.ascii) s.append(" non-ascii");
    if (t.protect) s.append(" protect");
    if (t.sentence_start) s.append(" start");
    s.append("] ");
  }
  return s;
}

std::vector<WordToken> Tokens(std::string_view text) {
  std::vector<WordToken> out;
  Tokenize(text, &out);
  return out;
}

TEST_CASE("tokenizer: words, apostrophes, sentence starts, protected tokens") {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"The prisoners' don't.", "[The@0 start] [prisoners@4] [don't@15] "},
      {"end. \"Next (word)", "[end@0 start] [Next@6 start] [word@12] "},
      {"Belarus\xE2\x80\x99s caf\xC3\xA9 -- d\xC3\xA9j\xC3\xA0",
       "[Belarus\xE2\x80\x99s@0 start] [caf\xC3\xA9@12 non-ascii] "
       "[d\xC3\xA9j\xC3\xA0@21 non-ascii] "},
      {"see www.example.com or a@b.org now",
       "[see@0 start] [www@4 protect] [example@8 protect start] "
       "[com@16 protect start] [or@20] [a@23 protect] [b@25 protect] "
       "[org@27 protect start] [now@31] "},
      {"iPhone A4 x_y getElementById",
       "[iPhone@0 protect start] [A@7 protect] [x@10 protect] [y@12 protect] "
       "[getElementById@14 protect] "},
      {"line\nNext: after", "[line@0 start] [Next@5 start] [after@11 start] "},
      {"d\xCC\x81 w", "[d@0 protect start] [w@4] "},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Describe(c.text, Tokens(c.text)) == c.expected);
    CHECK(Describe(c.text, ReferenceTokens(c.text)) == c.expected);
  }
}

TEST_CASE("tokenizer: the fast scan gives the plain rules' tokens") {
  // Pieces that meet at every kind of edge the scan handles: long ASCII
  // runs (the eight-byte steps), capitals, apostrophes of both kinds,
  // digits and underscores, protectors, sentence ends, curly quotes,
  // non-ASCII letters (two and three bytes, one of them from U+2C00, whose
  // bytes a sentence start steps over), marks, and no-letter symbols.
  static const std::vector<std::string> pieces = {
      "a",
      "the",
      "Extraordinarily",
      "camelCase",
      "ABC",
      "x",
      " ",
      " ",
      "  ",
      "\n",
      "\t",
      "\r\n",
      "'",
      "\xE2\x80\x99",
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xE2\x80\x94",
      ".",
      "!",
      "?",
      ":",
      ",",
      "(",
      "[",
      "\"",
      "-",
      "7",
      "_",
      "@",
      "/",
      "\\",
      "\xC3\xA9",
      "\xC3\x89t\xC3\xA9",
      "\xD0\xBC\xD0\xB8\xD1\x80",
      "\xE2\xB0\x80",
      "\xCC\x81",
      "\xE5\x8C\x97",
      "\xF0\x9F\x98\x80",
      "\xC2\xA0",
      "don't",
      "www.x.org",
  };
  // The ASCII pieces alone: most lines of English, which the scan reads
  // from bit masks, in texts long enough to cross their 64-byte words and
  // the longest text read that way.
  std::vector<std::string> ascii_pieces;
  for (const std::string& p : pieces) {
    if (std::all_of(p.begin(), p.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        }))
      ascii_pieces.push_back(p);
  }
  ascii_pieces.push_back(std::string(70, 'a'));  // a word longer than 64
  ascii_pieces.push_back("xYz" + std::string(66, 'q') + "Q");
  std::mt19937 rng(20261124);
  for (const std::vector<std::string>* set :
       {&pieces, static_cast<const std::vector<std::string>*>(&ascii_pieces)}) {
    std::uniform_int_distribution<size_t> pick(0, set->size() - 1);
    std::uniform_int_distribution<int> count(1, set == &pieces ? 40 : 900);
    for (int round = 0; round < 10000; ++round) {
      std::string text;
      for (int k = count(rng); k > 0; --k) text += (*set)[pick(rng)];
      const std::string got = Describe(text, Tokens(text));
      const std::string want = Describe(text, ReferenceTokens(text));
      if (got != want) {
        INFO(text);
        REQUIRE(got == want);
      }
    }
  }
}

}  // namespace
}  // namespace textmend
