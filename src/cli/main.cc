// textmend's command-line entry point: flags -> CliConfig -> RunCli. All logic
// lives in the library and src/io.
#include <csignal>
#include <cstdlib>

#include "cli/flags.h"
#include "cli/runner.h"

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) must surface as a write error that leaves the
  // original file intact and the temporary file removed, not as a signal that
  // kills us mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  textmend::CliConfig config;
  const int early = textmend::ParseFlags(argc, argv, &config);
  if (early >= 0) return early;
  // Tesseract runs its OpenMP threads beside textmend's own (one engine per
  // thread, -j), which slows it down on few cores; the OpenMP runtime reads
  // OMP_THREAD_LIMIT when it loads, with the OCR module at the first page
  // image. Set here, before any thread, unless the user set it.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  return textmend::RunCli(config);
}
