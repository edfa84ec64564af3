// GENERATES the compiled lexicon (src/dict/lexicon_format.h) from word lists:
//   build_lexicon --out en.lex --scowl /usr/share/dict/scowl
//                 [--hunspell-words FILE]... [--frequencies FILE]
//                 [--pairs FILE]
// SCOWL gives the words and their size level (10 common ... 95 rare); the
// hunspell expansions (unmunch of en_US and en_GB) add inflected and British
// forms SCOWL's lists lack; the frequency list (word<space>count per line)
// gives corpus counts. Words are keyed in lowercase; how each is capitalized
// in the sources is kept in its flags.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "dict/lexicon_format.h"

namespace {

using namespace textmend;

struct Info {
  uint8_t flags = 0;                        // kFromHunspell
  uint8_t level = 255;                      // the rarest level of any form
  uint8_t case_level[3] = {255, 255, 255};  // per case class: lower, cap, upper
  uint64_t frequency = 0;

  // A case class counts when it is not much rarer than the word's commonest
  // form: SCOWL's largest lists hold "london" beside the common "London".
  uint8_t CaseFlags() const {
    uint8_t out = 0;
    for (int c = 0; c < 3; ++c) {
      if (case_level[c] != 255 && case_level[c] <= level + 25) out |= 1 << c;
    }
    return out;
  }
};

std::string Lower(const std::string& word) {
  std::string out;
  icu::UnicodeString::fromUTF8(word)
      .toLower(icu::Locale::getEnglish())
      .toUTF8String(out);
  return out;
}

// The letter strings (lexfmt::kMinPiece to kMaxPiece letters) most common in
// running English text, weighted by the corpus frequency of the words that
// hold them, most common first, each ended by a newline.
std::string CommonPieces(const std::vector<lexfmt::Entry>& entries,
                         const std::string& pool,
                         const std::vector<uint32_t>& by_frequency) {
  std::map<std::string_view, uint64_t> weight;
  const size_t n = std::min<size_t>(by_frequency.size(), lexfmt::kPieceWords);
  for (size_t i = 0; i < n; ++i) {
    const lexfmt::Entry& e = entries[by_frequency[i]];
    if ((e.flags & lexfmt::kLower) == 0) continue;
    const std::string_view w(pool.data() + e.word_offset, e.word_length);
    if (!std::all_of(w.begin(), w.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; }))
      continue;
    for (size_t len = lexfmt::kMinPiece;
         len <= lexfmt::kMaxPiece && len <= w.size(); ++len) {
      for (size_t at = 0; at + len <= w.size(); ++at)
        weight[w.substr(at, len)] += e.frequency;
    }
  }
  std::vector<std::pair<uint64_t, std::string_view>> ranked;
  for (const auto& [piece, w] : weight) ranked.emplace_back(w, piece);
  const size_t keep = std::min(ranked.size(), lexfmt::kPieces);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first
                                                : a.second < b.second;
                    });
  std::string out;
  for (size_t i = 0; i < keep; ++i)
    out.append(ranked[i].second).push_back('\n');
  return out;
}

uint8_t CaseFlags(const std::string& word, const std::string& lower) {
  if (word == lower) return lexfmt::kLower;
  std::string upper;
  icu::UnicodeString::fromUTF8(word)
      .toUpper(icu::Locale::getEnglish())
      .toUTF8String(upper);
  if (word == upper && word.size() > 1) return lexfmt::kUpper;
  return lexfmt::kCapitalized;
}

