// timeseries.csv as `estate run` writes it (docs/RUNNING.md): a header of column names, then
// one row of numbers per metrics interval. Empty cells (a hit ratio with no access in the
// interval) are NaN.
#pragma once

#include <QString>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace estate::studio {

class TimeseriesTable {
 public:
  TimeseriesTable() = default;

  // Parses CSV text; `file` names it in errors: "FILE:LINE: expected N cells, found M",
  // "FILE:LINE: column "x": expected a number, found "abc"".
  static Result<TimeseriesTable> Parse(std::string_view text, const std::string& file);

  const std::vector<std::string>& columns() const { return columns_; }
  size_t rows() const { return rows_.size(); }
  // -1 when there is no such column.
  int ColumnIndex(std::string_view name) const;
  // The values of a column, one per row; empty when there is no such column.
  std::vector<double> Column(std::string_view name) const;
  // Columns whose name ends with `suffix` ("_gbps", "_hit_ratio"), in file order.
  std::vector<std::string> ColumnsEndingWith(std::string_view suffix) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<double>> rows_;
};

}  // namespace estate::studio
