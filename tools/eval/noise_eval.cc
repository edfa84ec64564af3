// textmend_eval --ocr-noise; see noise_eval.h.
#include "noise_eval.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "dict/lexicon.h"
#include "distance.h"
#include "textmend/repairer.h"
#include "words/substitution.h"

namespace textmend_eval {
namespace {

// How print is misread: `meant` on the page read as `seen`, with a weight.
// Some are in the word stage's table, some (k/lc, a/e, s/a) are not, and the
// ordinary edits below are in no table at all.
struct Misreading {
  const char* meant;
  const char* seen;
  int weight;
};
constexpr Misreading kMisreadings[] = {
    {"m", "rn", 4}, {"d", "cl", 2}, {"h", "li", 2}, {"w", "vv", 2},
    {"n", "ri", 2}, {"m", "in", 1}, {"u", "ii", 1}, {"e", "c", 4},
    {"c", "e", 2},  {"l", "i", 3},  {"i", "l", 2},  {"t", "f", 1},
    {"f", "t", 1},  {"b", "h", 1},  {"h", "b", 1},  {"u", "n", 2},
    {"n", "u", 2},  {"a", "o", 1},  {"o", "a", 1},  {"e", "o", 1},
    {"k", "lc", 1}, {"a", "e", 1},  {"s", "a", 1},  {"rn", "m", 2},
    {"g", "q", 1},  {"y", "v", 1},
};
enum Ordinary { kDrop, kDouble, kSwap, kWrong, kOrdinaryKinds };
constexpr int kOrdinaryWeight = 2;  // each

// Applies one misreading to the letters of `w` (lowercase ASCII letters
// only); false when none applies.
bool Misread(std::string* w, std::mt19937* rng) {
  struct Option {
    int kind;  // index into kMisreadings, or -1 - Ordinary
    size_t at;
    int weight;
  };
  std::vector<Option> options;
  for (int k = 0; k < static_cast<int>(std::size(kMisreadings)); ++k) {
    const std::string meant = kMisreadings[k].meant;
    for (size_t at = w->find(meant); at != std::string::npos;
         at = w->find(meant, at + 1))
      options.push_back({k, at, kMisreadings[k].weight});
  }
  if (w->size() >= 3) {
    for (int o = 0; o < kOrdinaryKinds; ++o) {
      options.push_back({-1 - o,
                         std::uniform_int_distribution<size_t>(
                             0, w->size() - (o == kSwap ? 2 : 1))(*rng),
                         kOrdinaryWeight});
    }
  }
  if (options.empty()) return false;
  int total = 0;
  for (const Option& o : options) total += o.weight;
  int pick = std::uniform_int_distribution<int>(0, total - 1)(*rng);
  const Option* chosen = &options.back();
  for (const Option& o : options) {
    if ((pick -= o.weight) < 0) {
      chosen = &o;
      break;
    }
  }
  if (chosen->kind >= 0) {
    const Misreading& m = kMisreadings[chosen->kind];
    const size_t len = std::char_traits<char>::length(m.meant);
    *w = w->substr(0, chosen->at) + m.seen + w->substr(chosen->at + len);
    return true;
  }
  switch (-1 - chosen->kind) {
    case kDrop:
      w->erase(chosen->at, 1);
      break;
    case kDouble:
      *w = w->substr(0, chosen->at + 1) + w->substr(chosen->at);
      break;
    case kSwap:
      std::swap((*w)[chosen->at], (*w)[chosen->at + 1]);
      break;
    default: {
      char c;
      do {
        c = static_cast<char>('a' + (*rng)() % 26);
      } while (c == (*w)[chosen->at]);
      (*w)[chosen->at] = c;
    }
  }
  return true;
}

using Token = Span;  // [lead punctuation][letters][tail]

// The letters of a token between its punctuation, if it is one plain word of
// 2+ ASCII letters (else empty).
std::pair<size_t, size_t> Letters(const std::string& t) {
  size_t a = 0, b = t.size();
  while (a < b && std::ispunct(static_cast<unsigned char>(t[a]))) ++a;
  while (b > a && std::ispunct(static_cast<unsigned char>(t[b - 1]))) --b;
  if (b - a < 2) return {0, 0};
  for (size_t k = a; k < b; ++k) {
    if (!std::isalpha(static_cast<unsigned char>(t[k]))) return {0, 0};
  }
  return {a, b};
}

}  // namespace

std::vector<char> Kept(const std::vector<std::string>& a,
                       const std::vector<std::string>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint32_t> dp((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& {
    return dp[i * (m + 1) + j];
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1
                              : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<char> kept(n, 0);
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (a[i] == b[j]) {
      kept[i] = 1;
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return kept;
}

namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : WhitespaceTokens(text))
    out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

// Character errors of `text` against `clean`, line by line (no damage here
// adds or removes a line break).
size_t LineErrors(const std::string& text, const std::string& clean) {
  size_t errors = 0, i = 0, j = 0;
  while (i <= text.size() && j <= clean.size()) {
    size_t a = text.find('\n', i), b = clean.find('\n', j);
    if (a == std::string::npos) a = text.size();
    if (b == std::string::npos) b = clean.size();
    const std::string x = text.substr(i, a - i), y = clean.substr(j, b - j);
    if (x != y) errors += Distance(x, y);
    if (a == text.size() || b == clean.size()) break;
    i = a + 1;
    j = b + 1;
  }
  return errors;
}

// Damages `text`: per word (OCR mode) or per pair of words (broken-words
// mode); sets hit[k] for the clean tokens damaged.
std::string Damage(const std::string& text, const NoiseEvalOptions& options,
                   std::mt19937* rng, std::vector<char>* hit) {
  std::string noisy = text;
  const std::vector<Token> tokens = WhitespaceTokens(text);
  hit->assign(tokens.size(), 0);
  std::bernoulli_distribution pick(options.rate), twice(0.2), coin(0.5);
  // Rebuilt back to front so earlier offsets stay valid.
  for (size_t k = tokens.size(); k-- > 0;) {
    const std::string t =
        text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    const auto [a, b] = Letters(t);
    if (b == 0 || !pick(*rng)) continue;
    if (options.broken_words) {
      if (coin(*rng)) {
        // A stray space inside a word of 6+ letters.
        if (b - a < 6) continue;
        const size_t cut =
            a + 2 + std::uniform_int_distribution<size_t>(0, b - a - 4)(*rng);
        noisy = noisy.substr(0, tokens[k].begin + cut) + " " +
                noisy.substr(tokens[k].begin + cut);
        (*hit)[k] = 1;
      } else {
        // The space between this plain word and the next one lost.
        if (k + 1 >= tokens.size() || (*hit)[k + 1] || a != 0 || b != t.size())
          continue;
        const std::string next = text.substr(
            tokens[k + 1].begin, tokens[k + 1].end - tokens[k + 1].begin);
        const auto [na, nb] = Letters(next);
        if (nb == 0 || na != 0) continue;
        if (text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end) !=
            " ")
          continue;
        noisy.erase(tokens[k].end, 1);
        (*hit)[k] = (*hit)[k + 1] = 1;
      }
      continue;
    }
    std::string w = t.substr(a, b - a);
    const bool upper = std::isupper(static_cast<unsigned char>(w[0])) != 0;
    for (char& c : w) c = static_cast<char>(std::tolower(c));
    const std::string before = w;
    if (!Misread(&w, rng)) continue;
    if (twice(*rng)) Misread(&w, rng);
    if (w == before || w.empty()) continue;
    if (upper) w[0] = static_cast<char>(std::toupper(w[0]));
    for (size_t c = 1; c < w.size() && c < b - a; ++c) {
      if (std::isupper(static_cast<unsigned char>(t[a + c])))
        w[c] = static_cast<char>(std::toupper(w[c]));
    }
    noisy.replace(tokens[k].begin + a, b - a, w);
    (*hit)[k] = 1;
  }
  return noisy;
}

}  // namespace

int RunNoiseEval(const std::vector<std::string>& texts,
                 const NoiseEvalOptions& options) {
  textmend::Options o;
  o.words = true;
  std::unique_ptr<textmend::Repairer> repairer;
  if (!textmend::Repairer::Create(o, &repairer).ok()) return 2;
  std::string tried;
  const std::string path = textmend::FindDictionary("", "en.lex", &tried);
  std::unique_ptr<textmend::Lexicon> lexicon;
  if (path.empty() || !textmend::Lexicon::Open(path, &lexicon).ok()) {
    std::fprintf(stderr, "textmend_eval: no lexicon (looked in %s)\n",
                 tried.c_str());
    return 2;
  }

  // Damaged tokens by whether the damage left something that reads as a
  // word (OCR mode), restored when the repaired text keeps them.
  size_t damaged[2] = {0, 0}, restored[2] = {0, 0};
  size_t clean = 0, changed = 0, changed_beyond = 0;
  size_t chars = 0, errors_before = 0, errors_after = 0;
  size_t dumped = 0;
  for (unsigned seed = options.seed; seed < options.seed + options.seeds;
       ++seed) {
    std::mt19937 rng(seed);
    for (const std::string& text : texts) {
      // Articles are damaged and repaired one at a time, as documents.
      std::vector<char> hit;
      const std::string noisy = Damage(text, options, &rng, &hit);
      if (options.dump != nullptr) {
        std::ofstream(std::string(options.dump) + "/doc-" +
                      std::to_string(dumped++) + ".txt")
            << noisy;
      }
      textmend::RepairResult r;
      if (!repairer->Repair(noisy, &r).ok()) return 2;
      const std::vector<std::string> a = Words(text), x = Words(r.text);
      const std::vector<char> kept = Kept(a, x);
      // What the repair changes in the undamaged article (its own
      // misspellings), to tell the damage's effect apart.
      textmend::RepairResult base;
      if (!repairer->Repair(text, &base).ok()) return 2;
      const std::vector<char> kept_base = Kept(a, Words(base.text));
      // Which damaged tokens read as words: OCR mode keeps the token count.
      const std::vector<std::string> d = Words(noisy);
      for (size_t k = 0; k < a.size(); ++k) {
        if (!hit[k]) {
          ++clean;
          if (!kept[k]) {
            ++changed;
            changed_beyond += kept_base[k];
            if (options.verbose)
              std::printf("changed clean: %s\n", a[k].c_str());
          }
          continue;
        }
        int real = 0;
        if (!options.broken_words && d.size() == a.size()) {
          const auto [la, lb] = Letters(d[k]);
          std::string core = d[k].substr(la, lb - la);
          for (char& c : core) c = static_cast<char>(std::tolower(c));
          real = lb > la && lexicon->Find(core) != nullptr ? 1 : 0;
          if (options.verbose && !kept[k] && real == 0)
            std::printf("missed: %s (want %s)\n", d[k].c_str(), a[k].c_str());
        }
        ++damaged[real];
        restored[real] += kept[k];
      }
      for (const Token& t : WhitespaceTokens(text)) chars += t.end - t.begin;
      errors_before += LineErrors(noisy, text);
      errors_after += LineErrors(r.text, text);
    }
  }
  const auto pct = [](size_t a, size_t b) {
    return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 100.0;
  };
  const double damage =
      clean ? 1e4 * static_cast<double>(changed) / static_cast<double>(clean)
            : 0;
  const double cer_before = pct(errors_before, chars);
  const double cer_after = pct(errors_after, chars);
  std::printf("%s: %.1f%% of words, %u seed(s)\n",
              options.broken_words ? "broken words (split or run together)"
                                   : "OCR-like noise",
              100 * options.rate, options.seeds);
  if (options.broken_words) {
    std::printf("  damaged words: %zu, restored %zu (recall %.2f%%)\n",
                damaged[0], restored[0], pct(restored[0], damaged[0]));
  } else {
    std::printf(
        "  damaged words that are not words: %zu, restored %zu "
        "(recall %.2f%%)\n",
        damaged[0], restored[0], pct(restored[0], damaged[0]));
    std::printf(
        "  damaged words that read as a word: %zu, restored %zu "
        "(recall %.2f%%)\n",
        damaged[1], restored[1], pct(restored[1], damaged[1]));
    std::printf("  all damaged words: recall %.2f%%\n",
                pct(restored[0] + restored[1], damaged[0] + damaged[1]));
  }
  std::printf("  clean tokens changed: %zu of %zu (%.2f per 10,000)\n", changed,
              clean, damage);
  std::printf(
      "  of those, changed only in the damaged article: %zu (%.2f per "
      "10,000; the rest the repair changes in the undamaged article too)\n",
      changed_beyond,
      clean ? 1e4 * static_cast<double>(changed_beyond) /
                  static_cast<double>(clean)
            : 0.0);
  std::printf(
      "  character error rate: %.4f%% before, %.4f%% after (%.1f%% "
      "of the errors removed)\n",
      cer_before, cer_after,
      cer_before > 0 ? 100.0 * (1 - cer_after / cer_before) : 0.0);
  bool ok = true;
  if (options.min_recall >= 0 &&
      pct(restored[0], damaged[0]) < options.min_recall)
    ok = false;
  if (options.max_damage >= 0 && damage > options.max_damage) ok = false;
  return ok ? 0 : 1;
}

}  // namespace textmend_eval
