// Checks every point of a sweep as `estate validate` checks a scenario, before anything runs, and
// says for each problem which point and which parameter caused it.
#pragma once

#include <string>
#include <vector>

#include "reports/sweep/sweep_plan.h"

namespace estate::reports {

// One line per problem, in point order, empty when every point is valid:
//   base.json: point-0001 with /links/gcp-a/bandwidth = "fast": /links/0/bandwidth: expected a
//   bandwidth such as "100Gbps", found "fast"
// naming the parameters whose field is at, inside or around the problem's pointer, or every
// parameter of the point when none is. `scenario_file` is the base scenario as given.
std::vector<std::string> ValidateSweepPoints(const SweepPlan& plan,
                                             const std::string& scenario_file);

}  // namespace estate::reports
