// The encoding stage's filter: which characters could be part of mojibake,
// tested a character and its neighbours at a time, at memory speed on clean
// text. See mojibake.h.
#include <unicode/uscript.h>

#include <cstring>

#include "core/alphabets.h"
#include "core/char_class.h"
#include "core/utf8.h"
#include "encoding/mojibake.h"
#include "encoding/undo.h"
#include "unicode/char_rules.h"

namespace textmend {

MojibakeRepairer::MojibakeRepairer() : lead_(kFlatLimit), cont_(kFlatLimit) {
  for (int p = 0; p < kCodePageCount; ++p) {
    const CodePage& page = GetCodePage(static_cast<CodePageId>(p));
    if (page.Decode(0xA0) == 0xA0) nbsp_pages_ |= uint16_t(1u << p);
    for (int b = 0x80; b < 0x100; ++b) {
      const uint32_t cp = page.Decode(static_cast<uint8_t>(b));
      if (cp >= kFlatLimit) continue;
      if (IsContinuation(b)) cont_[cp] |= uint16_t(1u << p);
      if (SequenceLength(b) > 0) lead_[cp] |= uint16_t(1u << p);
    }
  }
}

void MojibakeRepairer::Around::Classify() {
  prev_info = textmend::Classify(prev);
  info = textmend::Classify(c);
  for (int k = 0; k < 3; ++k) next_info[k] = textmend::Classify(next[k]);
}

bool MojibakeRepairer::Suspicious(const Around& w) const {
  auto mask = [](const std::vector<uint16_t>& table, uint32_t c) -> uint16_t {
    return c < kFlatLimit ? table[c] : 0;
  };
  const uint32_t c = w.c, next = w.next[0];
  if (c <= 0x9F) return true;  // a C1 control
  if (c == 0xFFFD) return mask(lead_, w.prev) != 0;
  const CharInfo& info = w.info;
  // A lead character followed by continuations that decode to a common
  // character, where the characters themselves do not read as a word (a
  // symbol among them, a case flip, two scripts): clean Russian read as
  // cp866 is all lead and continuation bytes, but all letters.
  uint16_t both = mask(lead_, c) & mask(cont_, next);
  // Whatever the code page, a sequence is odd only if something in the
  // window is: the test below needs the page, this one does not, and in a
  // run of ordinary letters (most of any text) it says no at once.
  if (both) {
    bool maybe_odd = !IsLetter(info.kind) || info.rarity > 0;
    const CharInfo* last = &w.prev_info;
    for (int k = -1; k < 3 && !maybe_odd; ++k) {
      const CharInfo& x = k < 0 ? info : w.next_info[k];
      if (!IsLetter(x.kind)) {
        maybe_odd = true;
      } else if (IsLetter(last->kind) &&
                 ((last->kind == CharKind::kLower &&
                   x.kind == CharKind::kUpper) ||
                  (last->kind == CharKind::kUpper &&
                   x.kind == CharKind::kLower && k >= 0) ||
                  (last->script > 1 && x.script > 1 &&
                   last->script != x.script))) {
        maybe_odd = true;
      }
      last = &x;
    }
    if (!maybe_odd && c >= 0xC0 && w.next[0] >= 0xC0) {
      // Accented letters of two alphabets side by side ("Ăł" in "CĂłrdoba").
      AlphabetCheck pair;
      pair.Add(c);
      pair.Add(w.next[0]);
      maybe_odd = !pair.Coherent();
    }
    if (!maybe_odd) both = 0;
  }
  while (both) {
    const int p = __builtin_ctz(both);
    both &= both - 1;
    const CodePage& page = GetCodePage(static_cast<CodePageId>(p));
    int bytes[4] = {page.Encode(c), 0, 0, 0};
    const int length = SequenceLength(bytes[0]);
    int present = 1;
    while (present < length && present <= 3) {
      const int b = page.Encode(w.next[present - 1]);
      if (!IsContinuation(b) || (present == 1 && !ValidSecond(bytes[0], b)))
        break;
      bytes[present++] = b;
    }
    // (A case flip or a change of script into the sequence counts too:
    // "PasaĹĽerowie", "OΓΉ".)
    const CharInfo& before = w.prev_info;
    bool odd =
        !IsLetter(info.kind) || info.rarity > 0 ||
        (IsLetter(before.kind) &&
         ((before.kind == CharKind::kLower && info.kind == CharKind::kUpper) ||
          (before.script > 1 && info.script > 1 &&
           before.script != info.script)));
    bool all_upper = info.kind == CharKind::kUpper;
    AlphabetCheck letters;
    letters.Add(c);
    CharInfo last = info;
    for (int k = 0; k < present && k < 3; ++k) {
      const uint32_t x = w.next[k];
      if (x == 0) break;
      const CharInfo& xi = w.next_info[k];
      if (k + 1 < present && !IsLetter(xi.kind)) odd = true;
      // Letters glued to digits: "ВЈ20" for "£20"; capitals before a small
      // letter: "ÄŤtvrtek" for "čtvrtek".
      if (k + 1 == present && x >= '0' && x <= '9') odd = true;
      if (k + 1 < present) {
        letters.Add(x);
        if (!letters.Coherent()) odd = true;
        all_upper = all_upper && xi.kind == CharKind::kUpper;
      } else if (all_upper && xi.kind == CharKind::kLower) {
        odd = true;
      }
      if (IsLetter(xi.kind) && IsLetter(last.kind) &&
          ((last.kind == CharKind::kLower && xi.kind == CharKind::kUpper) ||
           (xi.script > 1 && last.script > 1 && xi.script != last.script)))
        odd = true;
      last = xi;
    }
    if (!odd) continue;
    if (present == length) {
      const uint32_t cp = Assemble(bytes, length);
      if (PlausibleResult(cp) && Classify(cp).rarity < 10) return true;
    }
    // A lost last byte (â€ + space): see the lossy forms.
    const uint32_t after = present <= 3 ? w.next[present - 1] : 0;
    if (present == length - 1 && length == 3 &&
        (after == 0 || IsChunkSpace(after) || after == 0xFFFD))
      return true;
  }
  const bool prev_letter = w.prev != 0 && IsLetter(w.prev_info.kind);
  // A lead that a lost no-break space would complete (voilÃ + space, or a
  // rare lead such as Â after anything: "100Â km"), in a code page whose
  // no-break space is A0.
  if ((prev_letter || info.rarity > 0) && (next == 0 || IsChunkSpace(next))) {
    uint16_t leads = mask(lead_, c) & nbsp_pages_;
    while (leads) {
      const int p = __builtin_ctz(leads);
      leads &= leads - 1;
      const int b = GetCodePage(static_cast<CodePageId>(p)).Encode(c);
      if (b >= 0xC2 && b <= 0xDF) {
        const uint32_t cp = ((b & 0x1Fu) << 6) | 0x20;
        if (PlausibleResult(cp) && (IsLetter(Classify(cp).kind) || cp == 0xA0))
          return true;
      }
    }
  }
  // Single-byte mix-ups: two high Latin-1 letters in a row (Ïðèâåò)...
  if (c >= 0xC0 && c <= 0xFF && next >= 0xC0 && next <= 0xFF) return true;
  // ... a symbol between two letters (za¿ó³æ) ...
  if ((info.kind == CharKind::kSymbol ||
       (info.kind == CharKind::kPunct && c < 0x2070 && c != 0x2019 &&
        c != 0x2018 && c != 0xB7 && c != 0x2010 && c != 0x2011)) &&
      prev_letter && next != 0 && IsLetter(w.next_info[0].kind))
    return true;
  // ... or a Cyrillic case flip inside a word, or four capitals in a row
  // (koi8-r read as windows-1251 swaps the case of every letter: рТЙЧЕФ).
  if (info.script == USCRIPT_CYRILLIC && next >= 0x80) {
    const CharInfo& n_info = w.next_info[0];
    if (info.kind == CharKind::kLower && n_info.kind == CharKind::kUpper &&
        n_info.script == USCRIPT_CYRILLIC)
      return true;
    if (info.kind == CharKind::kUpper) {
      int capitals = 1;
      for (const CharInfo& xi : w.next_info) {
        if (xi.kind != CharKind::kUpper || xi.script != USCRIPT_CYRILLIC) break;
        ++capitals;
      }
      if (capitals >= 4) return true;
    }
  }
  return false;
}

bool MojibakeRepairer::AnySuspicious(const char32_t* s, size_t begin,
                                     size_t end, size_t n) const {
  for (size_t i = begin; i < end; ++i) {
    if (s[i] < 0x80) continue;
    Around w;
    w.prev = i > 0 ? s[i - 1] : 0;
    w.c = s[i];
    for (size_t k = 0; k < 3; ++k) w.next[k] = i + 1 + k < n ? s[i + 1 + k] : 0;
    w.Classify();
    if (Suspicious(w)) return true;
  }
  return false;
}

bool MojibakeRepairer::MayChange(std::string_view text) const {
  // One pass over the code points with a window of five: the character under
  // test sits in the middle, with one before and three after. A newline or
  // an invalid byte ends a line's window (it reads as 0, like a line edge).
  uint32_t win[5] = {0, 0, 0, 0, 0};  // prev, c, next[0..2]
  AlphabetCheck alphabet;             // the accented letters of the line so far
  CharInfo infos[5];  // the classes of win[], each computed once
  auto test = [&]() {
    if (win[1] < 0x80) return false;
    Around w;
    w.prev = win[0];
    w.c = win[1];
    w.next[0] = win[2];
    w.next[1] = win[3];
    w.next[2] = win[4];
    w.prev_info = infos[0];
    w.info = infos[1];
    w.next_info[0] = infos[2];
    w.next_info[1] = infos[3];
    w.next_info[2] = infos[4];
    return Suspicious(w);
  };
  auto push = [&](uint32_t cp) {
    for (int k = 0; k < 4; ++k) {
      win[k] = win[k + 1];
      infos[k] = infos[k + 1];
    }
    win[4] = cp;
    infos[4] = Classify(cp);
  };
  size_t i = 0;
  while (i < text.size()) {
    // Skip ASCII fast when nothing non-ASCII is pending in the window.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      const bool pending = win[2] >= 0x80 || win[3] >= 0x80 || win[4] >= 0x80;
      if (!pending) {
        const size_t n = AsciiPrefix(text.substr(i));
        if (std::memchr(text.data() + i, '\n', n) != nullptr) alphabet.Reset();
        if (n >= 4) {
          // The last four ASCII characters the unicode stage keeps are all a
          // window can need (a run of controls it deletes is skipped, as the
          // second run, which no longer has them, will see: "W\1\0\0\0ха").
          size_t kept[4];
          int found = 0;
          for (size_t k = i + n; k > i && found < 4; --k) {
            if (!DeletedByUnicodeStage(static_cast<unsigned char>(text[k - 1])))
              kept[found++] = k - 1;
          }
          while (found > 0) {
            const uint32_t cp = static_cast<unsigned char>(text[kept[--found]]);
            push(cp == '\n' ? 0 : cp);
          }
          i += n;
          continue;
        }
      }
    }
    size_t len = 1;
    const int32_t cp = DecodeAt(text, i, &len);
    i += len;
    if (cp >= 0 && DeletedByUnicodeStage(static_cast<uint32_t>(cp))) continue;
    push(cp < 0 || cp == '\n' ? 0 : static_cast<uint32_t>(cp));
    if (test()) return true;
    if (cp == '\n') {
      alphabet.Reset();
    } else if (cp >= 0xC0) {
      alphabet.Add(static_cast<uint32_t>(cp));
      if (!alphabet.Coherent()) return true;  // no one language writes these
    }
  }
  for (int k = 0; k < 3; ++k) {
    push(0);
    if (test()) return true;
  }
  return false;
}

}  // namespace textmend
