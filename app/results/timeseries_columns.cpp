#include "app/results/timeseries_columns.h"

namespace estate::studio {
namespace {

std::string WithoutSuffix(const std::string& s, const std::string& suffix) {
  return s.substr(0, s.size() - suffix.size());
}

}  // namespace

std::vector<PlottedColumn> ReplicationLagColumns(const TimeseriesTable& table) {
  std::vector<PlottedColumn> out;
  if (table.ColumnIndex("replication_lag_p99_s") >= 0)
    out.push_back({"replication_lag_p99_s", QStringLiteral("metadata lag p99")});
  if (table.ColumnIndex("replication_lag_max_s") >= 0)
    out.push_back({"replication_lag_max_s", QStringLiteral("metadata lag max")});
  return out;
}

std::vector<PlottedColumn> LinkBandwidthColumns(const TimeseriesTable& table) {
  std::vector<PlottedColumn> out;
  for (const std::string& c : table.ColumnsEndingWith("_gbps")) {
    std::string name = WithoutSuffix(c, "_gbps");
    const size_t colon = name.find(':');
    if (colon != std::string::npos) {
      std::string direction = name.substr(colon + 1);
      const size_t arrow = direction.find('>');
      if (arrow != std::string::npos) direction.replace(arrow, 1, "\u2192");
      name = direction;  // the ends name the link; its id would only crowd the legend
    }
    out.push_back({c, QString::fromStdString(name)});
  }
  return out;
}

std::vector<PlottedColumn> HitRatioColumns(const TimeseriesTable& table) {
  std::vector<PlottedColumn> out;
  for (const std::string& c : table.ColumnsEndingWith("_hit_ratio"))
    out.push_back({c, QString::fromStdString(WithoutSuffix(c, "_hit_ratio"))});
  return out;
}

}  // namespace estate::studio
