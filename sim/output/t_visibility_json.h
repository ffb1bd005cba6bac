// result.json's `t_visibility` object (docs/RUNNING.md): t-visibility curves (see
// sim/metrics/t_visibility.h) overall, per consistency mode of the scenario's mounts and per
// receiving site, keyed "<t>ms" so that expectations can name a point, such as
// "t_visibility.eventual.100ms >= 99%".
#pragma once

#include <nlohmann/json.hpp>

#include "sim/run/scenario_simulation.h"
#include "sim/scenario/scenario.h"

namespace estate::sim {

nlohmann::json TVisibilityJson(const Scenario& scenario, const RunRecord& record);

}  // namespace estate::sim
