#include <cstdio>
#include <sstream>

#include "reports/sizing/size_report.h"

namespace estate::reports {
namespace {

using nlohmann::json;

std::string Format(double v, const char* fmt) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

// A figure's value in the unit people read it in.
std::string Show(const json& v, const std::string& unit) {
  if (!v.is_number()) return "n/a";
  const double x = v.get<double>();
  if (unit == "bit/s") return Format(x / 1e9, "%.2f Gb/s");
  if (unit == "bytes") return Format(x / 1e12, "%.1f TB");
  if (unit == "bytes/month") return Format(x / 1e12, "%.1f TB/month");
  if (unit == "s") return Format(x, "%.3f s");
  if (unit == "ratio") return Format(x * 100, "%.3f%%");
  return Format(x, "%.0f");
}

std::string Percent(const json& v) {
  return v.is_number() ? Format(v.get<double>() * 100, "%+.1f%%") : "n/a";
}

void FigureRow(std::ostringstream& o, const std::string& name, const json& f) {
  const std::string unit = f["unit"];
  o << "| " << name << " | " << Show(f["value"], unit) << " | " << f["source"].get<std::string>()
    << " | " << Show(f["simulated"], unit) << " | " << Show(f["analytical"], unit) << " | "
    << Percent(f["disagreement"]) << " | "
    << (f["seed_spread"].is_number() ? Format(f["seed_spread"].get<double>() * 100, "%.1f%%")
                                     : "n/a")
    << " |";
  if (f.contains("note")) o << " " << f["note"].get<std::string>();
  o << "\n";
}

constexpr const char* kFigureHeader =
    "| figure | value | source | simulated | analytical | disagreement | seed spread | note |\n"
    "|---|---|---|---|---|---|---|---|\n";

}  // namespace

std::string SizeReportMarkdown(const json& r) {
  std::ostringstream o;
  o << "# Sizing: " << r["scenario"].get<std::string>() << "\n\n";
  o << "Sampling rate " << r["sampling_rate"].get<double>() << "; target byte hit ratio "
    << r["target_hit_ratio"].get<double>() * 100 << "%; WAN headroom "
    << r["wan_headroom"].get<double>() * 100 << "%.";
  if (r.contains("seeds")) o << " Seeds: " << r["seeds"].dump() << ".";
  o << " Disagreement is (simulated - analytical) / analytical; seed spread is the standard "
       "deviation over seeds relative to the mean.\n\n";

  o << "## WAN\n\n" << kFigureHeader;
  for (const auto& [id, link] : r["wan"].items())
    FigureRow(o, id + " peak", link["peak_bps"]);
  o << "\n| link | required (with headroom) | nominal | fits | circuits (N+1) | streams "
       "configured / to fill |\n|---|---|---|---|---|---|\n";
  for (const auto& [id, link] : r["wan"].items()) {
    o << "| " << id << " | " << Show(link["required_bps"], "bit/s") << " | "
      << Show(link["bandwidth_bps"], "bit/s") << " | " << (link["fits"].get<bool>() ? "yes" : "NO")
      << " | " << link["circuits"]["count"].get<int>() << " x "
      << Show(link["circuits"]["circuit_bps"], "bit/s") << " | " << link["streams"].get<int>()
      << " / " << link["streams_to_fill"].get<int>() << " |\n";
  }
  o << "\n| site | max flow from GCS | bottleneck links (minimum cut) |\n|---|---|---|\n";
  for (const auto& [site, reach] : r["reach_from_gcs"].items()) {
    std::string cut;
    for (const json& l : reach["bottleneck_links"])
      cut += (cut.empty() ? "" : ", ") + l.get<std::string>();
    o << "| " << site << " | " << Show(reach["max_flow_bps"], "bit/s") << " | " << cut << " |\n";
  }
  if (r["wan_lower_bound_bps"].is_number()) {
    o << "\nNo replication protocol can use less than " << Show(r["wan_lower_bound_bps"], "bit/s")
      << " of WAN on average (change rate times remote copies).\n";
  }

  o << "\n## Sites\n\n" << kFigureHeader;
  for (const auto& [id, site] : r["sites"].items()) {
    if (site.contains("cache_bytes")) {
      FigureRow(o, id + " cache", site["cache_bytes"]);
      FigureRow(o, id + " hit ratio at configured cache", site["cache_hit_ratio_configured"]);
    }
    FigureRow(o, id + " engine nodes", site["engine_nodes"]);
  }

  o << "\n## Recovery point\n\n" << kFigureHeader;
  FigureRow(o, "RPO p99, normal operation", r["rpo"]["normal_p99"]);
  FigureRow(o, "RPO p99, with the scenario's failures", r["rpo"]["with_failures_p99"]);
  FigureRow(o, "data RPO p99, normal operation", r["rpo"]["data_normal_p99"]);

  o << "\n## Availability by consistency mode\n\n" << kFigureHeader;
  for (const auto& [mode, f] : r["availability"].items()) {
    if (f.is_object()) FigureRow(o, mode, f);
  }

  const json& cost = r["cost"];
  o << "\n## Monthly cost (" << cost["currency"].get<std::string>() << ")\n\n" << kFigureHeader;
  FigureRow(o, "GCS egress", cost["egress"]);
  o << "\n| item | quantity | unit | unit price | monthly | price source (as of) |\n"
       "|---|---|---|---|---|---|\n";
  for (const json& line : cost["lines"]) {
    o << "| " << line["item"].get<std::string>() << " | "
      << Format(line["quantity"].get<double>(), "%.1f") << " | " << line["unit"].get<std::string>()
      << " | " << Format(line["unit_price"].get<double>(), "%.4f") << " | "
      << Format(line["monthly"].get<double>(), "%.0f") << " | " << line["source"].get<std::string>()
      << " (" << line["as_of"].get<std::string>() << ") |\n";
  }
  o << "| **total** | | | | **" << Format(cost["monthly_total"].get<double>(), "%.0f")
    << "** | |\n\n";
  o << "**Assumptions.** " << cost["assumptions"].get<std::string>() << "\n";
  return o.str();
}

}  // namespace estate::reports
