// The compiled lexicon's file format, shared by the compiler
// (dictionaries/build_lexicon.cc) and the loader (lexicon.cc). One file per
// language, memory-mapped read-only; every offset is from the file start.
//
//   Header
//   Entry[entry_count]      sorted by word (bytewise), so a prefix is a range
//   Entry[entry_count]      the same entries sorted by reversed word (so a
//                           suffix is a range, read in order)
//   uint32[entry_count]     entry indices by frequency, most frequent first
//   (0-7 zero bytes: the table starts at a multiple of 8)
//   uint64[table_size]      open-addressing hash table: see Slot(); 0 empty
//   uint64[2^filter_bits]   blocked filter over the words: see FilterPlace()
//   char[pieces_size]       the letter strings most common in running text,
//                           most common first, each ended by '\n' (see
//                           CommonPieces in words/substitution.h)
//   (0-7 zero bytes: the pairs start at a multiple of 8)
//   uint64[pair_count]      word-pair keys, ascending: Hash("a b") for a pair
//                           of words one after the other, Hash("a") for a
//                           word alone (the frequency list's word counts)
//   float[pair_count]       the natural log of each key's corpus count (pairs
//                           and words are counted in different corpora)
//   (0-7 zero bytes: the samples start at a multiple of 8)
//   uint64[sample_count]    SampleKey of every kSampleStep-th entry in word
//                           order (0, kSampleStep, ...), then
//   uint64[sample_count]    SampleKey(word, backwards) of every kSampleStep-th
//                           entry in reversed-word order: a prefix or suffix
//                           search
//                           reads these (small enough for the caches) before
//                           the entries
//   char[pool_size]         the words, lowercase UTF-8, not terminated: in
//                           word order, then again in reversed-word order
//                           (the second array of entries points at the
//                           second copy, so that a suffix's words, like a
//                           prefix's, lie side by side)
#ifndef TEXTMEND_DICT_LEXICON_FORMAT_H_
#define TEXTMEND_DICT_LEXICON_FORMAT_H_

#include <cstdint>
#include <string_view>

