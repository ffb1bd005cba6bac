#include "reports/sweep/scenario_paths.h"

#include <filesystem>

namespace estate::reports {
namespace {

std::string Absolute(const std::filesystem::path& dir, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return std::filesystem::absolute(dir / p).lexically_normal().string();
}

}  // namespace

void MakeScenarioPathsAbsolute(nlohmann::json* scenario, const std::string& scenario_dir) {
  if (!scenario->is_object()) return;
  const std::filesystem::path dir = scenario_dir.empty() ? "." : scenario_dir;
  nlohmann::json& s = *scenario;
  if (!s.contains("prices")) s["prices"] = "prices.json";  // the parser's default
  if (s["prices"].is_string()) s["prices"] = Absolute(dir, s["prices"].get<std::string>());
  if (s.contains("workload") && s["workload"].is_object() && s["workload"].contains("trace") &&
      s["workload"]["trace"].is_object() && s["workload"]["trace"].contains("path") &&
      s["workload"]["trace"]["path"].is_string()) {
    nlohmann::json& path = s["workload"]["trace"]["path"];
    path = Absolute(dir, path.get<std::string>());
  }
}

}  // namespace estate::reports
