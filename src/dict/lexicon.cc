// Lexicon: mapping, validation and lookups.
#include "dict/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace textmend {

Status Lexicon::Open(const std::string& path, std::unique_ptr<Lexicon>* out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError("cannot open lexicon " + path + ": " +
                           std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 ||
      static_cast<size_t>(st.st_size) < sizeof(lexfmt::Header)) {
    ::close(fd);
    return Status::InvalidArgument("lexicon " + path + " is truncated");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    return Status::IoError("cannot map lexicon " + path + ": " +
                           std::strerror(errno));
  }
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->map_ = map;
  lex->map_size_ = size;
  const char* base = static_cast<const char*>(map);
  const auto* h = reinterpret_cast<const lexfmt::Header*>(base);
  const uint64_t n = h->entry_count;
  const bool ok =
      std::memcmp(h->magic, lexfmt::kMagic, 8) == 0 && h->table_size != 0 &&
      (h->table_size & (h->table_size - 1)) == 0 &&
      h->entries_offset + n * sizeof(lexfmt::Entry) <= size &&
      h->reversed_offset + n * sizeof(lexfmt::Entry) <= size &&
      h->by_frequency_offset + n * sizeof(uint32_t) <= size &&
      h->table_offset % 8 == 0 &&
      h->table_offset + uint64_t{h->table_size} * sizeof(uint64_t) <= size &&
      h->filter_offset % 8 == 0 && h->filter_bits >= 6 &&
      h->filter_bits <= 30 &&
      h->filter_offset + (uint64_t{8} << h->filter_bits) <= size &&
      h->pieces_offset + h->pieces_size <= size && h->pairs_offset % 8 == 0 &&
      h->pairs_offset + uint64_t{h->pair_count} * 12 <= size &&
      h->pool_offset + h->pool_size <= size && h->samples_offset % 8 == 0 &&
      h->sample_count == (n + lexfmt::kSampleStep - 1) / lexfmt::kSampleStep &&
      h->samples_offset + uint64_t{h->sample_count} * 2 * sizeof(uint64_t) <=
          size &&
      h->trigrams_offset % 8 == 0 &&
      h->trigrams_offset + lexfmt::kTrigramWords * sizeof(uint64_t) <= size;
  if (!ok) {
    return Status::InvalidArgument("lexicon " + path +
                                   " is damaged or of another version");
  }
  lex->header_ = h;
  lex->entries_ = reinterpret_cast<const Entry*>(base + h->entries_offset);
  lex->reversed_ = reinterpret_cast<const Entry*>(base + h->reversed_offset);
  lex->by_frequency_ =
      reinterpret_cast<const uint32_t*>(base + h->by_frequency_offset);
  lex->table_ = reinterpret_cast<const uint64_t*>(base + h->table_offset);
  lex->pool_ = base + h->pool_offset;
  lex->samples_ = reinterpret_cast<const uint64_t*>(base + h->samples_offset);
  lex->log_total_frequency_ =
      std::log(static_cast<double>(h->total_frequency) + 1.0);
  lex->filter_ = reinterpret_cast<const uint64_t*>(base + h->filter_offset);
  lex->filter_bits_ = h->filter_bits;
  lex->pieces_ = std::string_view(base + h->pieces_offset, h->pieces_size);
  lex->trigrams_ = reinterpret_cast<const uint64_t*>(base + h->trigrams_offset);
  lex->pair_count_ = h->pair_count;
  lex->pair_keys_ = reinterpret_cast<const uint64_t*>(base + h->pairs_offset);
  lex->pair_logs_ = reinterpret_cast<const float*>(
      base + h->pairs_offset + uint64_t{h->pair_count} * sizeof(uint64_t));
  // (Not every entry is checked here: that would read the whole file at
  // every start. The accessors keep every read inside the file instead.)
  *out = std::move(lex);
  return Status::Ok();
}

bool Lexicon::PairLog(std::string_view a, std::string_view b,
                      float* log) const {
  if (pair_count_ == 0) return false;
  uint64_t key;
  if (b.empty()) {
    key = lexfmt::Hash(a);
  } else {
    std::string pair;
    pair.reserve(a.size() + 1 + b.size());
    pair.append(a).push_back(' ');
    pair.append(b);
    key = lexfmt::Hash(pair);
  }
  const uint64_t* end = pair_keys_ + pair_count_;
  const uint64_t* at = std::lower_bound(pair_keys_, end, key);
  if (at == end || *at != key) return false;
  *log = pair_logs_[at - pair_keys_];
  return true;
}

Lexicon::~Lexicon() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

const Lexicon::Entry* Lexicon::Find(std::string_view lower,
                                    uint64_t hash) const {
  const uint32_t mask = header_->table_size - 1;
  for (uint64_t h = hash;; ++h) {
    const uint64_t slot = table_[h & mask];
    const uint32_t index = lexfmt::SlotIndex(slot);
    if (index == 0 || index > header_->entry_count) return nullptr;
    if (!lexfmt::SlotMatches(slot, hash)) continue;
    const Entry& e = entries_[index - 1];
    if (WordOf(e) == lower) return &e;
  }
}

const Lexicon::Entry* Lexicon::FirstSlotEntry(uint64_t hash) const {
  const uint64_t slot = table_[hash & (header_->table_size - 1)];
  const uint32_t index = lexfmt::SlotIndex(slot);
  if (index == 0 || index > header_->entry_count ||
      !lexfmt::SlotMatches(slot, hash))
    return nullptr;
  return &entries_[index - 1];
}

