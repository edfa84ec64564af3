// Mojibake repair; see mojibake.h.
#include "encoding/mojibake.h"

#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "core/alphabets.h"
#include "core/char_class.h"
#include "core/utf8.h"
#include "encoding/undo.h"
#include "unicode/char_rules.h"

namespace textmend {
namespace {

Cost CostOf(const Text& t) {
  return ChunkCost(reinterpret_cast<const uint32_t*>(t.data()), t.size());
}

struct Candidate {
  Text text;
  Steps steps;
  float cost = 0;  // total cost plus the price of the steps taken
  Cost parts;      // the cost of `text` alone
  bool used_space = false;
};

constexpr int kMaxUtf8Layers = 3;
constexpr float kLayerCost = 0.3f;  // prefer the shorter of equal readings
constexpr float kMixUpCost = 0.5f;  // and a UTF-8 reading over a mix-up
// What each step must win on its own: a UTF-8 layer removes structure, or
// reads every non-ASCII character as part of a sequence into letters of the
// code pages' scripts (a layer that only turns plausible text into other
// plausible text, such as Cyrillic into CJK, is not undoing damage); a mix-up
// between code pages removes a lot of structure, or, between two Cyrillic
// code pages, of letter rarity.
constexpr float kMinLayerGain = 1.5f;
constexpr float kMinMixUpGain = 3.0f;

// The scripts of the letters of `t`, as a bit set over a few scripts.
uint32_t LetterScripts(const Text& t) {
  uint32_t set = 0;
  for (char32_t c : t) {
    const CharInfo info = Classify(c);
    if (IsLetter(info.kind) && info.script > 1) set |= 1u << (info.script % 32);
  }
  return set;
}

// True when every non-ASCII character of `t` is a common letter or sign of
// the code pages' repertoire (not box drawing, Braille, CJK, ...): what a
// short chunk of mojibake such as "Вє" (º) stands for.
bool CommonSigns(const Text& t) {
  for (char32_t c : t) {
    if (c >= 0x80 && (c >= 0x2500 || Classify(c).rarity > 0)) return false;
  }
  return true;
}

constexpr uint32_t kCodePageScripts = (1u << (USCRIPT_LATIN % 32)) |
                                      (1u << (USCRIPT_GREEK % 32)) |
                                      (1u << (USCRIPT_CYRILLIC % 32));

// Collects every reading of `text` reachable by undo steps into *found.
void Explore(const Text& text, Steps* steps, bool used_space,
             std::vector<Candidate>* found) {
  if (found->size() > 256) return;  // pathological input: enough readings
  const bool outermost = steps->empty();
  const Cost in = CostOf(text);
  Text out;
  if (steps->size() < kMaxUtf8Layers) {
    std::vector<Text> seen;
    for (CodePageId id : kUtf8ReadAs) {
      bool space = false;
      int leftover = 0;
      if (UndoUtf8(GetCodePage(id), text.data(), text.size(), outermost, &out,
                   &space, &leftover) == 0)
        continue;
      // A reading another code page already gave is recorded under this
      // page too (the line's plan is chosen over all of them) but not
      // explored again.
      const bool again = std::find(seen.begin(), seen.end(), out) != seen.end();
      if (!again) seen.push_back(out);
      const Cost parts = CostOf(out);
      const bool keep =
          parts.structure <= in.structure - kMinLayerGain ||
          (leftover == 0 && parts.structure <= in.structure + 0.5f &&
           parts.letters <= in.letters + 1 &&
           (LetterScripts(out) & ~kCodePageScripts) == 0);
      // A layer that reads every non-ASCII character as part of a sequence
      // is explored further even when it is no reading of its own: the
      // middle layer of triple mojibake can look worse than the outer one.
      if (!keep && leftover != 0) continue;
      steps->push_back({true, CodePageId::kCount, id});
      Candidate c;
      c.steps = *steps;
      c.parts = parts;
      c.cost = parts.total() + kLayerCost * c.steps.size();
      c.text = out;
      c.used_space = used_space || space;
      if (keep) found->push_back(c);
      if (!again) Explore(c.text, steps, c.used_space, found);
      steps->pop_back();
    }
  }
  // Single-byte mix-ups: the last step undone (the first damage done).
  for (const MixUp& m : kMixUps) {
    if (!UndoMixUp(GetCodePage(m.actual), GetCodePage(m.read_as), text.data(),
                   text.size(), &out))
      continue;
    // One changed character is no evidence of a mix-up on its own ("Â" is
    // not "В"); such words follow their line's plan in pass 2.
    size_t changed = 0;
    bool c1 = false;
    for (size_t k = 0; k < out.size(); ++k) {
      changed += out[k] != text[k];
      c1 |= text[k] >= 0x80 && text[k] <= 0x9F;
    }
    // (A C1 control is evidence itself; and Latin read as Latin keeps the
    // script, so one letter can be a whole word's damage: "W³adze".)
    const bool keeps_script =
        !IsCyrillicPage(m.actual) && m.actual != CodePageId::kWindows1253;
    if (changed < 2 && !c1 && !keeps_script) continue;
    const Cost parts = CostOf(out);
    const bool cyrillic = IsCyrillicPage(m.actual) && IsCyrillicPage(m.read_as);
    if (cyrillic ? (parts.total() > in.total() - kMinMixUpGain ||
                    parts.structure > in.structure)
                 : parts.structure > in.structure - kMinMixUpGain)
      continue;
    Candidate c;
    c.steps = *steps;
    c.steps.push_back({false, m.actual, m.read_as});
    c.parts = parts;
    c.cost = parts.total() + kLayerCost * c.steps.size() + kMixUpCost;
    c.text = out;
    c.used_space = used_space;
    found->push_back(std::move(c));
  }
}

struct Chunk {
  size_t begin = 0, end = 0;  // code point indexes into the line
  bool accepted = false;
  float gain = 0;
  Cost before;
  Candidate best;
  std::vector<Candidate> ties;  // readings as good as the best
};

// Readings of one chunk this close to its best are equally good for choosing
// the line's plan.
constexpr float kTie = 2.0f;
constexpr float kMinGain = 3.0f;
constexpr float kMinStrongGain = 5.0f;
constexpr float kMinStrongLineGain = 8.0f;
constexpr float kMaxResultCost = 8.0f;

// A repaired chunk may still hold what cannot be recovered (bytes lost to
// U+FFFD), but it must look like text, or at least be far less odd than it
// was.
bool Acceptable(const Candidate& after, const Cost& before) {
  const auto lost = std::count(after.text.begin(), after.text.end(), 0xFFFD);
  return after.parts.structure < kMaxResultCost + 30.0f * lost ||
         after.parts.structure <= 0.25f * before.structure;
}

// True when one language's alphabet has all the accented Latin letters of
// `t` (see alphabets.h).
// Decomposed text (a letter and a combining accent) says nothing here: it is
// taken as coherent.
bool Coherent(const Text& t) {
  AlphabetCheck check;
  for (char32_t c : t) {
    if (c >= 0x0300 && c < 0x0370) return true;
    check.Add(c);
  }
  return check.Coherent();
}

// A line whose accented letters no one language writes together is read as
// each Latin mix-up in turn (the chunks a UTF-8 reading did not already
// take); of the readings one language's alphabet covers, and that are no
// odder in structure, the least odd is taken for the whole line.
void ReadLineAsLatin(const Text& line, std::vector<Chunk>* chunks,
                     bool evidence) {
  auto taken = [](const Chunk& c) {
    return c.accepted && !IsLatinMixUp(c.best.steps);
  };
  Text current;  // the line with the UTF-8 readings in place
  for (const Chunk& c : *chunks) {
    current += (taken(c) ? c.best.text : line.substr(c.begin, c.end - c.begin));
    current += U" ";
  }
  const bool incoherent = !Coherent(current);
  if (!incoherent && !evidence) return;
  const MixUp* best = nullptr;
  float best_after = 0;
  std::vector<Text> best_texts;
  for (const MixUp& m : kLatinMixUps) {
    Text reading;
    float before = 0, after = 0;
    std::vector<Text> texts;
    for (const Chunk& c : *chunks) {
      const Text source = line.substr(c.begin, c.end - c.begin);
      if (taken(c)) {
        texts.push_back(c.best.text);
      } else if (UndoMixUp(GetCodePage(m.actual), GetCodePage(m.read_as),
                           source.data(), source.size(),
                           &texts.emplace_back())) {
        before += c.before.structure;
        after += CostOf(texts.back()).structure;
      } else {
        // Nothing to change, or a letter the wrong code page cannot have
        // produced: a correct word beside a damaged run, kept, and its
        // letters still count for the alphabet.
        texts.back() = source;
        before += c.before.structure;
        after += c.before.structure;
      }
      reading += texts.back() + U" ";
    }
    // (A line whose letters already agree must also lose structure.)
    if (after > before || (after == before && !incoherent) ||
        !Coherent(reading))
      continue;
    if (best == nullptr || after < best_after) {
      best = &m;
      best_after = after;
      best_texts = std::move(texts);
    }
  }
  if (best == nullptr) return;
  const Steps plan = {{false, best->actual, best->read_as}};
  for (size_t k = 0; k < chunks->size(); ++k) {
    Chunk& c = (*chunks)[k];
    if (taken(c)) continue;
    Text& text = best_texts[k];
    if (text == line.substr(c.begin, c.end - c.begin)) {
      c.accepted = false;
      continue;
    }
    c.best.parts = CostOf(text);
    c.best.text = std::move(text);
    c.best.steps = plan;
    c.best.cost = c.best.parts.total();
    c.gain = c.before.total() - c.best.cost;
    c.accepted = true;
  }
}

}  // namespace

std::vector<std::pair<size_t, uint16_t>>
MojibakeRepairer::RestoreLostNoBreakSpaces(std::u32string* line) const {
  std::vector<std::pair<size_t, uint16_t>> restored;
  Text& t = *line;
  for (size_t p = 1; p + 1 < t.size(); ++p) {
    if (t[p] != ' ' || t[p - 1] < 0x80 || IsChunkSpace(t[p + 1]) ||
        t[p + 1] < 0x80)
      continue;
    size_t right_end = p + 1;
    while (right_end < t.size() && !IsChunkSpace(t[right_end])) ++right_end;
    size_t left_begin = p - 1;
    while (left_begin > 0 && !IsChunkSpace(t[left_begin - 1])) --left_begin;
    // The character before: a lead that the no-break space completes into a
    // common letter, in a code page whose no-break space is A0 and that has
    // every character of both words (the page the mojibake came through).
    uint16_t pages = 0;
    uint16_t leads = t[p - 1] < kFlatLimit ? lead_[t[p - 1]] & nbsp_pages_ : 0;
    while (leads) {
      const int page = __builtin_ctz(leads);
      leads &= leads - 1;
      const CodePage& cp_page = GetCodePage(static_cast<CodePageId>(page));
      const int b = cp_page.Encode(t[p - 1]);
      bool all = true;
      for (size_t k = left_begin; k < right_end && all; ++k) {
        all = k == p || cp_page.Encode(t[k]) >= 0;
      }
      if (!all) continue;
      if (b == 0xED) {
        // The first half of a surrogate pair in CESU-8 ("í ½í¸" for "😍"):
        // ED A0 was the sequence, the next character goes on with it.
        if (IsContinuation(cp_page.Encode(t[p + 1])))
          pages |= uint16_t(1u << page);
        continue;
      }
      if (b < 0xC2 || b > 0xDF) continue;
      const uint32_t cp = ((b & 0x1Fu) << 6) | 0x20;
      const CharInfo info = Classify(cp);
      if (!IsLetter(info.kind) || info.rarity != 0 ||
          (LetterScripts(Text(1, static_cast<char32_t>(cp))) &
           ~kCodePageScripts) != 0 ||
          !IsLetter(Classify(t[p - 1]).kind))
        continue;
      if (SequenceLength(cp_page.Encode(t[p + 1])) > 0)
        pages |= uint16_t(1u << page);
    }
    if (pages == 0) continue;
    // Both sides must look like mojibake themselves.
    const bool left_ok =
        left_begin == p - 1 || AnySuspicious(t.data(), left_begin, p, t.size());
    if (left_ok && AnySuspicious(t.data(), p + 1, right_end, t.size())) {
      t[p] = 0xA0;
      restored.emplace_back(p, pages);
    }
  }
  return restored;
}

void MojibakeRepairer::RepairLine(std::string_view line, size_t base,
                                  std::vector<Edit>* edits) const {
  // First with lost no-break spaces read back; when a repair would keep such
  // a space but read it through another plan, the guess was wrong: again
  // without it.
  if (!RepairLineAs(line, base, /*restore_spaces=*/true, edits)) {
    RepairLineAs(line, base, /*restore_spaces=*/false, edits);
  }
}

bool MojibakeRepairer::RepairLineAs(std::string_view line, size_t base,
                                    bool restore_spaces,
                                    std::vector<Edit>* edits) const {
  if (AsciiPrefix(line) == line.size()) return true;
  Text cps;
  std::vector<size_t> offsets;  // byte offset of each code point, and the end
  for (size_t j = 0; j < line.size();) {
    size_t len = 1;
    const int32_t cp = DecodeAt(line, j, &len);
    if (cp < 0) return true;  // callers pass valid runs only
    if (!DeletedByUnicodeStage(static_cast<uint32_t>(cp))) {
      offsets.push_back(j);
      cps.push_back(static_cast<char32_t>(cp));
    }
    j += len;
  }
  offsets.push_back(line.size());
  const bool coherent = Coherent(cps);
  if (coherent && !AnySuspicious(cps.data(), 0, cps.size(), cps.size()))
    return true;
  // A no-break space inside a word of mojibake that turned into a plain
  // space splits the word ("Р С—РЎР‚" for windows-1251 read twice, "Ã  la"):
  // such a space is read as the no-break space it was, so the word is read
  // whole. It is only a reading: the space stays unless the repair consumes
  // it.
  const Text original = cps;
  const auto restored = restore_spaces
                            ? RestoreLostNoBreakSpaces(&cps)
                            : std::vector<std::pair<size_t, uint16_t>>();

  // (A ligature ends a chunk too: no code page has it, and the unicode stage
  // spells it out, after which the rest of the chunk is read without it. So
  // the chunk is judged as a second run would judge it: ﬁ + U+0084 is
  // fi + „, tests/fuzz/corpus/encoding-idempotent-ligature-hides-c1-control.)
  const auto apart = [](char32_t c) {
    return IsChunkSpace(c) || SpelledOutByUnicodeStage(c);
  };
  std::vector<Chunk> chunks;
  for (size_t i = 0; i < cps.size();) {
    if (apart(cps[i])) {
      ++i;
      continue;
    }
    Chunk c;
    c.begin = i;
    bool high = false;
    while (i < cps.size() && !apart(cps[i])) high |= cps[i++] >= 0x80;
    c.end = i;
    if (high) chunks.push_back(c);
  }

  std::map<Steps, int> votes;
  for (Chunk& c : chunks)
    c.before = CostOf(cps.substr(c.begin, c.end - c.begin));

  // Pass 1: each chunk's best reading, kept when it is clearly better.
  for (Chunk& c : chunks) {
    if (c.accepted) continue;
    const Text source = cps.substr(c.begin, c.end - c.begin);
    // Only a chunk with something suspicious in it is worth reading every
    // way; the others can still follow the line's plan in pass 2.
    if (!AnySuspicious(cps.data(), c.begin, c.end, cps.size())) continue;
    std::vector<Candidate> found;
    Steps steps;
    Explore(source, &steps, false, &found);
    if (found.empty()) continue;
    float best = found[0].cost;
    for (const Candidate& f : found) best = std::min(best, f.cost);
    float best_structure = 1e9f;
    for (const Candidate& f : found) {
      if (f.cost == best) best_structure = f.parts.structure;
    }
    for (Candidate& f : found) {
      if (f.cost <= best + kTie && f.parts.structure <= best_structure + 2)
        c.ties.push_back(std::move(f));
    }
    c.best = c.ties[0];
    for (const Candidate& t : c.ties) {
      if (t.cost < c.best.cost) c.best = t;
    }
    c.gain = c.before.total() - c.best.parts.total();
    const float needed =
        NeedsStrongEvidence(c.best.steps) ? kMinStrongGain : kMinGain;
    // A lone lead read with a lost no-break space ("Â" alone) is decided by
    // its line: in Cyrillic mojibake it is the word "В".
    const bool lone_lossy = c.best.used_space && c.end - c.begin == 1;
    if (c.gain >= needed && Acceptable(c.best, c.before) && !lone_lossy) {
      c.accepted = true;
      for (const Candidate& t : c.ties) ++votes[t.steps];
    }
  }
  if (votes.empty() && coherent) return true;
  // One plan for the line: the one that reads its confident chunks best in
  // sum, where a chunk the plan does not read about as well as its best
  // reading costs a fixed penalty (iso-8859-2 and windows-1250 agree on most
  // letters; the chunks where they differ decide).
  constexpr float kMissPenalty = 3.0f;
  std::map<Steps, float> score;
  // (Between equals, UTF-8 read wrong is commoner than a mix-up, and fewer
  // layers commoner than more.)
  for (const auto& [steps, n] : votes) {
    score[steps] = 0.01f * static_cast<float>(steps.size());
    for (const UndoStep& step : steps)
      score[steps] += step.from_utf8 ? 0 : 0.1f;
  }
  std::map<Steps, Text> reading;  // the accepted chunks under each plan
  for (const Chunk& c : chunks) {
    if (!c.accepted) continue;
    for (auto& entry : score) {
      const Steps& plan = entry.first;
      const auto it = std::find_if(c.ties.begin(), c.ties.end(),
                                   [&](auto& t) { return t.steps == plan; });
      entry.second +=
          it == c.ties.end() ? kMissPenalty : it->cost - c.best.cost;
      if (it != c.ties.end()) reading[plan] += it->text + U" ";
    }
  }
  // A plan whose reading mixes the alphabets of several languages ("Cådiz",
  // "aùo" beside "más") is less likely than one whose reading does not.
  for (auto& [steps, total] : score) {
    if (!Coherent(reading[steps])) total += 2 * kMissPenalty;
  }
  std::vector<Steps> plans;
  for (const auto& [steps, n] : votes) plans.push_back(steps);
  std::stable_sort(
      plans.begin(), plans.end(),
      [&](const Steps& a, const Steps& b) { return score[a] < score[b]; });
  uint32_t scripts = 0;
  for (Chunk& c : chunks) {
    if (!c.accepted) continue;
    for (const Steps& plan : plans) {
      // (The line's plan is taken only where it reads the chunk no worse in
      // structure than the chunk's own best reading.)
      const auto it = std::find_if(c.ties.begin(), c.ties.end(), [&](auto& t) {
        return t.steps == plan &&
               t.parts.structure <= c.best.parts.structure + 0.5f;
      });
      if (it != c.ties.end()) {
        c.gain -= it->parts.total() - c.best.parts.total();
        c.best = *it;
        break;
      }
    }
    scripts |= LetterScripts(c.best.text);
  }

  // Pass 2: the line's plans, for the chunks too short to decide alone. A
  // reading must remove structure, or keep it while reading every non-ASCII
  // character as part of a sequence ("Р’" -> "В") or as a mix-up letter
  // ("â" -> "в"), or restore a lost no-break space inside a word; and its
  // letters must be in a script the line's confident repairs are written in
  // (or, clearly better, in a script of the code pages). Between two Cyrillic
  // code pages, where structure does not change, the letters must be better,
  // or as good in a line most of whose Cyrillic words were confidently
  // repaired. The best reading wins, ties going to the line's plan order.
  // Right to left, so that a lost no-break space can see whether the word
  // goes on.
  // Between two Cyrillic code pages only the line's best such plan is used,
  // and short words follow it when most of the line's Cyrillic words read
  // better under it: then the whole line was read wrong.
  const Steps* cyrillic_plan = nullptr;
  for (const Steps& plan : plans) {
    if (NeedsStrongEvidence(plan)) {
      cyrillic_plan = &plan;
      break;
    }
  }
  bool cyrillic_line = false;
  if (cyrillic_plan != nullptr) {
    size_t words = 0, better = 0;
    for (const Chunk& c : chunks) {
      const Text source = cps.substr(c.begin, c.end - c.begin);
      if (!(LetterScripts(source) & (1u << (USCRIPT_CYRILLIC % 32))) ||
          std::count_if(source.begin(), source.end(), [](char32_t ch) {
            return IsLetter(Classify(ch).kind);
          }) < 3)
        continue;  // short words say little about letter statistics
      ++words;
      Text out;
      bool space = false;
      if (ApplySteps(*cyrillic_plan, source, &out, &space) &&
          CostOf(out).total() < c.before.total())
        ++better;
    }
    cyrillic_line = 3 * better >= 2 * words;
  }
  for (size_t k = chunks.size(); k-- > 0;) {
    Chunk& c = chunks[k];
    if (c.accepted) continue;
    const bool next_joined = k + 1 < chunks.size() && chunks[k + 1].accepted &&
                             chunks[k + 1].begin == c.end + 1;
    int best_leftover = 0;
    for (const Steps& plan : plans) {
      if (IsLatinMixUp(plan)) continue;  // see ReadLineAsLatin
      Candidate cand;
      int leftover = 1;
      if (!ApplySteps(plan, cps.substr(c.begin, c.end - c.begin), &cand.text,
                      &cand.used_space, &leftover))
        continue;
      cand.parts = CostOf(cand.text);
      const float gain = c.before.total() - cand.parts.total();
      const float structure_gain = c.before.structure - cand.parts.structure;
      bool better;
      if (NeedsStrongEvidence(plan)) {
        if (&plan != cyrillic_plan) continue;
        better =
            structure_gain >= 0 && (gain >= 1 || (gain >= -1 && cyrillic_line));
      } else {
        // A mix-up reads every character it changes, so it is "whole"; but
        // in a chunk without letters it must remove structure.
        // A mix-up that keeps the script (Latin read as Latin) must remove
        // structure: otherwise it would rewrite correct words next to the
        // damaged ones.
        const bool mixup = !plan[0].from_utf8;
        const uint32_t scripts_after = LetterScripts(cand.text);
        const bool whole =
            mixup ? scripts_after != 0 &&
                        scripts_after !=
                            LetterScripts(cps.substr(c.begin, c.end - c.begin))
                  : leftover == 0;
        better =
            structure_gain > 0 ||
            (structure_gain >= 0 &&
             (whole || (cand.used_space && next_joined))) ||
            (!mixup && leftover == 0 && !cand.used_space &&
             (gain > 0 || (structure_gain >= -1.5f && CommonSigns(cand.text))));
      }
      const uint32_t own = LetterScripts(cand.text);
      const bool script_ok = (own & ~scripts) == 0 ||
                             (gain >= 2 && (own & ~kCodePageScripts) == 0);
      if (!better || !script_ok || !Acceptable(cand, c.before)) continue;
      // The line's plan order decides, unless a later plan reads the whole
      // chunk where an earlier one left characters (koi8-u reads a letter
      // koi8-r does not have).
      if (c.accepted && !(best_leftover > 0 && leftover == 0)) continue;
      best_leftover = leftover;
      cand.steps = plan;
      cand.cost = cand.parts.total();
      c.best = std::move(cand);
      c.gain = gain;
      c.accepted = true;
    }
  }
  // Latin text read as another Latin code page: decided for the whole line
  // by the alphabets, never word by word.
  // (Also in a line whose accented letters agree but whose confident chunks
  // read as a Latin mix-up: Polish read as windows-1252 may show no accented
  // letter at all, only signs: "W³adze obiecuj¹".)
  const bool latin_evidence = std::any_of(
      chunks.begin(), chunks.end(),
      [](const Chunk& c) { return c.accepted && IsLatinMixUp(c.best.steps); });
  if (!coherent || latin_evidence)
    ReadLineAsLatin(cps, &chunks, latin_evidence);
  // Cyrillic read as Cyrillic: only on a whole line's worth of evidence.
  float strong_gain = 0;
  for (const Chunk& c : chunks) {
    if (c.accepted && NeedsStrongEvidence(c.best.steps)) strong_gain += c.gain;
  }
  if (strong_gain < kMinStrongLineGain) {
    for (Chunk& c : chunks) {
      if (NeedsStrongEvidence(c.best.steps)) c.accepted = false;
    }
  }

  // A space read back as a no-break space must be read through the UTF-8
  // plan of the code page it was guessed for.
  for (const auto& [pos, pages] : restored) {
    for (const Chunk& c : chunks) {
      if (pos < c.begin || pos >= c.end) continue;
      const UndoStep& outer =
          c.best.steps.empty() ? UndoStep() : c.best.steps[0];
      if (!c.accepted || !outer.from_utf8 ||
          !(pages & (1u << static_cast<int>(outer.read_as))))
        return false;
    }
  }
  for (size_t k = 0; k < chunks.size(); ++k) {
    const Chunk& c = chunks[k];
    if (!c.accepted) continue;
    const Text& after = c.best.text;
    // Trim what the repair leaves alone, so the edit shows only the damage.
    size_t prefix = 0;
    const size_t len = c.end - c.begin;
    while (prefix < len && prefix < after.size() &&
           cps[c.begin + prefix] == after[prefix] &&
           cps[c.begin + prefix] == original[c.begin + prefix])
      ++prefix;
    size_t suffix = 0;
    while (suffix < len - prefix && suffix < after.size() - prefix &&
           cps[c.end - 1 - suffix] == after[after.size() - 1 - suffix] &&
           cps[c.end - 1 - suffix] == original[c.end - 1 - suffix])
      ++suffix;
    size_t end_cp = c.end - suffix;
    // A no-break space that turned into the space after the chunk: that space
    // was part of the character when the word goes on (the next chunk is
    // mojibake too) or when a second space follows.
    // A no-break space read back from a plain space ("100Â km") is that
    // space: it is always used up.
    const bool nbsp = !after.empty() && after.back() == 0xA0;
    if (c.best.used_space && nbsp && suffix == 0 && c.end < cps.size() &&
        original[c.end] == ' ') {
      end_cp = c.end + 1;
    } else if (c.best.used_space && suffix == 0 && c.end < cps.size() &&
               cps[c.end] == ' ') {
      const bool next_joined = k + 1 < chunks.size() &&
                               chunks[k + 1].accepted &&
                               chunks[k + 1].begin == c.end + 1;
      const bool double_space = c.end + 1 < cps.size() && cps[c.end + 1] == ' ';
      if (next_joined || double_space) end_cp = c.end + 1;
    }
    Edit e;
    e.offset = base + offsets[c.begin + prefix];
    e.length = offsets[end_cp] - offsets[c.begin + prefix];
    for (size_t j = prefix; j < after.size() - suffix; ++j)
      AppendUtf8(after[j], &e.replacement);
    e.rule = "mojibake: " + DescribeSteps(c.best.steps);
    e.confidence = std::min(1.0f, 0.5f + c.gain / 20.0f);
    if (e.length > 0 || !e.replacement.empty()) edits->push_back(std::move(e));
  }
  return true;
}

}  // namespace textmend
