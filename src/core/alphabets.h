// Which languages write a letter: the accented Latin letters of about thirty
// European languages (and Vietnamese), as facts about their alphabets. A line
// whose accented letters no single language uses together ("è", "ì", "ø" and
// "ž" in one sentence) was likely read with the wrong code page: windows-1250
// Czech read as windows-1252 looks like that, while its right reading uses
// the Czech alphabet alone.
//
// Thread-safety: pure functions over a table built on first use.
#ifndef TEXTMEND_CORE_ALPHABETS_H_
#define TEXTMEND_CORE_ALPHABETS_H_

#include <cstdint>

namespace textmend {

// All languages: what an ASCII or non-Latin character "allows".
inline constexpr uint64_t kAnyLanguage = ~uint64_t{0};

// The set of languages (one bit each) whose alphabet has `cp`, case folded;
// kAnyLanguage for characters that are not accented Latin letters, 0 for an
// accented Latin letter that none of the languages uses.
uint64_t LatinLanguages(uint32_t cp);

// Whether one language's alphabet has all the accented Latin letters added.
// Vietnamese counts only once a letter of its own has been seen (ạ, ơ, ư,
// đ, ...): it shares á, ì, ý and the rest with half of Europe, so without
// that it would make every mixture of them look like Vietnamese.
class AlphabetCheck {
 public:
  void Add(uint32_t cp);
  bool Coherent() const;
  void Reset() { *this = AlphabetCheck(); }

 private:
  uint64_t languages_ = kAnyLanguage;
  bool vietnamese_ = false;
};

}  // namespace textmend

#endif  // TEXTMEND_CORE_ALPHABETS_H_
