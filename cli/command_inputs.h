// What the simulating commands (run, compare, size, sweep) read from their arguments: the
// scenario, a --duration override and the price table the scenario names. Each function prints
// its own error, naming the file and field, and returns nothing, so that every command reports
// bad input in the same words and exits 2.
#pragma once

#include <optional>
#include <string>

#include "engine/time.h"
#include "models/cost/price_table.h"
#include "sim/scenario/scenario.h"

namespace estate {

std::optional<Scenario> LoadScenarioOrReport(const std::string& path);

// `text` is a --duration argument such as "10min"; it must be positive.
std::optional<DurationNs> ParseDurationOption(const std::string& text);

// The scenario's `prices` path, which is relative to the scenario file.
std::string ScenarioPricesPath(const std::string& scenario_path, const Scenario& scenario);

// The price table at ScenarioPricesPath.
std::optional<PriceTable> ReadScenarioPrices(const std::string& scenario_path,
                                             const Scenario& scenario);

}  // namespace estate
