#include "reports/report/timeseries_table.h"

#include <charconv>
#include <cmath>

namespace estate::reports {
namespace {

// timeseries.csv has no quoted fields: its names are site and link ids, which the scenario
// validator keeps free of commas.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

std::optional<double> ParseNumber(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

const TimeseriesColumn* TimeseriesTable::Find(const std::string& name) const {
  for (const TimeseriesColumn& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Result<TimeseriesTable> ParseTimeseries(std::string_view csv, const std::string& origin) {
  TimeseriesTable table;
  size_t line_no = 0;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find('\n', start);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::vector<std::string_view> fields = Fields(line);
    const std::string where = origin + ": line " + std::to_string(line_no);
    if (line_no == 1) {
      if (fields[0] != "time_s") {
        return Status::Invalid(where + ": expected a header starting with time_s, found \"" +
                               std::string(fields[0]) + "\"");
      }
      for (std::string_view name : fields)
        table.columns.push_back({std::string(name), {}});
      continue;
    }
    if (line.empty() && start >= csv.size()) break;  // the final newline
    if (fields.size() != table.columns.size()) {
      return Status::Invalid(where + ": expected " + std::to_string(table.columns.size()) +
                             " fields as in the header, found " + std::to_string(fields.size()));
    }
    for (size_t c = 0; c < fields.size(); ++c) {
      std::optional<double> v;
      if (!fields[c].empty() || c == 0) {
        v = ParseNumber(fields[c]);
        if (!v) {
          return Status::Invalid(where + ", column " + table.columns[c].name +
                                 ": expected a number, found \"" + std::string(fields[c]) + "\"");
        }
      }
      table.columns[c].values.push_back(v);
    }
    ++table.rows;
  }
  if (table.columns.empty()) {
    return Status::Invalid(origin + ": expected a header line, found an empty file");
  }
  return table;
}

}  // namespace estate::reports
