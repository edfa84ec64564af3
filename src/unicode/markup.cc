// HTML character references and terminal escapes; see markup.h.
#include "unicode/markup.h"

#include <cstring>
#include <string>

#include "core/utf8.h"

namespace textmend {
namespace {

struct Entity {
  const char* name;
  uint32_t cp;
};

// The named references text most often carries: the HTML 4 Latin-1 set and
// the typographic and symbol entities of HTML 4 (their names and code points
// are the HTML specification's).
constexpr Entity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},     {"nbsp", 0xA0},
    {"iexcl", 0xA1},    {"cent", 0xA2},     {"pound", 0xA3},
    {"curren", 0xA4},   {"yen", 0xA5},      {"brvbar", 0xA6},
    {"sect", 0xA7},     {"uml", 0xA8},      {"copy", 0xA9},
    {"ordf", 0xAA},     {"laquo", 0xAB},    {"not", 0xAC},
    {"shy", 0xAD},      {"reg", 0xAE},      {"macr", 0xAF},
    {"deg", 0xB0},      {"plusmn", 0xB1},   {"sup2", 0xB2},
    {"sup3", 0xB3},     {"acute", 0xB4},    {"micro", 0xB5},
    {"para", 0xB6},     {"middot", 0xB7},   {"cedil", 0xB8},
    {"sup1", 0xB9},     {"ordm", 0xBA},     {"raquo", 0xBB},
    {"frac14", 0xBC},   {"frac12", 0xBD},   {"frac34", 0xBE},
    {"iquest", 0xBF},   {"Agrave", 0xC0},   {"Aacute", 0xC1},
    {"Acirc", 0xC2},    {"Atilde", 0xC3},   {"Auml", 0xC4},
    {"Aring", 0xC5},    {"AElig", 0xC6},    {"Ccedil", 0xC7},
    {"Egrave", 0xC8},   {"Eacute", 0xC9},   {"Ecirc", 0xCA},
    {"Euml", 0xCB},     {"Igrave", 0xCC},   {"Iacute", 0xCD},
    {"Icirc", 0xCE},    {"Iuml", 0xCF},     {"ETH", 0xD0},
    {"Ntilde", 0xD1},   {"Ograve", 0xD2},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},    {"Otilde", 0xD5},   {"Ouml", 0xD6},
    {"times", 0xD7},    {"Oslash", 0xD8},   {"Ugrave", 0xD9},
    {"Uacute", 0xDA},   {"Ucirc", 0xDB},    {"Uuml", 0xDC},
    {"Yacute", 0xDD},   {"THORN", 0xDE},    {"szlig", 0xDF},
    {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},
    {"atilde", 0xE3},   {"auml", 0xE4},     {"aring", 0xE5},
    {"aelig", 0xE6},    {"ccedil", 0xE7},   {"egrave", 0xE8},
    {"eacute", 0xE9},   {"ecirc", 0xEA},    {"euml", 0xEB},
    {"igrave", 0xEC},   {"iacute", 0xED},   {"icirc", 0xEE},
    {"iuml", 0xEF},     {"eth", 0xF0},      {"ntilde", 0xF1},
    {"ograve", 0xF2},   {"oacute", 0xF3},   {"ocirc", 0xF4},
    {"otilde", 0xF5},   {"ouml", 0xF6},     {"divide", 0xF7},
    {"oslash", 0xF8},   {"ugrave", 0xF9},   {"uacute", 0xFA},
    {"ucirc", 0xFB},    {"uuml", 0xFC},     {"yacute", 0xFD},
    {"thorn", 0xFE},    {"yuml", 0xFF},     {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},
    {"Yuml", 0x178},    {"fnof", 0x192},    {"circ", 0x2C6},
    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030},
    {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},
    {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},
    {"darr", 0x2193},   {"harr", 0x2194},   {"minus", 0x2212},
    {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},
    {"infin", 0x221E},  {"asymp", 0x2248},  {"alpha", 0x3B1},
    {"beta", 0x3B2},    {"gamma", 0x3B3},   {"delta", 0x3B4},
    {"pi", 0x3C0},      {"mu", 0x3BC},      {"sigma", 0x3C3},
    {"Omega", 0x3A9},   {"omega", 0x3C9},   {"hearts", 0x2665},
};

// The character a reference at the start of `s` ("&...;") stands for, and
// its length in *len; -1 when it is not a complete, known reference.
int32_t Reference(std::string_view s, size_t* len) {
  const size_t semi = s.find(';', 1);
  if (semi == std::string_view::npos || semi > 10) return -1;
  const std::string_view body = s.substr(1, semi - 1);
  *len = semi + 1;
  if (body.size() >= 2 && body[0] == '#') {
    uint32_t cp = 0;
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return -1;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return -1;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (cp > 0x10FFFF) return -1;
    }
    // Not a character of its own: NUL, surrogates, other controls.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ||
        (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0))
      return -1;
    return static_cast<int32_t>(cp);
  }
  for (const Entity& e : kEntities) {
    if (body == e.name) return static_cast<int32_t>(e.cp);
  }
  return -1;
}

// The length of a terminal escape sequence at the start of `s` (ESC [
// parameters final-byte, or ESC ] ... BEL/ESC \), or 0.
size_t TerminalEscape(std::string_view s) {
  if (s.size() < 2 || s[0] != '\x1B') return 0;
  if (s[1] == '[') {
    for (size_t i = 2; i < s.size() && i < 64; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x40 && c <= 0x7E) return i + 1;  // final byte
      if (c < 0x20 || c > 0x3F) return 0;        // not a parameter byte
    }
    return 0;
  }
  if (s[1] == ']') {
    for (size_t i = 2; i < s.size() && i < 256; ++i) {
      if (s[i] == '\x07') return i + 1;
      if (s[i] == '\x1B' && i + 1 < s.size() && s[i + 1] == '\\') return i + 2;
    }
  }
  return 0;
}

class MarkupStage final : public TextStage {
 public:
  MarkupStage(bool html, bool escapes) : html_(html), escapes_(escapes) {}

  std::string_view name() const override { return "unicode"; }

  bool MayChange(std::string_view segment,
                 const DocumentModel* /*model*/) const override {
    return (html_ && segment.find('&') != std::string_view::npos) ||
           (escapes_ && segment.find('\x1B') != std::string_view::npos);
  }

  void Process(std::string_view run, size_t run_offset,
               const DocumentModel* /*model*/,
               std::vector<Edit>* edits) const override {
    for (size_t i = 0; i < run.size(); ++i) {
      if (html_ && run[i] == '&') {
        size_t len = 0;
        const int32_t cp = Reference(run.substr(i), &len);
        if (cp < 0) continue;
        Edit e;
        e.offset = run_offset + i;
        e.length = len;
        AppendUtf8(static_cast<uint32_t>(cp), &e.replacement);
        e.rule = "html-entity";
        edits->push_back(std::move(e));
        i += len - 1;
      } else if (escapes_ && run[i] == '\x1B') {
        const size_t len = TerminalEscape(run.substr(i));
        if (len == 0) continue;
        Edit e;
        e.offset = run_offset + i;
        e.length = len;
        e.rule = "terminal-escape";
        edits->push_back(std::move(e));
        i += len - 1;
      }
    }
  }

 private:
  const bool html_;
  const bool escapes_;
};

}  // namespace

std::unique_ptr<TextStage> MakeMarkupStage(const Options& options) {
  if (!options.unescape_html && !options.strip_terminal_escapes) return nullptr;
  return std::make_unique<MarkupStage>(options.unescape_html,
                                       options.strip_terminal_escapes);
}

}  // namespace textmend
