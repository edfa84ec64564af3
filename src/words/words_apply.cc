// The word stage's application of a document's model: see words_model.h.
#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/byte_masks.h"
#include "core/tokenizer.h"
#include "words/hyphenation.h"
#include "words/noisy_channel.h"
#include "words/words_model.h"

namespace textmend {
namespace {

// A lexicon word is read as a rule's target by its context only when that
// reading is this much likelier (nats: about 150 times).
constexpr double kContextMargin = 5.0;

// Whether byte `c` is part of a word to FindForms: a letter, an apostrophe
// or a byte of a non-ASCII character.
bool WordByte(char c) {
  static constexpr auto kTable = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 256; ++b) {
      t[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80 ||
             b == '\'';
    }
    return t;
  }();
  return kTable[static_cast<unsigned char>(c)];
}

// The word beside token `k` (`side` -1: before it, +1: after it), in
// lowercase, when only spaces separate the two; "" otherwise (a line or
// sentence edge, punctuation, a token that is no plain word).
std::string Neighbour(std::string_view run,
                      const std::vector<WordToken>& tokens, size_t k,
                      int side) {
  if ((side < 0 && k == 0) || (side > 0 && k + 1 >= tokens.size())) return {};
  const WordToken& a = side < 0 ? tokens[k - 1] : tokens[k];
  const WordToken& b = side < 0 ? tokens[k] : tokens[k + 1];
  const size_t gap = a.offset + a.length;
  if (b.offset <= gap) return {};
  for (size_t i = gap; i < b.offset; ++i) {
    if (run[i] != ' ') return {};
  }
  const WordToken& n = side < 0 ? a : b;
  if (!n.ascii || n.protect) return {};
  return LowerWord(run.substr(n.offset, n.length), true);
}

// Whether tokens[begin, end) (one line) are mostly words the lexicon does
// not know, even after the rules: another language (see ForeignLine).
bool LineIsForeign(const Lexicon& lexicon, std::string_view run,
                   const std::vector<WordToken>& tokens, size_t begin,
                   size_t end, const SubstitutionModel& m) {
  size_t words = 0, known = 0;
  for (size_t k = begin; k < end; ++k) {
    const WordToken& t = tokens[k];
    if (t.length < 2) continue;
    ++words;
    known +=
        KnownOrRepaired(lexicon, m, run.substr(t.offset, t.length), t.ascii);
  }
  return ForeignLine(known, words);
}

// Rewrites token `index` of `run` (a lexicon word, `lower`) by a rule of
// `m` into the rule's reading when the word pairs around it make that
// reading far likelier: a find-and-replace accident whose source is a
// word ("the" -> "then") leaves that word in places only the target fits
// ("of then", "then company"). Only where the lexicon has pair counts and
// at least one of the reading's pairs is listed.
void ContextEdit(const Lexicon& lexicon, std::string_view run,
                 size_t run_offset, const std::vector<WordToken>& tokens,
                 size_t index, const std::string& lower, WordCase word_case,
                 const SubstitutionModel& m, std::vector<Edit>* edits) {
  if (!lexicon.has_pairs()) return;
  const std::string before = Neighbour(run, tokens, index, -1);
  const std::string after = Neighbour(run, tokens, index, +1);
  if (before.empty() && after.empty()) return;
  int listed = 0;
  // (A word the frequency list lacks, as a replaced string often is: "hwt"
  // for "the", a word only of the largest word lists, backs off as the
  // per-word fixes do: otherwise its few occurrences in the language make
  // any words around it likely (P(after | w) near 1). A counted word keeps
  // the calibration that spares correct text.)
  float own_log = 0;
  const bool counted = lexicon.PairLog(lower, "", &own_log);
  const double as_written =
      ContextScore(lexicon, before, lower, after, &listed, !counted);
  for (size_t k = 0; k < m.rules.size(); ++k) {
    const SubstitutionRule& rule = m.rules[k];
    if (lower.find(rule.source) == std::string::npos) continue;
    const std::string fixed = ReplaceAll(lower, rule.source, rule.target);
    if (!KnownLower(lexicon, fixed)) continue;
    int fixed_listed = 0;
    const double as_fixed =
        ContextScore(lexicon, before, fixed, after, &fixed_listed);
    if (fixed_listed == 0 || as_fixed - as_written < kContextMargin) continue;
    Edit e;
    e.offset = run_offset + tokens[index].offset;
    e.length = tokens[index].length;
    e.replacement = ApplyCase(fixed, word_case);
    e.rule = m.descriptions[k] + ", by the words around it (" +
             (before.empty() ? "" : before + " ") + "_" +
             (after.empty() ? "" : " " + after) + ")";
    e.confidence = 0.7f;
    edits->push_back(std::move(e));
    return;
  }
}

// Calls f(begin, end) for each maximal run of word bytes (WordByte) of
// `text`, in order. With SSE2, 64 bytes are classified at a time and the
// runs found by bit scans; most bytes of a text are in long runs of letters
// or of spaces and punctuation, which a byte at a time reads slowly.
template <typename F>
void ForEachWordRun(std::string_view text, F&& f) {
  const size_t n = text.size();
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('\'');
  size_t begin = 0;     // of the run going on, if any
  bool in_run = false;  // whether the byte before the block is a word byte
  for (size_t block = 0; block < n; block += 64) {
    uint64_t word = 0;
    for (size_t q = 0; q < 4 && block + q * 16 < n; ++q) {
      const __m128i v = Load16(text, block + q * 16);
      // A letter, a byte of a multi-byte character, or an apostrophe.
      word |= MaskBits(_mm_or_si128(_mm_or_si128(AsciiLetters16(v),
                                                 _mm_cmpeq_epi8(v, quote)),
                                    _mm_cmplt_epi8(v, _mm_setzero_si128())),
                       q);
    }
    // Run starts and the bytes just after run ends, in this block.
    const uint64_t before = (word << 1) | (in_run ? 1 : 0);
    uint64_t edges = (word & ~before) | (~word & before);
    while (edges != 0) {
      const size_t at = block + static_cast<size_t>(std::countr_zero(edges));
      edges &= edges - 1;
      // (Bytes past the text's end read as no word bytes: a run that
      // reaches the end is closed after the loop.)
      if (at >= n) break;
      if (!in_run) {
        begin = at;
        in_run = true;
      } else {
        in_run = false;
        f(begin, at);
      }
    }
  }
  if (in_run) f(begin, n);
#else
  for (size_t i = 0; i < n;) {
    if (!WordByte(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < n && WordByte(text[i])) ++i;
    f(begin, i);
  }
#endif
}

// Appends the edits for the occurrences in `run` of the texts `forms`
// maps (one token, or two one space apart), where each begins and ends a
// whole, unprotected word token (the tokenizer of its line decides), none
// of its tokens starts at an offset in `skip` (sorted), and its line is not
// in another language (ForeignLine).
template <typename Forms>
void FindForms(const Lexicon& lexicon, std::string_view run, size_t run_offset,
               const FormIndex<Forms>& index, const SubstitutionModel& m,
               std::vector<Edit>* edits, const std::vector<size_t>& skip = {}) {
  // One pass over the run's words (maximal runs of letters, apostrophes
  // and non-ASCII bytes), each looked up by its text among the forms'
  // first pieces: searching for each form in turn would read the run once
  // per form.
  using Entry = typename Forms::value_type;
  const auto word_byte = WordByte;
  std::vector<WordToken> line_tokens;
  std::unordered_map<size_t, bool> foreign_lines;          // by line start
  std::unordered_map<std::string_view, bool> known_words;  // see LineIsForeign
  const size_t n = run.size();
  // Whether a word goes on at run[k] (an apostrophe only before a letter).
  const auto continues_word = [&](size_t k) {
    return k < n && word_byte(run[k]) &&
           (run[k] != '\'' ||
            (k + 1 < n && word_byte(run[k + 1]) && run[k + 1] != '\''));
  };
  // (The words that may be a form's first piece, few, are read apart from
  // the scan, which every word passes through.)
  const auto candidate = [&](size_t at, std::string_view word) {
    const std::vector<const Entry*>* hit = index.Find(word, lexfmt::Hash(word));
    if (hit == nullptr) return;
    for (const Entry* entry : *hit) {
      const std::string& form = entry->first;
      const auto& fix = entry->second;
      const size_t space = form.find(' ');
      if (space != std::string::npos &&
          (run.compare(at, form.size(), form) != 0 ||
           continues_word(at + form.size())))
        continue;
      if (std::binary_search(skip.begin(), skip.end(), at) ||
          (space != std::string::npos &&
           std::binary_search(skip.begin(), skip.end(), at + space + 1)))
        continue;
      // The tokens of the whitespace-delimited chunks the form spans (a
      // token's protection is decided per chunk): each piece of the form a
      // whole plain token.
      const auto space_at = [&](size_t k) {
        const char c = run[k];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
      };
      size_t chunk_begin = at;
      while (chunk_begin > 0 && !space_at(chunk_begin - 1)) --chunk_begin;
      size_t chunk_end = at + form.size();
      while (chunk_end < n && !space_at(chunk_end)) ++chunk_end;
      line_tokens.clear();
      Tokenize(run.substr(chunk_begin, chunk_end - chunk_begin), &line_tokens);
      size_t expect = at, pieces = 0;
      const size_t want = space == std::string::npos ? 1 : 2;
      for (const WordToken& t : line_tokens) {
        if (chunk_begin + t.offset < expect) continue;
        if (chunk_begin + t.offset != expect || t.protect || !t.ascii) break;
        const size_t piece_length =
            pieces == 0 ? (space == std::string::npos ? form.size() : space)
                        : form.size() - space - 1;
        if (t.length != piece_length) break;
        expect = chunk_begin + t.offset + t.length + 1;
        if (++pieces == want) break;
      }
      if (pieces != want) continue;
      // Not in a line of another language, which the learning left out
      // (repairing there could make the line read as English to a second
      // run, which would then correct its words). Decided once per line.
      size_t line_begin = run.rfind('\n', at);
      line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
      auto [judged, fresh] = foreign_lines.try_emplace(line_begin, false);
      if (fresh) {
        size_t line_end = run.find('\n', at);
        if (line_end == std::string_view::npos) line_end = n;
        const std::string_view line =
            run.substr(line_begin, line_end - line_begin);
        std::vector<WordToken> tokens;
        Tokenize(line, &tokens);
        const auto words = static_cast<size_t>(
            std::count_if(tokens.begin(), tokens.end(),
                          [](const WordToken& t) { return t.length >= 2; }));
        // (Read until the count decides: a line of mostly known words is
        // English once half its words are.)
        size_t known = 0, read = 0;
        for (const WordToken& t : tokens) {
          if (!ForeignLine(known, words) ||
              ForeignLine(known + words - read, words))
            break;
          if (t.length < 2) continue;
          ++read;
          const std::string_view w = line.substr(t.offset, t.length);
          auto [memo, added] = known_words.try_emplace(w, false);
          if (added) memo->second = KnownOrRepaired(lexicon, m, w, t.ascii);
          known += memo->second;
        }
        judged->second = ForeignLine(known, words);
      }
      if (judged->second) continue;
      Edit e;
      e.offset = run_offset + at;
      e.length = form.size();
      e.replacement = fix.replacement;
      e.rule = fix.rule;
      e.confidence = fix.confidence;
      edits->push_back(std::move(e));
    }
  };
  ForEachWordRun(run, [&](size_t at, size_t end) {
    // An apostrophe at a word's edge is no part of its token (bidders'
    // shares, 'quoted').
    while (at < end && run[at] == '\'') ++at;
    while (end > at && run[end - 1] == '\'') --end;
    if (at == end) return;
    const std::string_view word = run.substr(at, end - at);
    if (index.MayHold(word)) candidate(at, word);
  });
}

}  // namespace

// Token `text` in lowercase as `m`'s repairs leave it (a per-word fix, a
// rule), when that is a word the lexicon knows; "" otherwise.
std::string AsRepaired(const Lexicon& lexicon, const SubstitutionModel& m,
                       std::string_view text, bool ascii) {
  const auto fix = m.fixes.find(text);
  if (fix != m.fixes.end()) return LowerWord(fix->second.replacement, true);
  std::string lower = LowerWord(text, ascii);
  if (KeptAsWord(lexicon, lower, CaseOf(text))) return lower;
  std::string fixed = RuleReading(lexicon, m, lower);
  // (A word the lexicon knows only as an acronym, no rule repairs.)
  return fixed.empty() && Known(lexicon, lower) ? lower : fixed;
}

bool KeptAsWord(const Lexicon& lexicon, std::string_view lower,
                WordCase written_case) {
  // (One lookup for a word without a possessive, most: Known and
  // KnownCapitalized would each look it up, a miss of the caches apiece.)
  if (lower.size() < 2 || lower.substr(lower.size() - 2) != "'s") {
    const Lexicon::Entry* e = lexicon.Find(lower);
    return e != nullptr &&
           (written_case == WordCase::kUpper ||
            (e->flags & (lexfmt::kLower | lexfmt::kCapitalized)) != 0);
  }
  return Known(lexicon, lower) &&
         (written_case == WordCase::kUpper || KnownCapitalized(lexicon, lower));
}

std::string RuleRepair(const Lexicon& lexicon, const SubstitutionModel& m,
                       const std::string& lower, WordCase written_case) {
  if (m.rules.empty() || KeptAsWord(lexicon, lower, written_case)) return {};
  return RuleReading(lexicon, m, lower);
}

// `lower`, a word the lexicon lacks, as the first of `m`'s rules that
// makes it a lowercase word the lexicon knows rewrites it; "" when none
// does.
std::string RuleReading(const Lexicon& lexicon, const SubstitutionModel& m,
                        std::string_view lower) {
  for (const SubstitutionRule& rule : m.rules) {
    if (lower.find(rule.source) == std::string::npos) continue;
    std::string fixed = ReplaceAll(lower, rule.source, rule.target);
    if (KnownLower(lexicon, fixed)) return fixed;
  }
  return {};
}

// Whether token `text` is a word the lexicon knows, or one `m` repairs
// into one: a word of the line's language, as a second run will see it
// once the repair is made.
bool KnownOrRepaired(const Lexicon& lexicon, const SubstitutionModel& m,
                     std::string_view text, bool ascii) {
  return !AsRepaired(lexicon, m, text, ascii).empty();
}

// Case-insensitive search of an ASCII lowercase `needle`.
bool ContainsFolded(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                     [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                     }) != hay.end();
}

