// Word tokenization for the word stage.
#include "words/tokenizer.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace textmend {
namespace {

bool IsAsciiLetter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// The apostrophe at text[i] (ASCII or U+2019), or 0.
size_t ApostropheAt(std::string_view text, size_t i) {
  if (text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// The letter at text[i]: its byte length, or 0 when it is not a letter.
size_t LetterAt(std::string_view text, size_t i, bool* ascii) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *ascii = true;
    return IsAsciiLetter(c) ? 1 : 0;
  }
  size_t len = 1;
  const int32_t cp = DecodeAt(text, i, &len);
  *ascii = false;
  return cp >= 0 && u_isalpha(cp) ? len : 0;
}

// Whitespace-delimited chunks that are URLs, e-mail addresses, paths or
// host names (a dot between two letters: decuk.org, bbc.co.uk; abbreviations
// such as e.g. too, which no repair needs): one pass over the chunk.
bool ProtectedChunk(std::string_view chunk) {
  for (size_t i = 0; i < chunk.size(); ++i) {
    const char c = chunk[i];
    if (c == '@' || c == '/' || c == '\\') return true;
    if (c == '.' && i > 0 && i + 1 < chunk.size() &&
        IsAsciiLetter(static_cast<unsigned char>(chunk[i - 1])) &&
        IsAsciiLetter(static_cast<unsigned char>(chunk[i + 1])))
      return true;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void Tokenize(std::string_view text, std::vector<WordToken>* out) {
  const size_t n = text.size();
  size_t i = 0;
  bool chunk_protected = false;
  auto enter_chunk = [&](size_t at) {
    size_t end = at;
    while (end < n && !IsSpace(text[end])) ++end;
    chunk_protected = ProtectedChunk(text.substr(at, end - at));
  };
  enter_chunk(0);
  while (i < n) {
    if (IsSpace(text[i])) {
      while (i < n && IsSpace(text[i])) ++i;
      enter_chunk(i);
      continue;
    }
    bool ascii = true;
    size_t len = LetterAt(text, i, &ascii);
    if (len == 0) {
      ++i;
      while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    WordToken t;
    t.offset = i;
    t.ascii = ascii;
    size_t j = i + len;
    bool lower_seen = false, camel = false;
    auto note_case = [&](size_t at) {
      const auto c = static_cast<unsigned char>(text[at]);
      if (c >= 'a' && c <= 'z') lower_seen = true;
      if (c >= 'A' && c <= 'Z' && lower_seen) camel = true;
    };
    note_case(i);
    for (;;) {
      // ASCII letters, the common case, without the general letter test.
      while (j < n && IsAsciiLetter(static_cast<unsigned char>(text[j]))) {
        const auto c = static_cast<unsigned char>(text[j]);
        if (c >= 'a') {
          lower_seen = true;
        } else if (lower_seen) {
          camel = true;
        }
        ++j;
      }
      if (j >= n) break;
      bool a = true;
      size_t l = LetterAt(text, j, &a);
      if (l > 0) {
        t.ascii = t.ascii && a;
        note_case(j);
        j += l;
        continue;
      }
      // An apostrophe between letters stays inside the word.
      const size_t ap = ApostropheAt(text, j);
      if (ap > 0 && j + ap < n && LetterAt(text, j + ap, &a) > 0) {
        j += ap;
        continue;
      }
      break;
    }
    t.length = j - i;
    const auto joined = [&](size_t at) {
      const char c = text[at];
      return (c >= '0' && c <= '9') || c == '_';
    };
    t.protect = chunk_protected || camel || (i > 0 && joined(i - 1)) ||
                (j < n && joined(j));
    // Sentence start: only spaces, quotes and brackets between the word and a
    // line start or sentence-ending punctuation.
    size_t k = i;
    while (k > 0 &&
           (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '"' ||
            text[k - 1] == '\'' || text[k - 1] == '(' || text[k - 1] == '[' ||
            (static_cast<unsigned char>(text[k - 1]) & 0xC0) == 0x80 ||
            static_cast<unsigned char>(text[k - 1]) == 0xE2)) {
      --k;  // (0xE2 and continuation bytes: curly quotes)
    }
    t.sentence_start = k == 0 || text[k - 1] == '\n' || text[k - 1] == '\r' ||
                       text[k - 1] == '.' || text[k - 1] == '!' ||
                       text[k - 1] == '?' || text[k - 1] == ':';
    out->push_back(t);
    i = j;
  }
}

std::string LowerWord(std::string_view word, bool ascii) {
  std::string out;
  out.reserve(word.size());
  if (ascii) {
    for (const char c : word) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)),
                   icu::UnicodeString(static_cast<UChar>('\'')));
  u.toLower(icu::Locale::getEnglish()).toUTF8String(out);
  return out;
}

WordCase CaseOf(std::string_view word) {
  size_t upper = 0, letters = 0;
  bool first_upper = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (letters == 0) first_upper = true;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
  }
  if (upper == 0) return WordCase::kLower;
  if (upper == letters)
    return letters > 1 ? WordCase::kUpper : WordCase::kCapitalized;
  if (upper == 1 && first_upper) return WordCase::kCapitalized;
  return WordCase::kMixed;
}

std::string ApplyCase(std::string_view lower, WordCase word_case) {
  std::string out(lower);
  if (word_case == WordCase::kUpper) {
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
  } else if (word_case == WordCase::kCapitalized && !out.empty() &&
             out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 32);
  }
  return out;
}

}  // namespace textmend
