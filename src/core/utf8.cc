// UTF-8 helpers; the validation rules are utfcpp's (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
#include "core/utf8.h"

#include <utf8cpp/utf8.h>

namespace textmend {

size_t ValidPrefixEnd(std::string_view s, size_t from) {
  // ASCII a word at a time; each other sequence checked by utfcpp.
  size_t i = from;
  while (i < s.size()) {
    i += AsciiPrefix(s.substr(i));
    if (i == s.size()) break;
    size_t len = 1;
    if (DecodeAt(s, i, &len) < 0) return i;
    i += len;
  }
  return i;
}

int32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const char* it = s.data() + i;
  const char* end = s.data() + s.size();
  uint32_t cp = 0;
  const utf8::internal::utf_error err =
      utf8::internal::validate_next(it, end, cp);
  if (err != utf8::internal::UTF8_OK) {
    *len = 1;
    return -1;
  }
  *len = static_cast<size_t>(it - (s.data() + i));
  return static_cast<int32_t>(cp);
}

}  // namespace textmend
