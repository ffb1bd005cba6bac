// RunScenarioSimulation: builds the platform and the engine nodes, starts the actors
// (bucket setup, one workload actor per site, failures, the metrics sampler) and runs the
// simulation to the scenario's duration.
#include "sim/run/scenario_simulation.h"

#include <algorithm>
#include <cstdio>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Link.hpp>

#include "sim/run/failure_injector.h"
#include "sim/run/simulation_state.h"
#include "sim/scenario_platform.h"
#include "sim/sim_engine.h"
#include "sim/sim_time.h"

namespace estate::sim {
namespace sg4 = simgrid::s4u;
namespace {

// A host outside the scenario, never failed, for the actors that must outlive any site:
// failure injection and metric sampling. It has no links; its actors never communicate.
constexpr const char* kControlHost = "estate-control";

// Creates every bucket of the mount table through the GCP node, retrying until the Raft
// group has a leader; then lets the workload start.
void RunSetup(SimulationState& state) {
  SimGridRuntime& rt = state.cluster().runtime(kGcpSite);
  for (const std::string& bucket : state.deployment().buckets) {
    while (true) {
      auto result = std::make_shared<std::optional<Status>>();
      rt.Post([&state, bucket, result] {
        EngineNode* n = state.node(kGcpSite);
        if (n == nullptr) return;
        n->CreateBucket(bucket, false, [result](Status s) { *result = s; });
      });
      for (int i = 0; i < 500 && !result->has_value(); ++i)
        sg4::this_actor::sleep_for(0.01);
      if (result->has_value() && ((*result)->ok() || (*result)->code() == StatusCode::kConflict))
        break;
      sg4::this_actor::sleep_for(0.1);
    }
  }
  state.record().ready_at = rt.Now();
  state.SetReady();
}

class Sampler {
 public:
  Sampler(SimulationState& state, std::function<void(TimeNs, TimeNs)> progress)
      : state_(state), progress_(std::move(progress)) {}

  void Run() {
    const DurationNs interval = state_.metrics().interval();
    const TimeNs end = state_.record().duration;
    for (TimeNs t = std::min(interval, end);; t = std::min(t + interval, end)) {
      sg4::this_actor::sleep_until(NsToSeconds(t));
      Sample(t);
      if (progress_) progress_(t, end);
      if (t >= end) break;
    }
    // The last non-daemon actor: when it ends, SimGrid kills the daemons. Outliving the end
    // by a microsecond lets the node actors stop cleanly first (SimOptions::stop_at).
    sg4::this_actor::sleep_until(NsToSeconds(end + kMicrosecond));
  }

 private:
  void Sample(TimeNs now) {
    state_.RetryPendingSeeds();
    std::vector<double> hit;
    DurationNs rpo = 0, data_rpo = 0;
    const size_t sites = state_.deployment().site_names.size();
    for (size_t s = 0; s < sites; ++s) {
      const SiteId site = static_cast<SiteId>(s);
      const SiteTotals& t = state_.record().sites[s];
      SiteCacheStats cache = t.cache;  // earlier lives, then the current one
      EngineNode* n = state_.node(site);
      if (n != nullptr && n->cache() != nullptr) cache += n->cache()->stats();
      hit.push_back(cache.hits + cache.misses == 0 ? -1.0 : cache.hit_ratio());
      if (n != nullptr && site != kGcpSite) {
        rpo = std::max(rpo, MetadataOnlyHere(*n, site));
        data_rpo = std::max(data_rpo, n->data().OldestPendingAge(kGcpSite));
      }
    }
    state_.metrics().RecordRpo(now, rpo, data_rpo);
    state_.metrics().CloseInterval(now, std::move(hit));
  }

  // The age of the oldest write acknowledged at `origin` whose metadata no other site has
  // applied yet (the most recent stretch of writes a loss of the site would take with it).
  DurationNs MetadataOnlyHere(const EngineNode& n, SiteId origin) const {
    DurationNs metadata = -1;
    for (SiteId f : state_.deployment().engine.sites) {
      if (f == origin) continue;
      const DurationNs lag = n.StreamLag(f);
      metadata = metadata < 0 ? lag : std::min(metadata, lag);
    }
    return std::max<DurationNs>(0, metadata);
  }

