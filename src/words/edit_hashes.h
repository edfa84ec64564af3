// EditHashes: the hashes of a word's one-edit variants, each in O(1).
#ifndef TEXTMEND_WORDS_EDIT_HASHES_H_
#define TEXTMEND_WORDS_EDIT_HASHES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dict/lexicon_format.h"

namespace textmend {
namespace edits {

// Hashes of a word's one-edit variants (lexfmt::PolyHash; the word has at most
// kMaxHashed bytes, or one more that a misreading wrote) in O(1) each, without
// building them: a polynomial hash, H(xy) = H(x) * B^|y| + H(y), read from the
// word's prefix and suffix hashes. Most variants are not words; only those a
// filter passes need be written out.
inline constexpr uint64_t kBase = lexfmt::kPolyBase;
inline constexpr size_t kMaxHashed = 64;  // letters
struct Powers {
  uint64_t p[kMaxHashed + 2];
  constexpr Powers() : p() {
    p[0] = 1;
    for (size_t i = 1; i < kMaxHashed + 2; ++i) p[i] = p[i - 1] * kBase;
  }
};
inline constexpr Powers kPowers;

class EditHashes {
 public:
  explicit EditHashes(std::string_view w) : w_(w), n_(w.size()) {
    prefix_[0] = 0;
    for (size_t i = 0; i < n_; ++i)
      prefix_[i + 1] = prefix_[i] * kBase + Byte(i);
    suffix_[n_] = 0;
    for (size_t i = n_; i-- > 0;)
      suffix_[i] = Byte(i) * kPowers.p[n_ - i - 1] + suffix_[i + 1];
  }
  uint64_t Delete(size_t i) const {
    return prefix_[i] * kPowers.p[n_ - i - 1] + suffix_[i + 1];
  }
  uint64_t Substitute(size_t i, char c) const {
    return prefix_[i] * kPowers.p[n_ - i] +
           static_cast<unsigned char>(c) * kPowers.p[n_ - i - 1] +
           suffix_[i + 1];
  }
  uint64_t Transpose(size_t i) const {
    return prefix_[i] * kPowers.p[n_ - i] +
           Byte(i + 1) * kPowers.p[n_ - i - 1] +
           Byte(i) * kPowers.p[n_ - i - 2] + suffix_[i + 2];
  }
  uint64_t Insert(size_t i, char c) const {
    return (prefix_[i] * kBase + static_cast<unsigned char>(c)) *
               kPowers.p[n_ - i] +
           suffix_[i];
  }
  // The word with `length` bytes (at least one) from `i` replaced by `meant`
  // (at most two): a misreading ("rn" read "m").
  uint64_t Replace(size_t i, size_t length, std::string_view meant) const {
    return (prefix_[i] * kPowers.p[meant.size()] + lexfmt::PolyHash(meant)) *
               kPowers.p[n_ - i - length] +
           suffix_[i + length];
  }

 private:
  uint64_t Byte(size_t i) const { return static_cast<unsigned char>(w_[i]); }
  std::string_view w_;
  size_t n_;
  uint64_t prefix_[kMaxHashed + 2];
  uint64_t suffix_[kMaxHashed + 2];
};

}  // namespace edits
}  // namespace textmend

#endif  // TEXTMEND_WORDS_EDIT_HASHES_H_
