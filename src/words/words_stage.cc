// The word stage; see words_stage.h.
#include "words/words_stage.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/tokenizer.h"
#include "words/edit_hashes.h"
#include "words/hyphenation.h"
#include "words/noisy_channel.h"
#include "words/substitution.h"
#include "words/words_model.h"

namespace textmend {
namespace {

// Two tokens are read as one word only when it has this many letters...
constexpr size_t kMinJoinedLength = 5;
// ... and when it is this much likelier (nats) than the two tokens.
constexpr double kMinJoinLead = 3.0;
// An unknown word Tesseract read with at least this confidence is left as
// read. Measured on 118 pages of the news corpus rendered and degraded as
// tools/eval/ocr_eval.sh does (blur, noise, low resolution, JPEG, none):
// every unknown word read with 0.93 or more was right as read (names:
// Aishwarya, Jayanti), while the misreadings the stage corrected were read
// with at most 0.92 ("bottied", "weicomed"). Unsure words are not corrected
// more freely: of 92 read with less than 0.7 that the stage left alone,
// mostly pieces of words Tesseract split, the best reading was the right
// word for 12.
constexpr float kSureReading = 0.93f;
// Rounds of per-word correction, each with the words the last one fixed
// (rounds stop as soon as no word is left to look at again). A cascade can
// take four: a fix turns a line English, whose fix turns another, whose fix
// brings the word a suspect of the first needed; three rounds left that
// suspect for a second run (tests/fuzz/corpus/
// words-idempotent-run-after-stray-byte).
constexpr int kMaxFixRounds = 8;
// A lowercase form the document writes more than once is how it spells the
// word, unless it is a misreading the page reader made throughout: read so
// only through the table's misreadings, each of which the per-word fixes
// have found in at least this many other distinct words of the document
// (a scanner's systematic confusions: "tlie" for "the" where "tliis",
// "wliich" and "otlier" were read so).
constexpr size_t kMinConfirmingWords = 3;
// Or a slip of one of the commonest words (at least this corpus count: the,
// and, for, with, after), which the document writes at least
// kMinSlipShare times as often as the form: "hte" eleven times beside a
// thousand "the" is no spelling of its own.
constexpr uint32_t kMinSlipWordCount = 300000000;
constexpr size_t kMinSlipShare = 10;
// NameReading reads a capitalized word as a common name the document does
// not write only when the name has at least this many letters.
constexpr size_t kMinCommonNameLength = 6;
// LearnEchoes reads a capitalized word as a form the document writes at
// least this often, when the word has at least this many letters.
constexpr size_t kMinEchoCount = 2;
constexpr size_t kMinEchoLength = 3;
// Letters English words seldom double (skiing, withhold, savvy); a double of
// one of them, a letter tripled, or a double first letter is a slip.
constexpr char kRarelyDoubled[] = "ahijkquvwxy";

// The pieces of `text` between occurrences of `separator`.
std::vector<std::string> Split(std::string_view text,
                               std::string_view separator) {
  std::vector<std::string> pieces;
  for (size_t at = 0;;) {
    const size_t end = text.find(separator, at);
    pieces.emplace_back(text.substr(at, end - at));
    if (end == std::string_view::npos) return pieces;
    at = end + separator.size();
  }
}

// Whether `a` and `b` are at most two edits apart (the reach of a reading).
bool WithinTwoEdits(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return false;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    size_t least = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diag + (a[i - 1] != b[j - 1] ? 1u : 0u)});
      diag = up;
      least = std::min(least, row[j]);
    }
    if (least > 2) return false;
  }
  return row[b.size()] <= 2;
}

// The fix of written form `w` in `m`, or null: most forms are ruled out by
// m.fix_index (built once the fixes are final) before any hash is taken (a
// window's forms are thousands, its fixes a few).
const SubstitutionModel::Fix* FixOf(const SubstitutionModel& m,
                                    std::string_view w) {
  if (w.empty() || !m.fix_index.MayHold(w)) return nullptr;
  const auto it = m.fixes.find(w);
  return it == m.fixes.end() ? nullptr : &it->second;
}

class WordsStage final : public TextStage {
 public:
  explicit WordsStage(std::shared_ptr<const Lexicon> lexicon)
      : lexicon_(std::move(lexicon)), channel_(*lexicon_), common_(*lexicon_) {}

  std::string_view name() const override { return "words"; }
  bool learns() const override { return true; }

