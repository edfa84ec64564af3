// The encoding stage; see encoding_stage.h.
#include "encoding/encoding_stage.h"

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
      if (repairer_.MayChange(line)) {
        repairer_.RepairLine(line, run_offset + i, edits);
      }
      i = end + 1;
    }
  }

 private:
  MojibakeRepairer repairer_;
};

}  // namespace

std::unique_ptr<TextStage> MakeEncodingStage() {
  return std::make_unique<EncodingStage>();
}

}  // namespace textmend
