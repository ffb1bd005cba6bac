#include "app/results/timeseries_table.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace estate::studio {
namespace {

std::vector<std::string_view> SplitCells(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    cells.push_back(
        line.substr(start, comma == std::string_view::npos ? line.npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return cells;
}

}  // namespace

Result<TimeseriesTable> TimeseriesTable::Parse(std::string_view text, const std::string& file) {
  TimeseriesTable table;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::vector<std::string_view> cells = SplitCells(line);
    if (table.columns_.empty()) {
      for (std::string_view c : cells)
        table.columns_.emplace_back(c);
      continue;
    }
    if (cells.size() != table.columns_.size()) {
      return Status::Invalid(file + ":" + std::to_string(line_number) + ": expected " +
                             std::to_string(table.columns_.size()) + " cells, found " +
                             std::to_string(cells.size()));
    }
    std::vector<double> row;
    row.reserve(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty()) {
        row.push_back(std::numeric_limits<double>::quiet_NaN());
        continue;
      }
      double v = 0;
      const auto [ptr, ec] = std::from_chars(cells[i].data(), cells[i].data() + cells[i].size(), v);
      if (ec != std::errc() || ptr != cells[i].data() + cells[i].size()) {
        return Status::Invalid(file + ":" + std::to_string(line_number) + ": column \"" +
                               table.columns_[i] + "\": expected a number, found \"" +
                               std::string(cells[i]) + "\"");
      }
      row.push_back(v);
    }
    table.rows_.push_back(std::move(row));
  }
  return table;
}

int TimeseriesTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<double> TimeseriesTable::Column(std::string_view name) const {
  const int index = ColumnIndex(name);
  std::vector<double> values;
  if (index < 0) return values;
  values.reserve(rows_.size());
  for (const std::vector<double>& row : rows_)
    values.push_back(row[static_cast<size_t>(index)]);
  return values;
}

std::vector<std::string> TimeseriesTable::ColumnsEndingWith(std::string_view suffix) const {
  std::vector<std::string> out;
  for (const std::string& c : columns_) {
    if (c.size() >= suffix.size() &&
        c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(c);
  }
  return out;
}

}  // namespace estate::studio
