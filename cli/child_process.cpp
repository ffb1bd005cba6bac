#include "cli/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

extern char** environ;

namespace estate {

std::string SelfExecutable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("estate") : self.string();
}

ChildProcesses::ChildProcesses(const std::vector<ChildCommand>& commands) {
  const std::string exe = SelfExecutable();
  for (const ChildCommand& c : commands) {
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
    pids_.push_back(rc == 0 ? pid : -1);
  }
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
    codes_.push_back(rc > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return codes_;
}

}  // namespace estate
