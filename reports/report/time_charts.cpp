#include <string_view>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

constexpr std::string_view kBandwidthSuffix = "_gbps";
constexpr std::string_view kHitRatioSuffix = "_hit_ratio";

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Simulated time in the unit that keeps its numbers short: hours for runs over two hours,
// minutes over two minutes, seconds otherwise.
struct TimeUnit {
  std::string name;
  double seconds;
};

TimeUnit TimeUnitFor(double duration_s) {
  if (duration_s > 7200) return {"h", 3600};
  if (duration_s > 120) return {"min", 60};
  return {"s", 1};
}

// A chart over time with one series per (column, name, scale); empty cells are left out.
struct ColumnSeries {
  std::string column;
  std::string name;
  double scale = 1;
};

Chart OverTime(const TimeseriesTable& table, const TimeUnit& unit,
               const std::vector<ColumnSeries>& columns, const std::vector<ChartBand>& bands) {
  Chart c;
  c.x = {"simulated time", unit.name, AxisScale::kLinear, {}};
  const TimeseriesColumn& time = table.columns.front();
  for (const ColumnSeries& cs : columns) {
    const TimeseriesColumn* column = table.Find(cs.column);
    if (column == nullptr) continue;
    ChartSeries s{cs.name, {}};
    for (size_t row = 0; row < table.rows; ++row) {
      const std::optional<double>& v = column->values[row];
      if (v) s.points.push_back({time.values[row].value_or(0) / unit.seconds, *v * cs.scale});
    }
    c.series.push_back(std::move(s));
  }
  for (const ChartBand& b : bands)
    c.bands.push_back({b.label, b.from / unit.seconds, b.to / unit.seconds});
  return c;
}

}  // namespace

Result<std::vector<Chart>> TimeCharts(const TimeseriesTable& table, const JsonInput& result) {
  JsonFields f(result.doc, result.path);
  const double duration_s = f.Number("/run/duration_s");
  const double stretch = f.Number("/run/data_plane_time_stretch");
  if (!f.ok()) return f.status();
  Result<std::vector<ChartBand>> bands = FailureWindows(result, duration_s);
  if (!bands.ok()) return bands.status();
  const TimeUnit unit = TimeUnitFor(duration_s);
  const std::string shaded =
      bands->empty() ? "" : " Shaded: the scenario's failures, from result.json's failures.";
  std::vector<Chart> charts;

  Chart lag = OverTime(table, unit,
                       {{"replication_lag_p99_s", "replication lag p99", 1},
                        {"replication_lag_max_s", "replication lag max", 1},
                        {"rpo_s", "RPO", 1}},
                       *bands);
  lag.id = "replication-lag";
  lag.title = "Metadata replication lag and RPO over time";
  lag.caption =
      "Per metrics interval: the p99 and the largest time from a write at its origin to its "
      "metadata being applied at another site, and the RPO (the age of the oldest write no "
      "other site has applied)." +
      shaded;
  lag.y = {"seconds", "s", AxisScale::kLinear, {}};
  charts.push_back(std::move(lag));

  Chart data = OverTime(
      table, unit,
      {{"data_lag_p99_s", "data replication lag p99", 1}, {"data_rpo_s", "data RPO", 1}}, *bands);
  data.id = "data-replication-lag";
  data.title = "Data replication lag and data RPO over time";
  data.caption = "The same for object bytes (replicate-on-write and write-back to GCS).";
  if (stretch > 1) {
    data.caption += " Sampling stretches these up to " + std::to_string(static_cast<int>(stretch)) +
                    "x (docs/RUNNING.md, Sampling).";
  }
  data.caption += shaded;
  data.y = {"seconds", "s", AxisScale::kLinear, {}};
  charts.push_back(std::move(data));

  // Link columns are "<link>:<from>><to>_gbps"; utilisation is against the nominal bandwidth.
  std::vector<ColumnSeries> links;
  std::vector<ColumnSeries> caches;
  for (const TimeseriesColumn& column : table.columns) {
    if (EndsWith(column.name, kBandwidthSuffix)) {
      const std::string name = column.name.substr(0, column.name.size() - kBandwidthSuffix.size());
      const size_t colon = name.find(':');
      const size_t arrow = name.find('>', colon == std::string::npos ? 0 : colon);
      if (colon == std::string::npos || arrow == std::string::npos) continue;  // not a link
      const std::string link = name.substr(0, colon);
      const double bandwidth = f.Number("/links/" + PointerToken(link) + "/bandwidth_bps");
      if (bandwidth <= 0) continue;
      const std::string direction =
          name.substr(colon + 1, arrow - colon - 1) + " to " + name.substr(arrow + 1);
      links.push_back({column.name, link + ": " + direction, 1e9 / bandwidth * 100});
    } else if (EndsWith(column.name, kHitRatioSuffix)) {
      caches.push_back(
          {column.name, column.name.substr(0, column.name.size() - kHitRatioSuffix.size()), 100});
    }
  }
  if (!f.ok()) return f.status();
  if (!links.empty()) {
    Chart util = OverTime(table, unit, links, *bands);
    util.id = "link-utilisation";
    util.title = "Link utilisation over time, per direction";
    util.caption =
        "Bytes each link direction carried per metrics interval, as a share of the link's "
        "nominal bandwidth (a degraded link can only reach its degraded rate; SimGrid's "
        "TCP/IP overhead caps a saturated link near 97%)." +
        shaded;
    util.y = {"utilisation", "%", AxisScale::kLinear, {}};
    charts.push_back(std::move(util));
  }
  if (!caches.empty()) {
    Chart hits = OverTime(table, unit, caches, *bands);
    hits.id = "cache-hit-ratio";
    hits.title = "Cache hit ratio over time, per on-prem site";
    hits.caption =
        "Hit ratio of each site's cache per metrics interval (no point: no request)." + shaded;
    hits.y = {"hit ratio", "%", AxisScale::kLinear, {}};
    charts.push_back(std::move(hits));
  }
  return charts;
}

}  // namespace estate::reports
