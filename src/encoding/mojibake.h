// Mojibake repair: finds text that went through a wrong decode and undoes it.
//
// A "step" undoes one wrong decode: UTF-8 bytes that were read as a
// single-byte code page (schÃ¶n -> schön), or single-byte text read as another
// code page (Ïðèâåò -> Привет, cp1251 read as latin-1). Steps chain: up to
// three UTF-8 layers, optionally followed by one single-byte mix-up.
//
// Decisions are made per chunk (text between white space), so a mojibake run
// inside an otherwise correct line is repaired and the correct rest is kept;
// inside a chunk only the characters that form complete byte sequences change.
// A chunk changes when its repaired form is clearly more plausible than the
// original under the cost model of core/char_class.h. A line that holds
// confident repairs lends its plan to the line's weaker chunks (a lone "Рё"
// is "и" only next to other cp1251 mojibake); Latin text read as another
// Latin code page is decided for the whole line by the alphabets of
// core/alphabets.h. The lossy forms that can be undone exactly are: a
// no-break space that became a plain space or vanished (Ã + space -> à, also
// inside layered words), a byte the wrong code page leaves undefined, dropped
// or replaced by U+FFFD (â€ + U+FFFD -> ”, â¤ -> ❤), when a single reading is
// plausible; and emoji written as CESU-8 surrogate pairs. Controls, stray
// byte order marks and zero-width spaces, which the unicode stage removes,
// are read past.
//
// Thread-safety: immutable after construction; all methods are const.
#ifndef TEXTMEND_ENCODING_MOJIBAKE_H_
#define TEXTMEND_ENCODING_MOJIBAKE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/char_class.h"
#include "core/codepage.h"
#include "core/edit.h"
#include "encoding/undo.h"

namespace textmend {

class MojibakeRepairer {
 public:
  MojibakeRepairer();

  // Fast filter: false means RepairLine() would change nothing in any line of
  // `text` (which may hold invalid bytes). Runs at memory speed on ASCII.
  bool MayChange(std::string_view text) const;

  // Appends edits for `line` (valid UTF-8, without its newline), with offsets
  // plus `base`, in increasing order.
  void RepairLine(std::string_view line, size_t base,
                  std::vector<Edit>* edits) const;

 private:
  // A non-ASCII character with its neighbours: the one before (0 at the
  // start of a line) and up to three after (0 past the end of the line).
  struct Around {
    uint32_t prev = 0;
    uint32_t c = 0;
    uint32_t next[3] = {0, 0, 0};
    // Their classes (see core/char_class.h), filled in by the caller.
    CharInfo prev_info, info, next_info[3];
    void Classify();
  };
  // True when w.c could begin or be part of mojibake: the cheap test that
  // decides whether a line (and which of its chunks) is worth reading.
  bool Suspicious(const Around& w) const;
  bool AnySuspicious(const char32_t* s, size_t begin, size_t end,
                     size_t n) const;
  // Reads back as no-break spaces the plain spaces that split words of
  // mojibake (see RepairLine); returns where, and for which code pages.
  std::vector<std::pair<size_t, uint16_t>> RestoreLostNoBreakSpaces(
      std::u32string* line) const;
  // RepairLine with or without that reading; false (and no edits) when a
  // restored space was not read through its own code page.
  bool RepairLineAs(std::string_view line, size_t base, bool restore_spaces,
                    std::vector<Edit>* edits) const;

  // Per code point below kFlatLimit: bit p is set when code page p encodes it
  // as a UTF-8 lead byte (lead_) or continuation byte (cont_).
  std::vector<uint16_t> lead_;
  std::vector<uint16_t> cont_;
  uint16_t nbsp_pages_ = 0;  // code pages whose no-break space is byte A0
};

}  // namespace textmend

#endif  // TEXTMEND_ENCODING_MOJIBAKE_H_
