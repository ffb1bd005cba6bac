#include "cli/child_process.h"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

extern char** environ;

namespace estate {

namespace {

// Starts `c` with its output in c.log_path; its pid, or -1 when it could not start.
int Spawn(const std::string& exe, const ChildCommand& c) {
  std::vector<std::string> args = {exe};
  args.insert(args.end(), c.args.begin(), c.args.end());
  std::vector<char*> argv;
  for (std::string& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, c.log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// The exit code of a child that waitpid reported with `status`; -1 when it was killed.
int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string SelfExecutable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("estate") : self.string();
}

ChildProcesses::ChildProcesses(const std::vector<ChildCommand>& commands) {
  const std::string exe = SelfExecutable();
  for (const ChildCommand& c : commands)
    pids_.push_back(Spawn(exe, c));
}

ChildProcesses::~ChildProcesses() {
  Wait();
}

std::vector<int> ChildProcesses::Wait() {
  if (waited_) return codes_;
  waited_ = true;
  for (int pid : pids_) {
    int status = 0;
    int rc = -1;
    if (pid > 0) {
      while ((rc = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
      }
    }
    codes_.push_back(rc > 0 ? ExitCode(status) : -1);
  }
  return codes_;
}

std::vector<int> RunChildProcessesBounded(const std::vector<ChildCommand>& commands,
                                          int max_parallel) {
  const std::string exe = SelfExecutable();
  std::vector<int> codes(commands.size(), -1);
  std::map<int, size_t> running;  // pid -> command index
  size_t next = 0;
  while (next < commands.size() || !running.empty()) {
    while (next < commands.size() && static_cast<int>(running.size()) < max_parallel) {
      const int pid = Spawn(exe, commands[next]);
      if (pid > 0) running.emplace(pid, next);
      ++next;
    }
    if (running.empty()) continue;
    // Polls only our own children: waitpid(-1) could reap a child another part of the
    // process is waiting for.
    bool reaped = false;
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      const int rc = waitpid(it->first, &status, WNOHANG);
      if (rc == 0 || (rc < 0 && errno == EINTR)) {
        ++it;
        continue;
      }
      codes[it->second] = rc > 0 ? ExitCode(status) : -1;
      it = running.erase(it);
      reaped = true;
    }
    if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return codes;
}

int AvailableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace estate
