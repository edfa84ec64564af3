// Options: what a Repairer does. A plain struct; every field documents its
// default. Defaults are chosen so that correct text comes back byte-identical:
// anything cosmetic is off.
//
// Thread-safety: a plain value, copied into the Repairer at creation.
#ifndef TEXTMEND_OPTIONS_H_
#define TEXTMEND_OPTIONS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "textmend/status.h"

namespace textmend {

class NameProfile;  // src/names/names.h

struct Options {
  // --- Stages, in pipeline order. ---

  // decode: bytes -> UTF-8. UTF-16 and UTF-32 input that starts with a byte
  // order mark is decoded; valid UTF-8 passes through; bytes that are not valid
  // UTF-8 are carried through unchanged and no later stage touches them.
  // Default: on.
  bool decode = true;

  // What the input is encoded in, when it has no byte order mark: "auto" (the
  // default) keeps UTF-8 as it is and converts input that is not UTF-8 at all
  // but clearly a single-byte code page (windows-1251, koi8-r, windows-1252,
  // iso-8859-2, ...) to UTF-8, leaving it untouched when unsure; "utf-8"
  // never converts; a code page name ("windows-1251", "cp1251", "koi8-r",
  // "latin-1", ...) converts the whole input from it. Needs `decode`. With
  // "auto", the first non-ASCII character decides: valid UTF-8 settles UTF-8
  // at once; an invalid byte holds output until 64 KiB more (or all input)
  // have arrived, which the guess reads.
  std::string input_encoding = "auto";

  // encoding: mojibake repair. Text that went through a wrong decode, once or
  // several times ("schÃ¶n" -> "schön", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚" -> "привет",
  // "Ïðèâåò" -> "Привет") is decoded right, word by word, when the repaired
  // reading is clearly more plausible than the text as it stands. Default: on.
  bool encoding = true;

  // unicode: NFC normalization, presentation-form ligatures ("ﬁ" -> "fi"),
  // stray zero-width characters and C0 control characters that damage text.
  // Default: on.
  bool unicode = true;

  // words: dictionary repair of words, decided from the whole document: it
  // learns and undoes a find-and-replace accident, corrects OCR misreadings
  // word by word, joins words broken by a line-end hyphen or a stray space and
  // splits words run together. Only words the lexicon rejects are rewritten,
  // and only into lexicon words. Needs the English lexicon (en.lex, see
  // dictionary_dir). Default: on.
  bool words = true;

  // names: transliteration variants of one person unified within the scope
  // (Kalesnikava and Kolesnikova, Sviatlana Tsikhanouskaya and Svetlana
  // Tikhanovskaya), each to the spelling the scope uses most; never two
  // people merged (see src/names/names.h). The scope is the document, or,
  // with `names_profile`, everything that profile observed. Needs
  // first_names.tsv from the dictionaries. Default: on.
  bool names = true;
  // With names on: a person the names dictionary (names.tsv) knows gets its
  // spelling there, whatever the scope uses most (--names=dictionary).
  // Otherwise the dictionary only breaks ties.
  bool names_dictionary = false;
  std::shared_ptr<const NameProfile> names_profile;

  // Where the compiled dictionaries (en.lex) are. Empty (the default): the
  // TEXTMEND_DICTIONARY_DIR environment variable, the build tree, then the
  // installed data directory.
  std::string dictionary_dir;

  // --- Cosmetic unicode options: they change correct text, so all are off by
  // default. ---

  // Curly quotes and primes -> ASCII ' and ". Default: off.
  bool straighten_quotes = false;
  // Fullwidth ASCII forms (U+FF01..U+FF5E) and the ideographic space -> ASCII.
  // Default: off.
  bool fullwidth_to_ascii = false;
  // Hyphen, dash and minus variants (U+2010..U+2015, U+2212) -> ASCII '-'.
  // Default: off.
  bool ascii_dashes = false;
  // HTML character references ("&eacute;", "&#8217;", "&amp;") -> the
  // characters they stand for. Default: off.
  bool unescape_html = false;
  // Terminal escape sequences (colour codes, window titles) removed. Default:
  // off.
  bool strip_terminal_escapes = false;

  // --- Streaming. ---

  // A line longer than this many bytes is cut into pieces of at most about this
  // size, at a point where no repair can span the cut. Bounds memory for input
  // without newlines. Default: 64 KiB. Must be at least 4096.
  size_t max_segment_bytes = 64 * 1024;

  // Stages that learn from the whole document (the word stage's substitution
  // rules) read up to this many bytes before repairing any of them: a whole
  // document in most cases, a bounded window of a longer one. Output of a
  // stream therefore begins once this much input (or all of it) has arrived.
  // Default: 1 MiB. Must be at least max_segment_bytes.
  size_t document_window_bytes = 1024 * 1024;
};

// The names of the stages, in pipeline order: "decode", "encoding", "unicode",
// "words".
// Returns a comma-separated list for messages.
std::string_view StageNames();

// Enables exactly the stages named in `list` (comma-separated, from
// StageNames()) and disables the others. Returns InvalidArgument naming the
// first unknown stage; `options` is then unchanged.
Status SetStages(std::string_view list, Options* options);

// Enables or disables one stage by name. Returns InvalidArgument for an unknown
// name.
Status SetStage(std::string_view name, bool enabled, Options* options);

}  // namespace textmend

#endif  // TEXTMEND_OPTIONS_H_
