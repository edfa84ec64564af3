// JSON Lines: only the field's token changes; everything else passes through
// byte-identical.
#include "io/jsonl.h"

#include <catch2/catch.hpp>

#include "unit/test_util.h"

namespace textmend {
namespace {

struct Case {
  std::string line;
  std::string expected;
  JsonlOutcome outcome;
};

TEST_CASE("jsonl: the field is repaired in place", "[jsonl]") {
  auto repairer = MakeRepairer();
  JsonlLineRepairer jr(*repairer, "text");
  const Case cases[] = {
      {R"({"id": 1,  "text":"\ufb01ne"  , "x" : [1,2]})",
       R"({"id": 1,  "text":"fine"  , "x" : [1,2]})", JsonlOutcome::kRepaired},
      // Raw UTF-8 ligature, an escaped quote and newline that must stay
      // escaped.
      {"{\"text\": \"say \\\"\xEF\xAC\x81ne\\\"\\n\", \"n\": null}",
       "{\"text\": \"say \\\"fine\\\"\\n\", \"n\": null}",
       JsonlOutcome::kRepaired},
      // A control character written as an escape is removed.
      {R"({"text":"a\u0001b"})", R"({"text":"ab"})", JsonlOutcome::kRepaired},
      // Untouched: the bytes stay exactly, escapes and spacing included.
      {R"({ "text" : "caf\u00e9",  "z":1 })",
       R"({ "text" : "caf\u00e9",  "z":1 })", JsonlOutcome::kUnchanged},
      // Only the first of duplicate keys, as the validating parser reads it.
      {R"({"text":"\ufb02y","text":"\ufb02y"})",
       R"({"text":"fly","text":"\ufb02y"})", JsonlOutcome::kRepaired},
      {R"({"text": 5})", R"({"text": 5})", JsonlOutcome::kNotString},
      {R"({"body": "x"})", R"({"body": "x"})", JsonlOutcome::kMissingField},
      {R"(["text"])", R"(["text"])", JsonlOutcome::kNotObject},
      {R"({"text": "unterminated)", R"({"text": "unterminated)",
       JsonlOutcome::kInvalidJson},
      {R"({"text": "x"} trailing)", R"({"text": "x"} trailing)",
       JsonlOutcome::kInvalidJson},
      {"   ", "   ", JsonlOutcome::kBlank},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    std::string out;
    std::vector<Change> changes;
    CHECK(jr.Repair(c.line, &out, &changes) == c.outcome);
    CHECK(out == c.expected);
    CHECK(changes.empty() == (c.outcome != JsonlOutcome::kRepaired));
  }
}

TEST_CASE("jsonl: another field can be chosen", "[jsonl]") {
  auto repairer = MakeRepairer();
  JsonlLineRepairer jr(*repairer, "body");
  std::string out;
  std::vector<Change> changes;
  CHECK(jr.Repair(R"({"text":"\ufb01","body":"\ufb01"})", &out, &changes) ==
        JsonlOutcome::kRepaired);
  CHECK(out == R"({"text":"\ufb01","body":"fi"})");
}

TEST_CASE("jsonl: quoting", "[jsonl]") {
  CHECK(JsonQuote("a\"b\\c\n\t\x01\xC3\xA9") ==
        "\"a\\\"b\\\\c\\n\\t\\u0001\xC3\xA9\"");
}

}  // namespace
}  // namespace textmend

namespace textmend {
namespace {

class Recorder final : public JsonlObserver {
 public:
  void Skipped(uint64_t line, JsonlOutcome outcome) override {
    skipped.emplace_back(line, outcome);
  }
  void Repaired(uint64_t line, const std::vector<Change>& changes) override {
    repaired.emplace_back(line, changes.size());
  }
  std::vector<std::pair<uint64_t, JsonlOutcome>> skipped;
  std::vector<std::pair<uint64_t, size_t>> repaired;
};

TEST_CASE("jsonl stream: lines split across reads of any size", "[jsonl]") {
  auto repairer = MakeRepairer();
  const std::string in =
      "{\"text\":\"\\ufb01\"}\n\nnot json\n{\"text\":\"ok\"}\r\n"
      "{\"x\":1}\n{\"text\":\"\\ufb02\"}";
  const std::string expected =
      "{\"text\":\"fi\"}\n\nnot json\n{\"text\":\"ok\"}\r\n"
      "{\"x\":1}\n{\"text\":\"fl\"}";
  for (size_t max_read : {size_t{1}, size_t{3}, size_t{7}, size_t{1} << 20}) {
    for (unsigned jobs : {1u, 2u}) {
      INFO("max_read " << max_read << " jobs " << jobs);
      std::string out;
      auto reader = StringReader(in, max_read);
      auto writer = StringFile(&out);
      Recorder rec;
      size_t repaired = 0;
      REQUIRE(RepairJsonl(reader.get(), *repairer, "text", jobs, writer.get(),
                          &rec, &repaired)
                  .ok());
      CHECK(out == expected);
      CHECK(repaired == 2);
      CHECK(rec.repaired ==
            std::vector<std::pair<uint64_t, size_t>>{{1, 1}, {6, 1}});
      CHECK(rec.skipped == std::vector<std::pair<uint64_t, JsonlOutcome>>{
                               {3, JsonlOutcome::kInvalidJson},
                               {5, JsonlOutcome::kMissingField}});
    }
  }
}

}  // namespace
}  // namespace textmend
