// fork/exec with pipes, and a poll loop that feeds stdin while draining stdout
// and stderr.
#include "cli/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace textmend {
namespace {

pid_t Spawn(const std::vector<std::string>& argv, int* in, int* out, int* err) {
  int pin[2], pout[2], perr[2];
  if (::pipe2(pin, O_CLOEXEC) != 0 || ::pipe2(pout, O_CLOEXEC) != 0) return -1;
  if (err != nullptr && ::pipe2(perr, O_CLOEXEC) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pin[0], 0);
    ::dup2(pout[1], 1);
    if (err != nullptr) ::dup2(perr[1], 2);
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(pin[0]);
  ::close(pout[1]);
  *in = pin[1];
  *out = pout[0];
  if (err != nullptr) {
    ::close(perr[1]);
    *err = perr[0];
  }
  return pid;
}

int WaitFor(pid_t pid, int* signal) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    *signal = WTERMSIG(status);
    return -1;
  }
  return WEXITSTATUS(status);
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::string& input) {
  ::signal(SIGPIPE, SIG_IGN);
  ProcessResult r;
  int in = -1, out = -1, err = -1;
  const pid_t pid = Spawn(argv, &in, &out, &err);
  if (pid < 0) return r;
  size_t written = 0;
  // Non-blocking, so a large input is fed as the child drains it while we read
  // its output.
  ::fcntl(in, F_SETFL, ::fcntl(in, F_GETFL) | O_NONBLOCK);
  if (input.empty()) {
    ::close(in);
    in = -1;
  }
  char buf[65536];
  while (out >= 0 || err >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out >= 0) fds[n++] = {out, POLLIN, 0};
    if (err >= 0) fds[n++] = {err, POLLIN, 0};
    if (in >= 0) fds[n++] = {in, POLLOUT, 0};
    if (::poll(fds, n, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in) {
        const ssize_t w =
            ::write(in, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if ((w < 0 && errno != EAGAIN) || written == input.size()) {
          ::close(in);
          in = -1;
        }
        continue;
      }
      const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
      if (got <= 0) {
        ::close(fds[i].fd);
        (fds[i].fd == out ? out : err) = -1;
      } else {
        (fds[i].fd == out ? r.out : r.err)
            .append(buf, static_cast<size_t>(got));
      }
    }
  }
  if (in >= 0) ::close(in);
  r.exit_code = WaitFor(pid, &r.signal);
  return r;
}

ProcessResult RunShell(const std::string& command, const std::string& input) {
  return RunProcess({"/bin/sh", "-c", command}, input);
}

Child::Child(const std::vector<std::string>& argv) {
  ::signal(SIGPIPE, SIG_IGN);
  pid_ = Spawn(argv, &in_, &out_, nullptr);
}

Child::~Child() {
  if (in_ >= 0) ::close(in_);
  if (out_ >= 0) ::close(out_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int sig = 0;
    WaitFor(pid_, &sig);
  }
}

void Child::Write(const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t w = ::write(in_, data.data() + done, data.size() - done);
    if (w <= 0) return;
    done += static_cast<size_t>(w);
  }
}

void Child::CloseStdin() {
  ::close(in_);
  in_ = -1;
}

std::string Child::ReadUntil(const std::string& expected, int timeout_ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[4096];
  while (buffer_.find(expected) == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd fd{out_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t got = ::read(out_, buf, sizeof buf);
    if (got <= 0) break;
    buffer_.append(buf, static_cast<size_t>(got));
  }
  return buffer_;
}

std::string Child::Drain() {
  char buf[4096];
  for (;;) {
    pollfd fd{out_, POLLIN, 0};
    if (::poll(&fd, 1, 0) <= 0) break;
    const ssize_t got = ::read(out_, buf, sizeof buf);
    if (got <= 0) break;
    buffer_.append(buf, static_cast<size_t>(got));
  }
  return buffer_;
}

int Child::Wait() {
  int sig = 0;
  const int code = WaitFor(pid_, &sig);
  pid_ = -1;
  return code;
}

void Child::Kill(int signal) { ::kill(pid_, signal); }

}  // namespace textmend
