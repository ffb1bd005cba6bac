// SeedSpread: the error estimate of a sampled run from repeating it with other seeds. Each
// seed draws another sample of objects and another realisation of the workload, so the spread
// of a figure over seeds is what sampling (and chance) makes it uncertain by.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace estate::sim {

// The headline figures of result.json that the spread covers: dotted paths, expanded for the
// scenario's links and sites.
std::vector<std::string> HeadlineFigures(const nlohmann::json& result);

// For each headline figure found in every result: {"values": [...], "mean", "stddev" (sample,
// n - 1), "relative" (stddev / |mean|, 0 when the mean is 0)}. `results` holds result.json
// documents of the same scenario under different seeds, the first being the run reported.
nlohmann::json SeedSpread(const std::vector<nlohmann::json>& results);

// The number at a dotted path, or nullptr when absent or not a number.
const nlohmann::json* FigureAt(const nlohmann::json& result, const std::string& path);

}  // namespace estate::sim
