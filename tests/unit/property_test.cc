// Seeded property loops over generated text (after simdutf's TEST_LOOP): for
// random mixes of clean text, damage and invalid bytes, check the invariants
// every input must keep.
#include <catch2/catch.hpp>
#include <cctype>
#include <random>

#include "core/utf8.h"
#include "encoding/encoding_stage.h"
#include "unicode/markup.h"
#include "unicode/unicode_stages.h"
#include "unit/test_util.h"

namespace textmend {
namespace {

using namespace std::string_literals;

// Pieces of text, clean and damaged, that the generator strings together.
const std::vector<std::string>& Atoms() {
  static const std::vector<std::string> atoms = {
      "the ",
      "quick ",
      "brown ",
      "fox ",
      "jumps",
      ". ",
      ", ",
      "\n",
      "\r\n",
      "\n\n",
      "\t",
      "caf\xC3\xA9 ",
      "\xD0\xBC\xD0\xB8\xD1\x80 ",
      "\xE5\x8C\x97\xE4\xBA\xAC",
      "\xE0\xB8\x9C\xE0\xB8\xA1",
      "\xF0\x9F\x98\x80",
      "\xE2\x80\x9Cq\xE2\x80\x9D",
      // damage the unicode stage repairs
      "e\xCC\x81",
      "\xCC\x81",
      "\xCC\xA3\xCC\x87",
      "\xEF\xAC\x81",
      "\xEF\xAC\x83",
      "\xE2\x80\x8B",
      "\xEF\xBB\xBF",
      "\x01",
      "\x7F",
      "\x1B",
      // bytes that are not UTF-8
      "\xFF",
      "\xE9",
      "\xC0\xAF",
      "\xE2\x80",
      "\xED\xA0\x80",
      "\x80\x8B",
      "\xF4\x90\x80\x80",
      // an ideographic compatibility character NFC must leave
      "\xEF\xA4\x80",
  };
  return atoms;
}

std::string Generate(std::mt19937* rng, size_t atoms) {
  std::uniform_int_distribution<size_t> pick(0, Atoms().size() - 1);
  std::string s;
  for (size_t i = 0; i < atoms; ++i) s += Atoms()[pick(*rng)];
  return s;
}

// A string of clean text only: no damage, no invalid bytes. (English words
// run together, "jumpsthe", are damage the word stage repairs: a word is
// glued only to another script, "jumpsмир".)
std::string GenerateClean(std::mt19937* rng, size_t atoms) {
  std::uniform_int_distribution<size_t> pick(0, 16);
  std::string s;
  for (size_t i = 0; i < atoms; ++i) {
    const std::string& atom = Atoms()[pick(*rng)];
    if (!s.empty() && std::isalpha(static_cast<unsigned char>(s.back())) &&
        std::isalpha(static_cast<unsigned char>(atom[0])))
      s += ' ';
    s += atom;
  }
  return s;
}

std::vector<std::string> InvalidStretches(std::string_view s) {
  std::vector<std::string> out;
  ForEachRun(
      s, [](size_t, std::string_view) {},
      [&](size_t off, size_t len) { out.emplace_back(s.substr(off, len)); });
  return out;
}

class CollectSink final : public OutputSink {
 public:
  Status Append(std::string_view text) override {
    result.text.append(text);
    return Status::Ok();
  }
  void AddChange(const Change& c) override { result.changes.push_back(c); }
  RepairResult result;
};

RepairResult RepairInChunks(const Repairer& r, std::string_view in,
                            std::mt19937* rng) {
  CollectSink sink;
  auto stream = r.NewStream(&sink);
  std::uniform_int_distribution<size_t> len(0, 40);
  while (!in.empty()) {
    const size_t n =
        std::min(in.size(), len(*rng) == 0 ? size_t{1} : len(*rng) * 37);
    REQUIRE(stream->Write(in.substr(0, n)).ok());
    in.remove_prefix(n);
  }
  REQUIRE(stream->Finish().ok());
  return sink.result;
}

bool SameChanges(const std::vector<Change>& a, const std::vector<Change>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].offset != b[i].offset || a[i].length != b[i].length ||
        a[i].line != b[i].line || a[i].column != b[i].column ||
        a[i].before != b[i].before || a[i].after != b[i].after ||
        a[i].rule != b[i].rule) {
      return false;
    }
  }
  return true;
}

TEST_CASE("property: a stream in random chunks gives the one-shot result",
          "[property]") {
  Options o;
  o.max_segment_bytes = 4096;  // small, so long lines get cut too
  auto repairer = MakeRepairer(o);
  std::mt19937 rng(20261122);
  for (int round = 0; round < 300; ++round) {
    // Some rounds have few newlines, so cuts fall inside lines.
    std::string in = Generate(&rng, 50 + round * 7);
    if (round % 3 == 0) {
      for (char& c : in) {
        if (c == '\n') c = ' ';
      }
    }
    RepairResult one;
    REQUIRE(repairer->Repair(in, &one).ok());
    const RepairResult chunked = RepairInChunks(*repairer, in, &rng);
    INFO("round " << round);
    REQUIRE(chunked.text == one.text);
    if (!SameChanges(chunked.changes, one.changes)) {
      for (size_t i = 0;
           i < std::max(chunked.changes.size(), one.changes.size()); ++i) {
        const Change* a =
            i < chunked.changes.size() ? &chunked.changes[i] : nullptr;
        const Change* b = i < one.changes.size() ? &one.changes[i] : nullptr;
        if (a && b && SameChanges({*a}, {*b})) continue;
        UNSCOPED_INFO("change "
                      << i << " chunked: "
                      << (a ? a->rule + "@" + std::to_string(a->offset) + "+" +
                                  std::to_string(a->length) + " l" +
                                  std::to_string(a->line) + "c" +
                                  std::to_string(a->column)
                            : "none")
                      << " one-shot: "
                      << (b ? b->rule + "@" + std::to_string(b->offset) + "+" +
                                  std::to_string(b->length) + " l" +
                                  std::to_string(b->line) + "c" +
                                  std::to_string(b->column)
                            : "none"));
        break;
      }
    }
    REQUIRE(SameChanges(chunked.changes, one.changes));
  }
}

