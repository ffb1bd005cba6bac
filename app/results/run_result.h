// The outputs of one `estate run`, read back for the dashboard: result.json as it is, and
// timeseries.csv as a table.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>

#include "app/results/timeseries_table.h"
#include "engine/result.h"

namespace estate::studio {

struct RunResult {
  QString dir;
  nlohmann::json result;  // result.json
  TimeseriesTable timeseries;

  // run.duration_s, or 0.
  double duration_s() const;
};

// Reads DIR/result.json and DIR/timeseries.csv. Errors name the file:
// "DIR/result.json: cannot read: ...", "DIR/result.json: not JSON: ...".
Result<RunResult> LoadRunResult(const QString& dir);

}  // namespace estate::studio
