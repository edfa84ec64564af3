// textmend_eval: the project's quality instrument. It corrupts clean text with
// a seed, runs the library on it, and measures per kind of damage:
//   recall  - damaged tokens restored exactly;
//   damage  - clean tokens changed, per 10,000;
//   CER     - character error rate against the clean text, before and after
//   repair.
// With --clean it only runs the library over the files and counts the tokens it
// changed; with --substitution it gives each article one find-and-replace
// accident and scores the word stage. --words turns the word stage on in the
// other modes. Later stages add their own corruption kinds.
//
// With --mojibake it damages lines and runs of words with every wrong decode
// the encoding stage undoes (mojibake_eval.h) and scores recall per script.
//
// Usage: textmend_eval [--seed N] [--seeds K] [--rate R] [--clean |
// --substitution | --mojibake | --ocr-noise | --broken-words | --cer] [--words]
// [--articles N] [--join N]
// [--min-recall P] [--min-latin P]
// [--min-cyrillic P] [--max-damage D] [--verbose] [--dump DIR] FILE...
// With --substitution --verbose it prints each article's accident, restored
// count and the rules found, and --dump DIR writes each damaged article to
// DIR/article-N.txt (N as printed), to replay one with textmend --report.
// With --ocr-noise --join N, N articles in a row are damaged and repaired as
// one document (pages of one report), where misreadings recur.
// With --names GROUPS.tsv it writes documents that mention several persons in
// several real spellings each (names_eval.h) and scores the name stage.
// With --cer REF HYP... it prints the character and word error rates of each
// HYP file against REF (whitespace runs count as one space): for real OCR
// output (tools/eval/real_ocr.sh).
// Exits 1 when a floor given by --min-recall / --max-damage is not met.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "distance.h"
#include "mojibake_eval.h"
#include "names_eval.h"
#include "noise_eval.h"
#include "textmend/repairer.h"
#include "words/substitution.h"

namespace {

using Tokens = std::vector<std::string>;

// Whitespace-separated tokens, as strings.
Tokens Split(const std::string& text) {
  Tokens out;
  for (const textmend_eval::Span& t : textmend_eval::WhitespaceTokens(text))
    out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

// Code points, for the character error rate.
std::u32string Chars(const std::string& s) {
  std::u32string out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    out.push_back(u.char32At(i));
  return out;
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  return textmend_eval::Distance(a, b);
}

// One kind of damage: returns the damaged token, or the token itself when it
// does not apply.
struct Kind {
  const char* name;
  std::string (*apply)(const std::string&, std::mt19937*);
};

std::string Ligature(const std::string& t, std::mt19937*) {
  static const std::pair<const char*, const char*> kLigatures[] = {
      {"ffi", "\xEF\xAC\x83"},
      {"ffl", "\xEF\xAC\x84"},
      {"ff", "\xEF\xAC\x80"},
      {"fi", "\xEF\xAC\x81"},
      {"fl", "\xEF\xAC\x82"}};
  std::string s = t;
  for (const auto& [plain, lig] : kLigatures) {
    for (size_t p; (p = s.find(plain)) != std::string::npos;)
      s.replace(p, std::strlen(plain), lig);
  }
  return s;
}

std::string Decompose(const std::string& t, std::mt19937*) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(t), err).toUTF8String(out);
  return U_SUCCESS(err) ? out : t;
}

// Inserts `what` at a random position inside the token (between two of its
// characters).
std::string InsertInside(const std::string& t, const std::string& what,
                         std::mt19937* rng) {
  std::vector<size_t> cuts;
  for (size_t i = 1; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) cuts.push_back(i);
  }
  if (cuts.empty()) return t;
  const size_t at =
      cuts[std::uniform_int_distribution<size_t>(0, cuts.size() - 1)(*rng)];
  return t.substr(0, at) + what + t.substr(at);
}

// A zero-width space between two ideographs or Thai letters separates words
// of a script written without spaces: correct, and kept. Not damage there.
bool Unspaced(const std::string& t) {
  for (char32_t c : Chars(t)) {
    if ((c >= 0x0E00 && c < 0x0E80) || (c >= 0x3040 && c < 0xA000)) return true;
  }
  return false;
}

