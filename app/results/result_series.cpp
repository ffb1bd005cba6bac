#include "app/results/result_series.h"

#include <cmath>

namespace estate::studio {
namespace {

constexpr double kMsPerSecond = 1e3;
constexpr double kBytesPerTb = 1e12;

bool IsStatsKey(const std::string& key) {
  static const char* const kStats[] = {"count", "min",   "mean", "p50",    "p90",
                                       "p99",   "p99_9", "max",  "by_site"};
  for (const char* s : kStats) {
    if (key == s) return true;
  }
  return false;
}

}  // namespace

std::vector<QPointF> LatencyCdfPoints(const nlohmann::json& stats) {
  std::vector<QPointF> points;
  if (!stats.is_object() || !stats.contains("count") || !stats["count"].is_number() ||
      stats["count"].get<double>() <= 0) {
    return points;
  }
  static const std::pair<const char*, double> kQuantiles[] = {
      {"min", 0.0}, {"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"p99_9", 0.999}, {"max", 1.0}};
  for (const auto& [key, fraction] : kQuantiles) {
    if (stats.contains(key) && stats[key].is_number())
      points.emplace_back(stats[key].get<double>() * kMsPerSecond, fraction);
  }
  return points;
}

std::vector<std::string> LatencyModes(const nlohmann::json& block) {
  std::vector<std::string> modes;
  if (!block.is_object()) return modes;
  for (const auto& [key, value] : block.items()) {
    if (!IsStatsKey(key) && value.is_object()) modes.push_back(key);
  }
  return modes;
}

double TimeUnitSeconds(double duration_s) {
  return duration_s > 3 * 3600 ? 3600 : 60;
}

QString TimeUnitName(double duration_s) {
  return duration_s > 3 * 3600 ? QStringLiteral("h") : QStringLiteral("min");
}

std::vector<QPointF> TimeseriesPoints(const TimeseriesTable& table, const std::string& column,
                                      double time_unit_s) {
  const std::vector<double> time = table.Column("time_s");
  const std::vector<double> values = table.Column(column);
  std::vector<QPointF> points;
  for (size_t i = 0; i < values.size() && i < time.size(); ++i) {
    if (!std::isnan(values[i])) points.emplace_back(time[i] / time_unit_s, values[i]);
  }
  return points;
}

std::vector<QPointF> MrcPoints(const nlohmann::json& curve) {
  std::vector<QPointF> points;
  if (!curve.is_array()) return points;
  for (const nlohmann::json& p : curve) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) continue;
    const double bytes = p[0].get<double>();
    if (bytes > 0) points.emplace_back(bytes / kBytesPerTb, p[1].get<double>());
  }
  return points;
}

}  // namespace estate::studio
