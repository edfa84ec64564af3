// The compiled English lexicon: lookups, case classes, levels, frequencies,
// prefix and suffix ranges, and refusing damaged files.
#include "dict/lexicon.h"

#include <catch2/catch.hpp>

#include "unit/temp_dir.h"

namespace textmend {
namespace {

const Lexicon& English() {
  static std::unique_ptr<Lexicon> lex = [] {
    std::string tried;
    const std::string path = FindDictionary("", "en.lex", &tried);
    REQUIRE_FALSE(path.empty());
    std::unique_ptr<Lexicon> l;
    REQUIRE(Lexicon::Open(path, &l).ok());
    return l;
  }();
  return *lex;
}

TEST_CASE("lexicon: common words, inflections and British spellings",
          "[lexicon]") {
  const Lexicon& lex = English();
  for (const char* w :
       {"the", "prisoners", "pardoned", "cautioned", "organisers", "colour",
        "color", "don't", "well-known"}) {
    INFO(w);
    const Lexicon::Entry* e = lex.Find(w);
    REQUIRE(e != nullptr);
    CHECK((e->flags & lexfmt::kLower) != 0);
  }
  for (const char* w :
       {"prisstartrs", "pardstartd", "cautistartd", "thepolitical", "qzxv"}) {
    INFO(w);
    CHECK(lex.Find(w) == nullptr);
  }
}

TEST_CASE("lexicon: names and acronyms keep their case class", "[lexicon]") {
  const Lexicon& lex = English();
  const Lexicon::Entry* london = lex.Find("london");
  REQUIRE(london != nullptr);
  CHECK((london->flags & lexfmt::kCapitalized) != 0);
  CHECK((london->flags & lexfmt::kLower) == 0);
  const Lexicon::Entry* nasa = lex.Find("nasa");
  REQUIRE(nasa != nullptr);
  CHECK((nasa->flags & lexfmt::kUpper) != 0);
}

TEST_CASE("lexicon: levels and frequencies rank common words first",
          "[lexicon]") {
  const Lexicon& lex = English();
  const Lexicon::Entry* the = lex.Find("the");
  const Lexicon::Entry* rare = lex.Find("abacus");
  REQUIRE(the != nullptr);
  REQUIRE(rare != nullptr);
  CHECK(the->level == 10);
  CHECK(the->frequency > rare->frequency);
  CHECK(lex.total_frequency() > the->frequency);
}

TEST_CASE("lexicon: word pairs are counted", "[lexicon]") {
  const Lexicon& lex = English();
  REQUIRE(lex.has_pairs());
  float of_the = 0, the = 0, visitors_to = 0, factors_to = 0, unlisted = 0;
  REQUIRE(lex.PairLog("of", "the", &of_the));
  REQUIRE(lex.PairLog("the", "", &the));
  REQUIRE(lex.PairLog("visitors", "to", &visitors_to));
  REQUIRE(lex.PairLog("factors", "to", &factors_to));
  CHECK(of_the > visitors_to);
  CHECK(visitors_to > factors_to);
  // (The word counts come from another corpus than the pair counts: a
  // pair's log may exceed its words'. Only counts of one kind compare.)
  CHECK(the > 20);
  CHECK(factors_to >= lex.pair_floor());
  CHECK_FALSE(lex.PairLog("visitor", "traffic", &unlisted));
  CHECK_FALSE(lex.PairLog("prisoners", "zebra", &unlisted));
}

TEST_CASE("lexicon: three letters tell English from junk", "[lexicon]") {
  const Lexicon& lex = English();
  // Letters of common words.
  for (const char* t : {"the", "ing", "day", "str", "ght", "tio"})
    CHECK(lex.EnglishTrigram(t[0], t[1], t[2]));
  // What a find-and-replace or a page reader writes.
  for (const char* t : {"qzv", "dlm", "xkq", "fbf", "jwy"})
    CHECK_FALSE(lex.EnglishTrigram(t[0], t[1], t[2]));
  // Only lowercase letters are asked about.
  CHECK_FALSE(lex.EnglishTrigram('T', 'h', 'e'));
  CHECK_FALSE(lex.EnglishTrigram('o', '\'', 'b'));
}

TEST_CASE("lexicon: prefix and suffix ranges", "[lexicon]") {
  const Lexicon& lex = English();
  auto [a, b] = lex.PrefixRange("prisone");
  REQUIRE(b > a);
  for (uint32_t i = a; i < b; ++i)
    CHECK(lex.WordOf(lex.At(i)).rfind("prisone", 0) == 0);
  auto [c, d] = lex.SuffixRange("oners");
  REQUIRE(d > c);
  bool found = false;
  for (uint32_t i = c; i < d; ++i) {
    const std::string_view w = lex.WordOf(lex.ReversedAt(i));
    CHECK(w.substr(w.size() - 5) == "oners");
    found = found || w == "prisoners";
  }
  CHECK(found);
  // The reversed order's words lie side by side, as the word order's do (a
  // suffix's words are read from consecutive bytes), and each is the entry
  // Find gives for its word.
  for (uint32_t i = c; i < d; ++i) {
    const Lexicon::Entry& e = lex.ReversedAt(i);
    if (i + 1 < d) {
      CHECK(lex.ReversedAt(i + 1).word_offset == e.word_offset + e.word_length);
    }
    const Lexicon::Entry* f = lex.Find(lex.WordOf(e));
    REQUIRE(f != nullptr);
    CHECK(f->frequency == e.frequency);
    CHECK(f->flags == e.flags);
    CHECK(f->level == e.level);
  }
}

TEST_CASE(
    "lexicon: prefix and suffix ranges are exact wherever the sampled keys "
    "place them",
    "[lexicon]") {
  // The searches start from every 32nd word's first 8 bytes: checked
  // against counts over all the entries, for affixes shorter
  // and longer than 8 bytes, absent ones, and the orders' two ends.
  const Lexicon& lex = English();
  const uint32_t n = lex.size();
  for (const std::string affix : {"",
                                  "a",
                                  "z",
                                  "zz",
                                  "zzzz",
                                  "pr",
                                  "prisone",
                                  "prisoner",
                                  "prisoners",
                                  "international",
                                  "internationalisation",
                                  "qxq",
                                  "e",
                                  "s",
                                  "ers",
                                  "oners",
                                  "isation",
                                  "ness",
                                  "abcdefghij",
                                  "\x7f",
                                  "'s",
                                  "aa"}) {
    INFO("'" << affix << "'");
    const auto [lo, hi] = lex.PrefixRange(affix);
    // (Counted over every entry: the words before the prefix's, and its.)
    uint32_t want_lo = 0, within = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const std::string_view w = lex.WordOf(lex.At(i));
      want_lo += w < affix;
      within += w.substr(0, affix.size()) == affix;
    }
    CHECK(lo == want_lo);
    const uint32_t want_hi = want_lo + within;
    CHECK(hi == want_hi);
    const auto [rlo, rhi] = lex.SuffixRange(affix);
    const auto ends = [&](uint32_t i) {
      const std::string_view w = lex.WordOf(lex.ReversedAt(i));
      return w.size() >= affix.size() &&
             w.substr(w.size() - affix.size()) == affix;
    };
    uint32_t count = 0;
    for (uint32_t i = 0; i < n; ++i) count += ends(i);
    CHECK(rhi - rlo == count);
    if (rhi > rlo) {
      CHECK(ends(rlo));
      CHECK(ends(rhi - 1));
    }
  }
}

TEST_CASE("lexicon: a damaged or missing file is an error naming it",
          "[lexicon]") {
  TempDir dir;
  std::unique_ptr<Lexicon> l;
  Status s = Lexicon::Open(dir.File("none.lex"), &l);
  CHECK(s.message().find("none.lex") != std::string::npos);
  WriteFile(dir.File("bad.lex"), std::string(200, 'x'));
  s = Lexicon::Open(dir.File("bad.lex"), &l);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find("bad.lex") != std::string::npos);
  std::string tried;
  CHECK(FindDictionary(dir.path(), "en.lex", &tried).empty());
  CHECK(tried == dir.path());
}

}  // namespace
}  // namespace textmend
