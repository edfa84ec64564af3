// Runs a program with given arguments and standard input, capturing its output,
// for the CLI tests (the role ninja's misc/output_test.py plays there).
#ifndef TEXTMEND_TESTS_CLI_PROCESS_H_
#define TEXTMEND_TESTS_CLI_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace textmend {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

// Runs argv[0] with argv, feeding `input` on stdin, and waits for it.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::string& input = "");

// Runs `command` with /bin/sh -c.
ProcessResult RunShell(const std::string& command,
                       const std::string& input = "");

// A child process with pipes to its stdin and stdout, for tests that talk to it
// while it runs.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();
  void Write(const std::string& data);
  void CloseStdin();
  // Reads stdout until it holds `expected` or `timeout_ms` passes; returns what
  // was read.
  std::string ReadUntil(const std::string& expected, int timeout_ms);
  // Reads whatever stdout has ready now, without waiting; returns all so far.
  std::string Drain();
  int Wait();
  void Kill(int signal);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
};

}  // namespace textmend

#endif  // TEXTMEND_TESTS_CLI_PROCESS_H_
