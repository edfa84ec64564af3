// Flag parsing with CLI11. Two flags take an optional value that must be
// attached, as sed's -i does (`-i.bak`, `--in-place=.bak`, `--jsonl=body`): a
// separate word after them is a FILE. CLI11 cannot express that, so they are
// taken out of argv before CLI11 sees it.
#include "cli/flags.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <iostream>
#include <string_view>

#include "ocr/ocr.h"
#include "textmend/repairer.h"

namespace textmend {
namespace {

// Takes -i[SUFFIX], --in-place[=SUFFIX] and --jsonl[=FIELD] out of `args`.
void TakeAttachedFlags(std::vector<std::string>* args, CliConfig* config) {
  std::vector<std::string> rest;
  bool after_dashdash = false;
  for (std::string& a : *args) {
    const std::string_view v = a;
    if (after_dashdash || v == "--" || v.size() < 2 || v[0] != '-') {
      after_dashdash = after_dashdash || v == "--";
      rest.push_back(std::move(a));
    } else if (v == "-i" || v == "--in-place") {
      config->in_place = true;
    } else if (v.substr(0, 2) == "-i") {
      config->in_place = true;
      config->backup_suffix = std::string(v.substr(2));
    } else if (v.substr(0, 11) == "--in-place=") {
      config->in_place = true;
      config->backup_suffix = std::string(v.substr(11));
    } else if (v == "--jsonl") {
      config->jsonl = true;
    } else if (v.substr(0, 8) == "--jsonl=") {
      config->jsonl = true;
      config->jsonl_field = std::string(v.substr(8));
    } else {
      rest.push_back(std::move(a));
    }
  }
  *args = std::move(rest);
}

}  // namespace

int ParseFlags(int argc, char** argv, CliConfig* config) {
  CLI::App app{
      "textmend repairs damaged text: bytes that are not UTF-8, Unicode that "
      "is not in NFC,\n"
      "ligatures, stray zero-width and control characters. With no FILE, or "
      "with -, it\n"
      "reads standard input and writes standard output as it goes.",
      "textmend"};
  app.get_formatter()->column_width(34);
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  TakeAttachedFlags(&args, config);

  std::string dummy_value;
  // Listed for --help only; TakeAttachedFlags has handled them.
  app.add_flag("-i{SUFFIX},--in-place{SUFFIX}", dummy_value,
               "Rewrite each FILE atomically; with SUFFIX (attached: -i.bak) "
               "keep a backup");
  app.add_flag("--jsonl{FIELD}", dummy_value,
               "Input is JSON Lines: repair string FIELD (default text) of "
               "each object, pass "
               "every other byte through");
  app.add_flag("--check", config->check,
               "Change nothing; exit 1 and name each input that would change");
  app.add_flag("--diff", config->diff,
               "Change nothing; print a unified diff of the repairs");
  app.add_option(
         "-o,--output", config->output_path,
         "Write the output to FILE (atomically: complete or not at all)")
      ->type_name("FILE");
  app.add_option("--report", config->report_path,
                 "Write one JSON object per change (JSON Lines) to FILE "
                 "(- for standard error)")
      ->type_name("FILE");
  std::string stages;
  app.add_option("--stages", stages,
                 "Run only these stages (comma-separated: " +
                     std::string(StageNames()) + ")")
      ->type_name("LIST");
  bool no_decode = false, no_encoding = false, no_unicode = false,
       no_words = false;
  app.add_flag("--no-decode", no_decode, "Do not decode UTF-16/UTF-32 input");
  app.add_flag("--no-encoding", no_encoding,
               "Leave mojibake (text decoded with the wrong encoding) alone");
  app.add_flag("--no-unicode", no_unicode,
               "Leave normalization, ligatures, zero-width and control "
               "characters alone");
  bool words = false;
  app.add_flag("--words", words,
               "Dictionary repair of words: find-and-replace accidents, OCR "
               "misreadings, line-end hyphens, stray and lost spaces (on by "
               "default)");
  app.add_flag("--no-words", no_words,
               "Leave words alone (no dictionary repair)");
  std::string names_policy;
  app.add_option("--names", names_policy,
                 "Name normalization: consistent (default: one spelling per "
                 "person, the one the scope uses most), dictionary (the names "
                 "dictionary's spelling for the people it knows) or off")
      ->check(CLI::IsMember({"consistent", "dictionary", "off"}))
      ->type_name("POLICY");
  bool no_names = false;
  app.add_flag("--no-names", no_names, "Same as --names=off");
  CLI::Option* scope =
      app.add_option("--scope", config->names_scope,
                     "What one spelling per person holds for: batch (default: "
                     "all FILEs given together, all records of --jsonl FILEs; "
                     "standard input's JSON Lines only when given) or document "
                     "(each file or record alone)")
          ->check(CLI::IsMember({"batch", "document"}))
          ->type_name("SCOPE");
  app.add_option("--profile", config->profile_path,
                 "Start the batch's name counts from FILE (written by "
                 "--save-profile), so that runs over parts of a corpus choose "
                 "alike")
      ->type_name("FILE");
  app.add_option("--save-profile", config->save_profile_path,
                 "Write the batch's name counts (with --profile's) to FILE "
                 "before repairing")
      ->type_name("FILE");
  app.add_option("--lang", config->ocr_language,
                 "Languages of page images, as Tesseract names them: eng "
                 "(default), rus, bel, or several joined by + (eng+rus)")
      ->type_name("LANGS");
  app.add_option("--psm", config->ocr_psm,
                 "Tesseract's page segmentation mode for page images (1, "
                 "3-13 as tesseract(1) numbers them: 4 one column, 6 one "
                 "block, 11 sparse text); default: automatic, with the other "
                 "modes tried where a page reads poorly")
      ->check([](const std::string& v) {
        int psm = 0;
        const auto [p, ec] =
            std::from_chars(v.data(), v.data() + v.size(), psm);
        return ec == std::errc() && p == v.data() + v.size() &&
                       TextPageSegMode(psm)
                   ? std::string()
                   : "1 or 3-13 (0 and 2 give no text)";
      })
      ->type_name("N");
  app.add_option("--format", config->ocr_format,
                 "What page images give: text (default: read, then repaired), "
                 "hocr or tsv (Tesseract's words with their positions and "
                 "confidences, as read)")
      ->check(CLI::IsMember({"text", "hocr", "tsv"}))
      ->type_name("FORMAT");
  app.add_option("--window", config->options.document_window_bytes,
                 "Bytes the word stage reads to learn from before repairing "
                 "(default 1 MiB): smaller means earlier output in a pipe")
      ->check(CLI::Range(size_t{65536}, size_t{1} << 30))
      ->type_name("BYTES");
  app.add_option("--input-encoding", config->options.input_encoding,
                 "What input without a byte order mark is encoded in: auto "
                 "(default: UTF-8, or a legacy code page when clearly so), "
                 "utf-8, or a code page (windows-1251, koi8-r, latin-1, ...)")
      ->type_name("NAME");
  app.add_option("--dictionary-dir", config->options.dictionary_dir,
                 "Where the compiled dictionaries (en.lex) are")
      ->type_name("DIR");
  app.add_flag("--straighten-quotes", config->options.straighten_quotes,
               "Curly quotes to ASCII quotes (cosmetic; off by default)");
  app.add_flag("--fullwidth-to-ascii", config->options.fullwidth_to_ascii,
               "Fullwidth forms to ASCII (cosmetic; off by default)");
  app.add_flag("--unescape-html", config->options.unescape_html,
               "Replace HTML character references (&eacute; &#8217;) by the "
               "characters they stand for (cosmetic; off by default)");
  app.add_flag("--strip-terminal-escapes",
               config->options.strip_terminal_escapes,
               "Remove terminal escape sequences such as colour codes "
               "(cosmetic; off by default)");
  app.add_flag(
      "--ascii-dashes", config->options.ascii_dashes,
      "Dashes, hyphens and minus signs to ASCII - (cosmetic; off by default)");
  app.add_option(
         "-j,--jobs", config->jobs,
         "Work on N files or JSON Lines records at once; output order is kept")
      ->check(CLI::Range(1u, 256u))
      ->type_name("N");
  app.add_flag("-v,--verbose", config->verbose,
               "Say which files were repaired");
  app.set_version_flag("--version", "textmend " + std::string(Version()));
  app.add_option("FILE", config->files,
                 "Files to repair (- for standard input)");
  app.footer(
      "Exit status: 0 done, 1 --check found changes, 2 usage error, 3 some "
      "input could "
      "not be processed (the others were).\nSee textmend(1).");

  try {
    std::reverse(args.begin(), args.end());  // CLI11 takes arguments last-first
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    std::cout << app.version() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << "textmend: " << e.what() << "\nTry 'textmend --help'.\n";
    return kExitUsage;
  }
  if (!stages.empty()) {
    Status s = SetStages(stages, &config->options);
    if (!s.ok()) {
      std::cerr << "textmend: --stages: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  if (no_decode) config->options.decode = false;
  if (no_encoding) config->options.encoding = false;
  if (no_unicode) config->options.unicode = false;
  if (words) config->options.words = true;
  if (no_words) config->options.words = false;
  if (names_policy == "off" || no_names) config->options.names = false;
  if (names_policy == "consistent" || names_policy == "dictionary")
    config->options.names = true;
  config->options.names_dictionary = names_policy == "dictionary";
  if (config->in_place && config->files.empty()) {
    std::cerr << "textmend: -i needs FILE arguments\n";
    return kExitUsage;
  }
  for (const std::string& f : config->files) {
    if (config->in_place && f == "-") {
      std::cerr << "textmend: -i cannot rewrite standard input\n";
      return kExitUsage;
    }
  }
  if (config->jsonl && config->in_place) {
    std::cerr << "textmend: --jsonl writes to standard output; it does not "
                 "work with -i\n";
    return kExitUsage;
  }
  if (!config->output_path.empty() && (config->in_place || config->check)) {
    std::cerr << "textmend: -o does not go with -i or --check\n";
    return kExitUsage;
  }
  if (config->jsonl && config->jsonl_field.empty()) {
    std::cerr << "textmend: --jsonl= needs a field name\n";
    return kExitUsage;
  }
  config->names_scope_given = scope->count() > 0;
  const bool profiles =
      !config->profile_path.empty() || !config->save_profile_path.empty();
  if (profiles && !config->options.names) {
    std::cerr << "textmend: --profile and --save-profile are the name "
                 "stage's; it is off\n";
    return kExitUsage;
  }
  if (profiles && config->names_scope == "document") {
    std::cerr << "textmend: a name profile is a batch's: --profile and "
                 "--save-profile do not go with --scope=document\n";
    return kExitUsage;
  }
  return -1;
}

}  // namespace textmend
