#include <algorithm>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

ModeRow ReadMode(JsonFields& f, const std::string& mode) {
  const std::string at = "/modes/" + PointerToken(mode);
  ModeRow row;
  row.mode = mode;
  if (const std::optional<std::string> error = f.OptionalText(at + "/error")) {
    row.ok = false;
    row.error = *error;
    return row;
  }
  row.availability = f.Number(at + "/availability");
  row.write_p99_s = f.OptionalNumber(at + "/write_latency/p99_s");
  row.read_p99_s = f.OptionalNumber(at + "/read_latency/p99_s");
  row.stale_read_rate = f.Number(at + "/stale_read_rate");
  row.t_visibility_100ms = f.OptionalNumber(at + "/t_visibility/fraction/100ms");
  row.egress_cost = f.Number(at + "/egress_cost");
  row.expectations_met = static_cast<int>(f.Count(at + "/expectations/met"));
  const nlohmann::json& unmet = f.Array(at + "/expectations/unmet");
  for (size_t i = 0; i < unmet.size(); ++i)
    row.expectations_unmet.push_back(f.Text(at + "/expectations/unmet/" + std::to_string(i)));
  for (const auto& [site, figures] : f.Object(at + "/sites").items()) {
    const std::string s = at + "/sites/" + PointerToken(site);
    row.sites.push_back({site, f.OptionalNumber(s + "/write_latency/p99_s"),
                         f.OptionalNumber(s + "/read_latency/p99_s"),
                         f.Number(s + "/availability")});
  }
  return row;
}

// Bars of one figure per mode, one series per site and one for every site together.
Chart ModeBars(const ComparisonSection& c, const std::string& id, const std::string& title,
               const std::string& caption, const ChartAxis& y,
               std::optional<double> (*overall)(const ModeRow&),
               std::optional<double> (*per_site)(const ModeSiteRow&), double scale) {
  Chart chart;
  chart.id = id;
  chart.section = ChartSection::kComparison;
  chart.kind = ChartKind::kBar;
  chart.title = title;
  chart.caption = caption;
  chart.y = y;
  chart.x = {"consistency mode", "", AxisScale::kLinear, {}};
  for (const ModeRow& m : c.modes)
    chart.x.categories.push_back(m.mode);
  ChartSeries all{"all sites", {}};
  std::vector<ChartSeries> sites;
  for (size_t i = 0; i < c.modes.size(); ++i) {
    const ModeRow& m = c.modes[i];
    if (!m.ok) continue;
    if (const std::optional<double> v = overall(m)) {
      all.points.push_back({static_cast<double>(i), *v * scale});
    }
    if (per_site == nullptr) continue;
    for (const ModeSiteRow& s : m.sites) {
      auto series = std::find_if(sites.begin(), sites.end(),
                                 [&](const ChartSeries& x) { return x.name == s.site; });
      if (series == sites.end()) series = sites.insert(sites.end(), ChartSeries{s.site, {}});
      if (const std::optional<double> v = per_site(s)) {
        series->points.push_back({static_cast<double>(i), *v * scale});
      }
    }
  }
  chart.series.push_back(std::move(all));
  for (ChartSeries& s : sites)
    chart.series.push_back(std::move(s));
  return chart;
}

}  // namespace

Result<ComparisonSection> ReadComparison(const JsonInput& comparison) {
  JsonFields f(comparison.doc, comparison.path);
  ComparisonSection c;
  c.scenario = f.Text("/scenario");
  c.duration_s = f.Number("/duration_s");
  c.availability_floor = f.Number("/availability_floor");
  c.currency = f.Text("/egress_price/currency");
  c.recommended_mode = f.OptionalText("/recommendation/mode");
  c.recommendation = f.Text("/recommendation/text");
  const nlohmann::json& order = f.Array("/order");
  for (size_t i = 0; i < order.size(); ++i) {
    const std::string mode = f.Text("/order/" + std::to_string(i));
    if (!f.ok()) break;
    c.modes.push_back(ReadMode(f, mode));
  }
  if (!f.ok()) return f.status();
  return c;
}

std::vector<Chart> ComparisonCharts(const ComparisonSection& c) {
  std::vector<Chart> charts;
  charts.push_back(ModeBars(
      c, "mode-write-p99", "Write latency p99 by consistency mode",
      "p99 latency of the writes each site's clients issued, and of every write, per mode.",
      {"write latency p99", "ms", AxisScale::kLinear, {}},
      [](const ModeRow& m) { return m.write_p99_s; },
      [](const ModeSiteRow& s) { return s.write_p99_s; }, 1e3));
  charts.push_back(ModeBars(
      c, "mode-availability", "Availability by consistency mode",
      "Share of operations answered over the whole run, the scenario's failures included.",
      {"availability", "%", AxisScale::kLinear, {}},
      [](const ModeRow& m) { return m.availability; },
      [](const ModeSiteRow& s) { return std::optional<double>(s.availability); }, 100));
  charts.push_back(ModeBars(
      c, "mode-stale-reads", "Stale-read rate by consistency mode",
      "Reads that returned an older generation than the newest write acknowledged before "
      "they began.",
      {"stale reads", "%", AxisScale::kLinear, {}},
      [](const ModeRow& m) { return m.stale_read_rate; }, nullptr, 100));
  charts.push_back(ModeBars(
      c, "mode-t-visibility", "t-visibility at 100 ms by consistency mode",
      "Probability that a read at another site 100 ms after a write sees it (1 for strong: "
      "linearizable).",
      {"t-visibility at 100 ms", "ratio", AxisScale::kLinear, {}},
      [](const ModeRow& m) { return m.t_visibility_100ms; }, nullptr, 1));
  return charts;
}

}  // namespace estate::reports
