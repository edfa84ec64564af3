// SafeCut: see cut.h.
#include "core/cut.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "core/utf8.h"

namespace textmend {
namespace {

bool PlainAscii(unsigned char c) { return c > 0x20 && c < 0x7F; }

// True for a character none of the unicode stage's rules look at from a
// neighbour or act on: not a format or control character (zero-width space,
// byte order mark, C0 controls). A cut must not fall next to one of those.
bool ContextFree(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return cp >= 0x20 && cp != 0x7F;
  switch (u_charType(cp)) {
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR:
    case U_SURROGATE:
    case U_UNASSIGNED:
      return false;
    default:
      return true;
  }
}

// A context-free character that is not a combining mark, so nothing before it
// can combine with it.
bool PlainChar(int32_t cp) {
  if (!ContextFree(cp)) return false;
  if (cp < 0x80) return true;
  const int8_t type = u_charType(cp);
  return type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
         type != U_COMBINING_SPACING_MARK;
}

// Start of the character that ends just before `i`.
size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 &&
         (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
    --j;
  return j;
}

}  // namespace

size_t SafeCut(std::string_view text, size_t limit) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t floor = limit / 2;
  for (size_t i = limit; i > floor; --i) {
    if (p[i] == ' ' && PlainAscii(p[i - 1])) return i;
  }
  for (size_t i = limit; i > floor; --i) {
    if (PlainAscii(p[i]) && PlainAscii(p[i - 1])) return i;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  size_t i = limit;
  while (i > floor && (p[i] & 0xC0) == 0x80) --i;
  while (i > floor) {
    size_t len = 1;
    const int32_t next = DecodeAt(text, i, &len);
    const size_t prev_start = PrevStart(text, i);
    const int32_t prev = DecodeAt(text, prev_start, &len);
    // A mark may end the piece before the cut (it cannot combine with what
    // follows when the next character starts a new normalization segment); the
    // next must not be one.
    if (PlainChar(next) && ContextFree(prev) && prev_start + len == i &&
        (nfc == nullptr || nfc->hasBoundaryBefore(next))) {
      return i;
    }
    i = prev_start;
  }
  i = limit;
  while (i > 1 && (p[i] & 0xC0) == 0x80) --i;
  return std::max<size_t>(i, 1);
}

}  // namespace textmend
