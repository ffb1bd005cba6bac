// The scenario as `estate run` simulated it, written beside result.json as scenario.json: the
// document as given, with --duration, --seed and --no-failures applied, its relative paths
// (prices, a trace) made absolute and "$schema" dropped. A result directory is then
// self-contained: `estate report DIR` finds the scenario it needs for the sizing table and the
// topology, and `estate run DIR/scenario.json` repeats the run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace estate {

struct RunOverrides {
  std::string duration;  // "" when the scenario's own
  uint64_t seed = 0;     // 0 when the scenario's own
  bool no_failures = false;
};

nlohmann::json ScenarioAsRun(const nlohmann::json& doc, const std::string& scenario_dir,
                             const RunOverrides& overrides);

// Writes out_dir/scenario.json from the scenario file at `scenario_path`, unless that file is
// out_dir/scenario.json itself (estate compare and estate sweep run their own copies in place).
// Returns false, having said why on stderr, when the file cannot be read or written.
bool WriteScenarioCopy(const std::string& scenario_path, const std::filesystem::path& out_dir,
                       const RunOverrides& overrides);

}  // namespace estate
