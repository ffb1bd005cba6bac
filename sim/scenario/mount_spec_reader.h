// The "mounts" array, shared by scenarios and `estate serve` configurations, so that a mount
// means the same in the simulator and in a deployment: each entry read into a MountSpec (site
// ids left as names), and a spec turned into the engine's policy once its sites are resolved.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/mount/policy.h"
#include "sim/scenario/json_reader.h"
#include "sim/scenario/scenario.h"

namespace estate {

void ReadMountSpecs(const nlohmann::json& doc, JsonReader& r, std::vector<MountSpec>* mounts);

MountPolicy ToMountPolicy(const MountSpec& m, SiteId home, SiteSet replicas);

}  // namespace estate