bool ModelMayChange(const SubstitutionModel* m, std::string_view segment) {
  if (m == nullptr) return false;
  if (!m->fixes.empty() || !m->joins.empty() || !m->pairs.empty()) return true;
  for (const auto& r : m->rules) {
    if (ContainsFolded(segment, r.source)) return true;
  }
  return false;
}

void ApplyModel(const Lexicon& lexicon, const SubstitutionModel* m,
                std::string_view run, size_t run_offset,
                std::vector<Edit>* edits) {
  // Joined line-end hyphenations: two edits, one per line (see
  // hyphenation.h); the words they touch are not corrected otherwise.
  std::vector<Edit> joins;
  std::vector<size_t> join_tokens;  // offsets in `run` of heads and tails
  if (!m->joins.empty()) {
    ForEachLineBreak(run, [&](const LineBreak& b) {
      const std::string head =
          LowerWord(run.substr(b.head_begin, b.hyphen - b.head_begin), true);
      const std::string tail(
          run.substr(b.tail_begin, b.tail_end - b.tail_begin));
      if (m->joins.count({head, tail}) == 0) return;
      std::string rule = "line-end hyphenation (" + head + tail + ")";
      Edit first;
      first.offset = run_offset + b.hyphen;
      first.length = 1;
      first.replacement =
          std::string(run.substr(b.tail_begin, b.moved_end - b.tail_begin));
      // The joined word may hold a substitution accident's source.
      const std::string joined = head + tail;
      for (size_t k = 0; k < m->rules.size(); ++k) {
        const SubstitutionRule& r = m->rules[k];
        if (joined.find(r.source) == std::string::npos ||
            Known(lexicon, joined))
          continue;
        const std::string fixed = ReplaceAll(joined, r.source, r.target);
        if (!KnownLower(lexicon, fixed)) continue;
        const std::string_view head_text =
            run.substr(b.head_begin, b.hyphen - b.head_begin);
        first.offset = run_offset + b.head_begin;
        first.length = b.hyphen + 1 - b.head_begin;
        first.replacement =
            ApplyCase(fixed, CaseOf(head_text)) +
            std::string(run.substr(b.tail_end, b.moved_end - b.tail_end));
        rule += ", " + m->descriptions[k];
        break;
      }
      first.rule = rule;
      first.confidence = 0.9f;
      Edit second;
      second.offset = run_offset + b.tail_begin;
      second.length = b.removed_end - b.tail_begin;
      second.rule = rule;
      second.confidence = 0.9f;
      joins.push_back(std::move(first));
      joins.push_back(std::move(second));
      join_tokens.push_back(b.head_begin);
      join_tokens.push_back(b.tail_begin);
    });
  }
  // Tokens split by a stray space, found by their text like few fixes.
  if (!m->pairs.empty()) {
    std::vector<Edit> found;
    FindForms(lexicon, run, run_offset, m->pair_index, *m, &found);
    // Pairs that share a token ("ten th ousand"): the likelier one.
    std::sort(found.begin(), found.end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
    std::vector<Edit> pairs;
    for (Edit& e : found) {
      if (!pairs.empty() &&
          e.offset < pairs.back().offset + pairs.back().length) {
        if (e.confidence > pairs.back().confidence) pairs.back() = std::move(e);
        continue;
      }
      pairs.push_back(std::move(e));
    }
    for (Edit& e : pairs) {
      const size_t at = e.offset - run_offset;
      join_tokens.push_back(at);
      join_tokens.push_back(at + run.substr(at, e.length).find(' ') + 1);
      joins.push_back(std::move(e));
    }
    std::sort(join_tokens.begin(), join_tokens.end());
    std::sort(joins.begin(), joins.end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  }
  const size_t first_edit = edits->size();
  if (m->rules.empty()) {
    // Per-word fixes alone: their forms are found directly, without
    // tokenizing the whole run.
    FindForms(lexicon, run, run_offset, m->fix_index, *m, edits, join_tokens);
    for (Edit& j : joins) edits->push_back(std::move(j));
    std::sort(edits->begin() + static_cast<long>(first_edit), edits->end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
    return;
  }
  std::vector<WordToken> tokens;
  Tokenize(run, &tokens);
  size_t next_join = 0;
  // Per line: is it in another language? Decided at the line's first
  // candidate, counting a word the rules repair as a word of the line's
  // language (a damaged English line stays English).
  size_t line_begin = 0, line_end = 0;  // token indexes of the current line
  int foreign = -1;                     // -1: not decided yet
  for (size_t index = 0; index < tokens.size(); ++index) {
    const WordToken& t = tokens[index];
    if (index >= line_end) {
      line_begin = index;
      const size_t newline = run.find('\n', t.offset);
      line_end = index + 1;
      while (line_end < tokens.size() && (newline == std::string_view::npos ||
                                          tokens[line_end].offset < newline))
        ++line_end;
      foreign = -1;
    }
    // A token a join touches is left to it.
    while (next_join < join_tokens.size() && join_tokens[next_join] < t.offset)
      ++next_join;
    if (next_join < join_tokens.size() && join_tokens[next_join] == t.offset)
      continue;
    if (t.protect || !t.ascii) continue;
    const std::string_view text = run.substr(t.offset, t.length);
    if (!m->fixes.empty()) {
      const auto fix = m->fixes.find(text);
      if (fix != m->fixes.end()) {
        // (Not in another language's line, as FindForms.)
        if (foreign < 0) {
          foreign =
              LineIsForeign(lexicon, run, tokens, line_begin, line_end, *m) ? 1
                                                                            : 0;
        }
        if (foreign == 1) continue;
        Edit e;
        e.offset = run_offset + t.offset;
        e.length = t.length;
        e.replacement = fix->second.replacement;
        e.rule = fix->second.rule;
        e.confidence = fix->second.confidence;
        edits->push_back(std::move(e));
        continue;
      }
    }
    if (m->rules.empty()) continue;
    const WordCase word_case = CaseOf(text);
    if (word_case == WordCase::kMixed) continue;
    const std::string lower = LowerWord(text, true);
    // Cheapest test first: most tokens hold no rule's source at all.
    bool candidate = false;
    for (const SubstitutionRule& rule : m->rules) {
      candidate = candidate || lower.find(rule.source) != std::string::npos;
    }
    if (!candidate) continue;
    if (foreign < 0) {
      foreign =
          LineIsForeign(lexicon, run, tokens, line_begin, line_end, *m) ? 1 : 0;
    }
    if (foreign == 1) continue;
    // A word the lexicon knows that holds a rule's source (a whole word
    // the accident replaced: "then" for "the") is read as the target
    // where the words around it say so clearly (see KeptAsWord).
    if (KeptAsWord(lexicon, lower, word_case)) {
      ContextEdit(lexicon, run, run_offset, tokens, index, lower, word_case, *m,
                  edits);
      continue;
    }
    // A name (an unknown word the document always capitalizes) only into
    // a word or name the lexicon knows (Microsmhbuol -> Microsoft).
    const bool name = std::binary_search(m->names.begin(), m->names.end(),
                                         std::string(WithoutPossessive(lower)));
    for (size_t k = 0; k < m->rules.size(); ++k) {
      const SubstitutionRule& rule = m->rules[k];
      if (lower.find(rule.source) == std::string::npos) continue;
      const std::string fixed = ReplaceAll(lower, rule.source, rule.target);
      if (name ? !KnownCapitalized(lexicon, fixed)
               : !KnownLower(lexicon, fixed))
        continue;
      Edit e;
      e.offset = run_offset + t.offset;
      e.length = t.length;
      e.replacement = ApplyCase(fixed, word_case);
      e.rule = m->descriptions[k];
      e.confidence =
          std::min(0.99f, 0.5f + 0.1f * static_cast<float>(rule.stems));
      edits->push_back(std::move(e));
      break;
    }
  }
  if (!joins.empty()) {
    for (Edit& j : joins) edits->push_back(std::move(j));
    std::sort(edits->begin() + static_cast<long>(first_edit), edits->end(),
              [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  }
}

}  // namespace textmend