TEST_CASE("property: repair is idempotent", "[property]") {
  auto repairer = MakeRepairer();
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const std::string in = Generate(&rng, 80);
    RepairResult once, twice;
    REQUIRE(repairer->Repair(in, &once).ok());
    REQUIRE(repairer->Repair(once.text, &twice).ok());
    INFO("round " << round);
    for (const Change& c : once.changes) {
      UNSCOPED_INFO("first run changed '" << c.before << "' -> '" << c.after
                                          << "' (" << c.rule << ")");
    }
    for (const Change& c : twice.changes) {
      UNSCOPED_INFO("second run changed '" << c.before << "' -> '" << c.after
                                           << "' (" << c.rule << ")");
    }
    CHECK(twice.text == once.text);
    CHECK(twice.changes.empty());
  }
}

TEST_CASE("property: invalid bytes come out exactly as they went in",
          "[property]") {
  auto repairer = MakeRepairer();
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    const std::string in = Generate(&rng, 80);
    RepairResult r;
    REQUIRE(repairer->Repair(in, &r).ok());
    INFO("round " << round);
    CHECK(InvalidStretches(r.text) == InvalidStretches(in));
  }
}

TEST_CASE("property: every change's before text is the original at its offset",
          "[property]") {
  auto repairer = MakeRepairer();
  std::mt19937 rng(13);
  for (int round = 0; round < 300; ++round) {
    const std::string in = Generate(&rng, 80);
    RepairResult r;
    REQUIRE(repairer->Repair(in, &r).ok());
    for (const Change& c : r.changes) {
      REQUIRE(c.offset + c.length <= in.size());
      // A stage's `before` is what that stage saw; for the first stage to touch
      // a span it is the original bytes.
      bool first = c.rule != "nfc";
      for (const Change& other : r.changes) {
        if (&other == &c) break;  // (changes come in input order)
        first = first && other.offset + other.length <= c.offset;
      }
      if (first) CHECK(in.substr(c.offset, c.length) == c.before);
    }
  }
}

TEST_CASE("property: clean text comes back byte-identical", "[property]") {
  auto repairer = MakeRepairer();
  std::mt19937 rng(17);
  for (int round = 0; round < 300; ++round) {
    const std::string in = GenerateClean(&rng, 100);
    RepairResult r;
    REQUIRE(repairer->Repair(in, &r).ok());
    for (const Change& c : r.changes) {
      UNSCOPED_INFO("changed '" << c.before << "' -> '" << c.after << "' ("
                                << c.rule << ")");
    }
    CHECK(r.text == in);
    CHECK(r.changes.empty());
  }
}

TEST_CASE(
    "property: a stage without a model that may change a piece of a text cut "
    "at line ends may change the whole",
    "[property]") {
  // The pipeline asks MayChange() once per learning window and trusts a
  // "no" for every segment of it (TextStage::MayChange).
  Options o;
  o.unescape_html = true;
  o.strip_terminal_escapes = true;
  std::vector<std::unique_ptr<TextStage>> stages = MakeUnicodeStages(o);
  stages.push_back(MakeEncodingStage());
  stages.push_back(MakeMarkupStage(o));
  std::mt19937 rng(20261124);
  size_t pieces_that_may = 0;
  for (int round = 0; round < 400; ++round) {
    // Mostly clean lines, so that the whole often says no.
    std::string text;
    std::uniform_int_distribution<int> lines(1, 6), damaged(0, 4);
    for (int k = lines(rng); k > 0; --k) {
      text += damaged(rng) == 0 ? Generate(&rng, 6) : GenerateClean(&rng, 8);
      text += '\n';
    }
    for (const auto& stage : stages) {
      const bool whole = stage->MayChange(text, nullptr);
      for (size_t begin = 0; begin < text.size();) {
        const size_t newline = text.find('\n', begin);
        for (size_t end = newline; end != std::string::npos;
             end = text.find('\n', end + 1)) {
          const std::string_view piece =
              std::string_view(text).substr(begin, end + 1 - begin);
          if (!stage->MayChange(piece, nullptr)) continue;
          ++pieces_that_may;
          INFO(stage->name() << ": " << text);
          REQUIRE(whole);
        }
        if (newline == std::string::npos) break;
        begin = newline + 1;
      }
    }
  }
  CHECK(pieces_that_may > 100);  // (the property was put to the test)
}

}  // namespace
}  // namespace textmend
