#include "reports/sizing/size_report.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "models/cost/cost_model.h"
#include "sim/output/seed_spread.h"

namespace estate::reports {
namespace {

using nlohmann::json;

constexpr double kSecondsPerMonth = 730.0 * 3600;  // the hours a month the price table uses

enum class Prefer {
  kLarger,     // capacity: the more demanding of the two estimates
  kSimulated,  // the simulation captures what the model leaves out
};

std::optional<double> Number(const json& doc, const std::string& path) {
  if (doc.is_null()) return std::nullopt;
  const json* v = sim::FigureAt(doc, path);
  if (v == nullptr) return std::nullopt;
  return v->get<double>();
}

// The spread of a simulated figure over seeds (stddev / mean), when several seeds ran.
std::optional<double> SeedError(const json& doc, const std::string& path) {
  if (doc.is_null() || !doc.contains("sampling") || !doc["sampling"].contains("seeds")) {
    return std::nullopt;
  }
  const json& seeds = doc["sampling"]["seeds"];
  if (!seeds.contains(path)) return std::nullopt;
  return seeds[path]["relative"].get<double>();
}

json OrNull(std::optional<double> v) {
  return v ? json(*v) : json(nullptr);
}

json Figure(std::optional<double> simulated, std::optional<double> analytical,
            const std::string& unit, Prefer prefer, std::optional<double> seed_error = {},
            const std::string& note = "") {
  json f;
  std::string source = "none";
  std::optional<double> value;
  if (simulated && analytical) {
    source = "both";
    value = prefer == Prefer::kLarger ? std::max(*simulated, *analytical) : *simulated;
  } else if (simulated) {
    source = "simulated";
    value = simulated;
  } else if (analytical) {
    source = "analytical";
    value = analytical;
  }
  f["value"] = OrNull(value);
  f["unit"] = unit;
  f["source"] = source;
  f["simulated"] = OrNull(simulated);
  f["analytical"] = OrNull(analytical);
  f["disagreement"] = simulated && analytical && *analytical != 0
                          ? json((*simulated - *analytical) / *analytical)
                          : json(nullptr);
  f["seed_spread"] = OrNull(seed_error);
  if (!note.empty()) f["note"] = note;
  return f;
}

std::optional<double> ValueOf(const json& figure) {
  return figure["value"].is_number() ? std::optional<double>(figure["value"].get<double>())
                                     : std::nullopt;
}

}  // namespace

Result<json> SizeReport(const SizingInputs& in) {
  const Scenario& s = *in.scenario;
  const AnalyticalSizing& a = *in.analytical;
  json report;
  report["scenario"] = s.name;
  report["target_hit_ratio"] = s.sizing.target_hit_ratio;
  report["wan_headroom"] = s.sizing.wan_headroom;
  report["sampling_rate"] = s.sampling_rate;
  if (!in.normal.is_null() && in.normal.contains("sampling")) {
    report["seeds"] = in.normal["sampling"].contains("seeds")
                          ? in.normal["sampling"]["seeds"]["seeds"]
                          : json::array({in.normal["sampling"]["seed"]});
  }

  // WAN: each link's peak, the circuits that carry it with headroom, N + 1.
  json wan = json::object();
  std::vector<std::pair<std::string, CircuitPlan>> circuits;
  for (const LinkLoad& l : a.links) {
    const std::string path = "links." + l.link + ".peak_bps";
    json link;
    link["peak_bps"] =
        Figure(Number(in.normal, path),
               a.has_workload_model ? std::optional<double>(l.peak_bps) : std::nullopt, "bit/s",
               Prefer::kLarger, SeedError(in.normal, path));
    const double peak = ValueOf(link["peak_bps"]).value_or(0);
    const double required = peak * (1 + s.sizing.wan_headroom);
    link["required_bps"] = required;
    link["bandwidth_bps"] = l.bandwidth_bps;
    link["fits"] = required <= l.bandwidth_bps;
    link["window_bound_bps_per_stream"] = l.window_bound_bps;
    link["streams"] = l.streams;
    link["streams_to_fill"] = l.streams_to_fill;
    link["mean_bps_analytical"] = l.mean_bps;
    Result<CircuitPlan> plan = PlanCircuits(required, *in.prices);
    if (!plan.ok()) return plan.status();
    link["circuits"] = {{"circuit_bps", plan->circuit_bps},
                        {"count", plan->count},
                        {"monthly", plan->monthly},
                        {"rule", "N+1"}};
    circuits.push_back({l.link, *plan});
    wan[l.link] = link;
  }
  report["wan"] = wan;
  json reach = json::object();
  for (const SiteReach& r : a.reach) {
    reach[r.site] = {{"max_flow_bps", r.max_flow_bps}, {"bottleneck_links", r.cut_links}};
  }
  report["reach_from_gcs"] = reach;
  report["wan_lower_bound_bps"] =
      a.has_workload_model ? json(a.wan_lower_bound_bps) : json(nullptr);

  // Cache and engine nodes per site.
  json sites = json::object();
  std::vector<std::pair<std::string, double>> stored;
  for (const SiteLoad& site : a.sites) {
    json j;
    const bool onprem = std::any_of(s.sites.begin(), s.sites.end(),
                                    [&](const SiteSpec& x) { return x.id == site.site && !x.gcp; });
    if (onprem) {
      const std::string path = "cache_sizing." + site.site + ".bytes_for_target";
      std::string note;
      const std::optional<double> max_hit =
          Number(in.normal, "cache_sizing." + site.site + ".max_hit_ratio");
      if (!in.normal.is_null() && !Number(in.normal, path) && max_hit) {
        note = "the simulated window's requests reach at most " + std::to_string(*max_hit) +
               " hit ratio (first accesses always miss); the analytical figure is the "
               "steady state";
      }
      j["cache_bytes"] = Figure(
          Number(in.normal, path),
          a.has_workload_model ? std::optional<double>(site.cache_bytes_for_target) : std::nullopt,
          "bytes", Prefer::kLarger, SeedError(in.normal, path), note);
      j["cache_hit_ratio_configured"] =
          Figure(Number(in.normal, "cache." + site.site + ".hit_ratio"),
                 a.has_workload_model ? std::optional<double>(site.cache_hit_ratio_configured)
                                      : std::nullopt,
                 "ratio", Prefer::kSimulated);
      stored.push_back({site.site, ValueOf(j["cache_bytes"]).value_or(0)});
    }
    j["engine_nodes"] =
        Figure(std::nullopt,
               a.has_workload_model ? std::optional<double>(site.nodes_needed) : std::nullopt,
               "nodes", Prefer::kLarger, std::nullopt,
               "peak operations per second / per-node throughput, plus one");
    j["peak_ops_per_second"] = site.peak_ops_per_second;
    sites[site.site] = j;
  }
  report["sites"] = sites;

  // Recovery point: how far behind a replica is when its source fails.
  double queue_p99 = 0;
  for (const LinkLoad& l : a.links)
    queue_p99 = std::max({queue_p99, l.forward.queue.p99_lag_s, l.reverse.queue.p99_lag_s});
  json rpo;
  rpo["normal_p99"] =
      Figure(Number(in.normal, "replication_lag.p99"),
             a.has_workload_model ? std::optional<double>(queue_p99) : std::nullopt, "s",
             Prefer::kSimulated, SeedError(in.normal, "replication_lag.p99"),
             "simulated: p99 time for a write to reach every replica (metadata); analytical: "
             "the busiest link direction's p99 data queueing lag");
  rpo["with_failures_p99"] = Figure(Number(in.with_failures, "rpo.p99"), std::nullopt, "s",
                                    Prefer::kSimulated, SeedError(in.with_failures, "rpo.p99"));
  rpo["data_normal_p99"] = Figure(Number(in.normal, "data_rpo.p99"), std::nullopt, "s",
                                  Prefer::kSimulated, SeedError(in.normal, "data_rpo.p99"),
                                  "stretched up to 1 / sampling rate in sampled runs");
  report["rpo"] = rpo;

  // Availability per consistency mode: the steady state of the failure chain, beside what the
  // scenario's own failures did in the simulation.
  json availability = json::object();
  for (const ModeAvailability& m : a.modes) {
    availability[m.mode] =
        Figure(Number(in.with_failures, "availability." + m.mode), m.availability, "ratio",
               Prefer::kSimulated, std::nullopt,
               "analytical: steady state from MTBF/MTTR; simulated: the scenario's failures");
    availability[m.mode]["downtime_minutes_per_year"] = m.downtime_minutes_per_year;
  }
  if (!a.availability_error.empty()) availability["error"] = a.availability_error;
  report["availability"] = availability;

  // Monthly cost.
  const double run_seconds =
      in.normal.is_null() ? 0 : Number(in.normal, "run.duration_s").value_or(0);
  std::optional<double> egress_sim;
  if (run_seconds > 0) {
    if (auto e = Number(in.normal, "egress_bytes"))
      egress_sim = *e / run_seconds * kSecondsPerMonth;
  }
  json egress = Figure(egress_sim,
                       a.has_workload_model
                           ? std::optional<double>(a.egress_bytes_per_second * kSecondsPerMonth)
                           : std::nullopt,
                       "bytes/month", Prefer::kLarger, SeedError(in.normal, "egress_bytes"));
  CostInputs cost_in;
  cost_in.gcs_egress_bytes_per_month = ValueOf(egress).value_or(0);
  cost_in.circuits = circuits;
  cost_in.onprem_bytes_per_site = stored;
  Result<CostEstimate> cost = MonthlyCost(cost_in, *in.prices);
  if (!cost.ok()) return cost.status();
  json lines = json::array();
  for (const CostLine& line : cost->lines) {
    lines.push_back({{"item", line.item},
                     {"quantity", line.quantity},
                     {"unit", line.unit},
                     {"unit_price", line.unit_price},
                     {"monthly", line.monthly},
                     {"price", line.price_name},
                     {"source", line.source},
                     {"as_of", line.as_of}});
  }
  report["cost"] = {
      {"currency", cost->currency},
      {"monthly_total", cost->monthly_total},
      {"egress", egress},
      {"lines", lines},
      {"assumptions", "Prices from " + in.prices_origin + " are assumptions: " + cost->note}};
  return report;
}

}  // namespace estate::reports
