// A sweep runs each point's scenario from the point's own directory, so the file paths a
// scenario holds relative to its own directory (the price table, a workload trace) would stop
// resolving there. Sweeps rewrite them into absolute paths instead of copying the files: a point
// then reads exactly the files the original scenario names.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace estate::reports {

// Makes "prices" (default "prices.json", set even when absent) and "workload"."trace"."path"
// absolute against `scenario_dir` (itself made absolute against the working directory). Other
// fields, and fields of the wrong type (the validator reports those), are left alone.
void MakeScenarioPathsAbsolute(nlohmann::json* scenario, const std::string& scenario_dir);

}  // namespace estate::reports
