// The byte-level machinery of mojibake repair; see undo.h.
#include "encoding/undo.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/char_class.h"

namespace textmend {

// The code pages UTF-8 is tried as having been read with, most common first
// (ties in the cost model go to the earlier one).
const CodePageId kUtf8ReadAs[13] = {
    CodePageId::kWindows1252, CodePageId::kLatin1,
    CodePageId::kWindows1251, CodePageId::kWindows1250,
    CodePageId::kIso8859_2,   CodePageId::kWindows1253,
    CodePageId::kWindows1254, CodePageId::kWindows1257,
    CodePageId::kMacRoman,    CodePageId::kCp437,
    CodePageId::kKoi8R,       CodePageId::kKoi8U,
    CodePageId::kCp866,
};

const MixUp kMixUps[18] = {
    // C1 controls in text are, most often, windows-1252 punctuation read as
    // latin-1 ("\x93quoted\x94").
    {CodePageId::kWindows1252, CodePageId::kLatin1},
    {CodePageId::kWindows1251, CodePageId::kWindows1252},
    {CodePageId::kWindows1251, CodePageId::kLatin1},
    {CodePageId::kKoi8R, CodePageId::kWindows1252},
    {CodePageId::kKoi8R, CodePageId::kLatin1},
    {CodePageId::kKoi8U, CodePageId::kWindows1252},
    {CodePageId::kCp866, CodePageId::kWindows1252},
    {CodePageId::kWindows1250, CodePageId::kWindows1252},
    {CodePageId::kIso8859_2, CodePageId::kLatin1},
    {CodePageId::kWindows1253, CodePageId::kWindows1252},
    {CodePageId::kWindows1254, CodePageId::kWindows1252},
    {CodePageId::kWindows1257, CodePageId::kWindows1252},
    {CodePageId::kKoi8R, CodePageId::kWindows1251},
    {CodePageId::kKoi8U, CodePageId::kWindows1251},
    {CodePageId::kWindows1251, CodePageId::kKoi8R},
    {CodePageId::kCp866, CodePageId::kWindows1251},
    {CodePageId::kWindows1251, CodePageId::kCp866},
    {CodePageId::kWindows1252, CodePageId::kWindows1251},
};

bool IsCyrillicPage(CodePageId id) {
  return id == CodePageId::kWindows1251 || id == CodePageId::kKoi8R ||
         id == CodePageId::kKoi8U || id == CodePageId::kCp866;
}

// Cyrillic text read as another Cyrillic code page is still Cyrillic: only
// letter statistics tell the readings apart, so such a plan needs more
// evidence.
bool NeedsStrongEvidence(const Steps& steps) {
  for (const UndoStep& s : steps) {
    if (!s.from_utf8 && IsCyrillicPage(s.actual) && IsCyrillicPage(s.read_as))
      return true;
  }
  return false;
}

int SequenceLength(int b) {
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

bool ValidSecond(int lead, int second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0;
    case 0xED:
      return second <= 0x9F;
    case 0xF0:
      return second >= 0x90;
    case 0xF4:
      return second <= 0x8F;
    default:
      return true;
  }
}

uint32_t Assemble(const int* bytes, int length) {
  uint32_t cp = static_cast<uint32_t>(bytes[0]) & (0x7F >> length);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (bytes[k] & 0x3F);
  return cp;
}

bool IsChunkSpace(uint32_t c) {
  if (c == 0xA0) return false;  // a byte of mojibake as often as a space
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  return Classify(c).kind == CharKind::kSpace;
}

// The one plausible character a sequence missing one byte can have stood
// for, when that byte is one `page` leaves undefined (and so was dropped or
// replaced): -1 when none or several are plausible. `bytes` holds the
// `length - 1` bytes present; the lost one was at position `at` (the last,
// or, for "â¤" = E2 [9D] A4, the middle). A quotation mark wins over other
// punctuation ("â€" is almost always a lost "”").
int32_t RecoverUndefined(const CodePage& page, const int* bytes, int present,
                         int length, int at) {
  if (page.id() == CodePageId::kLatin1 || present != length - 1) return -1;
  int32_t found = -1, quote = -1;
  int plausible = 0, quotes = 0;
  // Undefined bytes decode, sloppily, to the C1 control of their number
  // (bytes A0-BF decode to their own number too, but are defined).
  for (int b = 0x80; b <= 0x9F; ++b) {
    if (page.Decode(static_cast<uint8_t>(b)) != static_cast<uint32_t>(b))
      continue;  // defined: it would not have been lost
    int full[4];
    for (int k = 0, j = 0; k < length; ++k) full[k] = k == at ? b : bytes[j++];
    if (!ValidSecond(full[0], full[1])) continue;
    const uint32_t cp = Assemble(full, length);
    const CharInfo info = Classify(cp);
    if (!PlausibleResult(cp) || info.rarity > 0 ||
        !((IsLetter(info.kind) && cp < 0x0530) ||
          info.kind == CharKind::kPunct ||
          (info.kind == CharKind::kSymbol && length > 2)))
      continue;
    ++plausible;
    found = static_cast<int32_t>(cp);
    if (cp >= 0x2018 && cp <= 0x201F) {
      ++quotes;
      quote = static_cast<int32_t>(cp);
    }
  }
  if (plausible == 1) return found;
  if (quotes == 1) return quote;
  return -1;
}

// Undoes "UTF-8 read as `page`" on in[0, n): every complete byte sequence that
// decodes to a plausible character becomes that character; everything else is
// kept (*leftover counts the non-ASCII characters kept). With `lossy`, also the
// lossy forms described in mojibake.h; a no-break space restored from the
// following (or a missing) space sets *used_space. Returns the number of
// sequences decoded.
int UndoUtf8(const CodePage& page, const char32_t* in, size_t n, bool lossy,
             Text* out, bool* used_space, int* leftover) {
  out->clear();
  int decoded = 0, kept = 0;
  for (size_t i = 0; i < n;) {
    const int lead = page.Encode(in[i]);
    const int length = lead < 0 ? 0 : SequenceLength(lead);
    if (length == 0) {
      out->push_back(in[i++]);
      continue;
    }
    // A surrogate pair written as two three-byte sequences (CESU-8, "Java"
    // UTF-8: ED A0..AF xx ED B0..BF xx), read wrong: the one character.
    if (lead == 0xED && i + 5 < n) {
      int b[6] = {lead};
      bool pair = true;
      for (int k = 1; k < 6 && pair; ++k) {
        b[k] = page.Encode(in[i + k]);
        pair = k == 3 ? b[k] == 0xED : IsContinuation(b[k]);
      }
      if (pair && b[1] >= 0xA0 && b[1] <= 0xAF && b[4] >= 0xB0 &&
          b[4] <= 0xBF) {
        const uint32_t hi = 0xD000 | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        const uint32_t lo = 0xD000 | ((b[4] & 0x3F) << 6) | (b[5] & 0x3F);
        const uint32_t cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        if (PlausibleResult(cp)) {
          out->push_back(cp);
          i += 6;
          ++decoded;
          continue;
        }
      }
    }
    int bytes[4] = {lead, 0, 0, 0};
    int present = 1;
    while (present < length && i + present < n) {
      const int b = page.Encode(in[i + present]);
      if (!IsContinuation(b) || (present == 1 && !ValidSecond(lead, b))) break;
      bytes[present++] = b;
    }
    if (present == length) {
      const uint32_t cp = Assemble(bytes, length);
      // A C1 control is what an inner layer's undefined byte became: kept,
      // so the next layer can undo it (the cost model rejects it otherwise).
      if (PlausibleResult(cp) || (cp >= 0x80 && cp <= 0x9F)) {
        out->push_back(cp);
        i += length;
        ++decoded;
        continue;
      }
    } else if (lossy && present == length - 1) {
      const bool at_end = i + present == n;
      const bool replaced = !at_end && in[i + present] == 0xFFFD;
      // The lost byte: one the code page leaves undefined (dropped, or
      // replaced by U+FFFD), or, at the end of a chunk, a no-break space (A0)
      // that became the space after it or vanished. A lost closing quote
      // ("â€" for "”") is the commonest of all, so a quote wins.
      // Before ASCII punctuation ("â€." for "”."), only a quote.
      const bool before_punct = !at_end && !replaced &&
                                in[i + present] < 0x80 &&
                                std::ispunct(static_cast<int>(in[i + present]));
      // Before the lead of the next sequence ("РР·" for "Из"), the lost byte
      // of a two-byte character.
      const bool before_lead = !at_end && !replaced && length == 2 &&
                               SequenceLength(page.Encode(in[i + present])) > 0;
      int32_t undefined =
          at_end || replaced || before_punct || before_lead
              ? RecoverUndefined(page, bytes, present, length, present)
              : -1;
      // A three-byte character whose middle byte was lost ("â¤" for "❤").
      if (undefined < 0 && length == 3 && (at_end || before_punct)) {
        undefined = RecoverUndefined(page, bytes, present, length, 1);
      }
      const bool quote = undefined >= 0x2018 && undefined <= 0x201F;
      if (before_punct && !quote) undefined = -1;
      // (Only in a code page whose no-break space is A0.)
      if (at_end && !quote && page.Decode(0xA0) == 0xA0) {
        bytes[present] = 0xA0;
        const uint32_t cp = Assemble(bytes, length);
        const CharInfo info = Classify(cp);
        // A three- or four-byte character only inside a run of its script
        // (CJK mojibake), lest two stray symbols read as an ideograph.
        const bool in_run = length == 2 || (decoded > 0 && !out->empty() &&
                                            Classify(out->back()).script ==
                                                Classify(cp).script);
        // A lost no-break space of its own ("Â " for " ") only from a lead
        // that is rare in text (Â, not the Russian word "В").
        const bool nbsp_ok =
            info.kind == CharKind::kNbsp && Classify(in[i]).rarity > 0;
        if (in_run && ValidSecond(bytes[0], bytes[1]) && PlausibleResult(cp) &&
            (IsLetter(info.kind) || nbsp_ok)) {
          out->push_back(cp);
          i += present;
          ++decoded;
          *used_space = true;
          continue;
        }
      }
      if (undefined >= 0) {
        out->push_back(static_cast<uint32_t>(undefined));
        i += present + (replaced ? 1 : 0);
        ++decoded;
        continue;
      }
    }
    kept += in[i] >= 0x80;
    out->push_back(in[i++]);
  }
  if (leftover != nullptr) *leftover = kept;
  return decoded;
}

// Undoes "`actual` read as `read_as`": false when a character is not in
// read_as or nothing changes.
bool UndoMixUp(const CodePage& actual, const CodePage& read_as,
               const char32_t* in, size_t n, Text* out) {
  out->assign(in, n);
  bool changed = false;
  for (char32_t& c : *out) {
    // (A combining accent of decomposed text is not a byte of either code
    // page: it is left as it is, as NFC will compose it later.)
    if (c < 0x80 || (c >= 0x0300 && c < 0x0370)) continue;
    const int b = read_as.Encode(c);
    if (b < 0) return false;
    const uint32_t d = actual.Decode(static_cast<uint8_t>(b));
    if (d != c) {
      if (!PlausibleResult(d)) return false;
      c = d;
      changed = true;
    }
  }
  return changed;
}

// Applies `steps` to text (lossy forms at the outermost step only).
bool ApplySteps(const Steps& steps, const Text& text, Text* out,
                bool* used_space, int* leftover) {
  Text cur = text, next;
  *used_space = false;
  if (leftover != nullptr) *leftover = 0;
  for (size_t k = 0; k < steps.size(); ++k) {
    const UndoStep& s = steps[k];
    if (s.from_utf8) {
      if (UndoUtf8(GetCodePage(s.read_as), cur.data(), cur.size(), k == 0,
                   &next, used_space, k == 0 ? leftover : nullptr) == 0)
        return false;
    } else if (!UndoMixUp(GetCodePage(s.actual), GetCodePage(s.read_as),
                          cur.data(), cur.size(), &next)) {
      return false;
    }
    cur.swap(next);
  }
  *out = std::move(cur);
  return true;
}

// Central European, Turkish and Baltic text read as windows-1252 or latin-1
// (Czech in windows-1250: "pøesáhl dvì stì"). Not the other way round:
// French read as windows-1250 ("Genčve", "café") reads as Czech.
const MixUp kLatinMixUps[4] = {
    {CodePageId::kWindows1250, CodePageId::kWindows1252},
    {CodePageId::kIso8859_2, CodePageId::kLatin1},
    {CodePageId::kWindows1254, CodePageId::kWindows1252},
    {CodePageId::kWindows1257, CodePageId::kWindows1252},
};

bool IsLatinMixUp(const Steps& steps) {
  return steps.size() == 1 && !steps[0].from_utf8 &&
         std::any_of(std::begin(kLatinMixUps), std::end(kLatinMixUps),
                     [&](const MixUp& m) {
                       return m.actual == steps[0].actual &&
                              m.read_as == steps[0].read_as;
                     });
}

std::string DescribeSteps(const std::vector<UndoStep>& steps) {
  // Steps are undone outermost first; the damage happened the other way.
  std::vector<std::string> parts;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    std::string part = it->from_utf8
                           ? std::string("utf-8")
                           : std::string(GetCodePage(it->actual).name());
    part += " read as ";
    part += GetCodePage(it->read_as).name();
    if (!parts.empty() && parts.back() == part) {
      parts.back() += ", twice";
    } else if (!parts.empty() && parts.back() == part + ", twice") {
      parts.back() = part + ", three times";
    } else {
      parts.push_back(part);
    }
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += ", then ";
    out += p;
  }
  return out;
}

}  // namespace textmend
