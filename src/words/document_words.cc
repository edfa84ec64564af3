// Gathering a document's word-level facts; see document_words.h.
#include "words/document_words.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/tokenizer.h"
#include "core/utf8.h"

namespace textmend {
namespace {

constexpr size_t kMinUnknownLength = 4;
// A lowercase token of two or three letters that is no word of running
// English text (the lexicon lacks it, or has it only from its largest
// lists, without a corpus count) is the learner's weak witness when written
// this often: a find-and-replace that hit a common word ("and" -> "sva",
// "the" -> "hwt") leaves it many times, where a page reader's junk ("tbe")
// is mostly written once. (Longer words without a corpus count were tried:
// clean news writes many twice, carmaker, eurozone, telecom, and each is
// more for the learner to read: 75% more instructions on some windows of
// clean news, for +0.01 to +0.29 points of substitution recall.)
constexpr size_t kMinWeakCount = 2;

}  // namespace

std::string_view WithoutPossessive(std::string_view lower) {
  if (lower.size() > 3 && lower.substr(lower.size() - 2) == "'s") {
    lower.remove_suffix(2);
  }
  return lower;
}

bool KnownPossessive(const Lexicon& lexicon, std::string_view lower) {
  return lower.size() > 2 && lower.substr(lower.size() - 2) == "'s" &&
         KnownLower(lexicon, lower.substr(0, lower.size() - 2));
}

bool Known(const Lexicon& lexicon, std::string_view lower) {
  // (KnownLower would look `lower` up again: only the possessive is left.)
  return lexicon.Find(lower) != nullptr || KnownPossessive(lexicon, lower);
}

namespace {

template <bool kRare>
bool IsKnownLower(const Lexicon& lexicon, std::string_view lower) {
  const Lexicon::Entry* e =
      kRare ? lexicon.FindRare(lower) : lexicon.Find(lower);
  if (e != nullptr) return (e->flags & lexfmt::kLower) != 0;
  if (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s") {
    return IsKnownLower<kRare>(lexicon, lower.substr(0, lower.size() - 2));
  }
  return false;
}

}  // namespace

bool KnownLower(const Lexicon& lexicon, std::string_view lower) {
  return IsKnownLower<false>(lexicon, lower);
}

bool KnownLowerRare(const Lexicon& lexicon, std::string_view lower) {
  return IsKnownLower<true>(lexicon, lower);
}

bool KnownCapitalized(const Lexicon& lexicon, std::string_view lower) {
  const Lexicon::Entry* e = lexicon.Find(WithoutPossessive(lower));
  return e != nullptr &&
         (e->flags & (lexfmt::kLower | lexfmt::kCapitalized)) != 0;
}

bool EnglishDocument(const DocumentWords& words) {
  return words.tokens > 0 && words.known_tokens * 10 >= words.tokens * 7;
}

bool ForeignLine(size_t known, size_t words) {
  return words >= kMinForeignLineWords && 2 * known < words;
}

DocumentWords GatherWords(std::string_view window, const Lexicon& lexicon) {
  DocumentWords words;
  // One pass, line by line (a line's tokens stay in the caches): each token's
  // distinct written form is found in a hash table of the forms seen so far;
  // at the line's end, the forms new in it are looked up in the lexicon in a
  // batch that prefetches a few lookups ahead (the lexicon is far bigger
  // than the caches), and then the line's tokens are counted. Everything a
  // token's counting reads (its neighbours, the line's language) lies in its
  // line.
  // (Its text and lexicon facts are kept apart, in `latest` and `facts`, its
  // count in its slot of the table: each token reads or updates them, and
  // they stay in the caches where the forms do not.)
  struct Form {
    uint32_t base = 0;  // usable: the number of its base
    bool ascii = true;
    // An unknown word, or one the lexicon knows only as an acronym, that
    // may be evidence.
    bool usable = false;
  };
  // A token, with its form's facts copied in (the forms are many and
  // scattered; a line's tokens stay in the caches).
  struct Token {
    uint32_t form;
    bool counted;  // two or more letters
    bool protect;
    bool sentence_start;
    bool hyphened;  // joined to another word by a hyphen
    bool spaced;    // one space after the previous token of its run
    bool ascii;
    bool known;
    bool rare;
    uint16_t piece;  // which valid run of its line (invalid bytes split one)
  };
  std::vector<Form> forms;
  std::vector<std::string_view> latest;  // by form: its latest occurrence
  // By form: bit 0 known (a lexicon word), bit 1 rare (a lexicon word
  // without a corpus count), bit 2 a lexicon word only as an acronym (a
  // weak witness however often written), bit 3 another weak witness (see
  // kMinWeakCount).
  enum : uint8_t {
    kKnownForm = 1,
    kRareForm = 2,
    kAcronymForm = 4,
    kWeakForm = 8
  };
  std::vector<uint8_t> facts;
  // The bases of usable forms (lowercase, no possessive), numbered.
  std::unordered_map<std::string, uint32_t> base_ids;
  std::vector<const std::string*> bases;  // by number
  // Open addressing over the forms, grown at half full. Each slot holds a
  // form's first eight bytes (zero-padded), its index + 1 (0: empty) and its
  // occurrences, so that a form of fewer than eight bytes (most tokens) is
  // found and counted in its slot alone, and a longer one compared with its
  // latest occurrence (likely still in the caches, where its first may be a
  // megabyte back) only when its first eight bytes agree.
  struct Slot {
    uint64_t head;
    uint32_t form;
    uint32_t count;
  };
  const char* const window_end = window.data() + window.size();
  // The bytes of a token of the window from `p`, at most eight (`n` or
  // more are left), as a number, zero-padded (a token holds no zero byte).
  const auto chunk = [window_end](const char* p, size_t n) {
    uint64_t v = 0;
    if (n >= 8 || window_end - p >= 8) {
      std::memcpy(&v, p, 8);
      if (n < 8) v &= (uint64_t{1} << (8 * n)) - 1;
    } else {
      std::memcpy(&v, p, n);
    }
    return v;
  };
  // A hash of a token (multiplicative, eight bytes at a step), and its head.
  const auto hash_of = [&](std::string_view text, uint64_t* head) {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
    *head = chunk(text.data(), text.size());
    uint64_t h = *head * kMultiplier;
    for (size_t at = 8; at < text.size(); at += 8)
      h = (h ^ chunk(text.data() + at, text.size() - at)) * kMultiplier;
    h = (h ^ text.size()) * kMultiplier;
    return h ^ (h >> 29);
  };
  std::vector<Slot> table(4096, Slot{0, 0, 0});
  std::vector<uint32_t> fresh;  // forms new in the current line
  const auto grow = [&] {
    std::vector<Slot> bigger(table.size() * 2, Slot{0, 0, 0});
    uint64_t head;
    for (const Slot& old : table) {
      if (old.form == 0) continue;
      size_t h = hash_of(latest[old.form - 1], &head);
      while (bigger[h & (bigger.size() - 1)].form != 0) ++h;
      bigger[h & (bigger.size() - 1)] = old;
    }
    table.swap(bigger);
  };
  auto find_or_add = [&](std::string_view text, bool ascii) -> uint32_t {
    uint64_t head;
    const uint64_t hash = hash_of(text, &head);
    for (size_t h = hash;; ++h) {
      Slot& slot = table[h & (table.size() - 1)];
      if (slot.form == 0) {
        Form form;
        form.ascii = ascii;
        forms.push_back(form);
        latest.push_back(text);
        facts.push_back(0);
        fresh.push_back(static_cast<uint32_t>(forms.size() - 1));
        slot = {head, static_cast<uint32_t>(forms.size()), 1};
        // (Grown once half full, as the form is added: the lookups of forms
        // seen before, the most, ask nothing.)
        if (2 * forms.size() >= table.size()) grow();
        return static_cast<uint32_t>(forms.size() - 1);
      }
      // (A head with a zero byte is a form shorter than eight bytes, all of
      // it there: a token holds no zero byte.)
      if (slot.head == head &&
          (text.size() < 8 || SameText(latest[slot.form - 1], text))) {
        latest[slot.form - 1] = text;
        ++slot.count;
        return slot.form - 1;
      }
    }
  };
  std::vector<std::string> lowers;  // of the fresh forms
  std::vector<uint64_t> hashes;     // their lexfmt::Hash
  // The lexicon's facts of the k-th fresh form.
  const auto look_up = [&](size_t k) {
    Form& form = forms[fresh[k]];
    const std::string& lower = lowers[k];
    const Lexicon::Entry* entry = lexicon.Find(lower, hashes[k]);
    // (Known() would look the form up again.)
    const bool known = entry != nullptr || KnownPossessive(lexicon, lower);
    const bool rare = entry != nullptr && entry->frequency == 0;
    const bool acronym =
        entry != nullptr &&
        (entry->flags & (lexfmt::kLower | lexfmt::kCapitalized)) == 0;
    facts[fresh[k]] =
        static_cast<uint8_t>((known ? kKnownForm : 0) | (rare ? kRareForm : 0) |
                             (acronym ? kAcronymForm : 0));
    const std::string_view base = WithoutPossessive(lower);
    // (Two or three letters a-z, no possessive: see kMinWeakCount.)
    const bool weak = !acronym && form.ascii && base.size() >= 2 &&
                      base.size() == lower.size() && (rare || !known) &&
                      base.size() < kMinUnknownLength &&
                      std::all_of(base.begin(), base.end(),
                                  [](char c) { return c >= 'a' && c <= 'z'; });
    if (weak) facts[fresh[k]] |= kWeakForm;
    form.usable = (!known && form.ascii && base.size() >= kMinUnknownLength) ||
                  (acronym && form.ascii) || weak;
    if (form.usable) {
      // (Forms that differ in case share their base.)
      const auto [it, added] = base_ids.try_emplace(
          std::string(base), static_cast<uint32_t>(base_ids.size()));
      if (added) bases.push_back(&it->first);
      form.base = it->second;
    }
  };
  auto look_up_fresh = [&] {
    lowers.resize(fresh.size());
    hashes.resize(fresh.size());
    for (size_t k = 0; k < fresh.size(); ++k) {
      lowers[k] = LowerWord(latest[fresh[k]], forms[fresh[k]].ascii);
      hashes[k] = lexfmt::Hash(lowers[k]);
    }
    // (Each word's slot, entry and text are asked for kAhead lookups apart,
    // so that each step finds what the one before it asked for in the cache.)
    constexpr size_t kAhead = 8;
    const size_t n = fresh.size();
    for (size_t k = 0; k < n + 3 * kAhead; ++k) {
      if (k < n) lexicon.PrefetchSlot(hashes[k]);
      if (k >= kAhead && k - kAhead < n)
        lexicon.PrefetchEntry(hashes[k - kAhead]);
      if (k >= 2 * kAhead && k - 2 * kAhead < n)
        lexicon.PrefetchText(hashes[k - 2 * kAhead]);
      if (k >= 3 * kAhead) look_up(k - 3 * kAhead);
    }
    fresh.clear();
  };

  struct Seen {
    size_t count = 0;
    bool lower = false;        // written in lowercase somewhere
    bool not_upper = false;    // written other than in all capitals somewhere
    bool mid_capital = false;  // capitalized in the middle of a sentence
    // A weak witness (DocumentWords::weak_witnesses): a lexicon word only as an
    // acronym, or another written kMinWeakCount times or more
    // (`counted_weak`).
    bool weak = false;
    bool counted_weak = false;
  };
  std::unordered_map<uint32_t, Seen> unknown;      // by base
  std::unordered_map<uint32_t, Suspect> suspects;  // by form
  // By form and foreign line: form << 32 | line.
  std::unordered_map<uint64_t, Suspect> foreign_suspects;
  std::vector<Token> line_tokens;
  // Per valid run of the current line (reused, not allocated per line):
  // its known and counted tokens, and its index in foreign_words if any.
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  std::vector<uint32_t> piece_lines;
  // Counts the tokens of one whole line.
  auto count_line = [&] {
    if (!fresh.empty()) look_up_fresh();
    // (One pass: each token's lexicon facts, as the forms new in the line
    // now have them, and the counts per valid run.)
    pieces.clear();
    bool any_unusual = false;  // a token is not a plain known word
    for (Token& t : line_tokens) {
      const uint8_t f = facts[t.form];
      t.known = (f & kKnownForm) != 0;
      t.rare = (f & kRareForm) != 0;
      // (Known, not rare, no acronym: nothing below reads such a token but
      // as a neighbour.)
      any_unusual = any_unusual || f != kKnownForm;
      if (t.piece >= pieces.size()) pieces.resize(t.piece + 1u);
      if (!t.counted) continue;
      pieces[t.piece].first += t.known;
      ++pieces[t.piece].second;
    }
    uint32_t known = 0, all = 0;
    for (const auto& [piece_known, piece_all] : pieces) {
      known += piece_known;
      all += piece_all;
    }
    // Lines the lexicon mostly does not know are in another language (a
    // German paragraph is not English with many unknown words): their unknown
    // words are no evidence.
    words.tokens += all;
    words.known_tokens += known;
    const auto foreign_piece = [&](size_t p) {
      return p < pieces.size() &&
             ForeignLine(pieces[p].first, pieces[p].second);
    };
    words.foreign_lines.push_back(static_cast<char>(
        (foreign_piece(0) ? 1 : 0) |
        (!pieces.empty() && foreign_piece(pieces.size() - 1) ? 2 : 0)));
    // A plain neighbour one space away: what a stray space may have split
    // off the word (pris oners).
    const auto plain = [&](size_t k) {
      const Token& n = line_tokens[k];
      return !n.protect && n.ascii && !n.hyphened;
    };
    // Each valid run of the line in another language is kept for a second
    // look once the repairs are known (see DocumentWords).
    piece_lines.assign(pieces.size(), kNoForeignLine);
    bool any_foreign = false;
    for (size_t p = 0; p < pieces.size(); ++p) {
      if (!foreign_piece(p)) continue;
      any_foreign = true;
      piece_lines[p] = static_cast<uint32_t>(words.foreign_words.size());
      words.foreign_words.emplace_back();
    }
    if (any_foreign) {
      for (const Token& t : line_tokens) {
        if (t.counted && piece_lines[t.piece] != kNoForeignLine)
          words.foreign_words[piece_lines[t.piece]].push_back(latest[t.form]);
      }
    }
    // (A line of common words alone, the most, has nothing more to count.)
    if (!any_unusual) {
      line_tokens.clear();
      return;
    }
    const size_t n = line_tokens.size();
    for (size_t k = 0; k < n; ++k) {
      const Token& t = line_tokens[k];
      if (!t.counted) continue;
      const bool foreign = piece_lines[t.piece] != kNoForeignLine;
      // A word the lexicon knows only as an acronym is no word written in
      // lowercase in an English line: an accident's evidence as much as an
      // unknown word ("wy" where every "the" became "wy"), and so are the
      // other weak witnesses (kMinWeakCount). Counted only where written in
      // lowercase; not suspects for the per-word fixes on that account.
      const uint8_t weak_facts = facts[t.form] & (kAcronymForm | kWeakForm);
      if (weak_facts != 0 && forms[t.form].usable && !t.protect && !foreign &&
          CaseOf(latest[t.form]) == WordCase::kLower) {
        Seen& seen = unknown[forms[t.form].base];
        ++seen.count;
        seen.lower = true;
        seen.not_upper = true;
        seen.weak = true;
        seen.counted_weak = (weak_facts & kWeakForm) != 0;
      }
      if (t.known && !t.rare) continue;
      const Form& form = forms[t.form];
      const std::string_view text = latest[t.form];
      // Two plain tokens one space apart, one of them no common word: perhaps
      // one word split by a stray space. Not in another language's lines
      // (joining two pieces there could make the line read as English to a
      // second run).
      // (Kept apart for such a line, which may turn English once the
      // repairs are known.)
      const auto pair = [&](std::string_view a, std::string_view b) {
        if (foreign) {
          words.foreign_adjacent.push_back({a, b, piece_lines[t.piece]});
        } else {
          words.adjacent.emplace_back(a, b);
        }
      };
      if (k + 1 < n) {
        const Token& next = line_tokens[k + 1];
        if (next.spaced && !next.sentence_start && plain(k + 1) && plain(k))
          pair(text, latest[next.form]);
      }
      if (k > 0 && t.spaced && !t.sentence_start && plain(k) && plain(k - 1)) {
        const Token& p = line_tokens[k - 1];
        if (p.known && !p.rare) pair(latest[p.form], text);
      }
      if (t.known || !form.ascii || t.protect) continue;
      const uint32_t foreign_line = piece_lines[t.piece];
      Suspect& suspect =
          foreign ? foreign_suspects[uint64_t{t.form} << 32 | foreign_line]
                  : suspects[t.form];
      if (++suspect.count == 1) {
        suspect.foreign_line = foreign ? foreign_line : kNoForeignLine;
        // An apostrophe right before the word marks letters left out on
        // purpose ('orrible); one right after, a plural's possessive.
        const char* begin = text.data();
        const char* end = begin + text.size();
        suspect.elided = begin > window.data() && begin[-1] == '\'';
        suspect.plural_possessive =
            end < window.data() + window.size() && *end == '\'';
        // (Sentence starts and punctuation end the context: "spaced" is one
        // space and nothing else between two tokens.)
        const auto joined = [&](size_t j) {  // token j one space after j-1
          return line_tokens[j].spaced && !line_tokens[j].sentence_start &&
                 plain(j) && plain(j - 1);
        };
        if (k > 0 && joined(k)) {
          suspect.before = latest[line_tokens[k - 1].form];
          if (k > 1 && joined(k - 1))
            suspect.before2 = latest[line_tokens[k - 2].form];
        }
        if (k + 1 < n && joined(k + 1)) {
          suspect.after = latest[line_tokens[k + 1].form];
          if (k + 2 < n && joined(k + 2))
            suspect.after2 = latest[line_tokens[k + 2].form];
        }
      }
      suspect.hyphened = suspect.hyphened || t.hyphened;
      // A lone letter beside it (other than "a" and "I"): a piece of a word
      // the page broke ("r ibility"), not a word misread.
      const auto stray_letter = [&](size_t j) {
        const Token& x = line_tokens[j];
        if (x.counted) return false;
        const std::string_view letter = latest[x.form];
        return letter.size() == 1 && letter != "a" && letter != "A" &&
               letter != "I";
      };
      suspect.beside_fragment =
          suspect.beside_fragment ||
          (t.spaced && k > 0 && stray_letter(k - 1)) ||
          (k + 1 < n && line_tokens[k + 1].spaced && stray_letter(k + 1));
      const WordCase c = CaseOf(text);
      // A capitalized word that starts a sentence right before a capitalized
      // word the lexicon lacks is the first word of a name (Radiy Khabirov),
      // as much as one in mid-sentence.
      const bool starts_name =
          t.sentence_start && c == WordCase::kCapitalized && k + 1 < n &&
          line_tokens[k + 1].spaced && !line_tokens[k + 1].sentence_start &&
          plain(k + 1) && !line_tokens[k + 1].known &&
          CaseOf(latest[line_tokens[k + 1].form]) == WordCase::kCapitalized;
      suspect.mid_capital =
          suspect.mid_capital ||
          (!t.sentence_start && c == WordCase::kCapitalized) || starts_name;
      // (A weak witness is counted above.)
      if (!form.usable || foreign || (facts[t.form] & kWeakForm) != 0) continue;
      Seen& seen = unknown[form.base];
      ++seen.count;
      seen.lower = seen.lower || c == WordCase::kLower;
      seen.not_upper = seen.not_upper || c != WordCase::kUpper;
      seen.mid_capital = seen.mid_capital ||
                         (c == WordCase::kCapitalized && !t.sentence_start);
    }
    line_tokens.clear();
  };

  // The window's valid runs, each line by line (a newline is whitespace to
  // the tokenizer, so a line tokenizes as it would inside its run). A line
  // that invalid bytes break into several runs is counted once, whole.
  std::vector<WordToken> tokens;
  uint16_t piece = 0;  // of the current line
  ForEachRun(
      window,
      [&](size_t, std::string_view run) {
        for (size_t begin = 0; begin <= run.size();) {
          const void* newline =
              memchr(run.data() + begin, '\n', run.size() - begin);
          const size_t end =
              newline == nullptr
                  ? run.size()
                  : static_cast<size_t>(static_cast<const char*>(newline) -
                                        run.data());
          const std::string_view text = run.substr(begin, end - begin);
          tokens.clear();
          Tokenize(text, &tokens);
          size_t previous_end = std::string_view::npos;
          for (const WordToken& t : tokens) {
            const bool spaced = previous_end != std::string_view::npos &&
                                t.offset == previous_end + 1 &&
                                text[previous_end] == ' ';
            previous_end = t.offset + t.length;
            const std::string_view word = text.substr(t.offset, t.length);
            const bool hyphened = (t.offset > 0 && text[t.offset - 1] == '-') ||
                                  (t.offset + t.length < text.size() &&
                                   text[t.offset + t.length] == '-');
            const uint32_t f = find_or_add(word, t.ascii);
            // (Its lexicon facts are read at the line's end, once the forms
            // new in the line are looked up.)
            line_tokens.push_back({f, t.length >= 2, t.protect,
                                   t.sentence_start, hyphened, spaced, t.ascii,
                                   false, false, piece});
          }
          if (newline == nullptr) break;
          count_line();
          piece = 0;
          begin = end + 1;
        }
        // (The line goes on in the next valid run, if any.)
        if (piece < UINT16_MAX) ++piece;
      },
      [](size_t, size_t) {});
  count_line();  // the last line

  for (auto& [base, seen] : unknown) {
    if (!seen.lower && seen.mid_capital) {
      words.names.push_back(*bases[base]);
    } else if (seen.not_upper &&
               (!seen.counted_weak || seen.count >= kMinWeakCount)) {
      words.unknown.emplace_back(*bases[base], seen.count);
      if (seen.weak) words.weak_witnesses.push_back(*bases[base]);
    }
  }
  std::sort(words.weak_witnesses.begin(), words.weak_witnesses.end());
  std::sort(words.unknown.begin(), words.unknown.end());
  std::sort(words.names.begin(), words.names.end());
  words.written = std::move(latest);
  words.written_count.assign(words.written.size(), 0);
  for (const Slot& slot : table) {
    if (slot.form != 0) words.written_count[slot.form - 1] = slot.count;
  }
  for (auto& [form, suspect] : suspects) {
    suspect.text = words.written[form];
    words.suspects.push_back(suspect);
  }
  for (auto& [key, suspect] : foreign_suspects) {
    suspect.text = words.written[key >> 32];
    words.foreign_suspects.push_back(suspect);
  }
  std::sort(words.foreign_suspects.begin(), words.foreign_suspects.end(),
            [](const Suspect& a, const Suspect& b) {
              return a.text != b.text ? a.text < b.text
                                      : a.foreign_line < b.foreign_line;
            });
  std::sort(words.suspects.begin(), words.suspects.end(),
            [](const Suspect& a, const Suspect& b) { return a.text < b.text; });
  return words;
}

}  // namespace textmend
