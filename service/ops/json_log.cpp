#include "service/ops/json_log.h"

#include <chrono>
#include <ctime>

namespace estate::service {
namespace {

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

const char* JsonLog::LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

void JsonLog::Write(LogLevel level, std::string_view event, nlohmann::json fields) {
  if (!Enabled(level) || out_ == nullptr) return;
  nlohmann::json line = {{"ts", UtcNow()},
                         {"level", LevelName(level)},
                         {"site", site_},
                         {"event", std::string(event)}};
  for (auto& [k, v] : fields.items())
    line[k] = v;
  // Replace invalid UTF-8 (object names are arbitrary bytes) rather than throw.
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace estate::service