// A usable word: letters, with apostrophes, hyphens or periods inside.
bool Plausible(const std::string& w) {
  if (w.empty() || w.size() > 60) return false;
  for (const char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalpha(u) && c != '\'' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

void Add(std::map<std::string, Info>* words, const std::string& word,
         uint8_t level, uint8_t extra) {
  if (!Plausible(word)) return;
  const std::string lower = Lower(word);
  Info& info = (*words)[lower];
  info.flags |= extra;
  info.level = std::min(info.level, level);
  const uint8_t c = CaseFlags(word, lower);
  const int k = c == lexfmt::kLower ? 0 : c == lexfmt::kCapitalized ? 1 : 2;
  info.case_level[k] = std::min(info.case_level[k], level);
}

int Fail(const std::string& msg) {
  std::fprintf(stderr, "build_lexicon: %s\n", msg.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path, scowl, frequencies, pairs_path;
  std::vector<std::string> hunspell;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--out")
      out_path = argv[i + 1];
    else if (flag == "--scowl")
      scowl = argv[i + 1];
    else if (flag == "--hunspell-words")
      hunspell.push_back(argv[i + 1]);
    else if (flag == "--frequencies")
      frequencies = argv[i + 1];
    else if (flag == "--pairs")
      pairs_path = argv[i + 1];
    else
      return Fail("unknown flag " + flag);
  }
  if (out_path.empty() || scowl.empty()) return Fail("need --out and --scowl");

  std::map<std::string, Info> words;
  // SCOWL: the English lists of every spelling variety and size level.
  const char* kSpellings[] = {"english",   "american", "british",
                              "british_z", "canadian", "australian"};
  const char* kKinds[] = {"words", "upper", "proper-names", "contractions",
                          "abbreviations"};
  size_t files = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(scowl, ec)) {
    const std::string name = e.path().filename().string();
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) continue;
    const int level = std::atoi(name.c_str() + dot + 1);
    if (level < 10 || level > 95) continue;
    bool wanted = false;
    for (const char* sp : kSpellings) {
      for (const char* kind : kKinds) {
        if (name.substr(0, dot) == std::string(sp) + "-" + kind) wanted = true;
      }
    }
    if (!wanted) continue;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      Add(&words, line, static_cast<uint8_t>(level), 0);
    }
    ++files;
  }
  if (files == 0) return Fail("no SCOWL word lists in " + scowl);
  const size_t from_scowl = words.size();
  for (const std::string& path : hunspell) {
    std::ifstream in(path);
    if (!in) return Fail("cannot read " + path);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::string lower = Plausible(line) ? Lower(line) : "";
      if (lower.empty()) continue;
      const bool is_new = words.find(lower) == words.end();
      Add(&words, line, 70, is_new ? lexfmt::kFromHunspell : 0);
    }
  }
  // Word-pair counts (key -> log count): the pair list's pairs of lowercase
  // words, and the word counts of the frequency list they come with.
  std::map<uint64_t, float> pair_logs;
  float pair_floor = 0;
  if (!frequencies.empty()) {
    std::ifstream in(frequencies);
    if (!in) return Fail("cannot read " + frequencies);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      const size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      const uint64_t count = std::stoull(line.substr(sp + 1));
      const std::string lower = Lower(line.substr(0, sp));
      auto it = words.find(lower);
      if (it != words.end()) it->second.frequency = count;
      if (!pairs_path.empty() && count > 0)
        pair_logs[lexfmt::Hash(lower)] = std::log(static_cast<float>(count));
    }
  }
  if (!pairs_path.empty()) {
    std::ifstream in(pairs_path);
    if (!in) return Fail("cannot read " + pairs_path);
    size_t pairs = 0;
    double smallest = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      const size_t sp2 = line.rfind(' ');
      if (sp2 == std::string::npos || sp2 == 0) continue;
      const std::string pair = Lower(line.substr(0, sp2));
      if (pair.find(' ') == std::string::npos) continue;
      const double count = std::stod(line.substr(sp2 + 1));
      if (count <= 0) continue;
      pair_logs[lexfmt::Hash(pair)] = static_cast<float>(std::log(count));
      smallest = pairs++ == 0 ? count : std::min(smallest, count);
    }
    if (pairs == 0) return Fail("no word pairs in " + pairs_path);
    pair_floor = static_cast<float>(std::log(smallest));
  }

  // Lay out the file.
  std::vector<lexfmt::Entry> entries;
  std::string pool;
  uint64_t total = 0;
  for (const auto& [word, info] : words) {
    lexfmt::Entry e{};
    e.word_offset = static_cast<uint32_t>(pool.size());
    e.word_length = static_cast<uint16_t>(word.size());
    e.flags = info.flags | info.CaseFlags();
    e.level = info.level;
    e.frequency =
        static_cast<uint32_t>(std::min<uint64_t>(info.frequency, UINT32_MAX));
    total += e.frequency;
    pool += word;
    entries.push_back(e);
  }
  const uint32_t n = static_cast<uint32_t>(entries.size());
  std::vector<uint32_t> reversed(n);
  std::vector<std::string> rev_words(n);
  for (uint32_t i = 0; i < n; ++i) {
    rev_words[i] = pool.substr(entries[i].word_offset, entries[i].word_length);
    std::reverse(rev_words[i].begin(), rev_words[i].end());
    reversed[i] = i;
  }
  std::sort(reversed.begin(), reversed.end(), [&](uint32_t a, uint32_t b) {
    return rev_words[a] < rev_words[b];
  });
  // The reversed-order entries point at a second copy of the words, laid
  // out in that order: a suffix's range is then read from consecutive
  // bytes, as a prefix's is (a suffix search and the substitution learner's
  // reading of a suffix's words took a cache miss per word).
  std::vector<lexfmt::Entry> reversed_entries(n);
  for (uint32_t k = 0; k < n; ++k) {
    lexfmt::Entry e = entries[reversed[k]];
    const std::string word = pool.substr(e.word_offset, e.word_length);
    e.word_offset = static_cast<uint32_t>(pool.size());
    pool += word;
    reversed_entries[k] = e;
  }
  std::vector<uint32_t> by_frequency(n);
  for (uint32_t i = 0; i < n; ++i) by_frequency[i] = i;
  std::stable_sort(by_frequency.begin(), by_frequency.end(),
                   [&](uint32_t a, uint32_t b) {
                     return entries[a].frequency > entries[b].frequency;
                   });
  uint32_t table_size = 1;
  while (table_size < 2 * n) table_size <<= 1;
  std::vector<uint64_t> table(table_size, 0);
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view w(pool.data() + entries[i].word_offset,
                             entries[i].word_length);
    const uint64_t hash = lexfmt::Hash(w);
    for (uint64_t h = hash;; ++h) {
      uint64_t& slot = table[h & (table_size - 1)];
      if (slot == 0) {
        slot = lexfmt::Slot(hash, i);
        break;
      }
    }
  }
  // The filter over the words.
  std::vector<uint64_t> filter(size_t{1} << lexfmt::kFilterBits, 0);
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view w(pool.data() + entries[i].word_offset,
                             entries[i].word_length);
    const lexfmt::FilterPlace place =
        lexfmt::PlaceOf(lexfmt::PolyHash(w), lexfmt::kFilterBits);
    filter[place.block] |= place.bits;
  }
  const std::string pieces = CommonPieces(entries, pool, by_frequency);
  // Every kSampleStep-th entry's key in word order, then in reversed order.
  std::vector<uint64_t> samples, reversed_samples;
  for (uint32_t i = 0; i < n; i += lexfmt::kSampleStep) {
    const lexfmt::Entry& e = entries[reversed[i]];
    samples.push_back(lexfmt::SampleKey(std::string_view(
        pool.data() + entries[i].word_offset, entries[i].word_length)));
    reversed_samples.push_back(lexfmt::SampleKey(
        std::string_view(pool.data() + e.word_offset, e.word_length),
        /*backwards=*/true));
  }
  samples.insert(samples.end(), reversed_samples.begin(),
                 reversed_samples.end());
  // The three-letter strings of the most frequent lowercase words.
  std::vector<uint64_t> trigrams(lexfmt::kTrigramWords, 0);
  for (uint32_t j = 0; j < std::min<uint32_t>(n, lexfmt::kPieceWords); ++j) {
    const uint32_t i = by_frequency[j];
    if ((entries[i].flags & lexfmt::kLower) == 0 || entries[i].frequency == 0)
      continue;
    const std::string_view w(pool.data() + entries[i].word_offset,
                             entries[i].word_length);
    for (size_t k = 0; k + 3 <= w.size(); ++k) {
      const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
      if (!letter(w[k]) || !letter(w[k + 1]) || !letter(w[k + 2])) continue;
      const size_t bit = lexfmt::TrigramBit(w[k], w[k + 1], w[k + 2]);
      trigrams[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }

  lexfmt::Header header{};
  std::memcpy(header.magic, lexfmt::kMagic, 8);
  header.entry_count = n;
  header.table_size = table_size;
  header.pool_size = pool.size();
  header.entries_offset = sizeof header;
  header.reversed_offset = header.entries_offset + n * sizeof(lexfmt::Entry);
  header.by_frequency_offset =
      header.reversed_offset + n * sizeof(lexfmt::Entry);
  // (The table's 8-byte slots start at a multiple of 8.)
  const uint64_t table_padding =
      (8 - (header.by_frequency_offset + n * sizeof(uint32_t)) % 8) % 8;
  header.table_offset =
      header.by_frequency_offset + n * sizeof(uint32_t) + table_padding;
  header.filter_offset = header.table_offset + table_size * sizeof(uint64_t);
  header.filter_bits = lexfmt::kFilterBits;
  header.pieces_offset =
      header.filter_offset + filter.size() * sizeof(uint64_t);
  header.pieces_size = static_cast<uint32_t>(pieces.size());
  header.pairs_offset = header.pieces_offset + pieces.size();
  header.pairs_offset += (8 - header.pairs_offset % 8) % 8;
  header.pair_count = static_cast<uint32_t>(pair_logs.size());
  header.pair_floor = pair_floor;
  const uint64_t pairs_end =
      header.pairs_offset +
      pair_logs.size() * (sizeof(uint64_t) + sizeof(float));
  const size_t pairs_padding =
      (header.pairs_offset - header.pieces_offset) - pieces.size();
  const uint64_t samples_padding = (8 - pairs_end % 8) % 8;
  header.samples_offset = pairs_end + samples_padding;
  header.sample_count = static_cast<uint32_t>(samples.size() / 2);
  header.trigrams_offset =
      header.samples_offset + samples.size() * sizeof(uint64_t);
  header.pool_offset =
      header.trigrams_offset + trigrams.size() * sizeof(uint64_t);
  header.total_frequency = total;

  const std::string temp = out_path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(reinterpret_cast<const char*>(entries.data()),
              n * sizeof(lexfmt::Entry));
    out.write(reinterpret_cast<const char*>(reversed_entries.data()),
              n * sizeof(lexfmt::Entry));
    out.write(reinterpret_cast<const char*>(by_frequency.data()),
              n * sizeof(uint32_t));
    const char padding[8] = {};
    out.write(padding, static_cast<std::streamsize>(table_padding));
    out.write(reinterpret_cast<const char*>(table.data()),
              table_size * sizeof(uint64_t));
    out.write(reinterpret_cast<const char*>(filter.data()),
              static_cast<std::streamsize>(filter.size() * sizeof(uint64_t)));
    out.write(pieces.data(), static_cast<std::streamsize>(pieces.size()));
    out.write(padding, static_cast<std::streamsize>(pairs_padding));
    for (const auto& [key, log] : pair_logs)
      out.write(reinterpret_cast<const char*>(&key), sizeof key);
    for (const auto& [key, log] : pair_logs)
      out.write(reinterpret_cast<const char*>(&log), sizeof log);
    out.write(padding, static_cast<std::streamsize>(samples_padding));
    out.write(reinterpret_cast<const char*>(samples.data()),
              static_cast<std::streamsize>(samples.size() * sizeof(uint64_t)));
    out.write(reinterpret_cast<const char*>(trigrams.data()),
              static_cast<std::streamsize>(trigrams.size() * sizeof(uint64_t)));
    out.write(pool.data(), static_cast<std::streamsize>(pool.size()));
    if (!out) return Fail("cannot write " + temp);
  }
  std::filesystem::rename(temp, out_path, ec);
  if (ec) return Fail("cannot write " + out_path);
  std::printf("build_lexicon: %u words (%zu from SCOWL), %zu bytes -> %s\n", n,
              from_scowl, static_cast<size_t>(header.pool_offset + pool.size()),
              out_path.c_str());
  return 0;
}
