// TimeseriesTable: timeseries.csv of a run (sim/output/timeseries_csv.cpp, docs/RUNNING.md)
// as columns of numbers, for the report's charts over time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace estate::reports {

struct TimeseriesColumn {
  std::string name;
  std::vector<std::optional<double>> values;  // one per row; nullopt for an empty cell
};

struct TimeseriesTable {
  std::vector<TimeseriesColumn> columns;  // the first is time_s
  size_t rows = 0;

  // The column called `name`, or nullptr.
  const TimeseriesColumn* Find(const std::string& name) const;
};

// Errors are Invalid and name `origin` and the line (1-based, the header is line 1), e.g.
//   "out/timeseries.csv: line 3: expected 19 fields as in the header, found 18"
//   "out/timeseries.csv: line 4, column rpo_s: expected a number, found \"x\""
Result<TimeseriesTable> ParseTimeseries(std::string_view csv, const std::string& origin);

}  // namespace estate::reports
