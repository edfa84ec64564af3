// ReportRecord, written with nlohmann::json.
#include "io/report.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace textmend {

std::string ReportRecord(std::string_view file, const Change& change,
                         int64_t record) {
  nlohmann::ordered_json j;
  j["file"] = std::string(file);
  if (record >= 0) j["record"] = record;
  j["line"] = change.line;
  j["column"] = change.column;
  j["offset"] = change.offset;
  j["length"] = change.length;
  j["before"] = change.before;
  j["after"] = change.after;
  j["stage"] = change.stage;
  j["rule"] = change.rule;
  j["confidence"] = std::round(change.confidence * 1000.0) / 1000.0;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace textmend
