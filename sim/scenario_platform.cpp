#include "sim/scenario_platform.h"

#include <map>

#include "models/topology/topology_graph.h"

namespace estate::sim {

Result<PlatformSpec> PlatformFromScenario(const Scenario& s, double scale) {
  PlatformSpec spec;
  std::map<std::string, int> index;
  for (const estate::SiteSpec& site : s.sites) {
    index[site.id] = static_cast<int>(spec.sites.size());
    SiteSpec host;
    host.name = site.id;
    // Bits per second in the scenario; the platform wants bytes per second.
    host.nic_bandwidth = site.nic_bps * site.nodes / 8 * scale;
    host.disk_read_bw = site.disk_read_bps * scale;
    host.disk_write_bw = site.disk_write_bps * scale;
    spec.sites.push_back(host);
  }
  std::vector<TopologyLink> graph_links;
  for (const estate::LinkSpec& link : s.links) {
    spec.links.push_back({link.id, link.from, link.to, link.bandwidth_bps / 8 * scale,
                          static_cast<double>(link.latency) / 1e9});
    graph_links.push_back({link.id, index.at(link.from), index.at(link.to),
                           static_cast<double>(link.latency) / 1e9, link.bandwidth_bps});
  }
  TopologyGraph graph(static_cast<int>(s.sites.size()), graph_links);
  for (size_t a = 0; a < s.sites.size(); ++a) {
    for (size_t b = a + 1; b < s.sites.size(); ++b) {
      Result<Route> route = graph.ShortestLatencyRoute(static_cast<int>(a), static_cast<int>(b));
      if (!route.ok()) {
        return Status::NotFound("no route between sites \"" + s.sites[a].id + "\" and \"" +
                                s.sites[b].id + "\"");
      }
      spec.routes.push_back({s.sites[a].id, s.sites[b].id, route->links});
    }
  }
  return spec;
}

NetworkConfig NetworkFromScenario(const Scenario& s, double scale) {
  NetworkConfig c;
  c.model = s.simulation.network_model;
  c.latency_factor = s.simulation.latency_factor;
  c.bandwidth_factor = s.simulation.bandwidth_factor;
  c.tcp_gamma = s.simulation.tcp_gamma_bytes * scale;
  return c;
}

}  // namespace estate::sim
