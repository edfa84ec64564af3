// The decode stage: bytes -> UTF-8. It recognizes a byte order mark at the
// start of the input, decodes UTF-16 and UTF-32 losslessly, and lets UTF-8
// (valid or not) through as it is. Bytes that are not valid UTF-8 stay in the
// text byte for byte; the pipeline hands later stages only the valid runs, so
// nothing downstream can alter them.
//
// Thread-safety: DetectBom() and LooksBinaryPrefix() are pure; a UnitDecoder
// belongs to one stream.
#ifndef TEXTMEND_DECODE_DECODER_H_
#define TEXTMEND_DECODE_DECODER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace textmend {

enum class InputEncoding { kUtf8, kUtf16LE, kUtf16BE, kUtf32LE, kUtf32BE };

// The name used in reports: "utf-8", "utf-16le", ...
std::string_view EncodingName(InputEncoding encoding);

struct BomInfo {
  InputEncoding encoding = InputEncoding::kUtf8;
  size_t bom_length = 0;  // 0 when there is no byte order mark
  bool need_more =
      false;  // the prefix could still become a longer BOM: wait for more bytes
};

// Looks for a byte order mark at the start of `prefix`. With `at_end`, `prefix`
// is the whole input and need_more is never set. "FF FE 00 00" is read as
// UTF-32LE.
BomInfo DetectBom(std::string_view prefix, bool at_end);

// Decodes UTF-16 or UTF-32 into UTF-8, chunk by chunk, recording in an
// OffsetMap where each decoded byte came from. Lossless: an unpaired surrogate
// becomes its 3-byte generalized UTF-8 form (invalid UTF-8, so no stage touches
// it), a UTF-32 unit above U+10FFFF and a trailing partial unit are copied
// through as raw bytes.
class UnitDecoder {
 public:
  explicit UnitDecoder(InputEncoding encoding);

  // Decodes the complete units at the start of `in`, appending text to `*out`
  // and its shape to
  // `*map`. Returns the number of bytes consumed; unconsumed bytes (a partial
  // unit or surrogate pair) must be passed again with more input. With
  // `at_end`, consumes everything.
  size_t Decode(std::string_view in, bool at_end, std::string* out,
                OffsetMap* map) const;

 private:
  uint32_t Unit(const unsigned char* p) const;

  InputEncoding encoding_;
  size_t unit_size_;
};

// See textmend::LooksBinary in repairer.h.
bool LooksBinaryPrefix(std::string_view prefix);

}  // namespace textmend

#endif  // TEXTMEND_DECODE_DECODER_H_
