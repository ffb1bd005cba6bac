// The output directory of a sweep, as `estate sweep` writes it and `estate merge` reads it:
//   sweep-plan.json       the plan (SweepPlan::ToJson)
//   point-NNNN/           one per point: point.json (SweepPlan::PointRecord), scenario.json (the
//                         scenario it runs), what `estate run` writes (result.json,
//                         timeseries.csv, junit.xml) and the run's log.txt
//   sweep.json, sweep.csv the summary of the whole sweep, run unsharded or merged
//   shard-I-of-N.json     the summary of shard I's points, when run with --shard I/N
// Writing is the command line's (whole files, cli/atomic_file.h); reading is here.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/result.h"
#include "reports/sweep/sweep_plan.h"
#include "reports/sweep/sweep_shard.h"

namespace estate::reports {

inline constexpr char kSweepPlanFile[] = "sweep-plan.json";
inline constexpr char kSweepSummaryFile[] = "sweep.json";
inline constexpr char kSweepCsvFile[] = "sweep.csv";
inline constexpr char kPointRecordFile[] = "point.json";
inline constexpr char kPointScenarioFile[] = "scenario.json";
inline constexpr char kPointResultFile[] = "result.json";
inline constexpr char kPointLogFile[] = "log.txt";

// "shard-1-of-4.json"
std::string ShardSummaryFile(const SweepShard& shard);

// A JSON file. Errors (Invalid): "PATH: cannot read", "PATH: not valid JSON (...)".
Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path);

// The plan saved in `dir`. Errors (Invalid) name the file: "DIR/sweep-plan.json: cannot read
// (not the output directory of estate sweep?)", or what is wrong in it.
Result<SweepPlan> ReadSweepPlan(const std::filesystem::path& dir);

// Point k as stored under `dir`: its point.json and result.json, each null when absent or not
// valid JSON (a run interrupted before writing result.json leaves it absent).
struct StoredPoint {
  nlohmann::json record;
  nlohmann::json result;
};
StoredPoint ReadStoredPoint(const std::filesystem::path& dir, const SweepPlan& plan, size_t k);

// Whether `stored` is a finished run of exactly what point k runs: the same parameter values
// and the same scenario, whichever sweep it ran for. A resumed sweep skips such points.
bool IsFinishedRunOf(const StoredPoint& stored, const SweepPlan& plan, size_t k);

// Whether `stored` is point k of this very sweep (same sweep id and values), finished. Merging
// checks this rather than the scenario, whose absolute paths differ between machines.
bool IsFinishedPointOf(const StoredPoint& stored, const SweepPlan& plan, size_t k);

}  // namespace estate::reports