  std::unique_ptr<DocumentModel> Learn(
      std::string_view window, const PageReadings& readings) const override {
    DocumentWords words = GatherWords(window, *lexicon_);
    SourceLog sources;
    std::vector<SubstitutionRule> rules = LearnRules(words, &sources);
    DropIdleRules(words, &rules);
    auto model = std::make_unique<SubstitutionModel>();
    for (const auto& r : rules) model->descriptions.push_back(r.Describe());
    model->rules = std::move(rules);
    model->names = std::move(words.names);
    std::vector<LineBreak> breaks;  // line-end hyphenations
    ForEachLineBreak(window, [&](const LineBreak& b) { breaks.push_back(b); });
    std::set<std::string_view> broken;  // their parts
    for (const LineBreak& b : breaks) {
      broken.insert(window.substr(b.head_begin, b.hyphen - b.head_begin));
      broken.insert(window.substr(b.tail_begin, b.tail_end - b.tail_begin));
    }
    // The document's own vocabulary (lowercase word -> occurrences), read by
    // the joins and the per-word fixes: built once per window, and only for
    // an English document with something to decide.
    // (Lines of another language that the fixes turn English.)
    std::vector<char> turned;
    if (EnglishDocument(words) &&
        (!broken.empty() || !words.suspects.empty() ||
         !words.adjacent.empty() || !words.foreign_adjacent.empty())) {
      Vocabulary vocabulary(words.written.size());
      std::string folded;  // (one buffer for the window's forms)
      for (size_t k = 0; k < words.written.size(); ++k) {
        folded.assign(words.written[k]);
        for (char& c : folded) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
        }
        vocabulary[folded] += words.written_count[k];
      }
      // A word the rules repair counts as the word it becomes, as a second
      // run will count it (ayiyor repaired to mayor makes ayor a misreading
      // of a word the document writes).
      if (!model->rules.empty()) {
        for (size_t k = 0; k < words.written.size(); ++k) {
          const std::string lower = LowerWord(words.written[k], true);
          const std::string fixed =
              RuleRepair(*lexicon_, *model, lower, CaseOf(words.written[k]));
          if (fixed.empty()) continue;
          const uint32_t n = words.written_count[k];
          uint32_t& from = vocabulary[lower];
          from -= std::min(from, n);
          vocabulary[fixed] += n;
        }
      }
      // Where the joins' tails start: a lone letter the join moves up a line
      // (`sa-` / `d avei`) is no longer beside the word after it.
      std::set<const char*> moved;
      if (!broken.empty()) {
        model->joins = DecideJoins(window, *lexicon_, vocabulary,
                                   Compounds(window), words.foreign_lines);
        for (const LineBreak& b : breaks) {
          const std::string head = LowerWord(
              window.substr(b.head_begin, b.hyphen - b.head_begin), true);
          const std::string tail(
              window.substr(b.tail_begin, b.tail_end - b.tail_begin));
          if (model->joins.count({head, tail}) != 0)
            moved.insert(window.data() + b.tail_begin);
        }
      }
      LearnFixes(words, broken, moved, readings, &vocabulary, model.get(),
                 &turned);
    }
    if (!model->fixes.empty() || !model->pairs.empty() || !model->rules.empty())
      LearnAfterFixes(&words, &sources, model.get(), turned);
    if (model->rules.empty() && model->fixes.empty() && model->joins.empty() &&
        model->pairs.empty())
      return nullptr;
    model->pair_index.Build(model->pairs);
    return model;
  }

  // Whether `c` reads a word capitalized in mid-sentence as a name the
  // document itself writes elsewhere and the lexicon knows capitalized,
  // through one of the table's misreadings (Mlcrosoft beside Microsoft): the
  // only reading such a word gets, as it is most often a name the lexicon
  // lacks (Deppler is no misread Doppler in a text without Doppler).
  bool NameReading(const Correction& c, const Vocabulary& vocabulary,
                   const Suspect& suspect) const {
    if (c.ordinary || c.misreadings != 1 ||
        c.word.find(' ') != std::string::npos)
      return false;
    // A word common in running text in lowercase use (Academy, Awards) is
    // read so, unless a name stands beside the suspect (Chango Spasiuk: a
    // name among names). Measured on OCR-like noise (seeds 11 and 12): 1 to
    // 2 points more recall on each corpus file, and no clean word changed.
    if (channel_.CommonWord(c.word) && !BesideName(suspect)) return true;
    // A common name the document does not write, only for a longer word:
    // short names one misreading from a common one are many (Jolin is no
    // misread John), long ones few (Jolinson is a misread Johnson).
    if (c.word.size() >= kMinCommonNameLength && channel_.CommonName(c.word))
      return true;
    if (vocabulary.Count(c.word) == 0) return false;
    const Lexicon::Entry* e = lexicon_->Find(c.word);
    return e != nullptr && (e->flags & lexfmt::kCapitalized) != 0;
  }

  // Calls `f` with the lexfmt::PolyHash of `word` and of what one and two
  // deletions make of it (some more than once), read by edits::EditHashes;
  // with none for a word longer than it hashes (no slip of a common word).
  template <typename F>
  static void ForDeletions(std::string_view word, F&& f) {
    if (word.size() > edits::kMaxHashed) return;
    f(lexfmt::PolyHash(word));
    const edits::EditHashes once(word);
    std::string shorter;
    for (size_t i = 0; i < word.size(); ++i) {
      f(once.Delete(i));
      shorter.assign(word.substr(0, i)).append(word.substr(i + 1));
      const edits::EditHashes twice(shorter);
      for (size_t j = i; j < shorter.size(); ++j) f(twice.Delete(j));
    }
  }

  // Whether `lower` may be within two edits of one of the commonest words:
  // what up to two deletions make of it meets what they make of one (as in
  // a symmetric-delete search). Cheaper than reading it, for the forms
  // written more than once that no confirmed misreading may explain.
  bool MaySlip(std::string_view lower) const {
    // (Built at the first use: reading the commonest words' entries takes
    // page faults in the lexicon that a short input should not pay.)
    std::call_once(slip_keys_built_, [this] {
      for (uint32_t i = 0; i < lexicon_->size(); ++i) {
        const Lexicon::Entry& e = lexicon_->ByFrequency(i);
        if (e.frequency < kMinSlipWordCount) break;
        if ((e.flags & lexfmt::kLower) != 0) {
          ForDeletions(lexicon_->WordOf(e),
                       [this](uint64_t h) { slip_keys_.insert(h); });
        }
      }
    });
    bool met = false;
    ForDeletions(lower, [&](uint64_t h) { met = met || slip_keys_.count(h); });
    return met;
  }

  // Whether reading `c` of a form written `count` times is a slip of one of
  // the commonest words, which the document writes far more often (see
  // kMinSlipWordCount).
  bool CommonSlip(const Correction& c, size_t count,
                  const Vocabulary& vocabulary) const {
    if (c.word.find(' ') != std::string::npos) return false;
    const Lexicon::Entry* e = lexicon_->Find(c.word);
    return e != nullptr && (e->flags & lexfmt::kLower) != 0 &&
           e->frequency >= kMinSlipWordCount &&
           vocabulary.Count(c.word) >= kMinSlipShare * count;
  }

  // Whether a capitalized word the lexicon knows only as a name, or not at
  // all, stands right before or after `suspect`.
  bool BesideName(const Suspect& suspect) const {
    for (const std::string_view n : {suspect.before, suspect.after}) {
      if (n.empty() || CaseOf(n) != WordCase::kCapitalized) continue;
      const Lexicon::Entry* e = lexicon_->Find(LowerWord(n, true));
      if (e == nullptr || (e->flags & lexfmt::kLower) == 0) return true;
    }
    return false;
  }

  // Whether reading `suspect` (`lower`) as `word` would undo what an
  // apostrophe says the writer meant: letters left out ('orrible for
  // horrible, 'em), or a plural's possessive (childrens' is no children').
  static bool Deliberate(const Suspect& suspect, std::string_view lower,
                         std::string_view word) {
    return (suspect.elided && word.size() > lower.size() &&
            word.substr(word.size() - lower.size()) == lower) ||
           (suspect.plural_possessive && word.back() != 's');
  }

  // The substitution rules `words` confirm (see LearnSubstitutions), but
  // for those the page reader's slips explain (MisreadingsExplain).
  std::vector<SubstitutionRule> LearnRules(const DocumentWords& words,
                                           SourceLog* log) const {
    std::vector<SubstitutionRule> rules =
        LearnSubstitutions(words, *lexicon_, &common_, log);
    std::erase_if(rules, [&](const SubstitutionRule& rule) {
      return MisreadingsExplain(words, rule);
    });
    return rules;
  }

  // The unknown words of `words` that `rule` repairs, each with the
  // lowercase lexicon word it makes of it.
  std::vector<std::pair<std::string_view, std::string>> Repairs(
      const DocumentWords& words, const SubstitutionRule& rule) const {
    std::vector<std::pair<std::string_view, std::string>> repairs;
    for (const auto& [u, n] : words.unknown) {
      if (u.find(rule.source) == std::string::npos) continue;
      std::string fixed = ReplaceAll(u, rule.source, rule.target);
      if (KnownLower(*lexicon_, fixed))
        repairs.emplace_back(u, std::move(fixed));
    }
    return repairs;
  }

  // Whether every unknown word `rule` repairs reads decisively as another
  // word, one of them through the misreading table alone: a page reader's
  // slips, which a rule of letters fits by coincidence ("thc" -> "pa" in
  // thcir and thcy, read their and they; "wl" -> "pa" in wlth and wlin). A
  // find-and-replace accident's junk is seldom so. Not a rule the words
  // around chose on two listed pairs or more: that evidence is no
  // coincidence of letters. One they chose on fewer is weak enough that any
  // of its words read decisively as another word explains it ("he" ->
  // "ree" made reeve and three of heve and thhe, have and the misread).
  bool MisreadingsExplain(const DocumentWords& words,
                          const SubstitutionRule& rule) const {
    if (rule.context_lead > 0 && !rule.few_pairs) return false;
    bool slip = false;
    for (const auto& [u, fixed] : Repairs(words, rule)) {
      Correction c;
      const bool other =
          channel_.Correct(u, false, nullptr, &c) && c.word != fixed;
      if (rule.few_pairs) {
        if (other) return true;
        continue;
      }
      if (!other) return false;
      slip = slip || (!c.ordinary && c.misreadings > 0);
    }
    return slip;
  }

  // Drops the rules that repair no word the others leave them: a word is
  // repaired by the first rule (in `rules`' order) that makes it a word the
  // lexicon knows, so a rule whose every word an earlier rule takes repairs
  // nothing, and a second run, which reads those words repaired, does not
  // have it (`nayos` -> `ru` behind `ayosb` -> `eed`: it kept a later look
  // from learning `nayo` -> `mi`).
  void DropIdleRules(const DocumentWords& words,
                     std::vector<SubstitutionRule>* rules) const {
    if (rules->size() < 2) return;
    std::vector<char> used(rules->size(), 0);
    const auto claim = [&](const std::string& lower, bool name) {
      for (size_t k = 0; k < rules->size(); ++k) {
        const SubstitutionRule& r = (*rules)[k];
        if (lower.find(r.source) == std::string::npos) continue;
        const std::string fixed = ReplaceAll(lower, r.source, r.target);
        if (name ? KnownCapitalized(*lexicon_, fixed)
                 : KnownLower(*lexicon_, fixed)) {
          used[k] = 1;
          return;
        }
      }
    };
    for (const auto& [u, n] : words.unknown) claim(u, false);
    for (const std::string& name : words.names) claim(name, true);
    size_t kept = 0;
    for (size_t k = 0; k < rules->size(); ++k) {
      if (!used[k]) continue;
      if (kept != k) (*rules)[kept] = std::move((*rules)[k]);
      ++kept;
    }
    rules->resize(kept);
  }

  // Counts `count` occurrences of written token `was` as `now` (words one
  // space apart; "" for none) in `words`' tokens and known tokens, as
  // GatherWords would count them.
  void Recount(std::string_view was, std::string_view now, size_t count,
               DocumentWords* words) const {
    const auto tally = [&](std::string_view text, size_t* tokens,
                           size_t* known) {
      for (size_t at = 0, end; at < text.size(); at = end + 1) {
        end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view piece = text.substr(at, end - at);
        if (piece.size() < 2) continue;
        ++*tokens;
        const std::string lower = LowerWord(piece, true);
        *known += lexicon_->Find(lower) != nullptr ||
                  KnownPossessive(*lexicon_, lower);
      }
    };
    size_t old_tokens = 0, old_known = 0, new_tokens = 0, new_known = 0;
    tally(was, &old_tokens, &old_known);
    tally(now, &new_tokens, &new_known);
    words->tokens = words->tokens + count * new_tokens -
                    std::min(words->tokens, count * old_tokens);
    words->known_tokens = words->known_tokens + count * new_known -
                          std::min(words->known_tokens, count * old_known);
  }

  // The words the repairs (per-word fixes, joins and rules) leave unknown may
  // show an accident the repaired ones hid (they counted against it), as a
  // second run would see: such rules are learned too, so that one run
  // repairs what two would.
  //
  // The unknown words of lines that turned English once the fixes were
  // known (`turned`, by foreign line) are evidence too, as for a second run.
  void LearnAfterFixes(DocumentWords* words, SourceLog* sources,
                       SubstitutionModel* m,
                       const std::vector<char>& turned) const {
    std::vector<std::string> changed;  // words added or left out
    {
      std::map<std::string, size_t> added;
      for (const Suspect& s : words->foreign_suspects) {
        // (Lowercase, or capitalized only where a sentence starts: the
        // unknown words GatherWords would count on an English line.)
        const WordCase c = CaseOf(s.text);
        if (s.foreign_line >= turned.size() || !turned[s.foreign_line] ||
            !(c == WordCase::kLower ||
              (c == WordCase::kCapitalized && !s.mid_capital)))
          continue;
        const std::string lower = LowerWord(s.text, true);
        const std::string_view base = WithoutPossessive(lower);
        if (base.size() >= 4) added[std::string(base)] += s.count;
      }
      for (auto& [word, count] : added) {
        const auto at = std::lower_bound(
            words->unknown.begin(), words->unknown.end(), word,
            [](const auto& u, const std::string& w) { return u.first < w; });
        if (at != words->unknown.end() && at->first == word) {
          at->second += count;
        } else {
          words->unknown.insert(at, {word, count});
        }
        changed.push_back(word);
      }
    }
    // The occurrences the fixes and joins take from each unknown word: all
    // of a form a fix rewrites, and each token a join takes (`unteers` in
    // `vol unteers` is joined, in `vol2 unteers` it stays, as a second run
    // sees). A word they take entirely is left out; one they take in part
    // counts fewer.
    std::map<std::string, size_t, std::less<>> taken;
    for (size_t k = 0; k < words->written.size(); ++k) {
      if (FixOf(*m, words->written[k]) == nullptr) continue;
      taken[std::string(WithoutPossessive(
          LowerWord(words->written[k], true)))] += words->written_count[k];
    }
    if (!m->pairs.empty()) {
      for (const auto& [first, second] : words->adjacent) {
        const std::string text = std::string(first) + " " + std::string(second);
        if (m->pairs.count(text) == 0) continue;
        for (const std::string_view piece : {first, second})
          ++taken[std::string(WithoutPossessive(LowerWord(piece, true)))];
      }
    }
    std::erase_if(words->unknown, [&](auto& u) {
      const auto t = taken.find(u.first);
      if (t == taken.end()) return false;
      changed.push_back(u.first);
      if (t->second >= u.second) return true;
      u.second -= t->second;
      return false;
    });
    // The words the rules repair, too: one accident's damaged words may be
    // all that held another's source, which a second run would then learn
    // (tests/fuzz/corpus/words-idempotent-rule-reveals-rule). Taken out of
    // the unknown words, their repairs written. Whether any were.
    const auto take_rule_repairs = [&] {
      bool any = false;
      std::erase_if(words->unknown, [&](const auto& u) {
        std::string fixed = RuleReading(*lexicon_, *m, u.first);
        if (fixed.empty()) return false;
        changed.push_back(u.first);
        words->extra_written.push_back(std::move(fixed));
        any = true;
        return true;
      });
      return any;
    };
    take_rule_repairs();
    // (Nothing to learn again unless the unknown words changed, or the
    // repairs changed the tokens as a second run counts them: how often the
    // document would hold a target, and whether it is English enough to
    // learn from, follow from that count ("The se" joined to "These" in 80
    // tokens made "gaable" -> "ge" stand).)
    const size_t tokens_before = words->tokens;
    const size_t known_before = words->known_tokens;
    sources->changed = &changed;
    // The forms the repairs rewrite are gone from the text a second run
    // reads, and their letters are no trace of an accident's target there
    // (`mloilio`, repaired to `media`, held "li").
    const auto drop_gone = [&] {
      size_t kept = 0;
      for (size_t k = 0; k < words->written.size(); ++k) {
        const std::string_view w = words->written[k];
        const SubstitutionModel::Fix* fix = FixOf(*m, w);
        bool gone = fix != nullptr;
        // (The words it becomes count as a second run counts them: a split
        // adds tokens, and a repaired word is one the lexicon knows, which
        // may make the document English enough to learn from.)
        if (gone) {
          Recount(w, fix->replacement, words->written_count[k], words);
        }
        std::string lower;  // (only where a rule may repair the form)
        if (!gone && !m->rules.empty()) {
          lower = LowerWord(w, true);
          const std::string fixed = RuleRepair(*lexicon_, *m, lower, CaseOf(w));
          gone = !fixed.empty();
          if (gone) Recount(w, fixed, words->written_count[k], words);
        }
        if (gone) {
          sources->gone.push_back(lower.empty() ? LowerWord(w, true) : lower);
          continue;
        }
        words->written[kept] = w;
        words->written_count[kept] = words->written_count[k];
        ++kept;
      }
      words->written.resize(kept);
      words->written_count.resize(kept);
    };
    drop_gone();
    // (And a join of two tokens takes one away.)
    if (!m->pairs.empty()) {
      std::set<std::string_view> firsts;  // the pairs' first words
      for (const auto& [text, fix] : m->pairs)
        firsts.insert(std::string_view(text).substr(0, text.find(' ')));
      for (const auto& [first, second] : words->adjacent) {
        if (firsts.count(first) == 0) continue;
        const std::string text = std::string(first) + " " + std::string(second);
        const auto pair = m->pairs.find(text);
        if (pair == m->pairs.end()) continue;
        Recount(first, "", 1, words);
        Recount(second, pair->second.replacement, 1, words);
      }
    }
    for (const auto& [form, fix] : m->fixes)
      words->extra_written.push_back(fix.replacement);
    for (const auto& [text, fix] : m->pairs)
      words->extra_written.push_back(fix.replacement);
    if (changed.empty() && words->tokens == tokens_before &&
        words->known_tokens == known_before)
      return;
    // A rule learned here stands even where its source is inside or around
    // an earlier rule's: the words the earlier one repairs are taken out of
    // the unknown words, and a second run, which reads them repaired and
    // does not learn the earlier rule again, learns this one from the words
    // left ('io' -> 'fi' took iond and ional; 'loilio' -> 'edia' in mloilio
    // and mloilion is then its own rule).
    const auto learn = [&] {
      for (SubstitutionRule& rule : LearnRules(*words, sources)) {
        m->descriptions.push_back(rule.Describe());
        m->rules.push_back(std::move(rule));
      }
    };
    size_t rules_before = m->rules.size();
    learn();
    // A rule learned here repairs words that may have hidden another
    // accident's source (or crowded it out of the sources examined): the
    // look is made again with them repaired, as a second run would make it.
    for (int again = 0; again < 2 && m->rules.size() > rules_before; ++again) {
      rules_before = m->rules.size();
      if (!take_rule_repairs()) break;
      drop_gone();
      learn();
    }
  }

  // Tokens split by a stray space ("pris oners"): two plain tokens one space
  // apart, one of them no common word, read as one word when that word is
  // clearly likelier than the two.
  //
  // With `after_fixes`, only pairs with a piece the per-word fixes or the
  // rules repair are looked at, as the repairs leave them ("projcct ors" is
  // "project ors", which a second run would join).
  // A pair of words one space apart that a stray space may have split: the
  // second in lowercase, the first in lowercase or capitalized; both
  // lowercased, once for every look at the pairs, where they may join.
  struct SpacedPair {
    std::string_view first, second;
    WordCase first_case;
    // Whether the two may join into a word (the lexicon's filter): most
    // pairs join into none, and are then never read again as they stand
    // (only where a repair changes one of them).
    bool may_join;
    std::string a, b;    // lowercase; only where they may join
    std::string joined;  // a + b
  };
  std::vector<SpacedPair> SpacedPairs(
      const std::vector<std::pair<std::string_view, std::string_view>>&
          adjacent) const {
    std::vector<SpacedPair> pairs;
    std::vector<uint64_t> hashes;
    for (const auto& [first, second] : adjacent) {
      const WordCase first_case = CaseOf(first);
      if (CaseOf(second) != WordCase::kLower ||
          (first_case != WordCase::kLower &&
           first_case != WordCase::kCapitalized))
        continue;
      // (The PolyHash of the two lowercased and joined, without writing
      // them out: the words are plain ASCII, see DocumentWords::adjacent.)
      uint64_t h = 0;
      for (const std::string_view w : {first, second}) {
        for (const char c : w) {
          h = h * lexfmt::kPolyBase +
              static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
      }
      pairs.push_back({first, second, first_case, false, {}, {}, {}});
      hashes.push_back(h);
      // (The filter's lines are asked for first, all of them, and read
      // after: each is a miss of the caches.)
      lexicon_->PrefetchFilter(h);
    }
    for (size_t k = 0; k < pairs.size(); ++k) {
      SpacedPair& pair = pairs[k];
      pair.may_join =
          pair.first.size() + pair.second.size() >= kMinJoinedLength &&
          lexicon_->MayContain(hashes[k]);
      if (!pair.may_join) continue;
      pair.a = LowerWord(pair.first, true);
      pair.b = LowerWord(pair.second, true);
      pair.joined = pair.a + pair.b;
    }
    return pairs;
  }

  void LearnPairs(
      const std::vector<SpacedPair>& adjacent, const Vocabulary& vocabulary,
      bool after_fixes, SubstitutionModel* m,
      const std::set<std::string, std::less<>>* touched = nullptr) const {
    for (const SpacedPair& pair : adjacent) {
      const std::string_view first = pair.first, second = pair.second;
      const WordCase first_case = pair.first_case;
      // (A pair that joins into no word stays two, unless the fixes change
      // one of its words.)
      if (!after_fixes && !pair.may_join) continue;
      // (Nor does one that no repair touches, after the fixes.)
      const SubstitutionModel::Fix* const fixes[2] = {
          after_fixes ? FixOf(*m, first) : nullptr,
          after_fixes ? FixOf(*m, second) : nullptr};
      if (after_fixes && m->rules.empty() && fixes[0] == nullptr &&
          fixes[1] == nullptr)
        continue;
      std::string a = pair.may_join ? pair.a : LowerWord(first, true);
      std::string b = pair.may_join ? pair.b : LowerWord(second, true);
      // (`touched`: only pairs holding one of its words, or joining into
      // one, in lowercase.)
      if (touched != nullptr && touched->count(a) == 0 &&
          touched->count(b) == 0 &&
          touched->count(pair.may_join ? pair.joined : a + b) == 0)
        continue;
      // A word a fix splits (`inthe` read `in the`) meets its neighbour with
      // the split's nearer word; the rest of the split stays around the join.
      std::string prefix, suffix;
      WordCase joined_case = first_case;
      if (after_fixes) {
        bool fixed = false;
        for (const int k : {0, 1}) {
          std::string* lower = k == 0 ? &a : &b;
          if (fixes[k] != nullptr) {
            const std::string& r = fixes[k]->replacement;
            if (k == 0) {
              const size_t space = r.rfind(' ');
              if (space != std::string::npos) {
                prefix = r.substr(0, space + 1);
                joined_case = CaseOf(std::string_view(r).substr(space + 1));
              }
              *lower = LowerWord(
                  space == std::string::npos ? r : r.substr(space + 1), true);
            } else {
              const size_t space = r.find(' ');
              if (space != std::string::npos) suffix = r.substr(space);
              *lower = LowerWord(r.substr(0, space), true);
            }
            fixed = true;
            continue;
          }
          // A word a rule repairs, as the rule leaves it ("in incsvioned"
          // is "in imitable" once the rule is applied).
          if (m->rules.empty() || Known(*lexicon_, *lower)) continue;
          std::string repaired = RuleReading(*lexicon_, *m, *lower);
          if (repaired.empty()) continue;
          *lower = std::move(repaired);
          fixed = true;
        }
        // As a second run sees the pair: only when one of the two is no
        // word with a corpus count (see DocumentWords::adjacent).
        const auto counted = [&](const std::string& w) {
          const Lexicon::Entry* e = lexicon_->Find(w);
          return e != nullptr ? e->frequency != 0
                              : KnownPossessive(*lexicon_, w);
        };
        if (!fixed || (counted(a) && counted(b))) continue;
      }
      const std::string joined = a + b;
      double score;
      if (joined.size() < kMinJoinedLength ||
          !channel_.JoinScore(joined, &vocabulary, &score))
        continue;
      // The two as they stand: words the lexicon knows, or unknown ones.
      const double apart = channel_.WordPrior(a, &vocabulary) +
                           channel_.WordPrior(b, &vocabulary);
      if (score < apart + kMinJoinLead) continue;
      std::string text = std::string(first) + " " + std::string(second);
      if (m->pairs.count(text) != 0) continue;
      char lead[32];
      std::snprintf(lead, sizeof lead, "%.1f", score - apart);
      SubstitutionModel::Fix fix;
      fix.replacement = prefix + ApplyCase(joined, joined_case) + suffix;
      fix.rule = (prefix.empty() && suffix.empty()
                      ? "stray space ("
                      : "words run together and a stray space (" +
                            LowerWord(prefix, true)) +
                 joined + LowerWord(suffix, true) + ", " + lead +
                 " nats likelier than the two words)";
      fix.confidence =
          std::min(0.95f, 0.5f + 0.05f * static_cast<float>(score - apart));
      m->pairs.emplace(std::move(text), std::move(fix));
    }
  }

  // Per-word corrections of the document's suspect words (see
  // noisy_channel.h), except names, acronyms, words a rule repairs, words
  // the document writes the same way more than once, and words the reader
  // of a scanned page was sure of (`readings`).
  //
  // `vocabulary` is the document's; it is updated to the text as the repairs
  // leave it. `*turned_out` receives, per line of another language, whether
  // the fixes turned it English.
  void LearnFixes(const DocumentWords& words,
                  const std::set<std::string_view>& broken,
                  const std::set<const char*>& moved,
                  const PageReadings& readings, Vocabulary* vocabulary_in,
                  SubstitutionModel* m, std::vector<char>* turned_out) const {
    Vocabulary& vocabulary = *vocabulary_in;
    // Decided on the text as the repair will leave it, so that a second run
    // decides the same: joined pairs count as their word, and their pieces'
    // occurrences no longer count; pairs are looked at again with the
    // pieces the joins took away (a piece written ten times, five of them
    // joined to other pieces, is written five times for a second run).
    std::unordered_map<std::string_view, size_t> consumed;
    const std::vector<SpacedPair> spaced = SpacedPairs(words.adjacent);
    // (After the first look, only the pairs holding a word whose count the
    // joins changed can decide otherwise.)
    std::set<std::string, std::less<>> changed;
    for (int pass = 0; pass < kMaxFixRounds; ++pass) {
      std::set<std::string, std::less<>> before;
      for (const auto& [text, fix] : m->pairs) before.insert(text);
      LearnPairs(spaced, vocabulary, false, m, pass == 0 ? nullptr : &changed);
      if (m->pairs.size() == before.size()) break;
      changed.clear();
      for (const auto& [first, second] : words.adjacent) {
        const std::string text = std::string(first) + " " + std::string(second);
        const auto pair = m->pairs.find(text);
        if (pair == m->pairs.end() || before.count(text) != 0) continue;
        ++consumed[first];
        ++consumed[second];
        std::string joined = LowerWord(pair->second.replacement, true);
        ++vocabulary[joined];
        changed.insert(std::move(joined));
        for (const std::string_view piece : {first, second}) {
          std::string lower = LowerWord(piece, true);
          uint32_t* count = vocabulary.Find(lower);
          if (count != nullptr && *count > 0) --*count;
          changed.insert(std::move(lower));
        }
      }
    }
    struct Open {
      const Suspect* suspect;
      std::string lower;
      WordCase word_case;
      WordContext context;  // as the repairs so far leave it
      // The page reader's other readings of it (may be null).
      const std::vector<std::string>* alternatives = nullptr;
      // Every word its readings weighed (sorted), once weighed.
      std::vector<std::string> reachable;
      bool weighed = false;
    };
    std::vector<Open> open, waiting;
    std::vector<Open> dormant;  // left unfixed, not looked at again yet
    // Lowercase forms written more than once (see kMinConfirmingWords),
    // looked at once a misreading is confirmed, and again when a word their
    // readings weighed is added, or more misreadings are confirmed.
    struct Repeated {
      Open open;
      size_t count;   // occurrences
      bool may_slip;  // MaySlip(open.lower)
      bool fixed;     // Correct() found a reading: `reading`
      Correction reading;
    };
    std::vector<Repeated> repeated;
    std::set<std::string, std::less<>> all_added;  // words the fixes add
    // Admits `suspect`, written `count` times (as the joins leave it), to the
    // rounds, unless it is no word to correct.
    const auto admit = [&](const Suspect& suspect, size_t count) {
      // A piece of a hyphenated compound (Abish-uly) is no word of its own;
      // a form written the same way twice is how the document spells it.
      if (count == 0 || suspect.hyphened || BesideFragment(suspect, moved) ||
          broken.count(suspect.text) != 0 || m->fixes.count(suspect.text) != 0)
        return;
      const WordCase word_case = CaseOf(suspect.text);
      if (word_case == WordCase::kUpper || word_case == WordCase::kMixed)
        return;
      std::string lower = LowerWord(suspect.text, true);
      // (Capitalized, only where a sentence starts: read only as a slip of
      // one of the commonest words, Tbe, Fhe, as a lone one is read only as
      // a function word; see below.)
      const bool starts_only =
          word_case == WordCase::kCapitalized && !suspect.mid_capital;
      if (count > 1 && ((word_case != WordCase::kLower && !starts_only) ||
                        suspect.mid_capital || suspect.elided))
        return;
      const bool may_slip = count > 1 && MaySlip(lower);
      if (count > 1 && starts_only && !may_slip) return;
      if (lower.size() < 3 || lower.find('\'') != std::string::npos) return;
      // An unknown word capitalized in mid-sentence is a name, read as one
      // only into a name the lexicon knows, by the table's misreadings
      // (Mlcrosoft, Jannary); see NameReading. (Written in lowercase, it is
      // none: a word of a line that turned English, which a second run
      // counts with the rest.)
      if (!suspect.mid_capital && word_case != WordCase::kLower &&
          std::binary_search(m->names.begin(), m->names.end(), lower))
        return;
      // (A word the rules repair is theirs; one holding a rule's source that
      // no rule repairs is read as any other, as a second run will read it
      // once the words the rule learned from are repaired.)
      if (!RuleReading(*lexicon_, *m, lower).empty()) return;
      // A short capitalized word the lexicon lacks is a name far more often
      // than a misreading (Jef, Ivo), unless it only ever starts a sentence,
      // where it is read only as a function word (Fhe, Bnt; see below).
      if (word_case == WordCase::kCapitalized && lower.size() <= 4 &&
          suspect.mid_capital)
        return;
      // A word Tesseract read with high confidence is mostly a name or a
      // word the lexicon lacks, read right (see kSureReading).
      const auto reading = readings.find(suspect.text);
      if (reading != readings.end() &&
          reading->second.confidence >= kSureReading)
        return;
      const std::vector<std::string>* alternatives =
          reading != readings.end() && !reading->second.alternatives.empty()
              ? &reading->second.alternatives
              : nullptr;
      // (A name is read only as a name the document writes, see
      // NameReading: it waits until one of its misreadings is a word the
      // document writes, which rules most names out without a search.)
      if (count > 1) {
        repeated.push_back(
            {{&suspect, std::move(lower), word_case, {}, nullptr, {}},
             count,
             may_slip,
             false,
             {}});
      } else if (suspect.mid_capital) {
        waiting.push_back(
            {&suspect, std::move(lower), word_case, {}, alternatives, {}});
      } else {
        open.push_back({&suspect,
                        std::move(lower),
                        word_case,
                        ContextOf(suspect, *m),
                        alternatives,
                        {}});
      }
    };
    LearnEchoes(words, broken, moved, consumed, &vocabulary, m);
    for (const Suspect& suspect : words.suspects) {
      const auto used = consumed.find(suspect.text);
      admit(suspect,
            suspect.count - (used == consumed.end() ? 0 : used->second));
    }
    // Lines the learning left out as another language that read as English
    // once the repairs learned so far are made (a headline of mostly
    // damaged words) give their suspects to the rounds too, as a second run
    // would. (Kept here: `open` points at them.)
    std::vector<char> turned(words.foreign_words.size(), 0);
    std::deque<Suspect> turned_suspects;
    // Rounds until no fix brings a word to the document: each raises the
    // prior of other readings that are that word, as a second run will see.
    bool new_name = true;  // (the document's own names, at first)
    bool look_at_repeated = true;
    // Per misreading of the table ("li->h"), the words the fixes read
    // through it alone or with other misreadings.
    std::map<std::string, std::set<std::string>> confirming;
    // The words the fixes added since the forms written more than once were
    // last looked at.
    std::vector<std::string> added_since;
    for (int round = 0; round < kMaxFixRounds; ++round) {
      for (Suspect& s : TurnedSuspects(words, *m, &turned)) {
        turned_suspects.push_back(std::move(s));
        admit(turned_suspects.back(), turned_suspects.back().count);
      }
      if (new_name) {
        std::erase_if(waiting, [&](Open& o) {
          if (!channel_.ReadsAsDocumentWord(o.lower, vocabulary)) return false;
          o.context = ContextOf(*o.suspect, *m);
          open.push_back(std::move(o));
          return true;
        });
      }
      // (The forms written more than once are looked at in the first round
      // and after each that added words, which may make one a slip.)
      if (open.empty() && (repeated.empty() || !look_at_repeated)) break;
      std::vector<std::string> added;
      std::vector<Open> still;
      for (Open& o : open) {
        const bool capitalized = o.word_case == WordCase::kCapitalized;
        Correction c, split;
        const bool fixed = channel_.Correct(o.lower, capitalized, &vocabulary,
                                            &c, &o.context, o.alternatives,
                                            o.weighed ? nullptr : &o.reachable);
        if (!o.weighed) {
          std::sort(o.reachable.begin(), o.reachable.end());
          o.reachable.erase(std::unique(o.reachable.begin(), o.reachable.end()),
                            o.reachable.end());
          o.weighed = true;
        }
        const bool run_together =
            !capitalized &&
            channel_.SplitRunTogether(o.lower, &vocabulary, &split);
        // A split must beat every reading of the word, decisive or not.
        if (run_together && split.score >= c.score) {
          c = split;
        } else if (!fixed || Deliberate(*o.suspect, o.lower, c.word) ||
                   (o.suspect->mid_capital &&
                    !NameReading(c, vocabulary, *o.suspect)) ||
                   (capitalized && o.lower.size() <= 4 &&
                    !channel_.FunctionWord(c.word)) ||
                   channel_.Fragment(o.lower, c)) {
          // (A piece of a word the page lost is no misreading; asked last,
          // as it reads the lexicon around the word.)
          still.push_back(std::move(o));
          continue;
        }
        char lead[32];
        std::snprintf(lead, sizeof lead, "%.1f", c.margin);
        SubstitutionModel::Fix fix;
        fix.replacement = ApplyCase(c.word, o.word_case);
        fix.rule =
            (c.edits == "run together"
                 ? "words run together (" + c.word
                 : "misreading " + c.edits + " (" + c.word) +
            (c.context.empty()
                 ? ", " + std::string(lead) + " nats ahead of the next reading)"
                 : ", which fits '" + c.context + "' " + lead +
                       " nats better than the next reading)");
        fix.confidence =
            std::min(0.95f, 0.5f + 0.05f * static_cast<float>(c.margin));
        m->fixes.emplace(std::string(o.suspect->text), std::move(fix));
        added.push_back(c.word);
        if (!c.ordinary && !c.engine && c.misreadings > 0 &&
            c.edits != "run together") {
          for (const std::string& edit : Split(c.edits, ", "))
            confirming[edit].insert(c.word);
        }
      }
      // The forms written more than once: slips of the commonest words, and
      // misreadings once confirmed.
      added_since.insert(added_since.end(), added.begin(), added.end());
      const size_t added_before = added.size();
      size_t confirmed = 0;
      for (const auto& [edit, words_read] : confirming)
        confirmed += words_read.size() >= kMinConfirmingWords;
      // Reads every occurrence of `r` as `c`, for `why` (said after the lead).
      const auto take_repeated = [&](const Repeated& r, const Correction& c,
                                     const std::string& what,
                                     const std::string& why) {
        char lead[32];
        std::snprintf(lead, sizeof lead, "%.1f", c.margin);
        SubstitutionModel::Fix fix;
        fix.replacement = ApplyCase(c.word, r.open.word_case);
        fix.rule = what + " " + c.edits + " (" + c.word + ", " + lead +
                   " nats ahead of the next reading; written " +
                   std::to_string(r.count) + " times" + why + ")";
        fix.confidence =
            std::min(0.9f, 0.5f + 0.05f * static_cast<float>(c.margin));
        m->fixes.emplace(std::string(r.open.suspect->text), std::move(fix));
        for (size_t k = 0; k < r.count; ++k) added.push_back(c.word);
      };
      std::erase_if(repeated, [&](Repeated& r) {
        Open& o = r.open;
        const bool capitalized = o.word_case != WordCase::kLower;
        if ((confirmed == 0 || capitalized) && !r.may_slip) return false;
        bool again = !o.weighed;
        for (size_t k = 0; k < added_since.size() && !again; ++k) {
          again = std::binary_search(o.reachable.begin(), o.reachable.end(),
                                     added_since[k]);
        }
        if (again) {
          o.reachable.clear();
          r.fixed = channel_.Correct(o.lower, false, &vocabulary, &r.reading,
                                     nullptr, nullptr, &o.reachable);
          std::sort(o.reachable.begin(), o.reachable.end());
          o.weighed = true;
        }
        const Correction& c = r.reading;
        if (!r.fixed || c.engine || c.edits == "run together" ||
            channel_.Fragment(o.lower, c))
          return false;
        if (CommonSlip(c, r.count, vocabulary)) {
          take_repeated(r, c, c.ordinary ? "slip" : "misreading",
                        " beside " + std::to_string(vocabulary.Count(c.word)) +
                            " " + c.word);
          return true;
        }
        if (c.ordinary || c.misreadings == 0 || capitalized) return false;
        std::string others;  // the words confirming its misreadings
        for (const std::string& edit : Split(c.edits, ", ")) {
          const auto words_read = confirming.find(edit);
          if (words_read == confirming.end()) return false;
          size_t n = 0;
          for (const std::string& w : words_read->second) {
            if (w == c.word) continue;
            if (n < 3) others += (others.empty() ? "" : ", ") + w;
            ++n;
          }
          if (n < kMinConfirmingWords) return false;
        }
        take_repeated(r, c, "misreading",
                      ", a misreading the page reader made in other words "
                      "of the document too: " +
                          others);
        return true;
      });
      added_since.assign(added.begin() + static_cast<long>(added_before),
                         added.end());
      look_at_repeated = !added.empty();
      // Every word a fix adds counts once more (a second run sees it so),
      // which raises the prior of readings that are that word.
      std::vector<std::string> new_words;
      for (const std::string& w : added) {
        for (size_t at = 0, space; at <= w.size(); at = space + 1) {
          space = w.find(' ', at);
          if (space == std::string::npos) space = w.size();
          std::string piece = w.substr(at, space - at);
          ++vocabulary[piece];
          all_added.insert(piece);
          new_words.push_back(std::move(piece));
        }
      }
      std::sort(new_words.begin(), new_words.end());
      new_words.erase(std::unique(new_words.begin(), new_words.end()),
                      new_words.end());
      new_name = false;
      for (const std::string& w : new_words) {
        const Lexicon::Entry* e = lexicon_->Find(w);
        new_name = new_name ||
                   (e != nullptr && (e->flags & lexfmt::kCapitalized) != 0);
      }
      // Only words one of them can be a reading of (within two edits, or
      // among the words its readings weighed: `mml` read as `mini` through
      // two misreadings), or beside one of them, are looked at again: of
      // this round's, and of those left in earlier rounds (a turned line's
      // fix can bring the word an English line's suspect needed: "nayor"
      // read "mayor" makes "ayor" mayor too).
      open.clear();
      std::vector<Open> rest;
      for (std::vector<Open>* left : {&still, &dormant}) {
        for (Open& o : *left) {
          WordContext context = ContextOf(*o.suspect, *m);
          bool again = context.before != o.context.before ||
                       context.after != o.context.after;
          o.context = std::move(context);
          for (size_t k = 0; k < new_words.size() && !again; ++k) {
            again = WithinTwoEdits(o.lower, new_words[k]) ||
                    std::binary_search(o.reachable.begin(), o.reachable.end(),
                                       new_words[k]);
          }
          (again ? open : rest).push_back(std::move(o));
        }
      }
      dormant = std::move(rest);
    }
    // Pairs whose words' counts the fixes raised are decided again with
    // them ("he aded" once "hesaid" is read "he said"), as a second run
    // counts them.
    if (!all_added.empty())
      LearnPairs(spaced, vocabulary, false, m, &all_added);
    // The pairs of lines that turned English: a second run reads them with
    // the rest (a headline whose damaged words kept it "foreign").
    std::vector<std::pair<std::string_view, std::string_view>> turned_words;
    for (const DocumentWords::ForeignPair& p : words.foreign_adjacent) {
      if (turned[p.line]) turned_words.emplace_back(p.first, p.second);
    }
    const std::vector<SpacedPair> turned_pairs = SpacedPairs(turned_words);
    if (!turned_pairs.empty()) LearnPairs(turned_pairs, vocabulary, false, m);
    // (The fixes are final: indexed for the looks after them, and for the
    // repair.)
    m->fix_index.Build(m->fixes);
    if (!m->fixes.empty() || !m->rules.empty()) {
      LearnPairs(spaced, vocabulary, true, m);
      if (!turned_pairs.empty()) LearnPairs(turned_pairs, vocabulary, true, m);
    }
    *turned_out = std::move(turned);
  }

  // Whether a lone letter (a piece of a word the page broke) stands beside
  // `suspect` once the line-end joins are made: not one a join moves away
  // (`moved`: where the joins' tails start), unless another stands on its
  // other side.
  static bool BesideFragment(const Suspect& suspect,
                             const std::set<const char*>& moved) {
    if (!suspect.beside_fragment) return false;
    const auto lone = [](std::string_view w) {
      return w.size() == 1 && w != "a" && w != "A" && w != "I";
    };
    return !lone(suspect.before) || moved.count(suspect.before.data()) == 0 ||
           lone(suspect.after);
  }

  // Capitalized words written once that the lexicon lacks, each read as the
  // one capitalized form of the document within one slip of it that the
  // document writes at least kMinEchoCount times (Stilller, Gervasi and
  // Kcys beside Stiller, Gervais and Keys): most are names the lexicon
  // lacks, which the per-word fixes read only into names it knows. A slip
  // is one of the table's misreadings, two neighbours swapped, a letter
  // doubled, or a letter lost or added. Only what keeps the word's first
  // letter (unless the table's) and, but for a swap, its last two: the
  // spellings of one East Slavic name, or of a man's and a woman's
  // (Lukashenka and Lukashenko, Kowalski and Kowalska), differ there, and
  // are the name stage's to tell (a common word, which no name stage
  // decides, may differ there by the table's misreadings: Tlie, The). Not
  // when two of the document's forms are within reach.
  void LearnEchoes(const DocumentWords& words,
                   const std::set<std::string_view>& broken,
                   const std::set<const char*>& moved,
                   const std::unordered_map<std::string_view, size_t>& consumed,
                   Vocabulary* vocabulary, SubstitutionModel* m) const {
    // The capitalized forms, without a possessive, with their occurrences,
    // found by the PolyHash of their lowercase form (one-edit variants are
    // hashed without being written out: see EditHashes) in a table of open
    // addressing, behind a filter of their hashes that fits the first-level
    // cache. Of two forms with one hash, the first is kept.
    // (A window writes thousands of capitalized forms, and a node and a
    // string each cost more than the rest of the search. A capitalized
    // form's lowercase form differs in its first letter alone.)
    struct Form {
      std::string_view text;
      uint64_t hash = 0;
      size_t count = 0;
    };
    std::vector<Form> capitalized;
    std::vector<uint32_t> slots(1024, 0);  // form index + 1; 0: none
    // The slot of the form with hash `h`, or the empty one it would take.
    const auto slot_of = [&](uint64_t h) -> uint32_t& {
      for (size_t at = (h * 0x9E3779B97F4A7C15ull) >> 32;; ++at) {
        uint32_t& slot = slots[at & (slots.size() - 1)];
        if (slot == 0 || capitalized[slot - 1].hash == h) return slot;
      }
    };
    constexpr uint32_t kFilterBits = 11;  // 2^11 blocks of 64 bits: 16 KB
    std::vector<uint64_t> filter(size_t{1} << kFilterBits, 0);
    std::string lower_form;  // (one buffer)
    for (size_t k = 0; k < words.written.size(); ++k) {
      const std::string_view written = words.written[k];
      if (written.empty() || written[0] < 'A' || written[0] > 'Z') continue;
      const std::string_view w = WithoutPossessive(written);
      if (w.size() < 2 || w.size() > edits::kMaxHashed ||
          CaseOf(w) != WordCase::kCapitalized)
        continue;
      lower_form.assign(w);
      lower_form[0] = static_cast<char>(lower_form[0] | 0x20);
      const uint64_t h = lexfmt::PolyHash(lower_form);
      uint32_t& slot = slot_of(h);
      if (slot == 0) {
        capitalized.push_back({w, h, 0});
        slot = static_cast<uint32_t>(capitalized.size());
        const lexfmt::FilterPlace p = lexfmt::PlaceOf(h, kFilterBits);
        filter[p.block] |= p.bits;
      }
      Form& f = capitalized[slot - 1];
      if (f.text == w) f.count += words.written_count[k];
      if (2 * capitalized.size() >= slots.size()) {
        slots.assign(2 * slots.size(), 0);
        for (size_t i = 0; i < capitalized.size(); ++i)
          slot_of(capitalized[i].hash) = static_cast<uint32_t>(i + 1);
      }
    }
    // Whether `reading` is the lowercase form of capitalized `text`.
    const auto lower_of = [](std::string_view text, std::string_view reading) {
      return reading.size() == text.size() &&
             reading[0] == static_cast<char>(text[0] | 0x20) &&
             reading.substr(1) == text.substr(1);
    };
    std::vector<std::string> readings;
    std::set<const Form*> within;  // the forms one slip from a suspect
    for (const Suspect& suspect : words.suspects) {
      const std::string_view text = suspect.text;
      const auto used = consumed.find(text);
      if (suspect.count != 1 || used != consumed.end() || suspect.hyphened ||
          BesideFragment(suspect, moved) || suspect.elided ||
          broken.count(text) != 0 || text.size() < kMinEchoLength ||
          text.size() > edits::kMaxHashed ||
          CaseOf(text) != WordCase::kCapitalized ||
          text.find('\'') != std::string_view::npos)
        continue;
      const std::string lower = LowerWord(text, true);
      bool ruled = false;
      for (const SubstitutionRule& rule : m->rules)
        ruled = ruled || lower.find(rule.source) != std::string::npos;
      if (ruled) continue;
      const size_t n = lower.size();
      within.clear();
      // Whether a form was found by a slip that is no other spelling: the
      // table's misreadings, two letters swapped, a letter doubled where
      // English does not double it.
      bool sure = false;
      // The form whose lowercase form has PolyHash `h`, if any (the reading
      // is written out only then, and compared: hashes may collide).
      const auto form_of = [&](uint64_t h) -> const Form* {
        const lexfmt::FilterPlace p = lexfmt::PlaceOf(h, kFilterBits);
        if ((filter[p.block] & p.bits) != p.bits) return nullptr;
        const uint32_t slot = slot_of(h);
        return slot == 0 ? nullptr : &capitalized[slot - 1];
      };
      const auto found = [&](const Form* f, const std::string& reading,
                             bool no_spelling) {
        if (!lower_of(f->text, reading)) return;
        within.insert(f);
        sure = sure || no_spelling;
      };
      // The table's misreadings, anywhere but in the last two letters,
      // unless they give a common word (Tlie read as The).
      readings.clear();
      NoisyChannel::Misreadings(lower, &readings);
      for (const std::string& x : readings) {
        const Form* f = x.size() >= 2 ? form_of(lexfmt::PolyHash(x)) : nullptr;
        if (f == nullptr) continue;
        if (x.size() < 3 || x.compare(x.size() - 2, 2, lower, n - 2) != 0) {
          if (!channel_.CommonWord(x)) continue;
        }
        found(f, x, true);
      }
      // Slips, past the first letter: two neighbours swapped; before the
      // last two, a letter added (or doubled) or lost. (A word common in
      // lowercase use is read only by a sure one: Liffe is no slip of
      // Standard Life, but Thhe, Nnew and Friedns are of The, New, Friends.)
      const edits::EditHashes hashes(lower);
      for (size_t i = 1; i + 1 < n; ++i) {
        const Form* f =
            lower[i] == lower[i + 1] ? nullptr : form_of(hashes.Transpose(i));
        if (f == nullptr) continue;
        std::string r = lower;
        std::swap(r[i], r[i + 1]);
        found(f, r, true);
      }
      for (size_t i = 1; i + 2 < n; ++i) {
        const Form* f = form_of(hashes.Delete(i));
        if (f == nullptr) continue;
        const char c = lower[i];
        const bool odd_double =
            (c == lower[i - 1] || c == lower[i + 1]) &&
            (i == 1 || (c == lower[i - 1] && c == lower[i + 1]) ||
             std::string_view(kRarelyDoubled).find(c) != std::string::npos);
        found(f, std::string(lower).erase(i, 1), odd_double);
      }
      for (size_t i = 1; i + 2 <= n; ++i) {
        for (char c = 'a'; c <= 'z'; ++c) {
          if (const Form* f = form_of(hashes.Insert(i, c)))
            found(f, std::string(lower).insert(i, 1, c), false);
        }
      }
      if (within.size() != 1) continue;
      const Form& form = **within.begin();
      if (form.count < kMinEchoCount) continue;
      const std::string form_lower = LowerWord(form.text, true);
      if (!sure && channel_.CommonWord(form_lower)) continue;
      SubstitutionModel::Fix fix;
      fix.replacement = std::string(form.text);
      fix.rule = "misreading of a capitalized word the document writes (" +
                 fix.replacement + ": the only one a slip away, written " +
                 std::to_string(form.count) + " times)";
      fix.confidence = 0.8f;
      m->fixes.emplace(std::string(text), std::move(fix));
      // As a second run counts them.
      ++(*vocabulary)[form_lower];
      uint32_t* count = vocabulary->Find(lower);
      if (count != nullptr && *count > 0) --*count;
    }
  }

  // The words around `suspect`'s occurrence, lowercase, as the repairs `m`
  // has learned so far leave them (a second run reads them so): a neighbour
  // a per-word fix or a rule repairs is read repaired, one a stray space
  // split is read joined.
  WordContext ContextOf(const Suspect& suspect,
                        const SubstitutionModel& m) const {
    const auto repaired = [&](std::string_view written, std::string_view a,
                              std::string_view b) {
      if (written.empty()) return std::string();
      if (!a.empty() && !b.empty()) {
        const auto pair = m.pairs.find(std::string(a) + " " + std::string(b));
        if (pair != m.pairs.end())
          return LowerWord(pair->second.replacement, true);
      }
      std::string as = AsRepaired(*lexicon_, m, written, true);
      return as.empty() ? LowerWord(written, true) : as;
    };
    // (A neighbour split in two, "andas" read "and as": the word beside.)
    std::string before =
        repaired(suspect.before, suspect.before2, suspect.before);
    std::string after = repaired(suspect.after, suspect.after, suspect.after2);
    if (const size_t space = before.rfind(' '); space != std::string::npos)
      before.erase(0, space + 1);
    if (const size_t space = after.find(' '); space != std::string::npos)
      after.erase(space);
    return {std::move(before), std::move(after)};
  }

  // The suspects of the lines left out as another language (see
  // DocumentWords::foreign_words) that `m`'s repairs now make English, and
  // that were not `*turned` before (marked now): each form once, counted
  // over all the lines turned so far, except forms the English lines write
  // (judged there, with their count).
  std::vector<Suspect> TurnedSuspects(const DocumentWords& words,
                                      const SubstitutionModel& m,
                                      std::vector<char>* turned) const {
    std::vector<char> now(turned->size(), 0);
    bool any = false;
    for (size_t line = 0; line < turned->size(); ++line) {
      if ((*turned)[line]) continue;
      const std::vector<std::string_view>& line_words =
          words.foreign_words[line];
      // (Judged by the lexicon alone already: only a line with a word a fix
      // or a rule repairs can turn.)
      bool repaired = false;
      for (const std::string_view w : line_words) {
        repaired = repaired || m.fixes.count(w) != 0;
        for (size_t r = 0; r < m.rules.size() && !repaired; ++r)
          repaired = ContainsFolded(w, m.rules[r].source);
      }
      if (!repaired) continue;
      size_t known = 0;
      for (const std::string_view w : line_words) {
        const bool ascii = std::all_of(w.begin(), w.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        });
        known += KnownOrRepaired(*lexicon_, m, w, ascii);
      }
      if (ForeignLine(known, line_words.size())) continue;
      (*turned)[line] = now[line] = 1;
      any = true;
    }
    std::vector<Suspect> out;
    if (!any) return out;
    const std::vector<Suspect>& all = words.foreign_suspects;
    for (size_t i = 0, j; i < all.size(); i = j) {
      j = i;
      while (j < all.size() && all[j].text == all[i].text) ++j;
      const auto english = std::lower_bound(
          words.suspects.begin(), words.suspects.end(), all[i].text,
          [](const Suspect& a, std::string_view b) { return a.text < b; });
      if (english != words.suspects.end() && english->text == all[i].text)
        continue;
      bool fresh = false;
      Suspect merged;
      for (size_t k = i; k < j; ++k) {
        const Suspect& s = all[k];
        if (!(*turned)[s.foreign_line]) continue;
        fresh = fresh || now[s.foreign_line];
        if (merged.count == 0) {
          merged = s;
          continue;
        }
        merged.count += s.count;
        merged.mid_capital = merged.mid_capital || s.mid_capital;
        merged.hyphened = merged.hyphened || s.hyphened;
        merged.beside_fragment = merged.beside_fragment || s.beside_fragment;
      }
      if (fresh) out.push_back(merged);
    }
    return out;
  }

  bool MayChange(std::string_view segment,
                 const DocumentModel* model) const override {
    return ModelMayChange(static_cast<const SubstitutionModel*>(model),
                          segment);
  }

  void Process(std::string_view run, size_t run_offset,
               const DocumentModel* model,
               std::vector<Edit>* edits) const override {
    ApplyModel(*lexicon_, static_cast<const SubstitutionModel*>(model), run,
               run_offset, edits);
  }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  NoisyChannel channel_;
  CommonPieces common_;
  // The hashes of what up to two deletions make of the commonest words (see
  // kMinSlipWordCount): see MaySlip.
  mutable std::unordered_set<uint64_t> slip_keys_;
  mutable std::once_flag slip_keys_built_;
};

}  // namespace

std::unique_ptr<TextStage> MakeWordsStage(
    std::shared_ptr<const Lexicon> lexicon) {
  return std::make_unique<WordsStage>(std::move(lexicon));
}

}  // namespace textmend
