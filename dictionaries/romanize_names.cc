// Writes the names dictionary for the build tree and installation: the
// reviewed source (dictionaries/names/names.tsv) with each name written in
// Cyrillic followed by its BGN/PCGN romanization, "Святлана Ціханоўская|
// Sviatlana Tsikhanouskaya", as names/cyrillic.h romanizes it. The name stage
// then needs no ICU transform to read the dictionary (setting one up takes
// milliseconds, which every run that breaks a tie by the dictionary paid).
//
// Usage: romanize_names SOURCE OUT
#include <cstdio>
#include <fstream>
#include <string>

#include "names/cyrillic.h"

namespace {

// `field` ("Given Surname"), romanized word by word; "" when a word is not
// in the Russian, Belarusian or Ukrainian alphabet.
std::string Romanized(const std::string& field) {
  std::string out;
  for (size_t at = 0; at <= field.size();) {
    size_t space = field.find(' ', at);
    if (space == std::string::npos) space = field.size();
    const std::string word = field.substr(at, space - at);
    const std::string latin = textmend::RomanizeCyrillic(word);
    if (latin.empty()) return "";
    if (!out.empty()) out += ' ';
    out += latin;
    at = space + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: romanize_names SOURCE OUT\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "romanize_names: cannot read %s\n", argv[1]);
    return 1;
  }
  std::string text;
  size_t line_number = 0;
  bool noted = false;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') {
      text += line + '\n';
      continue;
    }
    if (!noted) {
      text +=
          "# (Written by romanize_names: each name in Cyrillic is followed by "
          "|its romanization.)\n";
      noted = true;
    }
    std::string out;
    for (size_t at = 0; at <= line.size();) {
      size_t tab = line.find('\t', at);
      if (tab == std::string::npos) tab = line.size();
      const std::string field = line.substr(at, tab - at);
      if (!out.empty()) out += '\t';
      out += field;
      if (!field.empty() && static_cast<unsigned char>(field[0]) >= 0x80 &&
          field.find('|') == std::string::npos) {
        const std::string latin = Romanized(field);
        if (latin.empty()) {
          std::fprintf(stderr,
                       "romanize_names: %s:%zu: '%s' is not in the Russian, "
                       "Belarusian or Ukrainian alphabet\n",
                       argv[1], line_number, field.c_str());
          return 1;
        }
        out += '|' + latin;
      }
      at = tab + 1;
    }
    text += out + '\n';
  }
  const std::string tmp = std::string(argv[2]) + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary);
    o << text;
    if (!o.flush()) {
      std::fprintf(stderr, "romanize_names: cannot write %s\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[2]) != 0) {
    std::fprintf(stderr, "romanize_names: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