void Lexicon::PrefetchSlot(std::string_view lower) const {
  PrefetchSlot(lexfmt::Hash(lower));
}

void Lexicon::PrefetchEntry(std::string_view lower) const {
  const Entry* e = FirstSlotEntry(lexfmt::Hash(lower));
  if (e == nullptr) return;
  __builtin_prefetch(e);
  __builtin_prefetch(pool_ + e->word_offset);
}

void Lexicon::PrefetchEntry(uint64_t hash) const {
  if (const Entry* e = FirstSlotEntry(hash)) __builtin_prefetch(e);
}

void Lexicon::PrefetchText(uint64_t hash) const {
  if (const Entry* e = FirstSlotEntry(hash))
    __builtin_prefetch(pool_ + e->word_offset);
}

std::pair<uint32_t, uint32_t> Lexicon::SampledBounds(const uint64_t* samples,
                                                     uint64_t key) const {
  // Samples below the key are entries before the range, samples above it
  // entries after it.
  const uint32_t m = header_->sample_count;
  const uint32_t below = static_cast<uint32_t>(
      std::lower_bound(samples, samples + m, key) - samples);
  const uint32_t above = static_cast<uint32_t>(
      std::upper_bound(samples, samples + m, key) - samples);
  const uint32_t step = lexfmt::kSampleStep;
  return {below == 0 ? 0 : (below - 1) * step + 1,
          above == m ? size() : std::min(size(), above * step)};
}

namespace {

// The least string after every string that starts with `prefix` (read
// backwards when `backwards`: after every string that ends with it): its
// last byte (first, backwards) raised, past any 0xFF bytes, which are
// dropped. Empty when there is none (a prefix of 0xFF bytes, or none).
std::string Successor(std::string_view prefix, bool backwards) {
  std::string next(prefix);
  while (!next.empty()) {
    char& c = backwards ? next.front() : next.back();
    if (static_cast<unsigned char>(c) != 0xFF) {
      c = static_cast<char>(static_cast<unsigned char>(c) + 1);
      return next;
    }
    if (backwards) {
      next.erase(0, 1);
    } else {
      next.pop_back();
    }
  }
  return next;
}

}  // namespace

std::pair<uint32_t, uint32_t> Lexicon::PrefixRange(
    std::string_view prefix) const {
  // The range's ends are each found through the samples: its first word is
  // the first not before `prefix`, and its end the first not before the
  // least string after the prefix's words (an end found by stepping from
  // the first word reads many words of a short prefix's range).
  const auto first_not_before = [&](std::string_view key, uint32_t from) {
    auto [first, last] = SampledBounds(samples_, lexfmt::SampleKey(key));
    first = std::max(first, from);
    last = std::max(last, first);
    return static_cast<uint32_t>(
        std::lower_bound(
            entries_ + first, entries_ + last, key,
            [&](const Entry& e, std::string_view k) { return WordOf(e) < k; }) -
        entries_);
  };
  const uint32_t lo = first_not_before(prefix, 0);
  const std::string next = Successor(prefix, /*backwards=*/false);
  const uint32_t hi = next.empty() ? size() : first_not_before(next, lo);
  return {lo, hi};
}

namespace {

// Compares `word` read backwards with `suffix` read backwards, over at most
// `limit` bytes of the reversed word (the order of the reversed index).
int CompareReversed(std::string_view word, std::string_view suffix,
                    size_t limit) {
  const size_t n = std::min({word.size(), suffix.size(), limit});
  for (size_t k = 0; k < n; ++k) {
    const auto a = static_cast<unsigned char>(word[word.size() - 1 - k]);
    const auto b = static_cast<unsigned char>(suffix[suffix.size() - 1 - k]);
    if (a != b) return a < b ? -1 : 1;
  }
  const size_t wn = std::min(word.size(), limit);
  return wn < suffix.size() ? -1 : (wn > suffix.size() ? 1 : 0);
}

}  // namespace

std::pair<uint32_t, uint32_t> Lexicon::SuffixRange(
    std::string_view suffix) const {
  // (As PrefixRange, with every word read backwards.)
  const auto first_not_before = [&](std::string_view key, uint32_t from) {
    auto [first, last] =
        SampledBounds(samples_ + header_->sample_count,
                      lexfmt::SampleKey(key, /*backwards=*/true));
    first = std::max(first, from);
    last = std::max(last, first);
    return static_cast<uint32_t>(
        std::lower_bound(reversed_ + first, reversed_ + last, key,
                         [&](const Entry& e, std::string_view k) {
                           return CompareReversed(WordOf(e), k, SIZE_MAX) < 0;
                         }) -
        reversed_);
  };
  const uint32_t lo = first_not_before(suffix, 0);
  const std::string next = Successor(suffix, /*backwards=*/true);
  const uint32_t hi = next.empty() ? size() : first_not_before(next, lo);
  return {lo, hi};
}

std::string FindDictionary(const std::string& dir, const std::string& name,
                           std::string* tried) {
  std::vector<std::string> places;
  if (!dir.empty()) {
    places.push_back(dir);
  } else {
    if (const char* env = std::getenv("TEXTMEND_DICTIONARY_DIR")) {
      places.push_back(env);
    }
    places.push_back(TEXTMEND_BUILD_DICTIONARY_DIR);
    places.push_back(TEXTMEND_INSTALL_DICTIONARY_DIR);
  }
  tried->clear();
  for (const std::string& p : places) {
    const std::string path = p + "/" + name;
    if (::access(path.c_str(), R_OK) == 0) return path;
    if (!tried->empty()) *tried += ", ";
    *tried += p;
  }
  return "";
}

}  // namespace textmend
