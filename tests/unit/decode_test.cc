// The decode stage: byte order marks, UTF-16/32, invalid bytes, binary
// sniffing.
#include <catch2/catch.hpp>

#include "core/codepage.h"
#include "core/utf8.h"
#include "decode/decoder.h"
#include "unit/test_util.h"

namespace textmend {
namespace {

using namespace std::string_literals;

TEST_CASE("byte order marks are recognized", "[decode]") {
  struct Case {
    std::string prefix;
    InputEncoding encoding;
    size_t bom;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBFhi"s, InputEncoding::kUtf8, 3},
      {"\xFF\xFEh\0"s, InputEncoding::kUtf16LE, 2},
      {"\xFE\xFF\0h"s, InputEncoding::kUtf16BE, 2},
      {"\xFF\xFE\0\0"s, InputEncoding::kUtf32LE, 4},
      {"\0\0\xFE\xFF"s, InputEncoding::kUtf32BE, 4},
      {"hello"s, InputEncoding::kUtf8, 0},
  };
  for (const Case& c : cases) {
    const BomInfo info = DetectBom(c.prefix, true);
    CHECK(info.encoding == c.encoding);
    CHECK(info.bom_length == c.bom);
  }
  CHECK(DetectBom("\xFF\xFE"s, false).need_more);  // could still be UTF-32LE
  CHECK_FALSE(DetectBom("\xFF\xFE"s, true).need_more);
}

TEST_CASE("UTF-16 and UTF-32 with a BOM decode to UTF-8", "[decode]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"\xFF\xFEh\0i\0\n\0"s, "hi\n"},
      {"\xFE\xFF\0h\x04\x36"s, "hж"},
      {"\xFF\xFE\x3D\xD8\x00\xDE"s,
       "\xF0\x9F\x98\x80"},           // U+1F600 as a surrogate pair
      {"\xFF\xFE\0\0h\0\0\0"s, "h"},  // UTF-32LE
      {"\0\0\xFE\xFF\0\0\0h"s, "h"},  // UTF-32BE
      // An unpaired surrogate survives as its generalized UTF-8 bytes.
      {"\xFF\xFE\x01\xD8h\0"s, "\xED\xA0\x81h"},
      // A trailing odd byte is kept.
      {"\xFF\xFEh\0\x41"s, "hA"},
  };
  for (const Case& c : cases) {
    const RepairResult r = RepairText(c.input);
    CHECK(r.text == c.expected);
    REQUIRE_FALSE(r.changes.empty());
    CHECK(r.changes[0].stage == "decode");
  }
}

TEST_CASE("UTF-16 changes point at original byte offsets", "[decode]") {
  // "a\u200Bb" in UTF-16LE: the zero-width space is bytes 4..5 of the input.
  const RepairResult r = RepairText(
      "\xFF\xFE"
      "a\0\x0B\x20"
      "b\0"s);
  CHECK(r.text == "ab");
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[1].rule == "zero-width");
  CHECK(r.changes[1].offset == 4);
  CHECK(r.changes[1].length == 2);
}

TEST_CASE("without the decode stage UTF-16 passes through untouched",
          "[decode]") {
  Options o;
  o.decode = false;
  const std::string in = "\xFF\xFEh\0\x01\0"s;
  CHECK(RepairText(in, o).text == in);
}

TEST_CASE("a UTF-8 BOM is kept and never counted as a stray one", "[decode]") {
  const RepairResult r = RepairText("\xEF\xBB\xBFhi\xEF\xBB\xBFthere");
  CHECK(r.text == "\xEF\xBB\xBFhithere");
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].offset == 5);
}

TEST_CASE("bytes that are not UTF-8 pass through byte for byte", "[decode]") {
  Options utf8;
  utf8.input_encoding = "utf-8";  // no legacy code page guessing
  const std::string cases[] = {
      "caf\xE9 au lait\n"s,         // latin-1
      "\xC0\xAF overlong\n"s,       // overlong '/'
      "\xED\xA0\x80 surrogate\n"s,  // UTF-8-encoded surrogate
      "cut \xE2\x80\n"s,            // truncated sequence
      "\xF4\x90\x80\x80 > U+10FFFF"s,
      "UTF-8 caf\xC3\xA9 with one stray \xE9 byte\n"s,
  };
  for (const std::string& in : cases) {
    INFO(in);
    CHECK(RepairText(in, utf8).text == in);
    // Guessing (the default) leaves them alone too, except the latin-1 word,
    // which is plainly a windows-1252 file.
    const bool latin1 = in.rfind("caf\xE9", 0) == 0;
    CHECK(RepairText(in).text == (latin1 ? "caf\xC3\xA9 au lait\n" : in));
  }
}

