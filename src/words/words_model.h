// The word stage's model of one document (window), as its learning leaves
// it: the substitution rules, per-word fixes, stray-space pairs and line-end
// joins; how it reads a word; and its application to the text. The learning
// is in words_stage.cc, the application in words_apply.cc.
#ifndef TEXTMEND_WORDS_WORDS_MODEL_H_
#define TEXTMEND_WORDS_WORDS_MODEL_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/stage.h"
#include "core/tokenizer.h"
#include "dict/lexicon.h"
#include "dict/lexicon_format.h"
#include "words/substitution.h"

namespace textmend {

// Texts to find in a run (SubstitutionModel's fixes or pairs: one token, or
// two one space apart), indexed once per window by their first token: most
// words of a run are rejected by their length and a filter of 4096 bits
// before any table is read.
template <typename Forms>
class FormIndex {
 public:
  using Entry = typename Forms::value_type;

  // `forms` must outlive the index and not change while it is used.
  void Build(const Forms& forms) {
    for (const Entry& entry : forms) {
      const std::string_view form = entry.first;
      const std::string_view first = form.substr(0, form.find(' '));
      by_first_[first].push_back(&entry);
      lengths_ |= uint64_t{1} << std::min<size_t>(first.size(), 63);
      const uint32_t shape = ShapeBit(first);
      shapes_[shape >> 6] |= uint64_t{1} << (shape & 63);
      const uint64_t h = lexfmt::Hash(first);
      filter_[(h >> 6) & 63] |= uint64_t{1} << (h & 63);
    }
  }

  // Whether a form's first token may be `word` (not empty), by its length
  // and its first and last bytes: a test that reads two bytes and needs no
  // hash of the whole word, which rules out most words of a text.
  bool MayHold(std::string_view word) const {
    const uint32_t shape = ShapeBit(word);
    return ((shapes_[shape >> 6] >> (shape & 63)) & 1) != 0;
  }

  // The forms whose first token is `word` (with lexfmt::Hash `h`), or
  // nullptr.
  const std::vector<const Entry*>* Find(std::string_view word,
                                        uint64_t h) const {
    if (((lengths_ >> std::min<size_t>(word.size(), 63)) & 1) == 0)
      return nullptr;
    if ((filter_[(h >> 6) & 63] & (uint64_t{1} << (h & 63))) == 0)
      return nullptr;
    const auto hit = by_first_.find(word);
    return hit == by_first_.end() ? nullptr : &hit->second;
  }

 private:
  // One of 4096 bits for `word`'s length and first and last bytes.
  static uint32_t ShapeBit(std::string_view word) {
    const uint32_t key =
        (static_cast<uint32_t>(static_cast<unsigned char>(word.front())) << 8 |
         static_cast<unsigned char>(word.back())) ^
        static_cast<uint32_t>(std::min<size_t>(word.size(), 63) << 16);
    return (key * 2654435761u) >> 20;
  }

  std::unordered_map<std::string_view, std::vector<const Entry*>> by_first_;
  uint64_t lengths_ = 0;  // bit k: a first token of k bytes (63: longer)
  std::array<uint64_t, 64> shapes_{};  // ShapeBit of each first token
  std::array<uint64_t, 64> filter_{};
};

class SubstitutionModel final : public DocumentModel {
 public:
  std::vector<SubstitutionRule> rules;
  std::vector<std::string> descriptions;  // rule.Describe(), computed once
  std::vector<std::string> names;         // sorted; never rewritten
  // Per-word corrections, by the form as written.
  struct Fix {
    std::string replacement;
    std::string rule;
    float confidence;
  };
  std::unordered_map<std::string, Fix, TextHash, std::equal_to<>> fixes;
  // Two tokens one space apart to read as one word ("pris oners"), by
  // their text.
  std::map<std::string, Fix, std::less<>> pairs;
  // Line-end hyphenations to join: (lowercase head, tail).
  std::set<std::pair<std::string, std::string>> joins;
  // `fixes` and `pairs` indexed for FindForms, once they are final.
  FormIndex<decltype(fixes)> fix_index;
  FormIndex<decltype(pairs)> pair_index;
};

// `lower`, a word the lexicon lacks, as the first of `m`'s rules that makes
// it a lowercase word the lexicon knows rewrites it; "" when none does.
std::string RuleReading(const Lexicon& lexicon, const SubstitutionModel& m,
                        std::string_view lower);

// Whether the rules leave written token `lower` (lowercase; written in
// `written_case`) to their real-word edits alone: a word the lexicon knows
// (possessive aside), written in capitals or in a use the lexicon has. One
// it knows only as an acronym, written otherwise, is no word there ("bcp"
// written for "the"), and the rules rewrite it as an unknown one.
bool KeptAsWord(const Lexicon& lexicon, std::string_view lower,
                WordCase written_case);

// Written word `lower` (written in `written_case`) as `m`'s rules repair it:
// "" for a word they keep (KeptAsWord) or one no rule repairs.
std::string RuleRepair(const Lexicon& lexicon, const SubstitutionModel& m,
                       const std::string& lower, WordCase written_case);

// Token `text` in lowercase as `m`'s repairs leave it (a per-word fix, a
// rule), when that is a word the lexicon knows; "" otherwise.
std::string AsRepaired(const Lexicon& lexicon, const SubstitutionModel& m,
                       std::string_view text, bool ascii);

// Whether token `text` is a word the lexicon knows, or one `m` repairs into
// one: a word of the line's language, as a second run will see it once the
// repair is made.
bool KnownOrRepaired(const Lexicon& lexicon, const SubstitutionModel& m,
                     std::string_view text, bool ascii);

// Case-insensitive search of an ASCII lowercase `needle`.
bool ContainsFolded(std::string_view hay, std::string_view needle);

// Whether `m` (may be null) may change `segment`.
bool ModelMayChange(const SubstitutionModel* m, std::string_view segment);

// Appends to `edits` the repairs `m` makes in `run` (valid UTF-8, at
// `run_offset` in the text), sorted by offset.
void ApplyModel(const Lexicon& lexicon, const SubstitutionModel* m,
                std::string_view run, size_t run_offset,
                std::vector<Edit>* edits);

}  // namespace textmend

#endif  // TEXTMEND_WORDS_WORDS_MODEL_H_
