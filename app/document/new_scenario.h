// The scenario File > New starts from: the smallest deployment the validator accepts, so that
// a user edits a working scenario instead of an empty one.
#pragma once

#include <nlohmann/json.hpp>

namespace estate::studio {

// One GCP region, one on-prem site, a link between them, one mount and a light workload, an
// hour long.
nlohmann::ordered_json NewScenarioJson();

}  // namespace estate::studio
