// The unicode stage, table-driven: what it repairs, and the correct text it
// must leave alone.
#include <catch2/catch.hpp>

#include "unit/test_util.h"

namespace textmend {
namespace {

using namespace std::string_literals;

void CheckCases(const std::vector<RepairCase>& cases,
                const Options& options = Options()) {
  CheckRepairs("unicode", cases, options);
}

TEST_CASE("NFC composes decomposed text", "[unicode]") {
  CheckCases({
      {"Cafe\xCC\x81 ouvert", "Caf\xC3\xA9 ouvert",
       "nfc"},                                     // e + combining acute
      {"Zu\xCC\x88rich", "Z\xC3\xBCrich", "nfc"},  // u + diaeresis
      {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C",
       "nfc"},                                       // Hangul jamo -> 한
      {"\xE2\x84\xAB", "\xC3\x85", "nfc"},           // ANGSTROM SIGN -> Å
      {"s\xCC\xA3\xCC\x87", "\xE1\xB9\xA9", "nfc"},  // reordered marks -> ṩ
  });
}

TEST_CASE("NFC leaves CJK compatibility ideographs alone", "[unicode]") {
  CheckCases(
      {{"\xEF\xA4\x80 and \xEF\xA8\x8E", "\xEF\xA4\x80 and \xEF\xA8\x8E", ""}});
}

TEST_CASE("ligatures become their letters", "[unicode]") {
  CheckCases({
      {"\xEF\xAC\x81nal", "final", "ligature"},
      {"\xEF\xAC\x82ow", "flow", "ligature"},
      {"o\xEF\xAC\x83"
       "ce",
       "office", "ligature"},
      {"ba\xEF\xAC\x84"
       "ed",
       "baffled", "ligature"},
      {"\xEF\xAC\x86op", "stop", "ligature"},
      {"\xEF\xAC\x80", "ff", "ligature"},
  });
}

TEST_CASE("control characters that damage text are removed, layout ones kept",
          "[unicode]") {
  CheckCases({
      {"bro\x01ken", "broken", "control"},
      {"a\x7F"
       "b",
       "ab", "control"},
      {"nul\0byte"s, "nulbyte", "control"},
      {"tab\there\r\nform\ffeed\vvt", "tab\there\r\nform\ffeed\vvt", ""},
      {"\x1B[1mbold\x1B[0m", "\x1B[1mbold\x1B[0m",
       ""},  // terminal escapes are an option
  });
}

TEST_CASE(
    "stray zero-width spaces go, word separators of unspaced scripts stay",
    "[unicode]") {
  CheckCases({
      {"data\xE2\x80\x8B"
       "base",
       "database", "zero-width"},
      {"end \xE2\x80\x8B of", "end  of", "zero-width"},
      {"\xE2\x80\x8Bstart", "start", "zero-width"},
      {"\xD0\xBC\xD0\xB8\xE2\x80\x8B\xD1\x80", "\xD0\xBC\xD0\xB8\xD1\x80",
       "zero-width"},  // ми​р
      // Thai and Japanese use it between words: keep.
      {"\xE0\xB8\x9C\xE0\xB8\xA1\xE2\x80\x8B\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8"
       "\x99",
       "\xE0\xB8\x9C\xE0\xB8\xA1\xE2\x80\x8B\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8"
       "\x99",
       ""},
      {"\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\x8B\xE8\xAA\x9E",
       "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\x8B\xE8\xAA\x9E", ""},
      // A byte order mark in the middle of the text (two files joined).
      {"one\n\xEF\xBB\xBFtwo", "one\ntwo", "zero-width"},
      // Joiners carry meaning (emoji sequences, Persian, Indic): keep.
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
       "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", ""},
      {"\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85",
       "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85", ""},
  });
}

TEST_CASE("cosmetic rules are off by default", "[unicode]") {
  CheckCases({
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99",
       "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99",
       ""},
      {"2004\xE2\x80\x93"
       "2005 \xE2\x80\x94 and \xE2\x88\x92"
       "5",
       "2004\xE2\x80\x93"
       "2005 \xE2\x80\x94 and \xE2\x88\x92"
       "5",
       ""},
      {"\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x80",
       "\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x80", ""},
  });
}

