// TopologyGraph: sites and links as an undirected Boost.Graph, for the questions the
// simulator and the sizing models ask of a topology: is it connected, which links does the
// lowest-latency route between two sites take (the simulator's routes), and how much can
// flow from one site to another and which links bound it (max-flow / min-cut).
#pragma once

#include <string>
#include <vector>

#include "engine/result.h"

namespace estate {

struct TopologyLink {
  std::string id;
  int a = 0;  // site indexes
  int b = 0;
  double latency_s = 0;
  double bandwidth_bps = 0;
};

struct Route {
  std::vector<std::string> links;  // in order from source to destination
  double latency_s = 0;
};

struct MaxFlow {
  double bps = 0;
  std::vector<std::string> cut_links;  // a minimum cut: the bottleneck links
};

class TopologyGraph {
 public:
  // REQUIRES: every link's a and b are in [0, sites).
  TopologyGraph(int sites, std::vector<TopologyLink> links);

  int sites() const { return sites_; }
  // Whether every site can reach every other.
  bool Connected() const;
  // The lowest-latency route from `from` to `to` (ties broken by fewer links, then by link
  // order). NotFound when unreachable.
  Result<Route> ShortestLatencyRoute(int from, int to) const;
  // Maximum flow from `from` to `to`, each link carrying its bandwidth in each direction.
  MaxFlow MaxFlowBetween(int from, int to) const;

 private:
  int sites_;
  std::vector<TopologyLink> links_;
};

}  // namespace estate
