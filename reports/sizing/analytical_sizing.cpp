#include "reports/sizing/analytical_sizing.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/mount/policy.h"
#include "models/availability/availability_chain.h"
#include "models/bandwidth/wan_bounds.h"
#include "models/cache/che_approximation.h"
#include "models/topology/topology_graph.h"
#include "models/workload/size_distribution.h"
#include "sim/scenario_platform.h"

namespace estate::reports {
namespace {

double Seconds(DurationNs d) {
  return static_cast<double>(d) / 1e9;
}

// Where a site's data goes and comes from: routes as lists of (link index, forward?).
class RouteTable {
 public:
  RouteTable(const Scenario& s, const sim::PlatformSpec& platform) {
    for (size_t i = 0; i < s.links.size(); ++i)
      index_[s.links[i].id] = i;
    for (const sim::RouteSpec& r : platform.routes) {
      std::vector<std::pair<size_t, bool>> forward, backward;
      std::string at = r.from;
      for (const std::string& name : r.links) {
        const size_t i = index_.at(name);
        const bool along = s.links[i].from == at;
        forward.push_back({i, along});
        backward.insert(backward.begin(), {i, !along});
        at = along ? s.links[i].to : s.links[i].from;
      }
      routes_[{r.from, r.to}] = forward;
      routes_[{r.to, r.from}] = backward;
    }
  }