TEST_CASE("a whole input in a legacy code page is converted", "[decode]") {
  struct Case {
    std::string utf8;
    CodePageId page;
  };
  // Съешь же ещё этих мягких булок, да выпей чаю.
  const std::string russian =
      "\xD0\xA1\xD1\x8A\xD0\xB5\xD1\x88\xD1\x8C \xD0\xB6\xD0\xB5 "
      "\xD0\xB5\xD1\x89\xD1\x91 \xD1\x8D\xD1\x82\xD0\xB8\xD1\x85 "
      "\xD0\xBC\xD1\x8F\xD0\xB3\xD0\xBA\xD0\xB8\xD1\x85 "
      "\xD0\xB1\xD1\x83\xD0\xBB\xD0\xBE\xD0\xBA, \xD0\xB4\xD0\xB0 "
      "\xD0\xB2\xD1\x8B\xD0\xBF\xD0\xB5\xD0\xB9 \xD1\x87\xD0\xB0"
      "\xD1\x8E.\n";
  const Case cases[] = {
      {russian, CodePageId::kWindows1251},
      {russian, CodePageId::kKoi8R},
      // Zażółć gęślą jaźń, rzekł pan Łukasz.
      {"Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
       "ja\xC5\xBA\xC5\x84, rzek\xC5\x82 pan \xC5\x81ukasz.\n",
       CodePageId::kWindows1250},
      // Le café est prêt, dit Hélène à François.
      {"A header line in ASCII\nLe caf\xC3\xA9 est pr\xC3\xAAt, dit "
       "H\xC3\xA9l\xC3\xA8ne \xC3\xA0 Fran\xC3\xA7ois.\n",
       CodePageId::kWindows1252},
  };
  for (const Case& c : cases) {
    std::string legacy;
    for (size_t i = 0; i < c.utf8.size();) {
      size_t len = 1;
      const int32_t cp = DecodeAt(c.utf8, i, &len);
      const int b = GetCodePage(c.page).Encode(static_cast<uint32_t>(cp));
      REQUIRE(b >= 0);
      legacy.push_back(static_cast<char>(b));
      i += len;
    }
    INFO(GetCodePage(c.page).name());
    const RepairResult r = RepairText(legacy);
    CHECK(r.text == c.utf8);
    REQUIRE_FALSE(r.changes.empty());
    CHECK(r.changes[0].stage == "decode");
    CHECK(r.changes[0].rule.find(GetCodePage(c.page).name()) !=
          std::string::npos);
    // Streamed a byte at a time, the same.
    std::string streamed;
    {
      auto repairer = MakeRepairer();
      struct Sink : OutputSink {
        std::string* out;
        Status Append(std::string_view t) override {
          out->append(t);
          return Status::Ok();
        }
        void AddChange(const Change&) override {}
      } sink;
      sink.out = &streamed;
      auto stream = repairer->NewStream(&sink);
      for (char ch : legacy)
        REQUIRE(stream->Write(std::string_view(&ch, 1)).ok());
      REQUIRE(stream->Finish().ok());
    }
    CHECK(streamed == c.utf8);
    // Forced, the same; and forced to another code page, that one.
    Options forced;
    forced.input_encoding = std::string(GetCodePage(c.page).name());
    CHECK(RepairText(legacy, forced).text == c.utf8);
  }
  Options bad;
  bad.input_encoding = "ebcdic-37";
  std::unique_ptr<Repairer> r;
  CHECK_FALSE(Repairer::Create(bad, &r).ok());
}

TEST_CASE(
    "a short line in a legacy code page is converted, a few bytes alone "
    "are not judged",
    "[decode]") {
  // A line of a few words with windows-1252 quotes and letters.
  CHECK(RepairText("Na\xEFve art, \x93quoted\x94 words.\n").text ==
        "Na\xC3\xAFve art, \xE2\x80\x9Cquoted\xE2\x80\x9D words.\n");
  CHECK(RepairText("\x93Hi,\x94 he said.\n").text ==
        "\xE2\x80\x9CHi,\xE2\x80\x9D he said.\n");
  // Two stray bytes before a couple of letters: too little to judge, so
  // they pass through, and a second run decides the same.
  const std::string stray = "\x82\xC7\nid\nis\n";
  const RepairResult once = RepairText(stray);
  CHECK(once.text == stray);
  CHECK(RepairText(once.text).text == once.text);
}

TEST_CASE("a stage never deletes a run that would join two invalid stretches",
          "[decode]") {
  // Removing the control byte would make E2 80 8B, a valid zero-width space.
  const std::string in = "x\xE2\x01\x80\x8By"s;
  CHECK(RepairText(in).text == in);
}

TEST_CASE("repairs never make the output start with a UTF-16 byte order mark",
          "[decode]") {
  // Found by the fuzzer: removing the controls would leave FF FE at the start,
  // which the next run would decode as UTF-16. That first line passes through;
  // later lines are repaired.
  const std::string in = "\x07\xFF\xFEh\0i\nsecond\x01 line\n"s;
  const RepairResult r = RepairText(in);
  CHECK(r.text == "\x07\xFF\xFEh\0i\nsecond line\n"s);
  RepairResult again;
  REQUIRE(MakeRepairer()->Repair(r.text, &again).ok());
  CHECK(again.text == r.text);
}

TEST_CASE("binary sniffing", "[decode]") {
  CHECK(
      LooksBinary("\x7F"
                  "ELF\x02\x01\x01\0\0\0"s));
  CHECK(LooksBinary("PK\x03\x04\x14\0\x06\0"s));
  CHECK_FALSE(LooksBinary("plain text\nwith lines\n"));
  CHECK_FALSE(LooksBinary("\xCF\xF0\xE8\xE2\xE5\xF2 cp1251 text"));
  CHECK_FALSE(LooksBinary("\xFF\xFEh\0i\0"s));  // UTF-16 with BOM
  CHECK_FALSE(LooksBinary("one stray \x01 control in a line of text"));
  CHECK_FALSE(LooksBinary("\x1B[31mred\x1B[0m\n"));
}

}  // namespace
}  // namespace textmend
