#include <algorithm>
#include <cmath>
#include <map>

#include "sim/output/run_result.h"
#include "sim/output/t_visibility_json.h"

namespace estate::sim {
namespace {

using nlohmann::json;

double Seconds(int64_t ns) {
  return static_cast<double>(ns) / 1e9;
}

json Stats(const LatencyHistogram& h) {
  return {{"count", h.count()},
          {"min", Seconds(h.min())},
          {"mean", h.mean() / 1e9},
          {"p50", Seconds(h.Percentile(50))},
          {"p90", Seconds(h.Percentile(90))},
          {"p99", Seconds(h.Percentile(99))},
          {"p99_9", Seconds(h.Percentile(99.9))},
          {"max", Seconds(h.max())}};
}

struct Counts {
  uint64_t ok = 0, not_found = 0, unavailable = 0, errors = 0, stale = 0, hits = 0;
  void Add(const OpStats& s) {
    ok += s.ok;
    not_found += s.not_found;
    unavailable += s.unavailable;
    errors += s.errors;
    stale += s.stale;
    hits += s.cache_hits;
  }
  uint64_t total() const { return ok + not_found + unavailable + errors; }
  // Answered by the system as GCS would: success or a genuine "no such object".
  double availability() const {
    return total() == 0 ? 1.0 : static_cast<double>(ok + not_found) / static_cast<double>(total());
  }
};

json CountsJson(const Counts& c) {
  return {{"total", c.total()},           {"ok", c.ok},         {"not_found", c.not_found},
          {"unavailable", c.unavailable}, {"errors", c.errors}, {"stale_reads", c.stale}};
}

// "read_latency": overall figures, then one child per mode and one per site.
json LatencyByOp(const RunRecord& r, OpKind op) {
  LatencyHistogram all;
  std::map<std::string, LatencyHistogram> by_mode;
  std::map<std::string, std::map<std::string, LatencyHistogram>> by_site;
  for (const auto& [key, stats] : r.metrics.ops()) {
    const auto& [kind, site, mode] = key;
    if (kind != op) continue;
    all.Merge(stats.latency);
    by_mode[ConsistencyModeName(mode)].Merge(stats.latency);
    by_site[r.site_names[site]][ConsistencyModeName(mode)].Merge(stats.latency);
  }
  json j = Stats(all);
  for (const auto& [mode, h] : by_mode)
    j[mode] = Stats(h);
  json sites = json::object();
  for (const auto& [site, modes] : by_site) {
    LatencyHistogram site_all;
    json sj = json::object();
    for (const auto& [mode, h] : modes) {
      sj[mode] = Stats(h);
      site_all.Merge(h);
    }
    sj["all"] = Stats(site_all);
    sites[site] = sj;
  }
  j["by_site"] = sites;
  return j;
}

json LinksJson(const RunRecord& r, double* wan_peak_bps, double* wan_bytes) {
  json links = json::object();
  const double interval_s = Seconds(r.metrics.interval());
  for (size_t i = 0; i + 1 < r.links.size(); i += 2) {
    const LinkDirection& fwd = r.links[i];
    const LinkDirection& rev = r.links[i + 1];
    double peak = 0, busiest_total = 0;
    for (const IntervalRow& row : r.metrics.rows()) {
      if (row.link_bytes.size() <= i + 1) continue;
      // Simulated bytes are the sampled share: full scale is 1 / sampling rate times more.
      const double scale = r.full_scale * 8 / interval_s;
      peak = std::max({peak, row.link_bytes[i] * scale, row.link_bytes[i + 1] * scale});
    }
    busiest_total = std::max(fwd.bytes, rev.bytes);
    const double duration_s = Seconds(r.duration);
    json l = {{"from", fwd.from},
              {"to", fwd.to},
              {"bandwidth_bps", fwd.bandwidth_bps},
              {"bytes_forward", std::round(fwd.bytes)},
              {"bytes_reverse", std::round(rev.bytes)},
              {"peak_bps", peak},
              {"mean_bps", duration_s > 0 ? busiest_total * 8 / duration_s : 0.0},
              {"peak_utilisation", fwd.bandwidth_bps > 0 ? peak / fwd.bandwidth_bps : 0.0}};
    links[fwd.link] = l;
    *wan_peak_bps = std::max(*wan_peak_bps, peak);
    *wan_bytes += fwd.bytes + rev.bytes;
  }
  return links;
}

// The interval that holds the p-th percentile with 95% confidence: the order statistics at
// ranks n p +- 1.96 sqrt(n p (1 - p)), which needs no assumption about the distribution.
json PercentileInterval(const LatencyHistogram& h, double p) {
  const double n = static_cast<double>(h.count());
  if (n == 0) return {{"low", 0.0}, {"high", 0.0}};
  const double q = p / 100;
  const double spread = 1.96 * std::sqrt(q * (1 - q) / n);
  return {{"low", Seconds(h.Percentile(std::max(0.0, q - spread) * 100))},
          {"high", Seconds(h.Percentile(std::min(1.0, q + spread) * 100))}};
}

json CacheSizing(const Scenario& s, const RunRecord& r) {
  json sizing = {{"target_hit_ratio", s.sizing.target_hit_ratio}};
  for (const SiteCacheCurve& c : r.cache_curves) {
    json curve = json::array();
    for (const CachePoint& p : c.curve)
      curve.push_back({std::round(p.bytes), p.hit_ratio});
    sizing[c.site] = {
        {"bytes_for_target",
         c.bytes_for_target < 0 ? json(nullptr) : json(std::round(c.bytes_for_target))},
        {"max_hit_ratio", c.max_hit_ratio},
        {"accesses_sampled", c.accesses},
        {"objects_sampled", c.distinct_keys},
        {"bytes_accessed", std::round(c.bytes_accessed)},
        {"curve", curve}};
  }
  return sizing;
}

json Sampling(const Scenario& s, const RunRecord& r) {
  json j = {{"rate", s.sampling_rate}, {"seed", r.seed}};
  if (s.workload.trace_path.empty()) {
    j["objects"] = s.workload.objects;
    j["objects_in_sample"] = std::max(1.0, std::round(s.workload.objects * s.sampling_rate));
  }
  // Within one run: how far the sampled figures could move with another draw of the same
  // workload. Percentiles get distribution-free 95% intervals; `estate run --error-seeds`
  // and `estate size` add the spread over several seeds (docs/SCALING.md).
  j["error"] = {{"method", "95% order-statistic intervals"},
                {"replication_lag_p99", PercentileInterval(r.metrics.replication_lag(), 99)},
                {"data_replication_lag_p99", PercentileInterval(r.metrics.data_lag(), 99)},
                {"rpo_p99", PercentileInterval(r.metrics.rpo(), 99)}};
  return j;
}

}  // namespace

json ResultJson(const Scenario& s, const RunRecord& r) {
  const double full_scale = r.full_scale;
  json j;
  j["run"] = {{"scenario", s.name},
              {"seed", r.seed},
              {"duration_s", Seconds(r.duration)},
              {"sampling_rate", s.sampling_rate},
              {"data_plane_time_stretch", full_scale},
              {"workload_started_at_s", Seconds(r.ready_at)},
              {"interval_s", Seconds(r.metrics.interval())},
              {"simulated_ops_planned", r.ops_planned},
              {"simulated_ops_incomplete", r.ops_incomplete},
              {"objects_seeded", r.objects_seeded},
              {"messages_delivered", r.messages_delivered},
              {"messages_dropped", r.messages_dropped},
              {"simgrid_transfers", r.transfers}};

  Counts all;
  std::map<std::string, Counts> by_mode, by_op, by_site;
  for (const auto& [key, stats] : r.metrics.ops()) {
    const auto& [kind, site, mode] = key;
    all.Add(stats);
    by_mode[ConsistencyModeName(mode)].Add(stats);
    by_op[OpKindName(kind)].Add(stats);
    by_site[r.site_names[site]].Add(stats);
  }
  json ops = CountsJson(all);
  for (const auto& [op, c] : by_op)
    ops[op] = CountsJson(c);
  ops["stale_read_rate"] =
      by_op["read"].total() == 0
          ? 0.0
          : static_cast<double>(all.stale) / static_cast<double>(by_op["read"].total());
  j["operations"] = ops;

  j["read_latency"] = LatencyByOp(r, OpKind::kRead);
  j["write_latency"] = LatencyByOp(r, OpKind::kWrite);
  j["list_latency"] = LatencyByOp(r, OpKind::kList);
  j["delete_latency"] = LatencyByOp(r, OpKind::kDelete);

  json availability = {{"all", all.availability()}};
  json unavailable = {{"all", all.unavailable}};
  for (const auto& [mode, c] : by_mode) {
    availability[mode] = c.availability();
    unavailable[mode] = c.unavailable;
  }
  json site_avail = json::object();
  for (const auto& [site, c] : by_site)
    site_avail[site] = c.availability();
  availability["by_site"] = site_avail;
  j["availability"] = availability;
  j["unavailable_ops"] = unavailable;

  json lag = Stats(r.metrics.replication_lag());
  json lag_sites = json::object();
  for (const auto& [site, h] : r.metrics.replication_lag_by_site())
    lag_sites[r.site_names[site]] = Stats(h);
  lag["by_site"] = lag_sites;
  j["replication_lag"] = lag;
  j["t_visibility"] = TVisibilityJson(s, r);
  j["data_replication_lag"] = Stats(r.metrics.data_lag());
  j["rpo"] = Stats(r.metrics.rpo());
  j["data_rpo"] = Stats(r.metrics.data_rpo());

  double wan_peak = 0, wan_bytes = 0;
  j["links"] = LinksJson(r, &wan_peak, &wan_bytes);
  j["wan_peak_bps"] = wan_peak;
  j["wan_bytes"] = std::round(wan_bytes);
  j["egress_bytes"] = std::round(
      static_cast<double>(r.sites.empty() ? 0 : r.sites[kGcpSite].bytes_sent_onprem) * full_scale);

  json cache = json::object();
  uint64_t hits = 0, misses = 0;
  uint64_t conflicts = 0;
  for (size_t site = 0; site < r.sites.size(); ++site) {
    const SiteTotals& t = r.sites[site];
    conflicts += t.conflicts;
    if (site == kGcpSite) continue;
    hits += t.cache.hits;
    misses += t.cache.misses;
    cache[r.site_names[site]] = {
        {"hit_ratio", t.cache.hit_ratio()},
        {"hits", t.cache.hits},
        {"misses", t.cache.misses},
        {"evictions", t.cache.evictions},
        {"rejections", t.cache.rejections},
        {"used_bytes", std::round(static_cast<double>(t.cache_used_bytes) * full_scale)}};
  }
  j["cache"] = cache;
  j["cache_sizing"] = CacheSizing(s, r);
  j["sampling"] = Sampling(s, r);
  j["hit_ratio"] =
      hits + misses == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(hits + misses);
  j["conflicts"] = conflicts;
  // Stale reads as a share of reads, overall and per mode: what a mode's guarantee costs.
  json stale = {{"count", all.stale}};
  auto rate = [](const Counts& reads) {
    return reads.total() == 0
               ? 0.0
               : static_cast<double>(reads.stale) / static_cast<double>(reads.total());
  };
  Counts reads_all;
  std::map<std::string, Counts> reads_by_mode;
  for (const auto& [key, stats] : r.metrics.ops()) {
    const auto& [kind, site, mode] = key;
    if (kind != OpKind::kRead) continue;
    reads_all.Add(stats);
    reads_by_mode[ConsistencyModeName(mode)].Add(stats);
  }
  stale["rate"] = rate(reads_all);
  for (const auto& [mode, c] : reads_by_mode)
    stale[mode] = rate(c);
  j["stale_reads"] = stale;

  json failures = json::array();
  for (const FailureEvent& f : r.failures) {
    failures.push_back(
        {{"at_s", Seconds(f.at)}, {"kind", f.kind}, {"target", f.target}, {"detail", f.detail}});
  }
  j["failures"] = failures;

  json engine = json::object();
  for (size_t site = 0; site < r.sites.size(); ++site) {
    const EngineStats& e = r.sites[site].engine;
    engine[r.site_names[site]] = {{"writes_ok", e.writes_ok},
                                  {"writes_failed", e.writes_failed},
                                  {"reads_local", e.reads_local},
                                  {"reads_forwarded", e.reads_forwarded},
                                  {"reads_waited", e.reads_waited},
                                  {"throttled_writes", e.throttled_writes},
                                  {"unavailable", e.unavailable},
                                  {"lives", r.sites[site].lives},
                                  {"start_failures", r.sites[site].start_failures}};
  }
  j["engine"] = engine;
  return j;
}

}  // namespace estate::sim
