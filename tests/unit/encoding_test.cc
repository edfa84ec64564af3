// The encoding stage: mojibake of every pairing it handles is undone, correct
// text in many languages is left alone, and each repair names its plan.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <random>

#include "core/codepage.h"
#include "core/utf8.h"
#include "encoding/mojibake.h"
#include "unit/test_util.h"

namespace textmend {
namespace {

std::u32string Chars(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const int32_t cp = DecodeAt(s, i, &len);
    out.push_back(cp < 0 ? 0xFFFD : static_cast<char32_t>(cp));
    i += len;
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

// `text`'s UTF-8 bytes read as `page`: what a wrong decode makes of it.
std::string Misread(std::string_view text, CodePageId page) {
  std::u32string out;
  for (unsigned char b : text) out.push_back(GetCodePage(page).Decode(b));
  return Utf8(out);
}

// `text` encoded in `actual` and read as `read_as` (a single-byte mix-up).
std::string MixUp(std::string_view text, CodePageId actual,
                  CodePageId read_as) {
  std::u32string out;
  for (char32_t c : Chars(text)) {
    const int b = GetCodePage(actual).Encode(c);
    REQUIRE(b >= 0);
    out.push_back(GetCodePage(read_as).Decode(static_cast<uint8_t>(b)));
  }
  return Utf8(out);
}

std::vector<std::string> CleanLines() {
  std::ifstream in(TEXTMEND_TEST_DATA_DIR "/multilingual-clean.txt");
  REQUIRE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() > 10);
  return lines;
}

void CheckCases(const std::vector<RepairCase>& cases) {
  CheckRepairs("encoding", cases);
}

using C = CodePageId;

TEST_CASE("UTF-8 read as a single-byte code page is undone", "[encoding]") {
  CheckCases({
      {"Er fand es sch\xC3\x83\xC2\xB6n.", "Er fand es sch\xC3\xB6n.",
       "mojibake: utf-8 read as windows-1252"},  // schÃ¶n
      {Misread("Le caf\xC3\xA9 o\xC3\xB9 l\xE2\x80\x99on d\xC3\xAEne",
               C::kWindows1252),
       "Le caf\xC3\xA9 o\xC3\xB9 l\xE2\x80\x99on d\xC3\xAEne",
       "mojibake: utf-8 read as windows-1252"},
      {Misread("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
               "\xD0\xBC\xD0\xB8\xD1\x80!",
               C::kWindows1251),
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
       "\xD0\xBC\xD0\xB8\xD1\x80!",  // Привет, мир!
       "mojibake: utf-8 read as windows-1251"},
      {Misread("\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE"
               "\xB1",
               C::kWindows1253),
       "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1",
       "mojibake: utf-8 read as windows-1253"},  // Καλημέρα
      {Misread("\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80", C::kWindows1252),
       "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80",  // 中文 😀
       "mojibake: utf-8 read as windows-1252"},
      {Misread("Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85",
               C::kIso8859_2),
       "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85",
       "mojibake: utf-8 read as iso-8859-2"},  // Zażółć gęślą
  });
}

TEST_CASE("Layers of wrong decodes are undone together", "[encoding]") {
  const std::string text = "D\xC3\xBCsseldorf und K\xC3\xB6ln";
  CheckCases({
      {Misread(Misread(text, C::kWindows1252), C::kWindows1252), text,
       "mojibake: utf-8 read as windows-1252, twice"},
      {Misread(Misread(Misread(text, C::kWindows1252), C::kWindows1252),
               C::kWindows1252),
       text, "mojibake: utf-8 read as windows-1252, three times"},
  });
}

TEST_CASE("Single-byte text read with another code page is undone",
          "[encoding]") {
  // Городской совет утвердил новый маршрут
  const std::string ru =
      "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE\xD0"
      "\xB9 \xD1\x81\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x82 \xD1\x83\xD1\x82\xD0\xB2"
      "\xD0\xB5\xD1\x80\xD0\xB4\xD0\xB8\xD0\xBB \xD0\xBD\xD0\xBE\xD0\xB2\xD1"
      "\x8B\xD0\xB9 \xD0\xBC\xD0\xB0\xD1\x80\xD1\x88\xD1\x80\xD1\x83\xD1\x82";
  CheckCases({
      {MixUp(ru, C::kWindows1251, C::kWindows1252), ru,
       "mojibake: windows-1251 read as windows-1252"},
      {MixUp(ru, C::kKoi8R, C::kWindows1251), ru,
       "mojibake: koi8-r read as windows-1251"},
      // latin-1 and windows-1252 agree on these letters: the report names
      // the commoner.
      {MixUp(ru, C::kKoi8R, C::kLatin1), ru,
       "mojibake: koi8-r read as windows-1252"},
      {MixUp("Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
             "ja\xC5\xBA\xC5\x84",
             C::kWindows1250, C::kWindows1252),
       "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 "
       "ja\xC5\xBA\xC5\x84",
       "mojibake: windows-1250 read as windows-1252"},
  });
}

TEST_CASE("A mojibake run inside a correct line is repaired alone",
          "[encoding]") {
  // "für" is correct; "schÃ¶n" and "â‚¬" are not.
  CheckCases({
      {"Preis f\xC3\xBCr Kaffee: 3 \xC3\xA2\xE2\x80\x9A\xC2\xAC, "
       "sch\xC3\x83\xC2\xB6n!",
       "Preis f\xC3\xBCr Kaffee: 3 \xE2\x82\xAC, sch\xC3\xB6n!",
       "mojibake: utf-8 read as windows-1252"},
  });
}

TEST_CASE("A ligature does not hide mojibake beside it", "[encoding]") {
  // The unicode stage spells the ligature out ("fi"); the C1 control U+0084
  // after it is windows-1252's low quote read as latin-1, and is repaired in
  // the same run, as a second run would repair it.
  const std::string text = "\xEF\xAC\x81\xC2\x84";
  const RepairResult once = RepairText(text);
  CHECK(once.text == "fi\xE2\x80\x9E");
  CHECK(RepairText(once.text).text == once.text);
}

TEST_CASE("Lossy mojibake is repaired where one reading is plausible",
          "[encoding]") {
  CheckCases({
      // "voilà" whose no-break space (the second byte of à) became a space.
      {"Et voil\xC3\x83 ", "Et voil\xC3\xA0 ",
       "mojibake: utf-8 read as windows-1252"},
      // "à la carte": the no-break space turned into a space is used up.
      {"\xC3\x83  la carte, caf\xC3\x83\xC2\xA9",
       "\xC3\xA0 la carte, "
       "caf\xC3\xA9",
       "mojibake: utf-8 read as windows-1252"},
      // A closing quote whose undefined last byte was dropped or replaced.
      {"\xC3\xA2\xE2\x82\xAC\xC5\x93Hi\xC3\xA2\xE2\x82\xAC there",
       "\xE2\x80\x9CHi\xE2\x80\x9D there",
       "mojibake: utf-8 read as windows-1252"},
      {"\xC3\xA2\xE2\x82\xAC\xC5\x93Hi\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD there",
       "\xE2\x80\x9CHi\xE2\x80\x9D there",
       "mojibake: utf-8 read as windows-1252"},
      // A no-break space whose mojibake lost its second byte ("100Â km").
      {"100\xC3\x82 km, 5\xC3\x82 %", "100\xC2\xA0km, 5\xC2\xA0%",
       "mojibake: utf-8 read as windows-1252"},
      // A closing quote whose lost byte was followed by a full stop.
      {"He said \xC3\xA2\xE2\x82\xAC\xC5\x93hello\xC3\xA2\xE2\x82\xAC.",
       "He said \xE2\x80\x9Chello\xE2\x80\x9D.",
       "mojibake: utf-8 read as windows-1252"},
      // windows-1251 read twice, its no-break spaces turned into spaces: the
      // spaces split every word.
      {"\xD0\xA0 "
       "\xD0\xA1\xE2\x80\x94\xD0\xA0\xD0\x8E\xD0\xA0\xE2\x80\x9A\xD0\xA0 "
       "\xD0\xA1\xE2\x80\x98\xD0\xA0\xD0\x8E\xD0\xA0\xD0\x8F\xD0\xA0\xD0\x8E"
       "\xD0\xB2\xD0\x82\xD1\x99\xD0\xA0 \xD0\xA0\xE2\x80\xA6\xD0\xA0 "
       "\xD0\xA1\xE2\x80\xA2\xD0\xA0\xD0\x8E\xD0\xA0\xD1\x93\xD0\xA0\xD0\x8E"
       "\xD0\xB2\xD0\x82\xD1\x99\xD0\xA0 \xD0\xA1\xE2\x80\x98",
       "\xD0\xBF\xD1\x80\xD0\xB8\xD1\x8F\xD1\x82\xD0\xBD\xD0\xBE\xD1\x81\xD1"
       "\x82\xD0\xB8",
       "mojibake: utf-8 read as windows-1251, twice"},
      // An emoji written as a CESU-8 surrogate pair, read as windows-1252,
      // exact and with its no-break space turned into a space.
      {"Hi \xC3\xAD\xC2\xA0\xC2\xBD\xC3\xAD\xC2\xB8\xC2\x8D",
       "Hi \xF0\x9F\x98\x8D", "mojibake: utf-8 read as windows-1252"},
      {"Hi \xC3\xAD \xC2\xBD\xC3\xAD\xC2\xB8\xC2\x8D", "Hi \xF0\x9F\x98\x8D",
       "mojibake: utf-8 read as windows-1252"},
      // A check mark whose three bytes read as windows-1252, alone.
      {"\xC3\xA2\xC5\x93\xE2\x80\x9D No problems", "\xE2\x9C\x94 No problems",
       "mojibake: utf-8 read as windows-1252"},
      // A middle byte lost ("â¤" for "❤"); a byte lost before the next
      // character ("РР·" for "Из").
      {"Justin \xC3\xA2\xC2\xA4", "Justin \xE2\x9D\xA4",
       "mojibake: utf-8 read as windows-1252"},
      {"\xD0\xA0\xD0\xA0\xC2\xB7-\xD0\xA0\xD1\x97\xD0\xA0\xD1\x95\xD0\xA0"
       "\xD2\x91",
       "\xD0\x98\xD0\xB7-\xD0\xBF\xD0\xBE\xD0\xB4",
       "mojibake: utf-8 read as windows-1251"},
      // Cyrillic "Россия" whose no-break space (in Р = D0 A0) became a space.
      {"\xD0\xA0 \xD0\xA0\xD1\x95\xD0\xA1\xD0\x83\xD0\xA1\xD0\x83\xD0\xA0\xD1"
       "\x91\xD0\xA1\xD0\x8F",
       "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F",
       "mojibake: utf-8 read as windows-1251"},
  });
}

TEST_CASE("Correct text that looks a little like mojibake is left alone",
          "[encoding]") {
  CheckCases({
      {"\xE2\x80\x9E"
       "Das war hei\xC3\x9F\xE2\x80\x9C, sagte sie.",
       "\xE2\x80\x9E"
       "Das war hei\xC3\x9F\xE2\x80\x9C, sagte sie.",
       ""},
      {"CAF\xC3\x89\xE2\x80\xA6 na\xC3\xAFve \xC3\x89"
       "COLE",
       "CAF\xC3\x89\xE2"
       "\x80\xA6 na\xC3\xAFve \xC3\x89"
       "COLE",
       ""},
      {"S\xC3\x83O PAULO, N\xC3\x83O", "S\xC3\x83O PAULO, N\xC3\x83O", ""},
      {"20\xC2\xB0"
       "C, 5 m\xC2\xB2, 1\xC2\xBD cups, \xC2\xA9 2024",
       "20\xC2\xB0"
       "C, 5 m\xC2\xB2, 1\xC2\xBD cups, \xC2\xA9 2024",
       ""},
      {"\xC3\xA9\xC3\xA9\xC3\xA9 cr\xC3\xA9\xC3\xA9\xC3\xA9",
       "\xC3\xA9\xC3\xA9\xC3\xA9 cr\xC3\xA9\xC3\xA9\xC3\xA9", ""},
      // Р and ё side by side are a real Russian word start (Рёв).
      {"\xD0\xA0\xD1\x91\xD0\xB2 \xD0\xBC\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80"
       "\xD0\xB0",
       "\xD0\xA0\xD1\x91\xD0\xB2 \xD0\xBC\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80"
       "\xD0\xB0",
       ""},
  });
}

TEST_CASE("Clean text in many languages comes back byte-identical",
          "[encoding]") {
  for (const std::string& line : CleanLines()) {
    INFO(line);
    const RepairResult r = RepairText(line + "\n");
    CHECK(r.text == line + "\n");
    CHECK(r.changes.empty());
  }
}

TEST_CASE("Whole lines of mojibake in every pairing are restored",
          "[encoding]") {
  // Every clean line, damaged whole by each code page UTF-8 can be misread
  // with: nearly all must come back exactly (a few short lines hold too
  // little evidence).
  size_t damaged = 0, restored = 0;
  std::string failures;
  for (const std::string& line : CleanLines()) {
    for (int k = 0; k < kCodePageCount; ++k) {
      const auto page = static_cast<C>(k);
      const std::string bad = Misread(line, page);
      if (bad == line) continue;
      ++damaged;
      const RepairResult r = RepairText(bad);
      restored += r.text == line;
      if (r.text != line) {
        failures +=
            std::string(GetCodePage(page).name()) + ": " + r.text + "\n";
      }
    }
  }
  INFO(restored << " of " << damaged << " lines restored; not:\n" << failures);
  CHECK(restored * 100 >= damaged * 97);
}

TEST_CASE("The filter reads past controls the unicode stage deletes",
          "[encoding]") {
  // "Wха" is a word in two scripts, read as windows-1252 mojibake; with
  // NULs between its letters it must read the same, or a second run, once
  // the unicode stage has deleted them, repairs what the first did not.
  const MojibakeRepairer repairer;
  const std::string glued = "W\xD1\x85\xD0\xB0";
  const std::string with_controls =
      std::string("W\x01\0\0\0", 5) + "\xD1\x85\xD0\xB0";
  CHECK(repairer.MayChange(glued));
  CHECK(repairer.MayChange(with_controls));
}

TEST_CASE("The filter never hides a repair", "[encoding][property]") {
  // MayChange() false must mean RepairLine() makes no edit, for text mixing
  // clean words in many scripts with mojibake fragments.
  const MojibakeRepairer repairer;
  std::vector<std::string> pieces;
  for (const std::string& line : CleanLines()) {
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find(' ', i);
      if (j == std::string::npos) j = line.size();
      pieces.push_back(line.substr(i, j - i));
      pieces.push_back(Misread(line.substr(i, j - i), C::kWindows1252));
      pieces.push_back(Misread(line.substr(i, j - i), C::kWindows1251));
      i = j + 1;
    }
  }
  // Pieces are joined by a space, or glued by a run of controls the
  // unicode stage deletes (the repairs read past them, as a second run,
  // which no longer has them, would).
  const std::string glue[] = {" ", " ", std::string("\x01\0\0\0", 4),
                              std::string(" \x02\x02\x02\x02\x02")};
  std::mt19937 rng(11);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> pick_glue(0, std::size(glue) - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = 0; k < 4; ++k)
      text += pieces[pick(rng)] + (k < 3 ? glue[pick_glue(rng)] : "");
    std::vector<Edit> edits;
    repairer.RepairLine(text, 0, &edits);
    INFO(text);
    if (!repairer.MayChange(text)) CHECK(edits.empty());
  }
}

}  // namespace
}  // namespace textmend
