// The encoding stage; see encoding_stage.h.
#include "encoding/encoding_stage.h"

#include "core/edit.h"
#include "encoding/mojibake.h"

namespace textmend {
namespace {

class EncodingStage final : public TextStage {
 public:
  std::string_view name() const override { return "encoding"; }

  bool MayChange(std::string_view segment,
                 const DocumentModel* /*model*/) const override {
    return repairer_.MayChange(segment);
  }

  void Process(std::string_view run, size_t run_offset,
               const DocumentModel* /*model*/,
               std::vector<Edit>* edits) const override {
    size_t i = 0;
    while (i < run.size()) {
      size_t end = run.find('\n', i);
      if (end == std::string_view::npos) end = run.size();
      // The segment as a whole may change; most of its lines will not, and
      // the filter tells them apart faster than reading them.
      const std::string_view line = run.substr(i, end - i);
      if (repairer_.MayChange(line))
        RepairToFixpoint(line, run_offset + i, edits);
      i = end + 1;
    }
  }

 private:
  // Repairs `line` until a further reading changes nothing, so that the
  // stage is idempotent: repairing part of a line can change the evidence for
  // the rest (once a line's windows-1251 words are Cyrillic again, its
  // remaining Latin letters are judged on their own). Lines that settle in
  // one round (nearly all) keep their edits; a line that needs more rounds is
  // reported as one edit over the span that changed.
  void RepairToFixpoint(std::string_view line, size_t base,
                        std::vector<Edit>* edits) const {
    std::vector<Edit> first;
    repairer_.RepairLine(line, 0, &first);
    if (first.empty()) return;
    std::string text = ApplyEdits(line, first);
    bool settled = false;
    int round = 0;
    for (; round < 3 && !settled; ++round) {
      std::vector<Edit> more;
      if (repairer_.MayChange(text)) repairer_.RepairLine(text, 0, &more);
      settled = more.empty();
      if (!settled) text = ApplyEdits(text, more);
    }
    if (!settled) return;  // no fixpoint: leave the line as it is
    if (round == 1) {      // settled after the first edits
      for (Edit& e : first) {
        e.offset += base;
        edits->push_back(std::move(e));
      }
      return;
    }
    size_t prefix = 0;
    while (prefix < line.size() && prefix < text.size() &&
           line[prefix] == text[prefix])
      ++prefix;
    // (Whole characters: back up to a character boundary.)
    while (prefix > 0 && prefix < line.size() &&
           (static_cast<unsigned char>(line[prefix]) & 0xC0) == 0x80)
      --prefix;
    size_t suffix = 0;
    while (suffix < line.size() - prefix && suffix < text.size() - prefix &&
           line[line.size() - 1 - suffix] == text[text.size() - 1 - suffix])
      ++suffix;
    while (suffix > 0 &&
           (static_cast<unsigned char>(line[line.size() - suffix]) & 0xC0) ==
               0x80)
      --suffix;
    Edit e;
    e.offset = base + prefix;
    e.length = line.size() - prefix - suffix;
    e.replacement = text.substr(prefix, text.size() - prefix - suffix);
    e.rule = first[0].rule + ", and more once that was undone";
    e.confidence = first[0].confidence;
    edits->push_back(std::move(e));
  }

  MojibakeRepairer repairer_;
};

}  // namespace

std::unique_ptr<TextStage> MakeEncodingStage() {
  return std::make_unique<EncodingStage>();
}

}  // namespace textmend