std::string ZeroWidth(const std::string& t, std::mt19937* rng) {
  if (Unspaced(t)) return t;
  return InsertInside(t, "\xE2\x80\x8B", rng);
}
std::string StrayBom(const std::string& t, std::mt19937* rng) {
  return InsertInside(t, "\xEF\xBB\xBF", rng);
}
std::string Control(const std::string& t, std::mt19937* rng) {
  static const char kControls[] = {'\x01', '\x02', '\x08', '\x0E',
                                   '\x10', '\x1A', '\x1F', '\x7F'};
  return InsertInside(t, std::string(1, kControls[(*rng)() % sizeof kControls]),
                      rng);
}

const Kind kKinds[] = {{"ligature", Ligature},
                       {"decomposed", Decompose},
                       {"zero-width", ZeroWidth},
                       {"stray-bom", StrayBom},
                       {"control", Control}};

// Articles: a headline line begins each one (it follows a paragraph line
// directly, where paragraphs are separated by blank lines).
std::vector<std::string> Articles(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  std::string current, prev = "";
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    if (!current.empty() && !prev.empty() && !line.empty()) {
      out.push_back(current);
      current.clear();
    }
    current += line + "\n";
    prev = line;
    pos = nl + 1;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// One find-and-replace accident per article: a letter sequence (3-5 letters)
// that occurs in at least three distinct words of the article is replaced
// everywhere, case-sensitively as an editor does, by random letters or by
// another word of the article. Returns false when the article has no such
// sequence.
bool MakeAccident(const std::string& article, std::mt19937* rng,
                  std::string* from, std::string* to) {
  std::map<std::string, std::set<std::string>> pieces;
  for (const std::string& t : Split(article)) {
    std::string w;
    for (const char c : t) {
      if (c >= 'a' && c <= 'z')
        w += c;
      else if (!w.empty())
        break;
    }
    for (size_t len = 3; len <= 5; ++len) {
      for (size_t i = 0; i + len <= w.size(); ++i)
        pieces[w.substr(i, len)].insert(w);
    }
  }
  std::vector<std::string> choices;
  for (const auto& [p, ws] : pieces) {
    if (ws.size() >= 3) choices.push_back(p);
  }
  if (choices.empty()) return false;
  *from = choices[(*rng)() % choices.size()];
  if ((*rng)() % 2 == 0) {
    const size_t len = 2 + (*rng)() % 5;
    to->clear();
    for (size_t i = 0; i < len; ++i)
      to->push_back(static_cast<char>('a' + (*rng)() % 26));
  } else {
    const Tokens words = Split(article);
    std::string w;
    for (int tries = 0; tries < 50 && (w.size() < 3 || w == *from); ++tries) {
      w.clear();
      for (const char c : words[(*rng)() % words.size()]) {
        if (c >= 'a' && c <= 'z')
          w += c;
        else
          break;
      }
    }
    if (w.size() < 3 || w == *from) return false;
    *to = w;
  }
  return true;
}

struct Score {
  size_t damaged = 0, restored = 0, clean = 0, clean_changed = 0;
  size_t ref_chars = 0, errors_before = 0, errors_after = 0;
};

std::string ReadAll(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "textmend_eval: %s: cannot read\n", path);
    std::exit(2);
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Rebuilds text from tokens, one line per original line (token boundaries
// kept).
std::string Join(const Tokens& tokens) {
  std::string s;
  for (size_t i = 0; i < tokens.size(); ++i)
    s += tokens[i] + ((i + 1) % 16 ? " " : "\n");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned seed = 1, seeds = 1;
  double rate = 0.05, min_recall = -1, max_damage = -1;
  bool clean_only = false, substitution = false, words = false,
       mojibake = false, ocr_noise = false, broken_words = false, cer = false,
       verbose = false, names = false, per_article = false, name_pairs = false;
  size_t documents = 400;
  std::string half = "all";
  double min_latin = -1, min_cyrillic = -1;
  size_t max_articles = SIZE_MAX;
  size_t join = 1;             // --ocr-noise: articles per document
  const char* dump =
      nullptr;  // --substitution --verbose, --ocr-noise: damaged documents
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seed" && i + 1 < argc)
      seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--rate" && i + 1 < argc)
      rate = std::atof(argv[++i]);
    else if (a == "--min-recall" && i + 1 < argc)
      min_recall = std::atof(argv[++i]);
    else if (a == "--max-damage" && i + 1 < argc)
      max_damage = std::atof(argv[++i]);
    else if (a == "--clean")
      clean_only = true;
    else if (a == "--per-article")
      per_article = true;
    else if (a == "--join" && i + 1 < argc)
      join = std::max<size_t>(1, static_cast<size_t>(std::atol(argv[++i])));
    else if (a == "--substitution")
      substitution = true;
    else if (a == "--words")
      words = true;
    else if (a == "--mojibake")
      mojibake = true;
    else if (a == "--ocr-noise")
      ocr_noise = true;
    else if (a == "--cer")
      cer = true;
    else if (a == "--broken-words")
      ocr_noise = broken_words = true;
    else if (a == "--names")
      names = true;
    else if (a == "--name-pairs")
      names = name_pairs = true;
    else if (a == "--documents" && i + 1 < argc)
      documents = static_cast<size_t>(std::atol(argv[++i]));
    else if (a == "--half" && i + 1 < argc)
      half = argv[++i];
    else if (a == "--seeds" && i + 1 < argc)
      seeds = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--verbose")
      verbose = true;
    else if (a == "--dump" && i + 1 < argc)
      dump = argv[++i];
    else if (a == "--min-latin" && i + 1 < argc)
      min_latin = std::atof(argv[++i]);
    else if (a == "--min-cyrillic" && i + 1 < argc)
      min_cyrillic = std::atof(argv[++i]);
    else if (a == "--articles" && i + 1 < argc)
      max_articles = static_cast<size_t>(std::atol(argv[++i]));
    else if (a.rfind("--", 0) == 0) {
      std::fprintf(
          stderr,
          "usage: textmend_eval [--seed N] [--seeds K] [--rate R] [--clean | "
          "--substitution | --mojibake | --ocr-noise | --broken-words | --cer "
          "| "
          "--names [--documents N] [--half all|even|odd] | --name-pairs] "
          "[--words] [--articles N] [--per-article] [--join N] "
          "[--min-recall P] [--min-latin P] [--min-cyrillic P] "
          "[--max-damage D] [--verbose] [--dump DIR] FILE...\n");
      return 2;
    } else
      files.push_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "textmend_eval: no input files\n");
    return 2;
  }
  if (cer) {
    // REF HYP...: character and word error rates of each HYP against REF,
    // whitespace runs read as one space (OCR output breaks lines where the
    // page did).
    if (files.size() < 2) {
      std::fprintf(stderr, "textmend_eval: --cer needs REF and HYP files\n");
      return 2;
    }
    const auto flat = [](const std::string& t) {
      std::string out;
      for (const std::string& w : Split(t)) out += (out.empty() ? "" : " ") + w;
      return out;
    };
    const std::string ref = flat(ReadAll(files[0]));
    const std::u32string ref_chars = Chars(ref);
    const Tokens ref_words = Split(ref);
    for (size_t i = 1; i < files.size(); ++i) {
      const std::string hyp = flat(ReadAll(files[i]));
      const size_t char_errors = EditDistance(Chars(hyp), ref_chars);
      // Word errors: the same distance over word sequences.
      const size_t word_errors = textmend_eval::Distance(Split(hyp), ref_words);
      std::printf(
          "%s: %zu character errors of %zu (CER %.3f%%), %zu word "
          "errors of %zu (WER %.3f%%)\n",
          files[i], char_errors, ref_chars.size(),
          100.0 * static_cast<double>(char_errors) /
              static_cast<double>(std::max<size_t>(ref_chars.size(), 1)),
          word_errors, ref_words.size(),
          100.0 * static_cast<double>(word_errors) /
              static_cast<double>(std::max<size_t>(ref_words.size(), 1)));
    }
    return 0;
  }
  if (names) {
    textmend_eval::NamesEvalOptions ne;
    ne.seed = seed;
    ne.documents = documents;
    ne.half = half;
    ne.min_unified = min_recall;
    ne.verbose = verbose;
    ne.pairs = name_pairs;
    std::vector<std::string> lines;
    for (const char* f : files) {
      const std::string all = ReadAll(f);
      size_t at = 0;
      for (size_t nl; (nl = all.find('\n', at)) != std::string::npos;
           at = nl + 1)
        lines.push_back(all.substr(at, nl - at));
      if (at < all.size()) lines.push_back(all.substr(at));
    }
    return textmend_eval::RunNamesEval(lines, ne);
  }
  if (mojibake) {
    textmend_eval::MojibakeEvalOptions mo;
    mo.seed = seed;
    mo.seeds = seeds;
    if (rate != 0.05) mo.rate = rate;
    mo.min_latin = min_latin;
    mo.min_cyrillic = min_cyrillic;
    mo.max_damage = max_damage;
    mo.verbose = verbose;
    std::vector<std::string> texts;
    for (const char* f : files) texts.push_back(ReadAll(f));
    return textmend_eval::RunMojibakeEval(texts, mo);
  }
  if (ocr_noise) {
    textmend_eval::NoiseEvalOptions no;
    no.seed = seed;
    no.seeds = seeds;
    no.rate = rate;
    no.min_recall = min_recall;
    no.max_damage = max_damage;
    no.verbose = verbose;
    no.broken_words = broken_words;
    no.dump = dump;
    std::vector<std::string> articles;
    for (const char* f : files) {
      for (std::string& a : Articles(ReadAll(f))) {
        if (articles.size() < max_articles) articles.push_back(std::move(a));
      }
    }
    // (--join N: N articles in a row are one document, as the pages of a
    // report or a book are repaired together, where a page reader's
    // systematic misreadings recur.)
    std::vector<std::string> documents;
    for (size_t k = 0; k < articles.size(); ++k) {
      if (k % join == 0) documents.emplace_back();
      documents.back() += articles[k];
    }
    return textmend_eval::RunNoiseEval(documents, no);
  }
  // The substitution mode measures the word stage, so it is always on there.
  textmend::Options options;
  options.words = words || substitution;
  std::unique_ptr<textmend::Repairer> repairer;
  if (!textmend::Repairer::Create(options, &repairer).ok()) return 2;

  bool ok = true;
  if (clean_only) {
    size_t tokens = 0, changed = 0;
    // Each file as one document, or (--per-article) each article alone, as
    // a user repairs one news story: the rules a short document learns from
    // little evidence are tried there.
    std::vector<std::pair<const char*, std::string>> documents_in;
    for (const char* f : files) {
      if (!per_article) {
        documents_in.emplace_back(f, ReadAll(f));
        continue;
      }
      for (std::string& a : Articles(ReadAll(f))) {
        if (documents_in.size() < max_articles)
          documents_in.emplace_back(f, std::move(a));
      }
    }
    for (const auto& [f, text] : documents_in) {
      textmend::RepairResult r;
      if (!repairer->Repair(text, &r).ok()) return 2;
      // Line by line (no repair adds or removes a line), tokens aligned so
      // that a split or joined word counts once.
      const auto lines = [](const std::string& t) {
        std::vector<std::string> out;
        size_t i = 0;
        for (size_t nl; (nl = t.find('\n', i)) != std::string::npos; i = nl + 1)
          out.push_back(t.substr(i, nl - i));
        out.push_back(t.substr(i));
        return out;
      };
      const std::vector<std::string> la = lines(text), lb = lines(r.text);
      for (size_t l = 0; l < la.size(); ++l) {
        const Tokens a = Split(la[l]);
        tokens += a.size();
        if (l < lb.size() && la[l] == lb[l]) continue;
        const Tokens b = l < lb.size() ? Split(lb[l]) : Tokens();
        for (const char k : textmend_eval::Kept(a, b)) changed += !k;
      }
      if (verbose) {
        for (const textmend::Change& c : r.changes) {
          std::printf("%s:%llu: %s -> %s [%s]\n", f,
                      static_cast<unsigned long long>(c.line), c.before.c_str(),
                      c.after.c_str(), c.rule.c_str());
        }
      }
      if (!per_article)
        std::printf("%-40s %9zu changes\n", f, r.changes.size());
    }
    const double per10k =
        tokens ? 1e4 * static_cast<double>(changed) / tokens : 0;
    std::printf("clean text: %zu tokens, %zu changed (%.2f per 10,000)\n",
                tokens, changed, per10k);
    if (max_damage >= 0 && per10k > max_damage) ok = false;
    return ok ? 0 : 1;
  }

  if (substitution) {
    // Per article, one accident; tokens aligned by whitespace.
    std::mt19937 rng(seed);
    size_t articles = 0, damaged_nonword = 0, restored_nonword = 0,
           damaged_word = 0, restored_word = 0, clean = 0, changed = 0,
           changed_beyond = 0, miscorrected = 0;
    for (const char* f : files) {
      for (const std::string& article : Articles(ReadAll(f))) {
        if (articles >= max_articles) break;
        std::string from, to;
        if (!MakeAccident(article, &rng, &from, &to)) continue;
        const std::string damaged = textmend::ReplaceAll(article, from, to);
        textmend::RepairResult r;
        if (!repairer->Repair(damaged, &r).ok()) return 2;
        const Tokens a = Split(article), d = Split(damaged), x = Split(r.text);
        if (a.size() != d.size()) {
          std::fprintf(stderr, "%s: the accident changed the token count\n", f);
          return 2;
        }
        // The repair may split or join words elsewhere: tokens are aligned.
        const std::vector<char> kept = textmend_eval::Kept(a, x),
                                unchanged = textmend_eval::Kept(d, x);
        // What the repair changes in the undamaged article (its own
        // misspellings), to tell the accident's effect apart.
        textmend::RepairResult base;
        if (!repairer->Repair(article, &base).ok()) return 2;
        const std::vector<char> kept_base =
            textmend_eval::Kept(a, Split(base.text));
        ++articles;
        size_t article_damaged = 0, article_restored = 0;
        for (size_t i = 0; i < a.size(); ++i) {
          if (a[i] != d[i]) {
            ++article_damaged;
            article_restored += kept[i];
          }
        }
        if (verbose) {
          std::set<std::string> rules;
          for (const auto& c : r.changes) rules.insert(c.rule);
          std::printf("%zu: '%s'->'%s': %zu/%zu restored", articles,
                      from.c_str(), to.c_str(), article_restored,
                      article_damaged);
          for (const auto& rule : rules) std::printf(" [%s]", rule.c_str());
          std::printf("\n");
          if (dump != nullptr) {
            std::ofstream(std::string(dump) + "/article-" +
                          std::to_string(articles) + ".txt")
                << damaged;
          }
        }
        for (size_t i = 0; i < a.size(); ++i) {
          if (a[i] == d[i]) {
            ++clean;
            changed += !kept[i];
            changed_beyond += !kept[i] && kept_base[i];
            if (verbose && !kept[i] && kept_base[i]) {
              std::printf("  changed clean: %s ('%s'->'%s')\n", a[i].c_str(),
                          from.c_str(), to.c_str());
            }
            continue;
          }
          // A damaged token that reads as a word (the seed's standalone
          // "one" -> "start") needs word-pair context: counted apart.
          std::string core;
          for (const char c : d[i]) {
            if (std::isalpha(static_cast<unsigned char>(c)))
              core += static_cast<char>(std::tolower(c));
          }
          const bool real_word = core == to;
          (real_word ? damaged_word : damaged_nonword) += 1;
          (real_word ? restored_word : restored_nonword) += kept[i];
          miscorrected += !kept[i] && !unchanged[i];
        }
      }
    }
    const auto pct = [](size_t a, size_t b) {
      return b ? 100.0 * a / b : 100.0;
    };
    const double damage =
        clean ? 1e4 * static_cast<double>(changed) / clean : 0;
    std::printf("substitution accidents: %zu articles, one rule each\n",
                articles);
    std::printf(
        "  damaged tokens that are not words: %zu, restored %zu (recall "
        "%.2f%%)\n",
        damaged_nonword, restored_nonword,
        pct(restored_nonword, damaged_nonword));
    std::printf(
        "  damaged tokens that read as a word: %zu, restored %zu (recall "
        "%.2f%%)\n",
        damaged_word, restored_word, pct(restored_word, damaged_word));
    std::printf(
        "  all damaged tokens: recall %.2f%%\n",
        pct(restored_nonword + restored_word, damaged_nonword + damaged_word));
    std::printf("  damaged tokens changed into a wrong word: %zu\n",
                miscorrected);
    std::printf("  clean tokens changed: %zu of %zu (%.2f per 10,000)\n",
                changed, clean, damage);
    std::printf(
        "  of those, changed only in the damaged article: %zu (%.2f per "
        "10,000; the rest the repair changes in the undamaged article too)\n",
        changed_beyond,
        clean ? 1e4 * static_cast<double>(changed_beyond) / clean : 0.0);
    if (min_recall >= 0 && pct(restored_nonword, damaged_nonword) < min_recall)
      ok = false;
    if (max_damage >= 0 && damage > max_damage) ok = false;
    return ok ? 0 : 1;
  }

  std::mt19937 rng(seed);
  std::map<std::string, Score> scores;
  for (const char* f : files) {
    const Tokens clean = Split(ReadAll(f));
    for (const Kind& kind : kKinds) {
      // Damage `rate` of the tokens this kind applies to (a ligature needs
      // "fi", "fl" or "ff"; a decomposition needs an accented letter), so rare
      // kinds are measured too.
      Tokens damaged = clean;
      std::vector<bool> hit(clean.size(), false);
      std::bernoulli_distribution pick(rate);
      for (size_t i = 0; i < clean.size(); ++i) {
        const std::string d = kind.apply(clean[i], &rng);
        if (d == clean[i] || !pick(rng)) continue;
        damaged[i] = d;
        hit[i] = true;
      }
      textmend::RepairResult r;
      if (!repairer->Repair(Join(damaged), &r).ok()) return 2;
      const Tokens repaired = Split(r.text);
      Score& s = scores[kind.name];
      if (repaired.size() != clean.size()) {
        std::fprintf(stderr, "%s/%s: token count changed (%zu -> %zu)\n", f,
                     kind.name, clean.size(), repaired.size());
        ok = false;
        continue;
      }
      for (size_t i = 0; i < clean.size(); ++i) {
        if (hit[i]) {
          ++s.damaged;
          s.restored += repaired[i] == clean[i];
          const std::u32string ref = Chars(clean[i]);
          s.ref_chars += ref.size();
          s.errors_before += EditDistance(Chars(damaged[i]), ref);
          s.errors_after += EditDistance(Chars(repaired[i]), ref);
        } else {
          ++s.clean;
          s.clean_changed += repaired[i] != clean[i];
          // Characters, as for damaged tokens; errors only if changed.
          const std::u32string ref = Chars(clean[i]);
          s.ref_chars += ref.size();
          if (repaired[i] != clean[i]) {
            s.errors_after += EditDistance(Chars(repaired[i]), ref);
          }
        }
      }
    }
  }
  std::printf("%-12s %9s %9s %8s %10s %11s %10s\n", "damage", "damaged",
              "restored", "recall", "damage/10k", "CER before", "CER after");
  for (const auto& [name, s] : scores) {
    const double recall = s.damaged ? 100.0 * s.restored / s.damaged : 100.0;
    const double damage =
        s.clean ? 1e4 * static_cast<double>(s.clean_changed) / s.clean : 0;
    std::printf("%-12s %9zu %9zu %7.2f%% %10.2f %10.4f%% %9.4f%%\n",
                name.c_str(), s.damaged, s.restored, recall, damage,
                100.0 * s.errors_before / s.ref_chars,
                100.0 * s.errors_after / s.ref_chars);
    if (min_recall >= 0 && recall < min_recall) ok = false;
    if (max_damage >= 0 && damage > max_damage) ok = false;
  }
  return ok ? 0 : 1;
}
