// Command-line flags -> CliConfig. Everything the flags mean beyond parsing
// lives in the library and src/io; this file only translates.
#ifndef TEXTMEND_CLI_FLAGS_H_
#define TEXTMEND_CLI_FLAGS_H_

#include <memory>
#include <string>
#include <vector>

#include "textmend/options.h"

namespace textmend {

struct CliConfig {
  Options options;
  std::vector<std::string> files;  // empty: standard input
  bool in_place = false;
  // The name stage's scope over several FILEs: "batch" (all together) or
  // "document".
  std::string names_scope = "batch";
  bool names_scope_given = false;  // --scope on the command line
  // --profile: name counts to start from; --save-profile: where to write the
  // counts of this batch (with --profile's).
  std::string profile_path;
  std::string save_profile_path;
  // Standard input, read in full before the batch when its names must be
  // observed first (JSON Lines with --scope=batch, or a profile to save).
  std::shared_ptr<const std::string> stdin_text;
  // Tesseract's languages for page images ("eng", "rus", "eng+rus", ...).
  std::string ocr_language = "eng";
  // What page images give: "text" (repaired), "hocr" or "tsv" (Tesseract's
  // words with positions, as read).
  std::string ocr_format = "text";
  int ocr_psm = -1;  // --psm: Tesseract's page segmentation mode; -1: chosen
  std::string backup_suffix;  // -iSUFFIX / --in-place=SUFFIX
  bool check = false;
  bool diff = false;
  bool verbose = false;
  std::string report_path;
  std::string output_path;  // -o: write here (atomically) instead of stdout
  bool jsonl = false;
  std::string jsonl_field = "text";
  unsigned jobs = 1;
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitWouldChange = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInputFailed = 3;

// Parses the command line into `*config`. Returns -1 to go on, or an exit code
// to stop with at once: 0 after --help or --version (printed to stdout), 2
// after a usage error (printed to stderr).
int ParseFlags(int argc, char** argv, CliConfig* config);

}  // namespace textmend

#endif  // TEXTMEND_CLI_FLAGS_H_
