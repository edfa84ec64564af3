// Small UTF-8 helpers shared by the driver and the stages: fast ASCII scans and
// splitting a byte string into its valid and invalid runs. Validation itself is
// utfcpp's.
#ifndef TEXTMEND_CORE_UTF8_H_
#define TEXTMEND_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace textmend {

// Number of leading bytes of `s` that are ASCII (< 0x80), scanning a machine
// word at a time.
inline size_t AsciiPrefix(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

// True when the 8 bytes of `w` hold a byte below 0x20 (a control character).
inline bool HasControlByte(uint64_t w) {
  return ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) != 0;
}

// Calls on_valid(offset, run) for each maximal valid UTF-8 run of `s` and
// on_invalid(offset, length) for each maximal stretch of bytes that are not
// valid UTF-8, in order. Overlong forms, surrogates and code points above
// U+10FFFF are invalid.
template <typename OnValid, typename OnInvalid>
void ForEachRun(std::string_view s, OnValid on_valid, OnInvalid on_invalid);

// Decodes the code point starting at s[i] if it is valid, setting *len to its
// byte length; returns -1 (and *len = 1) for an invalid byte.
int32_t DecodeAt(std::string_view s, size_t i, size_t* len);

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
template <typename String>
void AppendUtf8(uint32_t cp, String* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// ---- implementation ----

// Length of the valid UTF-8 prefix of s, starting at byte `from`.
size_t ValidPrefixEnd(std::string_view s, size_t from);

template <typename OnValid, typename OnInvalid>
void ForEachRun(std::string_view s, OnValid on_valid, OnInvalid on_invalid) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t end = ValidPrefixEnd(s, i);
    if (end > i) on_valid(i, s.substr(i, end - i));
    if (end >= s.size()) break;
    size_t j = end, len = 1;
    while (j < s.size() && DecodeAt(s, j, &len) < 0) j += len;
    on_invalid(end, j - end);
    i = j;
  }
}

}  // namespace textmend

#endif  // TEXTMEND_CORE_UTF8_H_
