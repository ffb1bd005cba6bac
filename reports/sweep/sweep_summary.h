// The summary of a sweep (sweep.json, sweep.csv): every point with its parameter values, its
// headline figures and its expectations' verdicts. Built only from the plan and the points'
// result.json files, never from how or where they ran, so that a sweep merged from shards gives
// byte for byte the summary of the same sweep run whole.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/sweep/sweep_plan.h"
#include "reports/sweep/sweep_shard.h"

namespace estate::reports {

struct SweepPointOutcome {
  size_t index = 0;
  bool finished = false;  // the run wrote result.json
  nlohmann::json result;  // result.json, when finished
};

// Dotted paths into result.json (sim::FigureAt) of the figures each point reports.
const std::vector<std::string>& SweepFigurePaths();

// sweep.json: {"sweep_id", "scenario" (its name), "settings", "parameters" [{pointer, resolved,
// values}], "figures" [paths], "points" [...]}, one point per outcome in the order given:
// {"point", "index", "parameters" {pointer: value}, "status" "done" or "failed", and when done
// "figures" {path: number or null when absent} and "expectations" {"passed", "failed"}}.
// A shard's summary (shard.count > 1) also has "shard": "i/n".
nlohmann::json SweepSummary(const SweepPlan& plan, const std::vector<SweepPointOutcome>& points,
                            const SweepShard& shard);

// sweep.csv from a SweepSummary: a header row, then one row per point: point, one column per
// parameter (named by its pointer), status, one column per figure, expectations_passed,
// expectations_failed. Strings are written bare unless they need RFC 4180 quoting; other
// values as JSON; absent figures as empty cells.
std::string SweepSummaryCsv(const nlohmann::json& summary);

}  // namespace estate::reports
