#include "cli/scenario_copy.h"

#include <fstream>
#include <iostream>

#include "cli/atomic_file.h"
#include "reports/sweep/scenario_paths.h"

namespace estate {

nlohmann::json ScenarioAsRun(const nlohmann::json& doc, const std::string& scenario_dir,
                             const RunOverrides& overrides) {
  nlohmann::json copy = doc;
  copy.erase("$schema");  // relative to the original's directory
  reports::MakeScenarioPathsAbsolute(&copy, scenario_dir);
  if (!overrides.duration.empty()) copy["duration"] = overrides.duration;
  if (overrides.seed != 0) copy["seed"] = overrides.seed;
  if (overrides.no_failures) copy["failures"] = nlohmann::json::array();
  return copy;
}

bool WriteScenarioCopy(const std::string& scenario_path, const std::filesystem::path& out_dir,
                       const RunOverrides& overrides) {
  const std::filesystem::path target = out_dir / "scenario.json";
  std::error_code ec;
  if (std::filesystem::equivalent(scenario_path, target, ec)) return true;
  std::ifstream in(scenario_path, std::ios::binary);
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // The run parsed this file moments ago: it changed under us.
    std::cerr << scenario_path << ": cannot read it again to copy it to " << target.string()
              << '\n';
    return false;
  }
  const std::string dir = std::filesystem::path(scenario_path).parent_path().string();
  return WriteFileAtomically(target, ScenarioAsRun(doc, dir, overrides).dump(2) + "\n");
}

}  // namespace estate
