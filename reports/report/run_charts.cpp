#include <algorithm>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

// The percentiles result.json keeps of each latency histogram, as (key, cumulative share).
constexpr std::pair<const char*, double> kQuantiles[] = {
    {"min", 0.0}, {"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"p99_9", 0.999}, {"max", 1.0}};

Chart LatencyCdf(JsonFields& f, const std::string& op, double stretch) {
  Chart c;
  c.id = "latency-cdf-" + op;
  c.title = (op == "read" ? "Read" : "Write") + std::string(" latency CDF by site");
  c.caption =
      "Share of the " + op +
      " operations each site's clients issued that completed within a latency, drawn through "
      "the percentiles result.json records (min, p50, p90, p99, p99.9, max).";
  if (op == "read" && stretch > 1) {
    c.caption += " Sampling stretches the latency of cache misses up to " +
                 std::to_string(static_cast<int>(stretch)) + "x (docs/RUNNING.md, Sampling).";
  }
  c.x = {"latency", "s", AxisScale::kLinear, {}};
  c.y = {"share of operations", "ratio", AxisScale::kLinear, {}};
  const std::string base = "/" + op + "_latency/by_site";
  double max_s = 0;
  for (const auto& [site, modes] : f.Object(base).items()) {
    const std::string at = base + "/" + PointerToken(site) + "/all";
    if (f.Find(at) == nullptr || f.Count(at + "/count") == 0) continue;
    ChartSeries s{site, {}};
    for (const auto& [key, share] : kQuantiles) {
      const double v = f.Number(at + "/" + key);
      s.points.push_back({v, share});
      max_s = std::max(max_s, v);
    }
    c.series.push_back(std::move(s));
  }
  // Sub-second latencies read better in milliseconds.
  if (max_s < 1) {
    c.x.unit = "ms";
    for (ChartSeries& s : c.series) {
      for (ChartPoint& p : s.points)
        p.x *= 1e3;
    }
  }
  return c;
}

std::optional<double> ChosenCache(const SizingTable* sizing, const std::string& site) {
  if (sizing == nullptr) return std::nullopt;
  for (const SizingSiteRow& row : sizing->sites) {
    if (row.site == site) return row.cache_bytes;
  }
  return std::nullopt;
}

// Miss-ratio curves: result.json's byte-weighted LRU hit-ratio curve per on-prem site
// (cache_sizing.<site>.curve, [bytes, hit ratio] pairs), drawn as miss ratio = 1 - hit ratio.
Chart MissRatioCurves(JsonFields& f, const SizingTable* sizing, const Scenario* scenario) {
  Chart c;
  c.id = "cache-mrc";
  c.title = "Cache miss-ratio curve by site";
  c.x = {"cache size", "bytes", AxisScale::kLog, {}};
  c.y = {"byte miss ratio", "ratio", AxisScale::kLinear, {}};
  const double target = f.Number("/cache_sizing/target_hit_ratio");
  c.caption =
      "Byte miss ratio an LRU cache of each size would have had on the site's requests in the "
      "simulated window (first accesses always miss). Vertical lines mark the cache the sizing "
      "chose for a " +
      std::to_string(static_cast<int>(target * 100 + 0.5)) +
      "% byte hit ratio and, with the scenario, the configured cache.";
  for (const auto& [site, sizing_of_site] : f.Object("/cache_sizing").items()) {
    if (!sizing_of_site.is_object()) continue;  // target_hit_ratio
    const std::string at = "/cache_sizing/" + PointerToken(site) + "/curve";
    const nlohmann::json& curve = f.Array(at);
    ChartSeries s{site, {}};
    for (size_t i = 0; i < curve.size(); ++i) {
      const std::string point = at + "/" + std::to_string(i);
      const double bytes = f.Number(point + "/0");
      const double hit = f.Number(point + "/1");
      if (bytes > 0) s.points.push_back({bytes, 1 - hit});  // a log axis has no 0
    }
    c.series.push_back(std::move(s));
    if (const std::optional<double> chosen = ChosenCache(sizing, site); chosen && *chosen > 0) {
      c.markers.push_back({site + " chosen", *chosen});
    }
    if (scenario != nullptr) {
      for (const SiteSpec& spec : scenario->sites) {
        if (spec.id == site && spec.cache_bytes > 0) {
          c.markers.push_back({site + " configured", spec.cache_bytes});
        }
      }
    }
  }
  return c;
}

}  // namespace

Result<std::vector<Chart>> RunCharts(const JsonInput& result, const SizingTable* sizing,
                                     const Scenario* scenario) {
  JsonFields f(result.doc, result.path);
  const double stretch = f.Number("/run/data_plane_time_stretch");
  std::vector<Chart> charts;
  for (const char* op : {"read", "write"}) {
    Chart c = LatencyCdf(f, op, stretch);
    if (!c.series.empty()) charts.push_back(std::move(c));
  }
  if (f.Find("/cache_sizing") != nullptr) {
    Chart c = MissRatioCurves(f, sizing, scenario);
    if (!c.series.empty()) charts.push_back(std::move(c));
  }
  if (!f.ok()) return f.status();
  return charts;
}

}  // namespace estate::reports
