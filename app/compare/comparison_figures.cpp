#include "app/compare/comparison_figures.h"

#include <algorithm>

namespace estate::studio {
namespace {

using nlohmann::json;

std::optional<double> At(const json& j, std::initializer_list<const char*> path) {
  const json* node = &j;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return std::nullopt;
    node = &(*node)[key];
  }
  return node->is_number() ? std::optional<double>(node->get<double>()) : std::nullopt;
}

}  // namespace

std::vector<std::string> ComparedModes(const json& comparison) {
  std::vector<std::string> modes;
  if (!comparison.contains("order") || !comparison["order"].is_array()) return modes;
  for (const json& m : comparison["order"]) {
    if (m.is_string()) modes.push_back(m.get<std::string>());
  }
  return modes;
}

std::vector<ComparisonRow> ComparisonRows(const json& comparison) {
  struct Spec {
    const char* key;
    QString figure;
    FigureUnit unit;
    std::initializer_list<const char*> path;
  };
  const Spec specs[] = {
      {"availability", "Availability", FigureUnit::kRatio, {"availability"}},
      {"write_p50", "Write latency p50", FigureUnit::kSeconds, {"write_latency", "p50_s"}},
      {"write_p99", "Write latency p99", FigureUnit::kSeconds, {"write_latency", "p99_s"}},
      {"read_p50", "Read latency p50", FigureUnit::kSeconds, {"read_latency", "p50_s"}},
      {"read_p99", "Read latency p99", FigureUnit::kSeconds, {"read_latency", "p99_s"}},
      {"stale_read_rate", "Stale read rate", FigureUnit::kRatio, {"stale_read_rate"}},
      {"lost_updates", "Lost updates", FigureUnit::kCount, {"lost_updates"}},
      {"t_visibility_100ms",
       "t-visibility at 100 ms",
       FigureUnit::kRatio,
       {"t_visibility", "fraction", "100ms"}},
      {"wan_bytes", "WAN bytes", FigureUnit::kBytes, {"wan_bytes"}},
      {"egress_bytes", "GCS egress", FigureUnit::kBytes, {"egress_bytes"}},
      {"egress_cost", "GCS egress cost", FigureUnit::kCount, {"egress_cost"}},
  };
  const std::vector<std::string> modes = ComparedModes(comparison);
  std::vector<ComparisonRow> rows;
  for (const Spec& spec : specs) {
    ComparisonRow row{spec.key, spec.figure, spec.unit, {}};
    for (const std::string& mode : modes) {
      const json* figures = comparison.contains("modes") && comparison["modes"].contains(mode)
                                ? &comparison["modes"][mode]
                                : nullptr;
      row.values.push_back(figures != nullptr ? At(*figures, spec.path) : std::nullopt);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::pair<double, double>> TVisibilityCurve(const json& comparison,
                                                        const std::string& mode) {
  std::vector<std::pair<double, double>> curve;
  if (!comparison.contains("modes") || !comparison["modes"].contains(mode)) return curve;
  const json& m = comparison["modes"][mode];
  if (!m.contains("t_visibility") || !m["t_visibility"].contains("fraction")) return curve;
  for (const auto& [key, value] : m["t_visibility"]["fraction"].items()) {
    if (!value.is_number() || key.size() < 3) continue;
    const double t_ms = std::stod(key.substr(0, key.size() - 2));
    if (t_ms > 0) curve.emplace_back(t_ms, value.get<double>());
  }
  std::sort(curve.begin(), curve.end());
  return curve;
}

}  // namespace estate::studio
