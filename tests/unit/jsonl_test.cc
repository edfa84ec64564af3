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
