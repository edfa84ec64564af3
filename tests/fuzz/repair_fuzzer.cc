// Fuzz target: the first bytes choose Options and a chunking, the rest is the
// text. Checks the invariants every input must keep (re2's re2_fuzzer and
// simdutf's roundtrip fuzzer are the models): stream == one-shot, bytes that
// are not UTF-8 survive in order (unless the whole input was converted from a
// legacy code page, which must then give valid UTF-8), valid input gives
// valid output, repair is idempotent, every change lies inside the input.
// Never touches disk.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "textmend/repairer.h"
#include "unicode/char_rules.h"

namespace {

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

std::vector<std::string> InvalidStretches(std::string_view s) {
  std::vector<std::string> out;
  textmend::ForEachRun(
      s, [](size_t, std::string_view) {},
      [&](size_t off, size_t len) { out.emplace_back(s.substr(off, len)); });
  return out;
}

bool ValidUtf8(std::string_view s) { return InvalidStretches(s).empty(); }

// True when the first non-ASCII character of `s` is one the unicode stage
// removes or spells out (byte order mark, zero-width space, ligature).
bool FirstNonAsciiIsRemovable(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) continue;
    size_t len = 1;
    const int32_t cp = textmend::DecodeAt(s, i, &len);
    return cp >= 0 &&
           (textmend::DeletedByUnicodeStage(static_cast<uint32_t>(cp)) ||
            textmend::InPresentationFormsBlock(static_cast<uint32_t>(cp)));
  }
  return false;
}

class Collect final : public textmend::OutputSink {
 public:
  textmend::Status Append(std::string_view t) override {
    text.append(t);
    return textmend::Status::Ok();
  }
  void AddChange(const textmend::Change& c) override { changes.push_back(c); }
  std::string text;
  std::vector<textmend::Change> changes;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t flags = data[0];
  const size_t chunk = 1 + (data[1] & 0x3F);
  const std::string_view text(reinterpret_cast<const char*>(data + 2),
                              size - 2);

  textmend::Options options;
  options.decode = (flags & 1) == 0;
  options.unicode = (flags & 2) == 0;
  options.straighten_quotes = flags & 4;
  options.ascii_dashes = flags & 8;
  options.fullwidth_to_ascii = flags & 16;
  options.input_encoding = (flags & 32) ? "utf-8" : "auto";
  options.encoding = (flags & 64) == 0;
  options.unescape_html = flags & 128;
  options.strip_terminal_escapes = flags & 128;
  options.max_segment_bytes = 4096;
  // The word stage (document learning, splits and joins of words, line-end
  // hyphenation) when the second byte's top bit is set.
  options.words = (data[1] & 0x80) != 0;
  options.document_window_bytes = 1 << 16;  // every input one window
  std::unique_ptr<textmend::Repairer> repairer;
  Require(textmend::Repairer::Create(options, &repairer).ok(), "create");

  textmend::RepairResult one;
  Require(repairer->Repair(text, &one).ok(), "repair");

  Collect streamed;
  auto stream = repairer->NewStream(&streamed);
  for (size_t i = 0; i < text.size(); i += chunk) {
    Require(stream->Write(text.substr(i, chunk)).ok(), "write");
  }
  Require(stream->Finish().ok(), "finish");
  Require(streamed.text == one.text, "stream == one-shot");
  Require(streamed.changes.size() == one.changes.size(), "same changes");

  for (const textmend::Change& c : one.changes) {
    Require(c.offset + c.length <= text.size(), "change inside the input");
  }
  // UTF-16/32 input (a BOM) is transcoded; the byte-level invariants hold for
  // UTF-8 input.
  const bool utf16_or_32 =
      text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                           (text[0] == '\xFE' && text[1] == '\xFF') ||
                           (text[0] == '\0' && text[1] == '\0'));
  // Input converted from a legacy code page is UTF-8 afterwards.
  bool legacy = false;
  for (const textmend::Change& c : one.changes) {
    legacy |= c.stage == "decode" && c.rule.rfind("input read as", 0) == 0;
  }
  if (legacy) Require(ValidUtf8(one.text), "legacy input becomes UTF-8");
  if (!utf16_or_32 && !legacy) {
    Require(InvalidStretches(one.text) == InvalidStretches(text),
            "invalid bytes kept");
    if (ValidUtf8(text)) Require(ValidUtf8(one.text), "valid in, valid out");
    // (Unescaping HTML is not idempotent by nature: "&amp;lt;" -> "&lt;".
    // And cosmetic options turn valid UTF-8 into ASCII, so that text that
    // is not valid UTF-8 can lose the UTF-8 that made it read as UTF-8 with
    // a few stray bytes, and read as a legacy code page the second time.)
    // Nor can it hold when text that is not valid UTF-8 begins with a
    // character the unicode stage removes (a stray byte order mark): that
    // character made the input read as UTF-8 at once, and without it the
    // second run judges the invalid bytes on their own.
    const bool cosmetic = options.straighten_quotes || options.ascii_dashes ||
                          options.fullwidth_to_ascii;
    const bool removable_first = FirstNonAsciiIsRemovable(text);
    if (!options.unescape_html &&
        !((cosmetic || removable_first) && !ValidUtf8(text))) {
      textmend::RepairResult twice;
      Require(repairer->Repair(one.text, &twice).ok(), "repair again");
      Require(twice.text == one.text, "idempotent");
    }
  }
  return 0;
}
