// What-if settings: the knobs the what-if panel turns, as plain values, and how they rewrite
// a scenario. Every knob starts at the scenario's own value; applying the settings changes
// only the fields whose knob moved, so an untouched panel runs the scenario as it is.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "sim/scenario/scenario.h"

namespace estate::studio {

struct WhatIfSettings {
  std::map<std::string, double> link_bandwidth_gbps;  // by link id
  std::map<std::string, double> link_latency_ms;      // one way, by link id
  std::map<std::string, double> site_cache_tb;        // by on-prem site id
  double write_share = 0.15;   // of all operations; reads give or take the difference
  std::string consistency;     // empty: each mount's own; else every mount in this mode
  double sampling_rate = 1.0;  // 0 < R <= 1
};

// The scenario's values of every knob.
WhatIfSettings SettingsOf(const Scenario& scenario);

// `doc` (a runnable scenario) with each knob that differs from `base` written into it:
// "/links/<i>/bandwidth" as "<x>Gbps", latency as "<x>ms", "/sites/<i>/cache/capacity" as
// "<x>TB", "/workload/mix/write" with "/workload/mix/read" = 1 - write - list - delete (at
// least 0), every "/mounts/<i>/consistency", "/sampling_rate".
nlohmann::json ApplyWhatIf(nlohmann::json doc, const WhatIfSettings& base,
                           const WhatIfSettings& settings);

// "25Gbps", "12.5ms", "0.5TB": the shortest form that reads back as the same double.
std::string WithUnit(double value, const char* unit);

}  // namespace estate::studio
