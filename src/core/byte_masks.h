// Sixteen bytes at a time with SSE2: classifying text bytes into bit masks
// (one bit per byte, from _mm_movemask_epi8), for the scans that find words
// in long runs of text (the tokenizer, the word stage's application). Only
// where SSE2 is available (every x86-64); callers keep a byte-at-a-time path
// for other machines.
#ifndef TEXTMEND_CORE_BYTE_MASKS_H_
#define TEXTMEND_CORE_BYTE_MASKS_H_

#if defined(__SSE2__)
#include <emmintrin.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace textmend {

// The 16 bytes of `text` from `at` (at < text.size()), zero past its end:
// no byte beyond the text is read.
inline __m128i Load16(std::string_view text, size_t at) {
  if (at + 16 <= text.size())
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
  alignas(16) char tail[16] = {};
  std::memcpy(tail, text.data() + at, text.size() - at);
  return _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
}

// 0xFF in each byte of `v` that is an ASCII letter (a-z, A-Z), else 0:
// (byte | 0x20) - 'a' + 128 is below 26 - 128 (signed) exactly for them.
inline __m128i AsciiLetters16(__m128i v) {
  return _mm_cmplt_epi8(
      _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                   _mm_set1_epi8(static_cast<char>(128 - 'a'))),
      _mm_set1_epi8(static_cast<char>(26 - 128)));
}

// The same for the small letters a-z alone.
inline __m128i AsciiLower16(__m128i v) {
  return _mm_cmplt_epi8(
      _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - 'a'))),
      _mm_set1_epi8(static_cast<char>(26 - 128)));
}

// The high bit of each byte of `v`, as 16 bits, moved to bits 16q..16q+15.
inline uint64_t MaskBits(__m128i v, size_t q) {
  return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(v)))
         << (16 * q);
}

}  // namespace textmend

#endif  // __SSE2__
#endif  // TEXTMEND_CORE_BYTE_MASKS_H_
