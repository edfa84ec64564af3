// The byte-level machinery of mojibake repair: the code pages tried, UTF-8
// sequences read back from the characters a wrong decode produced, single-byte
// mix-ups, and the lossy forms. Internal to the encoding stage.
//
// Thread-safety: pure functions over immutable tables.
#ifndef TEXTMEND_ENCODING_UNDO_H_
#define TEXTMEND_ENCODING_UNDO_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/codepage.h"

namespace textmend {

// One wrong decode undone: UTF-8 bytes (from_utf8) or text in `actual`, read
// as `read_as`.
struct UndoStep {
  bool from_utf8 = true;
  CodePageId actual = CodePageId::kCount;
  CodePageId read_as = CodePageId::kCount;
  auto operator<=>(const UndoStep&) const = default;
};
using Steps = std::vector<UndoStep>;
using Text = std::u32string;

// Describes a chain of undo steps (first step undone first) as the damage
// happened, e.g. "utf-8 read as windows-1252, twice".
std::string DescribeSteps(const std::vector<UndoStep>& steps);

// Single-byte text read with the wrong single-byte code page.
struct MixUp {
  CodePageId actual;
  CodePageId read_as;
};

// The code pages UTF-8 is tried as having been read with, most common first.
extern const CodePageId kUtf8ReadAs[13];
// The mix-ups tried word by word, and the Latin ones decided per line.
extern const MixUp kMixUps[18];
extern const MixUp kLatinMixUps[4];

bool IsCyrillicPage(CodePageId id);
// Cyrillic read as another Cyrillic code page: only letter statistics tell
// the readings apart, so such a plan needs more evidence.
bool NeedsStrongEvidence(const Steps& steps);
bool IsLatinMixUp(const Steps& steps);

// UTF-8: the length of a sequence with lead byte `b` (0: not a lead), whether
// `b` continues one, whether `second` may follow `lead`, and the code point.
int SequenceLength(int b);
inline bool IsContinuation(int b) { return b >= 0x80 && b <= 0xBF; }
bool ValidSecond(int lead, int second);
uint32_t Assemble(const int* bytes, int length);

// What separates the chunks a line is judged in.
bool IsChunkSpace(uint32_t c);

// The one plausible character a sequence missing one byte (at position `at`)
// stood for, when that byte is one `page` leaves undefined; -1 otherwise.
int32_t RecoverUndefined(const CodePage& page, const int* bytes, int present,
                         int length, int at);
// Undoes "UTF-8 read as `page`" on in[0, n) (see undo.cc); returns the
// number of sequences decoded.
int UndoUtf8(const CodePage& page, const char32_t* in, size_t n, bool lossy,
             Text* out, bool* used_space, int* leftover = nullptr);
// Undoes "`actual` read as `read_as`": false when a character is not in
// read_as or nothing changes.
bool UndoMixUp(const CodePage& actual, const CodePage& read_as,
               const char32_t* in, size_t n, Text* out);
// Applies `steps` to `text` (lossy forms at the outermost step only).
bool ApplySteps(const Steps& steps, const Text& text, Text* out,
                bool* used_space, int* leftover = nullptr);

}  // namespace textmend

#endif  // TEXTMEND_ENCODING_UNDO_H_
