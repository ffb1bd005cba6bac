#include "app/run/run_progress.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace estate::studio {
namespace {

double NumberOr(const nlohmann::json& j, const char* key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

}  // namespace

std::optional<RunProgress> ParseRunProgress(std::string_view line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("event") || !j["event"].is_string()) return std::nullopt;
  RunProgress p;
  const std::string event = j["event"].get<std::string>();
  if (event == "progress") {
    p.kind = RunProgress::Kind::kProgress;
    p.sim_time_s = NumberOr(j, "sim_time_s", 0);
    p.duration_s = NumberOr(j, "duration_s", 0);
    p.fraction = std::clamp(NumberOr(j, "fraction", 0), 0.0, 1.0);
    p.wall_s = NumberOr(j, "wall_s", 0);
    p.eta_s = NumberOr(j, "eta_s", 0);
    return p;
  }
  if (event == "done") {
    p.kind = RunProgress::Kind::kDone;
    p.fraction = 1;
    p.expectations = static_cast<int>(NumberOr(j, "expectations", 0));
    p.expectations_failed = static_cast<int>(NumberOr(j, "expectations_failed", 0));
    if (j.contains("out") && j["out"].is_string())
      p.out = QString::fromStdString(j["out"].get<std::string>());
    if (j.contains("error") && j["error"].is_string())
      p.error = QString::fromStdString(j["error"].get<std::string>());
    return p;
  }
  return std::nullopt;
}

QString FormatDuration(double seconds) {
  const long long s = std::llround(std::max(0.0, seconds));
  const long long h = s / 3600, m = (s % 3600) / 60, r = s % 60;
  if (h > 0) return QStringLiteral("%1h %2min").arg(h).arg(m, 2, 10, QChar('0'));
  if (m > 0) return QStringLiteral("%1min %2s").arg(m).arg(r, 2, 10, QChar('0'));
  return QStringLiteral("%1s").arg(r);
}

}  // namespace estate::studio