TEST_CASE("cosmetic rules apply when asked for", "[unicode]") {
  Options o;
  o.straighten_quotes = true;
  o.ascii_dashes = true;
  o.fullwidth_to_ascii = true;
  CheckCases(
      {
          {"\xE2\x80\x9CQuoted\xE2\x80\x9D", "\"Quoted\"", "quotes"},
          {"it\xE2\x80\x99s", "it's", "quotes"},
          {"2004\xE2\x80\x93"
           "2005",
           "2004-2005", "dash"},
          {"\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x80"
           "c",
           "AB c", "fullwidth"},
      },
      o);
}

TEST_CASE("clean text in many languages and scripts comes back byte-identical",
          "[unicode]") {
  // Written for these tests; all NFC, with the punctuation each language uses.
  const std::string texts[] = {
      "The committee met on Tuesday \xE2\x80\x94 \xE2\x80\x9Cwe\xE2\x80\x99re "
      "ready,\xE2\x80\x9D"
      " said its chair (2004\xE2\x80\x93"
      "05).\n",
      "Die Gr\xC3\xBC\xC3\x9F"
      "e aus M\xC3\xBC"
      "nchen kamen sp\xC3\xA4t an.\n",
      "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 fut tr\xC3\xA8s chaud \xC3\xA0 "
      "Orl\xC3\xA9"
      "ans, "
      "\xC2\xAB"
      "disait-il\xC2\xBB.\n",
      "A na\xC3\xA7\xC3\xA3o n\xC3\xA3o est\xC3\xA1 s\xC3\xB3.\n",
      "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
      "ja\xC5\xBA\xC5\x84.\n",
      "P\xC5\x99\xC3\xADli\xC5\xA1 \xC5\xBE\x6C\xC5\xA5ou\xC4\x8Dk\xC3\xBD "
      "k\xC5\xAF\xC5\x88.\n",
      "\xC4\xB0stanbul\xE2\x80\x99"
      "da \xC4\x9F\xC3\xBC"
      "zel bir g\xC3\xBCn.\n",
      "\xCE\x97 \xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 "
      "\xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9.\n",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE2\x80\x94 "
      "\xD1\x81\xD1\x82\xD0\xBE"
      "\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB0. \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0.\n",
      "\xD0\x91\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1\x81\xD1\x8C: "
      "\xD1\x9E\xD1\x81\xD1\x91"
      " \xD1\x96 \xD1\x9E\xD1\x81\xD1\x8F.\n",
      "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xD1\x94 "
      "\xD2\x91\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xBA.\n",
      "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B"
      "\xE9\x9B\xA8\xE3"
      "\x80\x82\xEF\xBC\x88\xE6\xB3\xA8\xEF\xBC\x89\n",
      "Emoji: \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
      "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 "
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
      "\n",
      "Math: \xE2\x88\x80x \xE2\x88\x88 \xE2\x84\x9D, x\xC2\xB2 \xE2\x89\xA5 "
      "0; "
      "\xE2\x88\x91 \xCF\x80 \xE2\x89\x88 3.14159 \xC2\xB1 0.5\xC2\xB0 "
      "\xE2\x82\xAC\xC2\xA3\n",
      "Vi\xE1\xBB\x87t Nam, "
      "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80, "
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\n",
  };
  for (const std::string& t : texts) {
    INFO(t);
    const RepairResult r = RepairText(t);
    CHECK(r.text == t);
    CHECK(r.changes.empty());
  }
}

}  // namespace
}  // namespace textmend

namespace textmend {
namespace {

TEST_CASE("HTML references and terminal escapes are cosmetic options",
          "[unicode]") {
  const std::string in =
      "Caf&eacute; &amp; cr&egrave;me &#8212; it&#x2019;s "
      "\x1B[1;31mred\x1B[0m &nosuch; a&b &#0; &#xD800;\n";
  // Off by default: correct text may quote them on purpose.
  CHECK(RepairText(in).text == in);
  Options on;
  on.unescape_html = true;
  on.strip_terminal_escapes = true;
  const RepairResult r = RepairText(in, on);
  CHECK(r.text ==
        "Caf\xC3\xA9 & cr\xC3\xA8me \xE2\x80\x94 it\xE2\x80\x99s red "
        "&nosuch; a&b &#0; &#xD800;\n");
  REQUIRE_FALSE(r.changes.empty());
  CHECK(r.changes[0].rule == "html-entity");
  CHECK(r.changes[0].stage == "unicode");
}

}  // namespace
}  // namespace textmend
