// textmend's command-line entry point: flags -> CliConfig -> RunCli. All logic
// lives in the library and src/io.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>

#include "cli/flags.h"
#include "cli/runner.h"
#include "ocr/ocr.h"

namespace {

// Tesseract runs its OpenMP threads beside textmend's own (one engine per
// thread, -j), which slows it down on few cores; the OpenMP runtime reads
// OMP_THREAD_LIMIT only when it loads, before main. So when a FILE is a page
// image and the variable is unset, textmend starts itself again with it set
// to 1 (the user's own setting is kept).
void OneOpenMpThreadForImages(const textmend::CliConfig& config, char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  bool images = false;
  for (const std::string& file : config.files) {
    if (file == "-") continue;
    std::ifstream in(file, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    images = images || textmend::SniffImage(std::string_view(
                           head, static_cast<size_t>(in.gcount()))) !=
                           textmend::ImageKind::kNone;
  }
  if (!images) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);  // (on failure, go on as we are)
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) must surface as a write error that leaves the
  // original file intact and the temporary file removed, not as a signal that
  // kills us mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  textmend::CliConfig config;
  const int early = textmend::ParseFlags(argc, argv, &config);
  if (early >= 0) return early;
  OneOpenMpThreadForImages(config, argv);
  return textmend::RunCli(config);
}
