// Whole-input legacy encodings: text that is not UTF-8 at all but a
// single-byte code page (a windows-1251 file, a koi8-r mail archive, a
// latin-2 export). The decode stage reads the start of such input, finds the
// code page whose reading is the most plausible text, and converts the whole
// input to UTF-8 when it is confident; otherwise the bytes pass through
// untouched, as for any invalid UTF-8.
//
// Thread-safety: pure functions.
#ifndef TEXTMEND_DECODE_LEGACY_H_
#define TEXTMEND_DECODE_LEGACY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/codepage.h"
#include "core/offset_map.h"

namespace textmend {

// How many bytes from the first non-ASCII byte the guess looks at, at most.
inline constexpr size_t kLegacySampleBytes = 64 * 1024;

struct LegacyGuess {
  bool legacy = false;  // convert from `page`
  CodePageId page = CodePageId::kCount;
  std::string evidence;  // for the report, e.g. "plausible text, 412 letters"
};

// Guesses from `sample`: the line of the first non-ASCII byte, which is not
// valid UTF-8, and up to kLegacySampleBytes from there. Input with
// valid UTF-8 sequences and few invalid bytes is UTF-8; input with no valid
// UTF-8 sequence is converted when one code page's reading is clearly the
// most plausible text (character classes, scripts, alphabets, letter
// statistics) and ICU's charset detector does not disagree.
LegacyGuess GuessLegacyEncoding(std::string_view sample);

// Decodes a single-byte code page into UTF-8, byte by byte, recording in an
// OffsetMap where each decoded byte came from (each input byte is one unit).
class CodePageDecoder {
 public:
  explicit CodePageDecoder(CodePageId page) : page_(&GetCodePage(page)) {}

  // Decodes all of `in`, appending to *out and *map; returns in.size().
  size_t Decode(std::string_view in, std::string* out, OffsetMap* map) const;

 private:
  const CodePage* page_;
};

}  // namespace textmend

#endif  // TEXTMEND_DECODE_LEGACY_H_
