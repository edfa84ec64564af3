// JSON Lines repair; see jsonl.h.
#include "io/jsonl.h"

#include <simdjson.h>

#include <cstring>
#include <thread>

#include "io/transfer.h"

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

namespace {

// Validates `line` in full (copied into `padded`) and reads its string field
// `field` into `*text` (valid until the parser's next use): kRepaired when
// it has one, else what it lacks.
JsonlOutcome ReadField(simdjson::dom::parser& dom, std::string& padded,
                       std::string_view line, std::string_view field,
                       std::string_view* text) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos)
    return JsonlOutcome::kBlank;
  padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded.data(), line.data(), line.size());
  std::memset(padded.data() + line.size(), ' ', simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (dom.parse(padded.data(), line.size(), false).get(root)) {
    return JsonlOutcome::kInvalidJson;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object)) return JsonlOutcome::kNotObject;
  simdjson::dom::element value;
  if (object.at_key(field).get(value)) return JsonlOutcome::kMissingField;
  if (value.get_string().get(*text)) return JsonlOutcome::kNotString;
  return JsonlOutcome::kRepaired;
}

}  // namespace

Status ForEachJsonlText(ReadableFile* in, const std::string& field,
                        const std::function<void(std::string_view)>& on) {
  simdjson::dom::parser dom;
  std::string padded, all;
  Status s = ReadRest(in, "", &all);
  if (!s.ok()) return s;
  for (size_t at = 0; at < all.size();) {
    size_t end = all.find('\n', at);
    if (end == std::string::npos) end = all.size();
    std::string_view text;
    if (ReadField(dom, padded, std::string_view(all).substr(at, end - at),
                  field, &text) == JsonlOutcome::kRepaired)
      on(text);
    at = end + 1;
  }
  return Status::Ok();
}

JsonlOutcome JsonlLineRepairer::Repair(std::string_view line, std::string* out,
                                       std::vector<Change>* changes) {
  out->assign(line);
  // 1. Validate the whole line and read the field's text.
  std::string_view text;
  const JsonlOutcome read =
      ReadField(parsers_->dom, padded_, line, field_, &text);
  if (read != JsonlOutcome::kRepaired) return read;

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

Status RepairJsonl(ReadableFile* in, const Repairer& repairer,
                   const std::string& field, unsigned jobs, WritableFile* out,
                   JsonlObserver* observer, size_t* repaired) {
  *repaired = 0;
  jobs = std::max(jobs, 1u);
  std::vector<std::unique_ptr<JsonlLineRepairer>> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.push_back(std::make_unique<JsonlLineRepairer>(repairer, field));
  }
  std::string carry, batch_out;
  std::vector<std::string> lines, outs;
  std::vector<std::vector<Change>> changes;
  std::vector<JsonlOutcome> results;
  uint64_t line_number = 0;
  std::vector<char> buf(1 << 20);
  for (bool eof = false; !eof;) {
    size_t got = 0;
    Status s = in->Read(buf.data(), buf.size(), &got);
    if (!s.ok()) return s;
    eof = got == 0;
    carry.append(buf.data(), got);
    // Complete lines go into this batch; a partial line waits for more input,
    // except at the end, where it is a line of its own.
    lines.clear();
    size_t pos = 0;
    for (size_t nl; (nl = carry.find('\n', pos)) != std::string::npos;
         pos = nl + 1) {
      lines.emplace_back(carry, pos, nl - pos);
    }
    carry.erase(0, pos);
    const bool last_unterminated = eof && !carry.empty();
    if (last_unterminated) {
      lines.push_back(std::move(carry));
      carry.clear();
    }
    const size_t n = lines.size();
    outs.assign(n, {});
    changes.assign(n, {});
    results.assign(n, JsonlOutcome::kUnchanged);
    auto work = [&](unsigned w) {
      for (size_t i = w; i < n; i += jobs) {
        results[i] = workers[w]->Repair(lines[i], &outs[i], &changes[i]);
      }
    };
    if (jobs > 1 && n > 64) {
      std::vector<std::thread> threads;
      for (unsigned w = 0; w < jobs; ++w) threads.emplace_back(work, w);
      for (auto& t : threads) t.join();
    } else {
      for (unsigned w = 0; w < jobs; ++w) work(w);
    }
    batch_out.clear();
    for (size_t i = 0; i < n; ++i) {
      ++line_number;
      switch (results[i]) {
        case JsonlOutcome::kRepaired:
          ++*repaired;
          observer->Repaired(line_number, changes[i]);
          break;
        case JsonlOutcome::kUnchanged:
        case JsonlOutcome::kBlank:
          break;
        default:
          observer->Skipped(line_number, results[i]);
      }
      batch_out += outs[i];
      if (!(last_unterminated && i + 1 == n)) batch_out += '\n';
    }
    if (!batch_out.empty()) {
      s = out->Append(batch_out);
      if (s.ok()) s = out->Flush();
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace textmend
