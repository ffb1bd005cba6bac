// JsonLog: structured logs, one JSON object per line: {"ts":"2026-11-05T10:00:00.123Z",
// "level":"info","site":1,"event":"http","...":...}. Lines are written whole under a lock,
// so concurrent writers never interleave. Levels below the threshold are skipped.
//
// Threading: thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/runtime.h"

namespace estate::service {

class JsonLog {
 public:
  // Writes to `out` (not owned; stderr by default).
  explicit JsonLog(int site, LogLevel threshold = LogLevel::kInfo, std::FILE* out = stderr)
      : site_(site), threshold_(threshold), out_(out) {}

  // Adds ts, level, site and event to `fields` and writes the line.
  void Write(LogLevel level, std::string_view event,
             nlohmann::json fields = nlohmann::json::object());
  bool Enabled(LogLevel level) const { return level >= threshold_; }

  // "debug", "info", "warning", "error".
  static const char* LevelName(LogLevel level);

 private:
  int site_;
  LogLevel threshold_;
  std::FILE* out_;
  std::mutex mu_;
};

}  // namespace estate::service