  const std::vector<std::pair<size_t, bool>>* Between(const std::string& a,
                                                      const std::string& b) const {
    auto it = routes_.find({a, b});
    return it == routes_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, size_t> index_;
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<size_t, bool>>> routes_;
};

std::string GcpSite(const Scenario& s) {
  for (const SiteSpec& site : s.sites) {
    if (site.gcp) return site.id;
  }
  return s.sites.empty() ? "" : s.sites.front().id;
}

// The engine's choice (EngineNode::PrimaryOf): an on-prem home, else the first on-prem
// replica in site order, else GCS.
std::string PrimaryOf(const Scenario& s, const MountSpec& m) {
  const std::string gcp = GcpSite(s);
  if (m.home != gcp) return m.home;
  for (const SiteSpec& site : s.sites) {
    if (site.id != gcp &&
        std::find(m.replicas.begin(), m.replicas.end(), site.id) != m.replicas.end()) {
      return site.id;
    }
  }
  return gcp;
}

std::set<std::string> MembersOf(const MountSpec& m) {
  std::set<std::string> members(m.replicas.begin(), m.replicas.end());
  members.insert(m.home);
  return members;
}

double PeakFactor(const WorkloadSpec& w) {
  double burst = 1;
  for (const WorkloadSpec::Burst& b : w.bursts)
    burst = std::max(burst, b.multiplier);
  return (1 + w.diurnal_amplitude) * burst;
}

int SiteIndex(const Scenario& s, const std::string& id) {
  for (size_t i = 0; i < s.sites.size(); ++i) {
    if (s.sites[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

AccessRule RuleFor(const Scenario& s, const MountSpec& m) {
  AccessRule rule;
  switch (m.mode) {
    case ConsistencyMode::kStrong:
      rule.kind = AccessRule::Kind::kMajority;
      break;
    case ConsistencyMode::kSyncSites: {
      rule.kind = AccessRule::Kind::kPrimaryAndMembers;
      const std::string gcp = GcpSite(s);
      for (const std::string& member : MembersOf(m)) {
        if (member != gcp) rule.members.push_back(SiteIndex(s, member));
      }
      break;
    }
    case ConsistencyMode::kBoundedStaleness:
      rule.kind = AccessRule::Kind::kPrimary;
      break;
    case ConsistencyMode::kSession:
    case ConsistencyMode::kEventual:
      rule.kind = AccessRule::Kind::kLocal;
      break;
  }
  rule.primary = SiteIndex(s, PrimaryOf(s, m));
  return rule;
}

void AddAvailability(const Scenario& s, AnalyticalSizing* out) {
  AvailabilityTopology topology;
  for (const SiteSpec& site : s.sites)
    topology.sites.push_back({site.id, Seconds(site.mtbf), Seconds(site.mttr)});
  for (const LinkSpec& l : s.links) {
    topology.links.push_back(
        {{l.id, Seconds(l.mtbf), Seconds(l.mttr)}, SiteIndex(s, l.from), SiteIndex(s, l.to)});
  }
  Result<AvailabilityChain> chain = AvailabilityChain::Solve(std::move(topology));
  if (!chain.ok()) {
    out->availability_error = chain.status().message();
    return;
  }
  double total_rate = 0;
  for (const auto& [site, rate] : s.workload.rate_per_site)
    total_rate += rate;
  std::map<std::string, std::pair<double, double>> by_mode;  // weighted availability, weight
  for (const MountSpec& m : s.mounts) {
    const AccessRule rule = RuleFor(s, m);
    for (const auto& [site, rate] : s.workload.rate_per_site) {
      // Without rates every site counts alike.
      const double weight = total_rate > 0 ? rate : 1.0;
      if (weight <= 0) continue;
      auto& [sum, weights] = by_mode[ConsistencyModeName(m.mode)];
      sum += weight * chain->Availability(rule, SiteIndex(s, site));
      weights += weight;
    }
  }
  for (const auto& [mode, acc] : by_mode) {
    const double a = acc.second > 0 ? acc.first / acc.second : 1.0;
    out->modes.push_back({mode, a, (1 - a) * 365.25 * 24 * 60});
  }
}

void AddReach(const Scenario& s, AnalyticalSizing* out) {
  std::vector<estate::TopologyLink> links;
  for (const LinkSpec& l : s.links) {
    links.push_back(
        {l.id, SiteIndex(s, l.from), SiteIndex(s, l.to), Seconds(l.latency), l.bandwidth_bps});
  }
  const TopologyGraph graph(static_cast<int>(s.sites.size()), links);
  const int gcp = SiteIndex(s, GcpSite(s));
  for (size_t i = 0; i < s.sites.size(); ++i) {
    if (s.sites[i].gcp) continue;
    const MaxFlow flow = graph.MaxFlowBetween(gcp, static_cast<int>(i));
    out->reach.push_back({s.sites[i].id, flow.bps, flow.cut_links});
  }
}

}  // namespace

Result<AnalyticalSizing> AnalyseScenario(const Scenario& s) {
  AnalyticalSizing out;
  Result<sim::PlatformSpec> platform = sim::PlatformFromScenario(s);
  if (!platform.ok()) return platform.status();
  const RouteTable routes(s, *platform);
  AddAvailability(s, &out);
  AddReach(s, &out);

  out.links.resize(s.links.size());
  for (size_t i = 0; i < s.links.size(); ++i) {
    const LinkSpec& l = s.links[i];
    LinkLoad& load = out.links[i];
    load.link = l.id;
    load.bandwidth_bps = l.bandwidth_bps;
    load.latency_s = Seconds(l.latency);
    load.streams = l.streams;
    load.window_bound_bps = TcpWindowBoundBps(s.simulation.tcp_gamma_bytes, load.latency_s);
    load.streams_to_fill =
        StreamsToFill(l.bandwidth_bps, s.simulation.tcp_gamma_bytes, load.latency_s);
    load.forward.from = load.reverse.to = l.from;
    load.forward.to = load.reverse.from = l.to;
  }
  std::map<std::string, double> applied_per_site;  // replicated writes applied, per second
  out.has_workload_model = s.workload.trace_path.empty() && !s.mounts.empty();
  SizeMoments moments;
  if (out.has_workload_model) {
    Result<SizeDistribution> sizes = SizeDistribution::Make(
        s.workload.size_kind, s.workload.size_bytes, s.workload.size_sigma, s.workload.size_cdf);
    if (!sizes.ok()) return sizes.status();
    moments = sizes->Moments();
    out.peak_factor = PeakFactor(s.workload);
    const std::string gcp = GcpSite(s);
    const ZipfCheModel che(s.workload.objects, s.workload.zipf_alpha);
    const double share = 1.0 / static_cast<double>(s.mounts.size());
    double copies = 0, writes = 0;
    auto carry = [&](const std::string& from, const std::string& to, double objects) -> Status {
      if (from == to || objects <= 0) return Status::Ok();
      const auto* route = routes.Between(from, to);
      if (route == nullptr) return Status::Invalid("no route from " + from + " to " + to);
      for (const auto& [link, forward] : *route) {
        LinkDirectionLoad& d = forward ? out.links[link].forward : out.links[link].reverse;
        d.objects_per_second += objects;
        d.bytes_per_second += objects * moments.mean;
      }
      return Status::Ok();
    };
    for (const SiteSpec& site : s.sites) {
      auto rate_it = s.workload.rate_per_site.find(site.id);
      const double rate = rate_it == s.workload.rate_per_site.end() ? 0 : rate_it->second;
      const double hit =
          site.gcp || moments.mean <= 0 ? 1.0 : che.HitRatio(site.cache_bytes / moments.mean);
      for (const MountSpec& m : s.mounts) {
        const double w = rate * s.workload.write * share;
        const double r = rate * s.workload.read * share;
        std::set<std::string> targets;
        if (m.placement == Placement::kReplicateOnWrite) {
          targets = MembersOf(m);
        } else {
          targets.insert(m.home);
        }
        targets.erase(site.id);
        for (const std::string& t : targets) {
          Status st = carry(site.id, t, w);
          if (!st.ok()) return st;
          applied_per_site[t] += w;
        }
        copies += w * static_cast<double>(targets.size());
        writes += w;
        // Misses at an on-prem site are fetched from the mount's home.
        if (!site.gcp && m.home != site.id) {
          const double misses = r * (1 - hit);
          Status st = carry(m.home, site.id, misses);
          if (!st.ok()) return st;
          if (m.home == gcp) out.egress_bytes_per_second += misses * moments.mean;
        }
      }
    }
    out.change_bytes_per_second = writes * moments.mean;
    out.remote_copies_per_write = writes > 0 ? copies / writes : 0;
    out.wan_lower_bound_bps =
        ReplicationLowerBoundBps(out.change_bytes_per_second, out.remote_copies_per_write);
    for (const SiteSpec& site : s.sites) {
      SiteLoad load;
      load.site = site.id;
      auto rate_it = s.workload.rate_per_site.find(site.id);
      const double rate = rate_it == s.workload.rate_per_site.end() ? 0 : rate_it->second;
      load.peak_ops_per_second = (rate + applied_per_site[site.id]) * out.peak_factor;
      load.nodes_needed =
          static_cast<int>(std::ceil(load.peak_ops_per_second / site.node_ops_per_second)) + 1;
      if (!site.gcp && moments.mean > 0) {
        load.cache_hit_ratio_configured = che.HitRatio(site.cache_bytes / moments.mean);
        load.cache_bytes_for_target =
            che.ObjectsForHitRatio(s.sizing.target_hit_ratio) * moments.mean;
      }
      out.sites.push_back(load);
    }
  }
  for (size_t i = 0; i < s.links.size(); ++i) {
    const LinkSpec& l = s.links[i];
    LinkLoad& load = out.links[i];
    for (LinkDirectionLoad* d : {&load.forward, &load.reverse}) {
      ReplicationQueueInput q;
      q.arrival_per_second = d->objects_per_second;
      q.mean_bytes = moments.mean;
      q.second_moment_bytes = moments.second;
      // The streams share the link fairly, so whenever one transfer is active the link as a
      // whole works at the rate its streams can reach: one FIFO server at that rate (M/G/1).
      // Modelling c streams as c servers at a c-th of the link each (M/G/c) doubled the
      // predicted p99 at light load, where a lone transfer has the whole link to itself.
      q.streams = 1;
      double rate = l.bandwidth_bps * s.simulation.bandwidth_factor;
      rate = std::min(rate, std::max(1, l.streams) * load.window_bound_bps);
      if (l.cap_bps > 0) rate = std::min(rate, l.cap_bps);
      q.stream_bytes_per_second = rate / 8;
      q.one_way_latency_s = load.latency_s;
      d->queue = EstimateReplicationQueue(q);
    }
    load.mean_bps = 8 * std::max(load.forward.bytes_per_second, load.reverse.bytes_per_second);
    load.peak_bps = load.mean_bps * out.peak_factor;
  }
  return out;
}

}  // namespace estate::reports