namespace textmend::lexfmt {

inline constexpr char kMagic[8] = {'T', 'M', 'L', 'E', 'X', '0', '0', '9'};

struct Header {
  char magic[8];
  uint32_t entry_count;
  uint32_t table_size;  // a power of two
  uint64_t pool_size;
  uint64_t entries_offset;
  uint64_t reversed_offset;
  uint64_t by_frequency_offset;
  uint64_t table_offset;
  uint64_t pool_offset;
  uint64_t total_frequency;  // sum of all entries' frequencies
  uint64_t filter_offset;
  uint32_t filter_bits;  // log2 of the filter's 64-bit blocks
  uint32_t pieces_size;
  uint64_t pieces_offset;
  uint64_t pairs_offset;  // the pair keys; the logs follow them
  uint32_t pair_count;    // 0: no word-pair counts
  float pair_floor;       // log of the smallest pair count listed
  uint64_t samples_offset;
  uint32_t sample_count;  // entry_count / kSampleStep, rounded up
  uint32_t reserved;
  uint64_t trigrams_offset;  // kTrigramBits bits (see TrigramBit)
};

// The three-letter strings (a-z) of the lowercase words with a corpus count,
// as bits: one no such word holds is no English (what a find-and-replace
// wrote, or a page reader's junk).
inline constexpr size_t kTrigramBits = 26 * 26 * 26;
inline constexpr size_t kTrigramWords = (kTrigramBits + 63) / 64;
// The bit of letters a, b, c (each a-z).
inline size_t TrigramBit(char a, char b, char c) {
  return (static_cast<size_t>(a - 'a') * 26 + static_cast<size_t>(b - 'a')) *
             26 +
         static_cast<size_t>(c - 'a');
}

// The common pieces: letter strings of kMinPiece..kMaxPiece letters, from
// the kPieceWords most frequent lowercase words, weighted by frequency.
inline constexpr size_t kMinPiece = 2;
inline constexpr size_t kMaxPiece = 8;
inline constexpr uint32_t kPieceWords = 20000;
inline constexpr size_t kPieces = 3000;
inline constexpr uint32_t kFilterBits = 18;  // 2^18 blocks: 2 MiB

// How a word is written in the sources.
enum Flags : uint8_t {
  kLower = 1,         // in lowercase: an ordinary word
  kCapitalized = 2,   // with an initial capital: a name or proper adjective
  kUpper = 4,         // all capitals: an acronym
  kFromHunspell = 8,  // only in the hunspell expansion, not in SCOWL
};

struct Entry {
  uint32_t word_offset;  // into the pool
  uint16_t word_length;
  uint8_t flags;
  uint8_t level;       // SCOWL size level where it first appears (10..95)
  uint32_t frequency;  // corpus count, saturated; 0 when unknown
};

// Every kSampleStep-th entry's word, as a number that orders as the words
// do: its first 8 bytes (its last 8 read backwards, for the reversed-word
// order), big-endian, zero-padded (words hold no zero byte). A key below a
// prefix's key is a word before every word starting with the prefix, one
// above it a word after them.
inline constexpr uint32_t kSampleStep = 32;
inline uint64_t SampleKey(std::string_view w, bool backwards = false) {
  uint64_t key = 0;
  for (size_t k = 0; k < 8; ++k) {
    const size_t at = backwards ? w.size() - 1 - k : k;
    key = key << 8 | (k < w.size() ? static_cast<unsigned char>(w[at]) : 0u);
  }
  return key;
}

// FNV-1a; the table is probed linearly. HashStep adds one byte, for callers
// that hash a word as they scan it.
inline constexpr uint64_t kHashBasis = 1469598103934665603ull;
inline uint64_t HashStep(uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}
inline uint64_t Hash(std::string_view s) {
  uint64_t h = kHashBasis;
  for (const char c : s) h = HashStep(h, c);
  return h;
}

// A hash table slot: the high half of the word's Hash() (so that a probe
// reads an entry and its text only when the hashes agree, about once per
// lookup) and the entry index + 1.
inline uint64_t Slot(uint64_t hash, uint32_t index) {
  return (hash & 0xFFFFFFFF00000000ull) | (uint64_t{index} + 1);
}
inline uint32_t SlotIndex(uint64_t slot) {  // entry index + 1; 0 when empty
  return static_cast<uint32_t>(slot);
}
inline bool SlotMatches(uint64_t slot, uint64_t hash) {
  return ((slot ^ hash) >> 32) == 0;
}

// A polynomial hash, H(xy) = H(x) * B^|y| + H(y), so that the hashes of a
// word's one-edit variants follow from its prefix and suffix hashes in O(1)
// each (words/noisy_channel.cc); the filter is keyed by it.
inline constexpr uint64_t kPolyBase = 0x100000001b3ull * 2 + 1;  // odd
inline uint64_t PolyHash(std::string_view s) {
  uint64_t h = 0;
  for (const char c : s) h = h * kPolyBase + static_cast<unsigned char>(c);
  return h;
}

// A word's place in the filter, from its PolyHash: one 64-bit block and two
// bits in it (a probe reads one cache line; about one false "maybe" in a
// hundred).
struct FilterPlace {
  uint64_t block;
  uint64_t bits;
};
inline FilterPlace PlaceOf(uint64_t poly_hash, uint32_t filter_bits) {
  // One multiply: its high bits depend on every bit of the hash (whose own
  // low bits are weak: a polynomial hash's lowest bit is the letters' parity).
  const uint64_t m = (poly_hash ^ (poly_hash >> 29)) * 0x9e3779b97f4a7c15ull;
  return {m >> (64 - filter_bits), (uint64_t{1} << ((m >> 20) & 63)) |
                                       (uint64_t{1} << ((m >> 26) & 63))};
}

}  // namespace textmend::lexfmt

#endif  // TEXTMEND_DICT_LEXICON_FORMAT_H_
