#include <cmath>

#include "engine/mount/policy.h"
#include "reports/compare/figure_text.h"
#include "reports/report/report_sections.h"
#include "reports/report/report_text.h"

namespace estate::reports {
namespace {

double Seconds(DurationNs ns) {
  return static_cast<double>(ns) / 1e9;
}

std::string JoinWords(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const std::string& w : words)
    out += (out.empty() ? "" : separator) + w;
  return out;
}

std::string SiteLine(const SiteSpec& s) {
  std::string line = std::string(s.gcp ? "GCP" : "on-prem") + ", " + std::to_string(s.nodes) +
                     " nodes with " + Bandwidth(s.nic_bps) + " NICs, " +
                     Number(s.node_ops_per_second) + " ops/s per node";
  if (!s.gcp) {
    line += ", cache " + DecimalBytes(s.cache_bytes) + " (" + EvictionPolicyName(s.eviction) +
            "), disk " + DecimalBytes(s.capacity_bytes);
  }
  if (s.mtbf > 0) {
    line += ", MTBF " + Duration(Seconds(s.mtbf)) + ", MTTR " + Duration(Seconds(s.mttr));
  }
  return line;
}

std::string LinkLine(const LinkSpec& l) {
  std::string line = l.from + " - " + l.to + ", " + Bandwidth(l.bandwidth_bps) + ", " +
                     Latency(Seconds(l.latency)) + " one way, " + std::to_string(l.streams) +
                     " replication streams";
  if (l.cap_bps > 0) line += ", replication capped at " + Bandwidth(l.cap_bps);
  return line;
}

std::string MountLine(const MountSpec& m) {
  std::string line = "home " + m.home;
  if (!m.replicas.empty()) line += ", replicas " + JoinWords(m.replicas, ", ");
  line += ", " + std::string(ConsistencyModeName(m.mode)) + ", " + PlacementName(m.placement);
  if (m.priority != 0) line += ", priority " + std::to_string(m.priority);
  return line;
}

std::string SizeLine(const WorkloadSpec& w) {
  if (w.size_kind == "lognormal") {
    return "lognormal, median " + BinaryBytes(w.size_bytes) + ", sigma " + Number(w.size_sigma);
  }
  if (w.size_kind == "empirical") {
    return "empirical, " + std::to_string(w.size_cdf.size()) + " points";
  }
  return "fixed, " + BinaryBytes(w.size_bytes);
}

std::string FailureLine(const FailureSpec& f) {
  std::string line = f.kind;
  if (!f.target.empty()) line += " " + f.target;
  if (f.kind == "link-degrade") line += " to " + Bandwidth(f.bandwidth_bps);
  if (f.kind == "partition") {
    std::vector<std::string> groups;
    for (const std::vector<std::string>& g : f.groups)
      groups.push_back("{" + JoinWords(g, ", ") + "}");
    line += " " + JoinWords(groups, " | ");
  }
  if (f.duration > 0) line += " for " + Duration(Seconds(f.duration));
  return line;
}

}  // namespace

std::vector<Assumption> ScenarioAssumptions(const Scenario& s, double simulated_s) {
  std::vector<Assumption> out;
  std::string duration = Duration(Seconds(s.duration));
  if (simulated_s > 0 && std::abs(simulated_s - Seconds(s.duration)) > 1e-9) {
    duration += " (simulated: the first " + Duration(simulated_s) + ")";
  }
  out.push_back({"duration", duration});
  out.push_back({"seed", std::to_string(s.seed)});
  out.push_back({"sampling rate", Number(s.sampling_rate)});
  for (const SiteSpec& site : s.sites)
    out.push_back({"site " + site.id, SiteLine(site)});
  for (const LinkSpec& link : s.links)
    out.push_back({"link " + link.id, LinkLine(link)});
  for (const MountSpec& mount : s.mounts)
    out.push_back({"mount " + mount.path, MountLine(mount)});

  const WorkloadSpec& w = s.workload;
  if (!w.trace_path.empty()) {
    out.push_back({"workload", "trace replay (" + w.trace_format + "): " + w.trace_path});
  } else {
    out.push_back({"objects", Count(static_cast<uint64_t>(w.objects))});
    out.push_back({"object size", SizeLine(w)});
    out.push_back({"popularity", "Zipf, alpha " + Number(w.zipf_alpha)});
    out.push_back({"operation mix", "read " + Percent(w.read, 0) + ", write " +
                                        Percent(w.write, 0) + ", list " + Percent(w.list, 0) +
                                        ", delete " + Percent(w.del, 0)});
    std::vector<std::string> rates;
    for (const auto& [site, rate] : w.rate_per_site)
      rates.push_back(site + " " + Number(rate) + " ops/s");
    out.push_back({"request rate", JoinWords(rates, ", ")});
    if (w.diurnal_amplitude > 0) {
      out.push_back({"diurnal cycle", "amplitude " + Percent(w.diurnal_amplitude, 0) +
                                          ", peak at hour " + Number(w.diurnal_peak_hour)});
    }
    for (const WorkloadSpec::Burst& b : w.bursts) {
      out.push_back({"burst", "x" + Number(b.multiplier) + " for " + Duration(Seconds(b.duration)) +
                                  " from " + Duration(Seconds(b.at))});
    }
  }
  for (const FailureSpec& f : s.failures)
    out.push_back({"failure at " + Duration(Seconds(f.at)), FailureLine(f)});
  out.push_back({"network model", s.simulation.network_model + ", latency factor " +
                                      Number(s.simulation.latency_factor) + ", bandwidth factor " +
                                      Number(s.simulation.bandwidth_factor) + ", TCP window " +
                                      BinaryBytes(s.simulation.tcp_gamma_bytes)});
  out.push_back({"sizing targets", "byte hit ratio " + Percent(s.sizing.target_hit_ratio, 0) +
                                       ", WAN headroom " + Percent(s.sizing.wan_headroom, 0)});
  out.push_back({"price table", s.prices});
  return out;
}

}  // namespace estate::reports
