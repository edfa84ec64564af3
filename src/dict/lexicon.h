// Lexicon: a compiled word list (see lexicon_format.h), memory-mapped, so that
// opening it takes milliseconds and every Repairer in the process shares the
// same pages. Words are looked up in lowercase; each carries how it is
// capitalized in its sources, its SCOWL size level and a corpus frequency.
// Reusable by every stage that needs to know words: words, names, OCR.
//
// Thread-safety: immutable after Open(); all methods may run concurrently.
#ifndef TEXTMEND_DICT_LEXICON_H_
#define TEXTMEND_DICT_LEXICON_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "dict/lexicon_format.h"
#include "textmend/status.h"

namespace textmend {

class Lexicon {
 public:
  using Entry = lexfmt::Entry;

  // Maps the lexicon at `path`. Returns an error naming the file when it is
  // missing, truncated or not a lexicon.
  static Status Open(const std::string& path, std::unique_ptr<Lexicon>* out);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The entry for `lower` (a lowercase word), or nullptr.
  const Entry* Find(std::string_view lower) const {
    return Find(lower, lexfmt::Hash(lower));
  }
  // The same, for a caller that has `hash` = lexfmt::Hash(lower) already.
  const Entry* Find(std::string_view lower, uint64_t hash) const;
  // The same, asking the filter first (see MayContain): for strings that are
  // mostly no words (rewrites, joins, splits a repair tries), whose lookups
  // then read one line of the filter instead of the far bigger table.
  const Entry* FindRare(std::string_view lower) const {
    return MayContain(lexfmt::PolyHash(lower)) ? Find(lower) : nullptr;
  }

  // Batched lookups: the table is far bigger than the caches, so a caller
  // with many words to look up asks for each a few lookups ahead, in two
  // steps (the table slot, then the entry and its text), and Find then hits
  // the cache. Both are hints and never fail.
  void PrefetchSlot(std::string_view lower) const;
  void PrefetchEntry(std::string_view lower) const;
  // The same in three steps, by the word's lexfmt::Hash: its slot, then
  // (once the slot is in the cache) its entry, then (once the entry is)
  // its text. Each step reads only what the one before brought in.
  void PrefetchSlot(uint64_t hash) const {
    __builtin_prefetch(&table_[hash & (header_->table_size - 1)]);
  }
  void PrefetchEntry(uint64_t hash) const;
  void PrefetchText(uint64_t hash) const;

  // Whether the word with lexfmt::PolyHash `poly_hash` may be in the
  // lexicon: false means it is not; true is wrong about once in a hundred.
  // Far cheaper than Find (one cache line), for candidates that are mostly
  // not words.
  bool MayContain(uint64_t poly_hash) const {
    const lexfmt::FilterPlace p = lexfmt::PlaceOf(poly_hash, filter_bits_);
    return (filter_[p.block] & p.bits) == p.bits;
  }

  // Brings the filter's block for `poly_hash` toward the caches, for a caller
  // with many MayContain() probes to make (a hint).
  void PrefetchFilter(uint64_t poly_hash) const {
    __builtin_prefetch(
        &filter_[lexfmt::PlaceOf(poly_hash, filter_bits_).block]);
  }
  // The same two steps from the filter's place for `poly_hash`, found once
  // for both (for callers with thousands of probes).
  lexfmt::FilterPlace FilterPlaceOf(uint64_t poly_hash) const {
    return lexfmt::PlaceOf(poly_hash, filter_bits_);
  }
  void PrefetchFilter(const lexfmt::FilterPlace& p) const {
    __builtin_prefetch(&filter_[p.block]);
  }
  bool MayContain(const lexfmt::FilterPlace& p) const {
    return (filter_[p.block] & p.bits) == p.bits;
  }
  // The letter strings most common in running text, most common first, each
  // ended by '\n' (see lexicon_format.h).
  std::string_view common_pieces() const { return pieces_; }
  // Whether a lowercase word with a corpus count holds the letters a, b, c
  // (false when any is not a-z): three letters none holds are no English.
  bool EnglishTrigram(char a, char b, char c) const {
    const auto letter = [](char x) { return x >= 'a' && x <= 'z'; };
    if (!letter(a) || !letter(b) || !letter(c)) return false;
    const size_t bit = lexfmt::TrigramBit(a, b, c);
    return ((trigrams_[bit / 64] >> (bit % 64)) & 1) != 0;
  }

