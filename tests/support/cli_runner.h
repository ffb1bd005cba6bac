// Runs the `estate` command line in a child process, as CI and the desktop app do (each
// simulation needs a process of its own: SimGrid allows one engine per process).
#pragma once

#include <string>
#include <vector>

namespace estate::testing {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs the estate binary with `args` (each passed as one argument, shell-quoted).
CliRun RunCli(const std::string& cli_path, const std::vector<std::string>& args);

// A new empty directory under the test temp dir.
std::string FreshDirectory(const std::string& name);
std::string ReadFileOrEmpty(const std::string& path);
void WriteTextFile(const std::string& path, const std::string& content);

}  // namespace estate::testing
