// Code page tables, built from ICU converters on first use.
#include "core/codepage.h"

#include <unicode/ucnv.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace textmend {
namespace {

struct Spec {
  CodePageId id;
  const char* name;      // reported
  const char* icu_name;  // ICU converter
  const char* aliases;   // space-separated extra names accepted on input
};

constexpr Spec kSpecs[] = {
    {CodePageId::kWindows1252, "windows-1252", "windows-1252", "cp1252"},
    {CodePageId::kLatin1, "latin-1", "ISO-8859-1",
     "iso-8859-1 latin1 iso8859-1"},
    {CodePageId::kWindows1250, "windows-1250", "windows-1250", "cp1250"},
    {CodePageId::kWindows1251, "windows-1251", "windows-1251", "cp1251"},
    {CodePageId::kWindows1253, "windows-1253", "windows-1253", "cp1253"},
    {CodePageId::kWindows1254, "windows-1254", "windows-1254", "cp1254"},
    {CodePageId::kWindows1257, "windows-1257", "windows-1257", "cp1257"},
    {CodePageId::kIso8859_2, "iso-8859-2", "ISO-8859-2", "latin-2 latin2"},
    {CodePageId::kMacRoman, "mac-roman", "macintosh", "macroman macintosh"},
    {CodePageId::kCp437, "cp437", "IBM437", "ibm437"},
    {CodePageId::kKoi8R, "koi8-r", "KOI8-R", "koi8r"},
    {CodePageId::kKoi8U, "koi8-u", "KOI8-U", "koi8u"},
    {CodePageId::kCp866, "cp866", "IBM866", "ibm866"},
};
static_assert(std::size(kSpecs) == kCodePageCount);

}  // namespace

class CodePageTables {
 public:
  CodePageTables() {
    for (const Spec& spec : kSpecs) Build(spec, &pages_[int(spec.id)]);
  }
  const CodePage& Get(CodePageId id) const { return pages_[int(id)]; }

 private:
  static void Build(const Spec& spec, CodePage* page) {
    page->id_ = spec.id;
    page->name_ = spec.name;
    UErrorCode error = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(spec.icu_name, &error);
    if (U_FAILURE(error)) std::abort();
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &error);
    for (int b = 0; b < 256; ++b) {
      uint32_t cp = static_cast<uint32_t>(b);
      if (b >= 0x80) {
        const char in = static_cast<char>(b);
        const char* source = &in;
        UChar out[2];
        UChar* target = out;
        error = U_ZERO_ERROR;
        ucnv_reset(converter);
        ucnv_toUnicode(converter, &target, out + 2, &source, &in + 1, nullptr,
                       true, &error);
        // Undefined bytes keep their own number (see codepage.h).
        if (U_SUCCESS(error) && target == out + 1 && out[0] != 0xFFFD &&
            out[0] != 0x1A) {
          cp = out[0];
        }
      }
      page->to_unicode_[b] = cp;
      if (b < 0x80) continue;
      if (cp < kFlatLimit) {
        page->from_unicode_[cp] = static_cast<uint8_t>(b);
      } else {
        page->extra_.emplace_back(cp, static_cast<uint8_t>(b));
      }
    }
    ucnv_close(converter);
  }

  CodePage pages_[kCodePageCount];
};

const CodePage& GetCodePage(CodePageId id) {
  static const CodePageTables* const tables = new CodePageTables;
  return tables->Get(id);
}

CodePageId FindCodePage(std::string_view name) {
  auto equal = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) !=
          std::tolower(static_cast<unsigned char>(b[i])))
        return false;
    }
    return true;
  };
  for (const Spec& spec : kSpecs) {
    if (equal(name, spec.name) || equal(name, spec.icu_name)) return spec.id;
    std::string_view aliases = spec.aliases;
    while (!aliases.empty()) {
      const size_t space = aliases.find(' ');
      if (equal(name, aliases.substr(0, space))) return spec.id;
      aliases.remove_prefix(space == std::string_view::npos ? aliases.size()
                                                            : space + 1);
    }
  }
  return CodePageId::kCount;
}

}  // namespace textmend
