// Single-byte code pages: the tables the decode and encoding stages use to undo
// a wrong decode (text -> the bytes it was read from) and to redo it right
// (bytes -> text). Built once from ICU's converters. Like ftfy's "sloppy"
// codecs, a byte a code page leaves undefined maps to the code point of the
// same number (0x81 in windows-1252 -> U+0081), because that is what such bytes
// become when a lenient decoder lets them through, and it keeps every table a
// bijection.
//
// Thread-safety: the tables are immutable after the first GetCodePage() call,
// which is itself thread-safe.
#ifndef TEXTMEND_CORE_CODEPAGE_H_
#define TEXTMEND_CORE_CODEPAGE_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace textmend {

enum class CodePageId : uint8_t {
  kWindows1252,
  kLatin1,
  kWindows1250,
  kWindows1251,
  kWindows1253,
  kWindows1254,
  kWindows1257,
  kIso8859_2,
  kMacRoman,
  kCp437,
  kKoi8R,
  kKoi8U,
  kCp866,
  kCount,
};
inline constexpr int kCodePageCount = static_cast<int>(CodePageId::kCount);

// Code points below this bound are looked up in a flat table; the few above it
// that any of the code pages holds (mac-roman's ligatures) in a short list.
inline constexpr uint32_t kFlatLimit = 0x2600;

class CodePage {
 public:
  CodePageId id() const { return id_; }
  // The name used in reports: "windows-1252", "koi8-r", ...
  std::string_view name() const { return name_; }

  // The character byte `b` stands for. Bytes below 0x80 are ASCII.
  uint32_t Decode(uint8_t b) const { return to_unicode_[b]; }

  // The byte that stands for `cp`, or -1 when the code page has none.
  int Encode(uint32_t cp) const {
    if (cp < 0x80) return static_cast<int>(cp);
    if (cp < kFlatLimit) {
      const uint8_t b = from_unicode_[cp];
      return b == 0 ? -1 : b;
    }
    for (const auto& [c, b] : extra_)
      if (c == cp) return b;
    return -1;
  }

 private:
  friend class CodePageTables;
  CodePageId id_ = CodePageId::kCount;
  std::string_view name_;
  std::array<uint32_t, 256> to_unicode_{};
  std::array<uint8_t, kFlatLimit> from_unicode_{};
  std::vector<std::pair<uint32_t, uint8_t>> extra_;
};

// The table for `id`. Never fails: the converters are part of ICU's data (a
// missing one would be an ICU build fault, reported by abort at first use).
const CodePage& GetCodePage(CodePageId id);

// The id whose name() is `name` (case-insensitive; "cp1251", "latin-1" and
// ICU's aliases are accepted too), or CodePageId::kCount.
CodePageId FindCodePage(std::string_view name);

}  // namespace textmend

#endif  // TEXTMEND_CORE_CODEPAGE_H_
