// Writing a sweep's summary files, shared by `estate sweep` and `estate merge` so that both
// write a whole sweep's summary the same way (reports/sweep/sweep_directory.h has the layout).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "reports/sweep/sweep_shard.h"

namespace estate {

// Writes `summary` (reports::SweepSummary) into dir: sweep.json and sweep.csv for a whole sweep,
// shard-I-of-N.json for a shard. Returns false, having said why on stderr, when a file cannot be
// written.
bool WriteSweepSummary(const std::filesystem::path& dir, const nlohmann::json& summary,
                       const reports::SweepShard& shard);

// How many points of `summary` failed to run, and how many had an expectation fail.
struct SweepVerdict {
  size_t failed_runs = 0;
  size_t failed_expectations = 0;

  // The exit status `estate run` would give: 3 a run failed, 1 an expectation failed, else 0.
  int ExitCode() const { return failed_runs > 0 ? 3 : failed_expectations > 0 ? 1 : 0; }
};
SweepVerdict JudgeSweep(const nlohmann::json& summary);

}  // namespace estate
