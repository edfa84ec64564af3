// Helpers shared by the unit tests.
#ifndef TEXTMEND_TESTS_UNIT_TEST_UTIL_H_
#define TEXTMEND_TESTS_UNIT_TEST_UTIL_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>

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

}  // namespace textmend

#endif  // TEXTMEND_TESTS_UNIT_TEST_UTIL_H_
