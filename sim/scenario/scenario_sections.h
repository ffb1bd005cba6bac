// The section readers behind ParseScenario: one function per part of the document, each
// filling its part of the Scenario and reporting problems to the JsonReader, followed by the
// cross-section checks (ids that must exist, a connected topology).
#pragma once

#include <nlohmann/json.hpp>

#include "sim/scenario/json_reader.h"
#include "sim/scenario/scenario.h"

namespace estate {

void ReadScenario(const nlohmann::json& doc, JsonReader& r, Scenario* s);

}  // namespace estate
