// Byte order marks, UTF-16/32 decoding and binary sniffing.
#include "decode/decoder.h"

#include "core/utf8.h"

namespace textmend {

std::string_view EncodingName(InputEncoding encoding) {
  switch (encoding) {
    case InputEncoding::kUtf8:
      return "utf-8";
    case InputEncoding::kUtf16LE:
      return "utf-16le";
    case InputEncoding::kUtf16BE:
      return "utf-16be";
    case InputEncoding::kUtf32LE:
      return "utf-32le";
    case InputEncoding::kUtf32BE:
      return "utf-32be";
  }
  return "utf-8";
}

BomInfo DetectBom(std::string_view prefix, bool at_end) {
  struct Mark {
    std::string_view bytes;
    InputEncoding encoding;
  };
  // Longest first, so FF FE 00 00 is UTF-32LE rather than UTF-16LE followed by
  // U+0000.
  static constexpr Mark kMarks[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), InputEncoding::kUtf32LE},
      {std::string_view("\x00\x00\xFE\xFF", 4), InputEncoding::kUtf32BE},
      {std::string_view("\xEF\xBB\xBF", 3), InputEncoding::kUtf8},
      {std::string_view("\xFF\xFE", 2), InputEncoding::kUtf16LE},
      {std::string_view("\xFE\xFF", 2), InputEncoding::kUtf16BE},
  };
  BomInfo info;
  for (const Mark& m : kMarks) {
    if (prefix.size() >= m.bytes.size()) {
      if (prefix.substr(0, m.bytes.size()) == m.bytes) {
        info.encoding = m.encoding;
        info.bom_length = m.bytes.size();
        return info;
      }
    } else if (!at_end && m.bytes.substr(0, prefix.size()) == prefix) {
      info.need_more = true;  // could still be this mark
      return info;
    }
  }
  return info;
}

UnitDecoder::UnitDecoder(InputEncoding encoding)
    : encoding_(encoding),
      unit_size_(encoding == InputEncoding::kUtf32LE ||
                         encoding == InputEncoding::kUtf32BE
                     ? 4
                     : 2) {}

uint32_t UnitDecoder::Unit(const unsigned char* p) const {
  switch (encoding_) {
    case InputEncoding::kUtf16LE:
      return p[0] | (p[1] << 8);
    case InputEncoding::kUtf16BE:
      return (p[0] << 8) | p[1];
    case InputEncoding::kUtf32LE:
      return p[0] | (p[1] << 8) | (p[2] << 16) |
             (static_cast<uint32_t>(p[3]) << 24);
    case InputEncoding::kUtf32BE:
      return (static_cast<uint32_t>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) |
             p[3];
    case InputEncoding::kUtf8:
      break;
  }
  return 0;
}

size_t UnitDecoder::Decode(std::string_view in, bool at_end, std::string* out,
                           OffsetMap* map) const {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  while (i + unit_size_ <= n) {
    uint32_t cp = Unit(p + i);
    size_t src = unit_size_;
    const size_t before = out->size();
    if (unit_size_ == 2 && cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 4 > n && !at_end) break;  // wait for the low surrogate
      if (i + 4 <= n) {
        const uint32_t lo = Unit(p + i + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          src = 4;
        }
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      // Unpaired surrogate: its generalized UTF-8 form, which no stage will
      // touch.
      out->push_back(static_cast<char>(0xED));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp > 0x10FFFF) {
      out->append(in.substr(i, unit_size_));
    } else {
      AppendUtf8(cp, out);
    }
    map->Append(1, out->size() - before, src);
    i += src;
  }
  if (at_end && i < n) {
    out->append(in.substr(i));
    map->Append(1, n - i, n - i);
    i = n;
  }
  return i;
}

bool LooksBinaryPrefix(std::string_view prefix) {
  if (prefix.empty()) return false;
  const BomInfo bom = DetectBom(prefix, /*at_end=*/true);
  if (bom.encoding != InputEncoding::kUtf8) return false;
  size_t controls = 0;
  for (const char ch : prefix) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    // Control bytes that text does not use: not tab, newline, vertical tab,
    // form feed, carriage return or escape (terminal colour codes are text).
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' &&
         c != '\r' && c != 0x1B) ||
        c == 0x7F) {
      ++controls;
    }
  }
  // Text with a few stray controls is damaged text, not a binary file.
  return controls * 10 > prefix.size();
}

}  // namespace textmend