  // Word-pair counts (from the pair list the lexicon was built with): the
  // natural log of how often `b` follows `a` in running text (lowercase
  // words), or with `b` empty how often `a` occurs; false when the list
  // does not have it, which for a pair means rarer than pair_floor().
  bool PairLog(std::string_view a, std::string_view b, float* log) const;
  // The log count to take for a word the list lacks (PairLog(w, "") false):
  // rarer than its rarest word, about e^9.
  static constexpr float kUnlistedWordLog = 9.0f;
  bool has_pairs() const { return pair_count_ != 0; }
  float pair_floor() const { return header_->pair_floor; }

  // (Clamped to the pool, so that a damaged file cannot make a read stray.)
  std::string_view WordOf(const Entry& e) const {
    const uint64_t size = header_->pool_size;
    const uint64_t at = std::min<uint64_t>(e.word_offset, size);
    return std::string_view(pool_ + at,
                            std::min<uint64_t>(e.word_length, size - at));
  }
  uint32_t size() const { return header_->entry_count; }
  uint64_t total_frequency() const { return header_->total_frequency; }
  // log(total_frequency() + 1), taken once when the file is opened.
  double log_total_frequency() const { return log_total_frequency_; }

  // Entries in word order: [first, second) are those starting with `prefix`.
  std::pair<uint32_t, uint32_t> PrefixRange(std::string_view prefix) const;
  const Entry& At(uint32_t i) const { return entries_[i]; }
  // Entries in reversed-word order: [first, second) are those ending with
  // `suffix`; ReversedAt(i) is the i-th in that order.
  std::pair<uint32_t, uint32_t> SuffixRange(std::string_view suffix) const;
  const Entry& ReversedAt(uint32_t i) const { return reversed_[i]; }
  // The i-th most frequent entry.
  const Entry& ByFrequency(uint32_t i) const {
    return entries_[std::min(by_frequency_[i], size() - 1)];
  }

 private:
  Lexicon() = default;
  const uint64_t* pair_keys_ = nullptr;
  const float* pair_logs_ = nullptr;
  uint32_t pair_count_ = 0;

  void* map_ = nullptr;
  size_t map_size_ = 0;
  const lexfmt::Header* header_ = nullptr;
  const Entry* entries_ = nullptr;
  const Entry* reversed_ = nullptr;
  const uint32_t* by_frequency_ = nullptr;
  const uint64_t* table_ = nullptr;
  const uint64_t* filter_ = nullptr;
  uint32_t filter_bits_ = 0;
  std::string_view pieces_;
  const uint64_t* trigrams_ = nullptr;  // lexfmt::kTrigramWords words
  const char* pool_ = nullptr;
  const uint64_t* samples_ = nullptr;  // see lexicon_format.h
  double log_total_frequency_ = 0;

  // The entry named by the first slot `hash` (lexfmt::Hash) probes, when its
  // tag matches (most lookups end there), or null: what the prefetches read.
  const Entry* FirstSlotEntry(uint64_t hash) const;

  // The entries [first, last) of one order where a prefix or suffix search
  // for `key` (lexfmt::SampleKey, read backwards for a suffix) can begin, from
  // that order's `samples`.
  std::pair<uint32_t, uint32_t> SampledBounds(const uint64_t* samples,
                                              uint64_t key) const;
};

// The path of dictionary file `name` (e.g. "en.lex"): in `dir` when given,
// else in $TEXTMEND_DICTIONARY_DIR, the build tree, or the installed data
// directory, whichever has it first. Sets `*tried` to the places looked in
// when none has it, and returns "".
std::string FindDictionary(const std::string& dir, const std::string& name,
                           std::string* tried);

}  // namespace textmend

#endif  // TEXTMEND_DICT_LEXICON_H_
