// ServeProcess: one `estate serve --config FILE` child process for tests that drive the
// service as an operator does: start it, signal it (SIGTERM to drain, SIGKILL to crash it),
// and read its exit code. FreePort finds a loopback port to put in a configuration.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "service/runtime/tcp_socket.h"

namespace estate::service::testing {

// A loopback port nobody listens on now (another process may still take it before use).
inline int FreePort() {
  Result<TcpSocket> s = TcpSocket::Listen("127.0.0.1", 0);
  return s.ok() ? s->LocalPort() : 0;
}

class ServeProcess {
 public:
  // Starts ESTATE_CLI_PATH serve --config `config`, its stderr (the JSON log) appended to
  // `log`.
  ServeProcess(const std::string& config, const std::string& log) {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      dup2(fd, 2);
      execl(ESTATE_CLI_PATH, ESTATE_CLI_PATH, "serve", "--config", config.c_str(), nullptr);
      _exit(127);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  // A process still running is killed: a failed test never leaves a site behind.
  ~ServeProcess() {
    if (pid_ > 0 && exit_code_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void Signal(int sig) { kill(pid_, sig); }
  // SIGKILL, as a crash: no drain, nothing flushed. Returns once the process is gone.
  void Crash() {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = 128 + SIGKILL;
  }
  // The exit code (128 + signal for a signal), or -1 while running.
  int Poll() {
    if (exit_code_ >= 0) return exit_code_;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return exit_code_;
  }

 private:
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

}  // namespace estate::service::testing
