// Formatting of simulated-time log lines.
#include "sim/sim_log.h"

#include <cinttypes>
#include <cstdio>

namespace estate::sim {

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "DEBUG";
    case LogLevel::kInfo:
      return "INFO";
    case LogLevel::kWarning:
      return "WARN";
    case LogLevel::kError:
      return "ERROR";
  }
  return "?";
}

std::string FormatLogLine(TimeNs now, NodeId node, LogLevel level, std::string_view text) {
  char prefix[64];
  std::snprintf(prefix, sizeof prefix, "[%5" PRId64 ".%09" PRId64 "] n%u ", now / kSecond,
                now % kSecond, static_cast<unsigned>(node));
  std::string line(prefix);
  line += LogLevelName(level);
  line += ": ";
  line += text;
  return line;
}

}  // namespace estate::sim
