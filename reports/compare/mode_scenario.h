// The scenario one mode's run simulates: the compared scenario with every mount's consistency
// set to that mode, written beside the run's results so that the run can be repeated alone.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/mount/policy.h"
#include "engine/status.h"
#include "sim/scenario/scenario.h"

namespace estate::reports {

// sync-sites and bounded-staleness order a mount's writes at its primary: its home when on
// premises, otherwise its first on-prem replica. Invalid when a mount has neither, naming
// `file`, the mount's JSON pointer and what was expected; OK for every other mode.
Status CheckModeApplies(const Scenario& scenario, ConsistencyMode mode, const std::string& file);

// `doc` with /mounts/*/consistency set to `mode`, the files the scenario names relative to
// its own directory (prices, workload.trace.path) made absolute, and the editor's $schema
// hint dropped, so the copy runs from any directory. REQUIRES: `doc` is a valid scenario
// (ParseScenario accepted it) and `scenario_dir` is the directory of its file.
nlohmann::json ScenarioInMode(const nlohmann::json& doc, ConsistencyMode mode,
                              const std::filesystem::path& scenario_dir);

}  // namespace estate::reports
