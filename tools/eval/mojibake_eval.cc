// The mojibake generators and their scoring; see mojibake_eval.h.
#include "mojibake_eval.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <random>

#include "core/codepage.h"
#include "core/utf8.h"
#include "textmend/repairer.h"

namespace textmend_eval {
namespace {

using textmend::CodePage;
using textmend::CodePageId;
using textmend::GetCodePage;

// One wrong decode: UTF-8 bytes (from_utf8) or text in `actual` read as
// `read_as`.
struct Misread {
  bool from_utf8;
  CodePageId actual;
  CodePageId read_as;
};

enum class Scope { kLine, kRun };
enum class Loss { kNone, kNbspToSpace, kUndefinedToFffd };

struct Kind {
  std::string name;
  std::vector<Misread> misreads;  // applied in order
  Scope scope;
  Loss loss = Loss::kNone;
};

std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const int32_t cp = textmend::DecodeAt(s, i, &len);
    out.push_back(cp < 0 ? 0xFFFD : static_cast<char32_t>(cp));
    i += len;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) textmend::AppendUtf8(c, &out);
  return out;
}

// Applies one misread; false when the text is not encodable in `actual`.
bool Apply(const Misread& m, std::string* text) {
  std::string bytes;
  if (m.from_utf8) {
    bytes = *text;
  } else {
    const CodePage& actual = GetCodePage(m.actual);
    for (char32_t c : Decode(*text)) {
      const int b = actual.Encode(c);
      if (b < 0) return false;
      bytes.push_back(static_cast<char>(b));
    }
  }
  const CodePage& read_as = GetCodePage(m.read_as);
  std::u32string out;
  for (unsigned char b : bytes) out.push_back(read_as.Decode(b));
  *text = Encode(out);
  return true;
}

std::string Describe(const std::vector<Misread>& ms) {
  std::string s;
  for (const Misread& m : ms) {
    if (!s.empty()) s += "+";
    s += m.from_utf8 ? "utf8" : std::string(GetCodePage(m.actual).name());
    s += ">";
    s += GetCodePage(m.read_as).name();
  }
  return s;
}

std::vector<Kind> Kinds() {
  using C = CodePageId;
  std::vector<Kind> kinds;
  auto add = [&](std::vector<Misread> ms, Scope scope, Loss loss) {
    std::string name = Describe(ms);
    name += scope == Scope::kLine ? " line" : " run";
    if (loss == Loss::kNbspToSpace) name += " nbsp-lost";
    if (loss == Loss::kUndefinedToFffd) name += " fffd";
    kinds.push_back({name, std::move(ms), scope, loss});
  };
  const C utf8_pages[] = {C::kWindows1252, C::kLatin1,      C::kWindows1250,
                          C::kWindows1251, C::kWindows1253, C::kWindows1254,
                          C::kWindows1257, C::kIso8859_2,   C::kMacRoman,
                          C::kCp437,       C::kKoi8R,       C::kKoi8U,
                          C::kCp866};
  for (C p : utf8_pages) {
    for (Scope s : {Scope::kLine, Scope::kRun})
      add({{true, C::kCount, p}}, s, Loss::kNone);
  }
  for (Scope s : {Scope::kLine, Scope::kRun}) {
    add({{true, C::kCount, C::kWindows1252},
         {true, C::kCount, C::kWindows1252}},
        s, Loss::kNone);
    add({{true, C::kCount, C::kWindows1252},
         {true, C::kCount, C::kWindows1252},
         {true, C::kCount, C::kWindows1252}},
        s, Loss::kNone);
    add({{true, C::kCount, C::kWindows1251},
         {true, C::kCount, C::kWindows1251}},
        s, Loss::kNone);
    add({{true, C::kCount, C::kWindows1251},
         {true, C::kCount, C::kWindows1252}},
        s, Loss::kNone);
  }
  const std::pair<C, C> mixups[] = {
      {C::kWindows1251, C::kLatin1},
      {C::kWindows1251, C::kWindows1252},
      {C::kKoi8R, C::kLatin1},
      {C::kKoi8R, C::kWindows1252},
      {C::kKoi8R, C::kWindows1251},
      {C::kWindows1251, C::kKoi8R},
      {C::kCp866, C::kWindows1251},
      {C::kKoi8U, C::kWindows1251},
      {C::kWindows1250, C::kWindows1252},
      {C::kIso8859_2, C::kLatin1},
      {C::kWindows1253, C::kWindows1252},
      {C::kWindows1254, C::kWindows1252},
  };
  for (const auto& [actual, read_as] : mixups) {
    for (Scope s : {Scope::kLine, Scope::kRun})
      add({{false, actual, read_as}}, s, Loss::kNone);
  }
  // Lossy forms, scored by whole lines.
  add({{true, C::kCount, C::kWindows1252}}, Scope::kLine, Loss::kNbspToSpace);
  add({{true, C::kCount, C::kWindows1251}}, Scope::kLine, Loss::kNbspToSpace);
  add({{true, C::kCount, C::kWindows1252}}, Scope::kLine,
      Loss::kUndefinedToFffd);
  return kinds;
}

