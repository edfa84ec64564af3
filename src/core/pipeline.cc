// The pipeline driver. Clean text costs one MayChange() scan per stage and no
// copy; only a segment some stage edits is copied, mapped and re-scanned.
#include "core/pipeline.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "core/offset_map.h"
#include "core/utf8.h"

namespace textmend {

namespace {

// Collects into `*edits` what `stage` would change in `text`: nothing when its
// MayChange() says so (not asked again when `may_change_asked`: it said
// yes), else its edits over each valid run. Shared by Run() and
// Learn(), so a learning stage sees exactly the text Run() will produce.
void CollectEdits(const TextStage& stage, const DocumentModel* model,
                  std::string_view text, std::vector<Edit>* edits,
                  bool may_change_asked = false) {
  edits->clear();
  if (!may_change_asked && !stage.MayChange(text, model)) return;
  ForEachRun(
      text,
      [&](size_t offset, std::string_view run) {
        const size_t first = edits->size();
        stage.Process(run, offset, model, edits);
        // The contract asks for ordered, non-overlapping edits; a stage that
        // breaks it must not garble the text, so an edit that overlaps an
        // earlier one is dropped (a debug build stops at it).
        size_t end = offset, kept = first;
        for (size_t k = first; k < edits->size(); ++k) {
          Edit& e = (*edits)[k];
          assert(e.offset >= end && "stage edits overlap or are out of order");
          if (e.offset < end) continue;
          end = e.offset + e.length;
          if (kept != k) (*edits)[kept] = std::move(e);
          ++kept;
        }
        edits->resize(kept);
        // Deleting the whole of a run that lies between two stretches of
        // invalid bytes would join them, and joined they could read as a
        // character that was never there. Invalid bytes must come out as they
        // went in, so such a run stays.
        if (offset > 0 && offset + run.size() < text.size()) {
          size_t removed = 0, added = 0;
          for (size_t k = first; k < edits->size(); ++k) {
            removed += (*edits)[k].length;
            added += (*edits)[k].replacement.size();
          }
          if (removed == run.size() && added == 0) edits->resize(first);
        }
      },
      [](size_t, size_t) {});
}

// Stands in the models for a stage whose MayChange() was false for the
// whole window in the window's own text (every stage before it left it as
// it was): then it is false for each segment of the window too (see
// TextStage::MayChange), and Run() skips the stage instead of scanning each
// segment again.
class NothingInWindow final : public DocumentModel {};

bool NothingToDo(const DocumentModel* model) {
  return model != nullptr &&
         dynamic_cast<const NothingInWindow*>(model) != nullptr;
}

}  // namespace

Pipeline::Pipeline(std::vector<std::unique_ptr<TextStage>> stages)
    : stages_(std::move(stages)) {}

TextPosition Pipeline::Advance(TextPosition start, std::string_view text) {
  if (text.empty()) return start;
  // (memchr from newline to newline: std::count reads the text a byte at a
  // time, where lines are hundreds of bytes long.)
  size_t tail_begin = 0;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin;
       (at = static_cast<const char*>(
            std::memchr(at, '\n', static_cast<size_t>(end - at)))) != nullptr;
       ++at) {
    ++start.line;
    start.column = 1;
    tail_begin = static_cast<size_t>(at - begin) + 1;
  }
  for (size_t i = tail_begin; i < text.size(); ++i) {
    // Count code points: every byte that is not a continuation byte starts one.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++start.column;
  }
  return start;
}

bool Pipeline::learns() const {
  for (const auto& stage : stages_) {
    if (stage->learns()) return true;
  }
  return false;
}

Models Pipeline::Learn(std::string_view window,
                       const PageReadings& readings) const {
  // Each learning stage learns from the text as the stages before it will have
  // left it: ligatures expanded, accents composed, stray characters gone.
  Models models;
  std::string text;
  std::string_view current = window;
  std::vector<Edit> edits;
  // Whether `current` is still the window as it came: no stage has edited
  // it and no learning stage has been passed (Run() gives the stages after
  // one the text its edits leave).
  bool as_given = true;
  for (const auto& stage : stages_) {
    if (stage->learns()) {
      models.push_back(stage->Learn(current, readings));
      as_given = false;
      continue;
    }
    if (as_given && !stage->MayChange(current, nullptr)) {
      models.push_back(std::make_unique<NothingInWindow>());
      continue;
    }
    models.push_back(nullptr);
    CollectEdits(*stage, nullptr, current, &edits,
                 /*may_change_asked=*/as_given);
    if (edits.empty()) continue;
    as_given = false;
    text = ApplyEdits(current, edits);
    current = text;
  }
  return models;
}

bool Pipeline::Run(std::string_view segment, TextPosition start,
                   const Models& models, std::string* out,
                   std::vector<Change>* changes) const {
  std::string text;
  std::string_view current = segment;
  OffsetMap map;
  bool changed = false;
  std::vector<Edit> edits;
  const size_t first_change = changes->size();
  for (size_t si = 0; si < stages_.size(); ++si) {
    const TextStage* stage = stages_[si].get();
    const DocumentModel* model =
        si < models.size() ? models[si].get() : nullptr;
    if (NothingToDo(model)) continue;
    CollectEdits(*stage, model, current, &edits);
    if (edits.empty()) continue;
    if (!changed) map = OffsetMap::Identity(segment.size());
    changed = true;
    // Changes of one stage come in increasing offset: advance the line/column
    // count with them.
    TextPosition pos = start;
    size_t counted = 0;
    for (const Edit& e : edits) {
      const uint64_t src_a = map.SourceBegin(e.offset);
      const uint64_t src_b =
          std::max(src_a, map.SourceEnd(e.offset + e.length));
      if (src_a < counted) {
        pos = start;
        counted = 0;
      }
      pos = Advance(pos, segment.substr(counted, src_a - counted));
      counted = src_a;
      Change c;
      c.offset = src_a;
      c.length = src_b - src_a;
      c.line = pos.line;
      c.column = pos.column;
      c.before = std::string(current.substr(e.offset, e.length));
      c.after = e.replacement;
      c.stage = std::string(stage->name());
      c.rule = e.rule;
      c.confidence = e.confidence;
      changes->push_back(std::move(c));
    }
    map = map.Edited(edits);
    text = ApplyEdits(current, edits);
    current = text;
  }
  if (!changed) return false;
  // Changes in input order, whatever the segmentation; stage order breaks ties.
  // Sorted by index, so each Change (four strings) moves once.
  const size_t n = changes->size() - first_change;
  std::vector<std::pair<uint64_t, uint32_t>> order(n);
  for (size_t k = 0; k < n; ++k) {
    order[k] = {(*changes)[first_change + k].offset, static_cast<uint32_t>(k)};
  }
  if (!std::is_sorted(order.begin(), order.end())) {
    std::stable_sort(
        order.begin(), order.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Change> sorted;
    sorted.reserve(n);
    for (const auto& [offset, k] : order)
      sorted.push_back(std::move((*changes)[first_change + k]));
    std::move(sorted.begin(), sorted.end(),
              changes->begin() + static_cast<std::ptrdiff_t>(first_change));
  }
  *out = std::move(text);
  return true;
}

}  // namespace textmend
