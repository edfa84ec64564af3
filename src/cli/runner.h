// Runs a parsed command line: opens each input, picks the mode (stdout, in
// place, dry run, JSON Lines), runs jobs in parallel when asked, keeps output
// in input order, and turns the outcome into an exit code.
#ifndef TEXTMEND_CLI_RUNNER_H_
#define TEXTMEND_CLI_RUNNER_H_

#include "cli/flags.h"

namespace textmend {

// Returns the process exit code.
int RunCli(const CliConfig& config);

}  // namespace textmend

#endif  // TEXTMEND_CLI_RUNNER_H_