// "utf-8 misread, " or "single-byte mix-up, ": the family of a kind.
std::string Family(const Kind& kind) {
  return kind.misreads.back().from_utf8 ? "utf-8 misread, "
                                        : "single-byte mix-up, ";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The script group of a token: its first letter's script.
std::string Script(const std::string& token) {
  for (char32_t c : Decode(token)) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode e = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(c), &e)) {
      case USCRIPT_LATIN:
        return "latin";
      case USCRIPT_CYRILLIC:
        return "cyrillic";
      case USCRIPT_GREEK:
        return "greek";
      default:
        return "other";
    }
  }
  return "other";
}

struct Score {
  size_t damaged = 0, restored = 0, clean = 0, changed = 0;
  size_t lines = 0, lines_restored = 0;
};

// Damages tokens [begin, end) of a line; false when the kind does not apply.
bool DamageLine(const Kind& kind, const std::string& line, std::mt19937* rng,
                std::string* out) {
  std::string target = line;
  std::string before, after;
  if (kind.scope == Scope::kRun) {
    // A run of 1-4 tokens, cut at spaces.
    const std::vector<std::string> tokens = Split(line);
    if (tokens.empty()) return false;
    std::uniform_int_distribution<size_t> start(0, tokens.size() - 1);
    std::uniform_int_distribution<size_t> len(1, 4);
    const size_t b = start(*rng), e = std::min(tokens.size(), b + len(*rng));
    auto join = [&](size_t from, size_t to) {
      std::string j;
      for (size_t i = from; i < to; ++i) j += (i > from ? " " : "") + tokens[i];
      return j;
    };
    before = join(0, b) + (b > 0 ? " " : "");
    target = join(b, e);
    // (Built by appending: GCC 12 warns falsely on "literal" + string.)
    after.clear();
    if (e < tokens.size()) after.push_back(' ');
    after += join(e, tokens.size());
  }
  for (const Misread& m : kind.misreads) {
    if (!Apply(m, &target)) return false;
  }
  if (kind.loss == Loss::kNbspToSpace) {
    std::u32string t = Decode(target);
    bool any = false;
    for (char32_t& c : t) {
      if (c == 0xA0) c = ' ', any = true;
    }
    if (!any) return false;
    target = Encode(t);
  } else if (kind.loss == Loss::kUndefinedToFffd) {
    std::u32string t = Decode(target);
    bool any = false;
    for (char32_t& c : t) {
      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        c = 0xFFFD, any = true;
    }
    if (!any) return false;
    target = Encode(t);
  }
  *out = before + target + after;
  return *out != line;
}

}  // namespace

