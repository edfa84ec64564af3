// The document vocabulary's table.
#include "words/vocabulary.h"

#include <cstring>

#include "dict/lexicon_format.h"

namespace textmend {

Vocabulary::Vocabulary(size_t expected_words) {
  size_t slots = 1024;  // (a power of two, at most half full)
  while (slots < 2 * expected_words) slots *= 2;
  slots_.resize(slots);
}

size_t Vocabulary::Probe(std::string_view word, uint64_t h) const {
  const auto tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t at = h & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.length == 0) return at;
    if (slot.tag == tag && slot.length == word.size() + 1 &&
        std::memcmp(text_.data() + slot.offset, word.data(), word.size()) == 0)
      return at;
  }
}

uint32_t Vocabulary::Count(std::string_view word) const {
  const Slot& slot = slots_[Probe(word, lexfmt::Hash(word))];
  return slot.length == 0 ? 0 : slot.count;
}

uint32_t* Vocabulary::Find(std::string_view word) {
  Slot& slot = slots_[Probe(word, lexfmt::Hash(word))];
  return slot.length == 0 ? nullptr : &slot.count;
}

const uint32_t* Vocabulary::Find(std::string_view word) const {
  const Slot& slot = slots_[Probe(word, lexfmt::Hash(word))];
  return slot.length == 0 ? nullptr : &slot.count;
}

uint32_t& Vocabulary::operator[](std::string_view word) {
  const uint64_t h = lexfmt::Hash(word);
  size_t at = Probe(word, h);
  if (slots_[at].length != 0) return slots_[at].count;
  if (2 * (size_ + 1) > slots_.size()) {
    Grow();
    at = Probe(word, h);
  }
  Slot& slot = slots_[at];
  slot.tag = static_cast<uint32_t>(h >> 32);
  slot.length = word.size() + 1;
  slot.offset = text_.size();
  slot.count = 0;
  text_.append(word);
  ++size_;
  return slot.count;
}

void Vocabulary::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.length == 0) continue;
    const std::string_view word(text_.data() + slot.offset, slot.length - 1);
    size_t at = lexfmt::Hash(word) & mask;
    while (slots_[at].length != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace textmend
