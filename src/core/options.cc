// Stage selection by name, shared by the CLI and library users.
#include "textmend/options.h"

#include <string>

namespace textmend {
namespace {

struct StageEntry {
  std::string_view name;
  bool Options::*field;
};

constexpr StageEntry kStages[] = {
    {"decode", &Options::decode},
    {"encoding", &Options::encoding},
    {"unicode", &Options::unicode},
    {"words", &Options::words},
    {"names", &Options::names},
};

}  // namespace

std::string_view StageNames() {
  static const std::string names = [] {
    std::string out;
    for (const StageEntry& s : kStages) {
      if (!out.empty()) out += ',';
      out += s.name;
    }
    return out;
  }();
  return names;
}

Status SetStage(std::string_view name, bool enabled, Options* options) {
  for (const StageEntry& s : kStages) {
    if (s.name == name) {
      options->*s.field = enabled;
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("unknown stage '" + std::string(name) +
                                 "' (stages: " + std::string(StageNames()) +
                                 ")");
}

Status SetStages(std::string_view list, Options* options) {
  Options result = *options;
  for (const StageEntry& s : kStages) result.*s.field = false;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    if (!name.empty()) {
      Status st = SetStage(name, true, &result);
      if (!st.ok()) return st;
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  *options = result;
  return Status::Ok();
}

}  // namespace textmend
