// The document's own vocabulary: lowercase word -> occurrences, read by the
// per-word fixes and the joins as a prior that the document itself raises.
#ifndef TEXTMEND_WORDS_VOCABULARY_H_
#define TEXTMEND_WORDS_VOCABULARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textmend {

// Built from every distinct written form of a window (tens of thousands of
// words), then read and counted up and down word by word. One open-addressing
// table over one buffer of the words' text: a node-based map allocated a node
// and a string per word, and a lookup by a view built a string first.
class Vocabulary {
 public:
  // `expected_words`: about how many distinct words it will hold, for a
  // table sized once instead of grown (and rehashed) as they come.
  explicit Vocabulary(size_t expected_words = 0);

  // The occurrences of `word` (0 when the document lacks it).
  uint32_t Count(std::string_view word) const;
  // The count of `word`, added at 0 when absent. Valid until the next word
  // is added.
  uint32_t& operator[](std::string_view word);
  // The count of `word`, or null when absent. Valid until the next word is
  // added.
  uint32_t* Find(std::string_view word);
  const uint32_t* Find(std::string_view word) const;

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t tag = 0;  // the high half of the word's hash
    uint32_t count = 0;
    size_t length = 0;  // the word's length + 1 (0: an empty slot)
    size_t offset = 0;  // of the word in text_
  };
  // The slot holding `word` (hash `h`), or the empty slot where it belongs.
  size_t Probe(std::string_view word, uint64_t h) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string text_;         // the words, one after another
  size_t size_ = 0;
};

}  // namespace textmend

#endif  // TEXTMEND_WORDS_VOCABULARY_H_
