// ReportInputs: what `estate report` found in a result directory, read and parsed but not yet
// interpreted. A directory may hold a run (result.json, timeseries.csv, scenario.json), a
// sizing (sizing.json, with its runs under runs/), a comparison (comparison.json) or a sweep
// (sweep.json), or several of these; the report covers all of them (docs/REPORTS.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/result.h"
#include "models/cost/price_table.h"
#include "sim/scenario/scenario.h"

namespace estate::reports {

// A parsed JSON file and the path it was read from (for messages).
struct JsonInput {
  std::string path;
  nlohmann::json doc;
};

struct ReportInputs {
  std::string dir;                        // as given
  std::optional<JsonInput> result;        // result.json of a run
  std::optional<std::string> timeseries;  // timeseries.csv beside it, as text
  std::string timeseries_path;
  std::optional<Scenario> scenario;  // the scenario the run simulated
  std::string scenario_path;
  std::optional<PriceTable> prices;  // the scenario's price table
  std::optional<JsonInput> sizing;
  std::optional<JsonInput> comparison;
  std::optional<JsonInput> sweep;
};

// Reads `dir`. The run is `dir`/result.json, or for a sizing directory the run with the
// scenario's failures (runs/failures/, else runs/normal/). The scenario is `scenario_path`
// when not empty, else `dir`/scenario.json when present (estate run, compare and sweep write
// one beside each result.json); its price table is read too.
//
// Errors are Invalid and name the file and, for a field, its JSON pointer, e.g.
//   "out/result.json: expected JSON, found a syntax error at byte 17"
//   "out: nothing to report: expected result.json, sizing.json, comparison.json or
//    sweep.json"
//   "out: the sizing table needs the scenario the run simulated: no out/scenario.json (pass
//    --scenario FILE)" (a run without sizing.json and without a scenario)
// NotFound when `dir` is not a directory.
Result<ReportInputs> LoadReportInputs(const std::string& dir, const std::string& scenario_path);

}  // namespace estate::reports