int RunMojibakeEval(const std::vector<std::string>& texts,
                    const MojibakeEvalOptions& options) {
  textmend::Options lib_options;
  std::unique_ptr<textmend::Repairer> repairer;
  if (!textmend::Repairer::Create(lib_options, &repairer).ok()) return 2;
  // by_family: by script, apart for UTF-8 read wrong and for single-byte
  // mix-ups (which ftfy, for one, does not attempt).
  std::map<std::string, Score> by_kind, by_script, by_family;
  Score total;
  for (unsigned round = 0; round < options.seeds; ++round)
    for (const std::string& text : texts) {
      std::mt19937 rng(options.seed + round * 7919 +
                       static_cast<unsigned>(text.size()));
      const std::vector<std::string> lines = Lines(text);
      for (const Kind& kind : Kinds()) {
        std::vector<std::string> damaged = lines;
        std::vector<bool> hit(lines.size(), false);
        std::bernoulli_distribution pick(options.rate);
        for (size_t i = 0; i < lines.size(); ++i) {
          if (!pick(rng)) continue;
          hit[i] = DamageLine(kind, lines[i], &rng, &damaged[i]);
          if (!hit[i]) damaged[i] = lines[i];
        }
        std::string doc;
        for (const std::string& l : damaged) doc += l + "\n";
        textmend::RepairResult r;
        if (!repairer->Repair(doc, &r).ok()) return 2;
        const std::vector<std::string> repaired = Lines(r.text);
        if (repaired.size() != lines.size()) {
          std::fprintf(stderr, "%s: line count changed\n", kind.name.c_str());
          return 2;
        }
        Score& ks = by_kind[kind.name];
        for (size_t i = 0; i < lines.size(); ++i) {
          if (kind.loss != Loss::kNone) {
            if (!hit[i]) continue;
            ++ks.lines;
            ks.lines_restored += repaired[i] == lines[i];
            if (options.verbose && repaired[i] != lines[i])
              std::printf("  [%s]\n    %s\n -> %s\n", kind.name.c_str(),
                          damaged[i].c_str(), repaired[i].c_str());
            continue;
          }
          const auto a = Split(lines[i]), d = Split(damaged[i]),
                     x = Split(repaired[i]);
          if (a.size() != d.size() || a.size() != x.size()) {
            // Words joined or split: every damaged token of the line counts as
            // lost, and the line as one changed clean token.
            for (size_t k = 0; k < std::min(a.size(), d.size()); ++k) {
              if (a[k] == d[k]) continue;
              Score& ss = by_script[Script(a[k])];
              Score& fs = by_family[Family(kind) + Script(a[k])];
              ++ks.damaged, ++ss.damaged, ++total.damaged, ++fs.damaged;
            }
            ++ks.changed, ++total.changed;
            if (options.verbose)
              std::printf("  [%s] token count changed:\n    %s\n -> %s\n",
                          kind.name.c_str(), damaged[i].c_str(),
                          repaired[i].c_str());
            continue;
          }
          for (size_t k = 0; k < a.size(); ++k) {
            Score& ss = by_script[Script(a[k])];
            if (a[k] == d[k]) {
              ++ks.clean, ++ss.clean, ++total.clean;
              const bool changed = x[k] != a[k];
              ks.changed += changed, ss.changed += changed,
                  total.changed += changed;
              if (options.verbose && changed)
                std::printf("  [%s] clean %s -> %s\n", kind.name.c_str(),
                            a[k].c_str(), x[k].c_str());
            } else {
              const bool ok = x[k] == a[k];
              Score& fs = by_family[Family(kind) + Script(a[k])];
              ++ks.damaged, ++ss.damaged, ++total.damaged, ++fs.damaged;
              ks.restored += ok, ss.restored += ok, total.restored += ok;
              fs.restored += ok;
              if (options.verbose && !ok)
                std::printf("  [%s] %s: %s -> %s\n", kind.name.c_str(),
                            a[k].c_str(), d[k].c_str(), x[k].c_str());
            }
          }
        }
      }
    }
  // Whole inputs in a legacy code page: each line with non-ASCII letters,
  // encoded in every code page that can hold it, is one input; it must come
  // back as UTF-8 exactly. And every line as it is (UTF-8) must come back
  // unchanged.
  std::map<std::string, Score> legacy;
  for (const std::string& text : texts) {
    for (const std::string& line : Lines(text)) {
      const std::u32string chars = Decode(line);
      if (std::all_of(chars.begin(), chars.end(),
                      [](char32_t c) { return c < 0x80; }))
        continue;
      for (CodePageId id :
           {CodePageId::kWindows1252, CodePageId::kWindows1250,
            CodePageId::kWindows1251, CodePageId::kWindows1253,
            CodePageId::kWindows1254, CodePageId::kWindows1257,
            CodePageId::kIso8859_2, CodePageId::kKoi8R, CodePageId::kKoi8U,
            CodePageId::kCp866, CodePageId::kMacRoman}) {
        std::string bytes;
        bool ok = true;
        for (char32_t c : chars) {
          const int b = GetCodePage(id).Encode(c);
          if (b < 0) {
            ok = false;
            break;
          }
          bytes.push_back(static_cast<char>(b));
        }
        if (!ok) continue;
        textmend::RepairResult r;
        if (!repairer->Repair(bytes + "\n", &r).ok()) return 2;
        Score& ls = legacy[std::string(GetCodePage(id).name())];
        ++ls.lines;
        ls.lines_restored += r.text == line + "\n";
        if (options.verbose && r.text != line + "\n")
          std::printf("  [legacy %s] %s\n", GetCodePage(id).name().data(),
                      r.text.c_str());
      }
    }
  }
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * a / b : 100.0; };
  auto per10k = [](size_t a, size_t b) { return b ? 1e4 * a / b : 0.0; };
  std::printf("%-44s %8s %8s %8s %10s\n", "mojibake kind", "damaged",
              "restored", "recall", "damage/10k");
  for (const auto& [name, s] : by_kind) {
    if (s.lines > 0) {
      std::printf("%-44s %8zu %8zu %7.2f%% %10s  (lines)\n", name.c_str(),
                  s.lines, s.lines_restored, pct(s.lines_restored, s.lines),
                  "-");
    } else {
      std::printf("%-44s %8zu %8zu %7.2f%% %10.2f\n", name.c_str(), s.damaged,
                  s.restored, pct(s.restored, s.damaged),
                  per10k(s.changed, s.clean));
    }
  }
  std::printf("whole inputs in a legacy code page (one line each):\n");
  for (const auto& [name, s] : legacy) {
    std::printf("  %-14s %5zu inputs, %5zu converted exactly (%.2f%%)\n",
                name.c_str(), s.lines, s.lines_restored,
                pct(s.lines_restored, s.lines));
  }
  std::printf("by kind of damage and script of the damaged token:\n");
  for (const auto& [name, s] : by_family) {
    std::printf("  %-26s %8zu damaged %8zu restored  recall %7.2f%%\n",
                name.c_str(), s.damaged, s.restored,
                pct(s.restored, s.damaged));
  }
  std::printf("by script of the damaged token:\n");
  for (const auto& [name, s] : by_script) {
    std::printf(
        "  %-10s %8zu damaged %8zu restored  recall %7.2f%%   clean "
        "%zu, changed %zu\n",
        name.c_str(), s.damaged, s.restored, pct(s.restored, s.damaged),
        s.clean, s.changed);
  }
  const double damage = per10k(total.changed, total.clean);
  std::printf(
      "all: recall %.2f%% of %zu damaged tokens; %zu of %zu clean "
      "tokens changed (%.2f per 10,000)\n",
      pct(total.restored, total.damaged), total.damaged, total.changed,
      total.clean, damage);
  bool ok = true;
  if (options.min_latin >= 0 &&
      pct(by_script["latin"].restored, by_script["latin"].damaged) <
          options.min_latin)
    ok = false;
  if (options.min_cyrillic >= 0 &&
      pct(by_script["cyrillic"].restored, by_script["cyrillic"].damaged) <
          options.min_cyrillic)
    ok = false;
  if (options.max_damage >= 0 && damage > options.max_damage) ok = false;
  return ok ? 0 : 1;
}

}  // namespace textmend_eval
