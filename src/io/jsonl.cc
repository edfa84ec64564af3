// JSON Lines repair; see jsonl.h.
#include "io/jsonl.h"

#include <simdjson.h>

#include <cstring>

namespace textmend {

struct JsonlLineRepairer::Parsers {
  simdjson::dom::parser dom;
  simdjson::ondemand::parser on_demand;
};

std::string DescribeOutcome(JsonlOutcome outcome, std::string_view field) {
  switch (outcome) {
    case JsonlOutcome::kInvalidJson:
      return "not valid JSON";
    case JsonlOutcome::kNotObject:
      return "not a JSON object";
    case JsonlOutcome::kMissingField:
      return "has no field \"" + std::string(field) + "\"";
    case JsonlOutcome::kNotString:
      return "field \"" + std::string(field) + "\" is not a string";
    default:
      return "";
  }
}

std::string JsonQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

JsonlLineRepairer::JsonlLineRepairer(const Repairer& repairer,
                                     std::string field)
    : repairer_(repairer),
      field_(std::move(field)),
      parsers_(std::make_unique<Parsers>()) {}

JsonlLineRepairer::~JsonlLineRepairer() = default;

JsonlOutcome JsonlLineRepairer::Repair(std::string_view line, std::string* out,
                                       std::vector<Change>* changes) {
  out->assign(line);
  if (line.find_first_not_of(" \t\r") == std::string_view::npos)
    return JsonlOutcome::kBlank;
  padded_.resize(line.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded_.data(), line.data(), line.size());
  std::memset(padded_.data() + line.size(), ' ', simdjson::SIMDJSON_PADDING);

  // 1. Validate the whole line and read the field's text.
  simdjson::dom::element root;
  if (parsers_->dom.parse(padded_.data(), line.size(), false).get(root)) {
    return JsonlOutcome::kInvalidJson;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object)) return JsonlOutcome::kNotObject;
  simdjson::dom::element value;
  if (object.at_key(field_).get(value)) return JsonlOutcome::kMissingField;
  std::string_view text;
  if (value.get_string().get(text)) return JsonlOutcome::kNotString;

  RepairResult result;
  if (!repairer_.Repair(text, &result).ok() || result.text == text) {
    return JsonlOutcome::kUnchanged;
  }

  // 2. Find the field's raw token (the first occurrence, as at_key found) and
  // splice.
  simdjson::ondemand::document doc;
  if (parsers_->on_demand.iterate(padded_.data(), line.size(), padded_.size())
          .get(doc)) {
    return JsonlOutcome::kUnchanged;
  }
  simdjson::ondemand::object od_object;
  if (doc.get_object().get(od_object)) return JsonlOutcome::kUnchanged;
  for (auto field : od_object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return JsonlOutcome::kUnchanged;
    if (key != field_) continue;
    std::string_view raw = field.value().raw_json_token();
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) {
      raw.remove_suffix(1);
    }
    const size_t pos = static_cast<size_t>(raw.data() - padded_.data());
    if (pos + raw.size() > line.size()) return JsonlOutcome::kUnchanged;
    out->assign(line.substr(0, pos));
    out->append(JsonQuote(result.text));
    out->append(line.substr(pos + raw.size()));
    for (Change& c : result.changes) changes->push_back(std::move(c));
    return JsonlOutcome::kRepaired;
  }
  return JsonlOutcome::kUnchanged;
}

}  // namespace textmend