  SimulationState& state_;
  std::function<void(TimeNs, TimeNs)> progress_;
};

}  // namespace

Result<RunRecord> RunScenarioSimulation(const Scenario& s, const RunOptions& o) {
  const uint64_t seed = o.seed != 0 ? o.seed : s.seed;
  const double scale = s.sampling_rate;
  Result<Deployment> deployment = DeploymentFromScenario(s);
  if (!deployment.ok()) return deployment.status();
  Result<PlatformSpec> spec = PlatformFromScenario(s, scale);
  if (!spec.ok()) return spec.status();
  spec->sites.push_back({.name = kControlHost});

  std::unique_ptr<sg4::Engine> engine = MakeSimEngine();
  NetworkConfig net = NetworkFromScenario(s, scale);
  net.verbose = o.verbose;
  ApplyNetworkConfig(net);
  Result<Platform> platform = BuildPlatform(*spec);
  if (!platform.ok()) return platform.status();

  SimOptions so;
  so.seed = seed;
  so.data_streams = 4;
  so.daemon_actors = true;
  so.stop_at = s.duration;
  so.data_to_disk = true;
  if (o.verbose) {
    so.log = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  SimCluster cluster(so);
  const DurationNs interval =
      o.interval > 0 ? o.interval : std::max<DurationNs>(kSecond, s.duration / 1440);
  std::map<std::string, sg4::Host*> host_of;
  for (size_t i = 0; i < s.sites.size(); ++i)
    host_of[s.sites[i].id] = platform->hosts[i];
  const std::vector<std::string> site_names = deployment->site_names;
  SimulationState state(s, std::move(*deployment), cluster, *platform, interval);
  state.record().seed = seed;
  state.record().duration = s.duration;
  auto sources = MakeOpSources(s, state.deployment(), o.scenario_dir, seed);
  if (!sources.ok()) return sources.status();
  auto curves = WorkloadCacheCurves(s, state.deployment(), o.scenario_dir, seed);
  if (!curves.ok()) return curves.status();
  state.record().cache_curves = std::move(*curves);
  state.SetSources(std::move(*sources));

  for (size_t id = 0; id < site_names.size(); ++id) {
    const SiteId site = static_cast<SiteId>(id);
    SimGridRuntime& rt = cluster.AddNode(site, host_of.at(site_names[id]));
    rt.SetBootHandler([&state, site] { state.Boot(site); });
    rt.SetCrashHandler([&state, site] { state.Retire(site); });
  }
  cluster.Start();

  // Link directions: 2i carries link i's traffic from its `from` site to its `to`, 2i + 1
  // back. Each delivered transfer is counted on every link direction of its route.
  std::map<std::string, size_t> link_index;
  for (const estate::LinkSpec& l : s.links) {
    link_index[l.id] = state.record().links.size();
    state.record().links.push_back({l.id, l.from, l.to, 0, l.bandwidth_bps});
    state.record().links.push_back({l.id, l.to, l.from, 0, l.bandwidth_bps});
  }
  state.metrics().SetLinkCount(state.record().links.size());
  auto path = std::make_shared<std::map<std::pair<NodeId, NodeId>, std::vector<size_t>>>();
  for (const RouteSpec& route : spec->routes) {
    const NodeId a = state.deployment().IdOf(route.from), b = state.deployment().IdOf(route.to);
    std::vector<size_t> forward, backward;
    std::string at = route.from;
    for (const std::string& name : route.links) {
      const size_t i = link_index.at(name);
      const bool along = state.record().links[i].from == at;
      forward.push_back(along ? i : i + 1);
      backward.insert(backward.begin(), along ? i + 1 : i);
      at = along ? state.record().links[i].to : state.record().links[i].from;
    }
    (*path)[{a, b}] = forward;
    (*path)[{b, a}] = backward;
  }
  cluster.SetTransferObserver(
      [&state, path](NodeId from, NodeId to, uint64_t bytes, TimeNs start, TimeNs end) {
        auto it = path->find({from, to});
        if (it == path->end()) return;
        for (size_t d : it->second)
          state.metrics().RecordLinkBytes(d, static_cast<double>(bytes), start, end);
      });

  sg4::Actor::create("setup", cluster.runtime(kGcpSite).host(), [&state] {
    // Daemons declare themselves from inside: daemonize() on an actor that has already
    // ended (a site with nothing to do) miscounts SimGrid's live actors and ends the run.
    sg4::Actor::self()->daemonize();
    RunSetup(state);
  });
  sg4::Host* control = platform->hosts.back();
  SpawnFailureInjector(state, control);
  auto sampler = std::make_shared<Sampler>(state, o.progress);
  sg4::Actor::create("metrics", control, [sampler] { sampler->Run(); });

  engine->run();

  RunRecord& r = state.record();
  r.ops_incomplete = state.in_flight();
  state.ForgetOutstanding();
  for (size_t id = 0; id < site_names.size(); ++id)
    state.Retire(static_cast<SiteId>(id));
  r.full_scale = 1.0 / scale;
  for (size_t i = 0; i < r.links.size(); ++i)
    r.links[i].bytes = r.metrics.link_totals()[i] * r.full_scale;
  r.messages_delivered = cluster.messages_delivered();
  r.messages_dropped = cluster.messages_dropped();
  for (size_t id = 0; id < site_names.size(); ++id)
    r.transfers += cluster.runtime(static_cast<NodeId>(id)).transfers_started();
  return std::move(r);
}

}  // namespace estate::sim
