// ChildProcesses: runs this executable again, as separate processes. SimGrid allows one
// simulation per process, so several seeds (estate run --error-seeds) or several runs (estate
// size) each take their own process.
#pragma once

#include <string>
#include <vector>

namespace estate {

struct ChildCommand {
  std::vector<std::string> args;  // after the executable's name
  std::string log_path;           // stdout and stderr go here
};

// Starts every command at once and returns without waiting.
class ChildProcesses {
 public:
  explicit ChildProcesses(const std::vector<ChildCommand>& commands);
  ~ChildProcesses();  // waits for any still running
  ChildProcesses(const ChildProcesses&) = delete;
  ChildProcesses& operator=(const ChildProcesses&) = delete;

  // Waits for all; each command's exit code, or -1 when it could not start or was killed.
  std::vector<int> Wait();

 private:
  std::vector<int> pids_;  // -1 when the command could not start
  std::vector<int> codes_;
  bool waited_ = false;
};

// Runs the commands with at most `max_parallel` alive at once, starting them in order as
// earlier ones finish, and returns each one's exit code as ChildProcesses::Wait does.
// REQUIRES: max_parallel >= 1.
std::vector<int> RunChildProcessesBounded(const std::vector<ChildCommand>& commands,
                                          int max_parallel);

// The number of cores this process may run on (at least 1): the default bound above.
int AvailableCores();

// The path of the running executable.
std::string SelfExecutable();

}  // namespace estate
