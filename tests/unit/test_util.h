// Helpers shared by the unit tests.
#ifndef TEXTMEND_TESTS_UNIT_TEST_UTIL_H_
#define TEXTMEND_TESTS_UNIT_TEST_UTIL_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textmend/repairer.h"

namespace textmend {

inline std::unique_ptr<Repairer> MakeRepairer(
    const Options& options = Options()) {
  std::unique_ptr<Repairer> r;
  REQUIRE(Repairer::Create(options, &r).ok());
  return r;
}

inline RepairResult RepairText(std::string_view input,
                               const Options& options = Options()) {
  RepairResult result;
  REQUIRE(MakeRepairer(options)->Repair(input, &result).ok());
  return result;
}

// A repair expected of one stage: `input` becomes `expected`, and the first
// change has `rule`; an empty rule expects no change at all.
struct RepairCase {
  std::string input;
  std::string expected;
  std::string rule;
};

inline void CheckRepairs(std::string_view stage,
                         const std::vector<RepairCase>& cases,
                         const Options& options = Options()) {
  for (const RepairCase& c : cases) {
    INFO("input: " << c.input);
    const RepairResult r = RepairText(c.input, options);
    CHECK(r.text == c.expected);
    if (c.rule.empty()) {
      CHECK(r.changes.empty());
    } else {
      REQUIRE_FALSE(r.changes.empty());
      CHECK(r.changes[0].rule == c.rule);
      CHECK(r.changes[0].stage == stage);
    }
  }
}

}  // namespace textmend

#endif  // TEXTMEND_TESTS_UNIT_TEST_UTIL_H_
