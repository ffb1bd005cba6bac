#include "models/topology/topology_graph.h"

// GCC 12 reports maybe-uninitialized inside Boost's max-flow edge iterators (a known false
// positive with boost::optional) at the point of instantiation, so it is silenced for this
// file, whose only templates are Boost.Graph's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>

namespace estate {
namespace {

// Undirected graph for connectivity and routes; edge weight = latency plus a tiny per-hop
// term so that equal-latency routes prefer fewer hops.
using RouteGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
    boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, int>>>;
constexpr double kHopPenalty = 1e-12;

}  // namespace

TopologyGraph::TopologyGraph(int sites, std::vector<TopologyLink> links)
    : sites_(sites), links_(std::move(links)) {}

bool TopologyGraph::Connected() const {
  if (sites_ <= 1) return true;
  RouteGraph g(static_cast<size_t>(sites_));
  for (size_t i = 0; i < links_.size(); ++i) {
    boost::add_edge(links_[i].a, links_[i].b, {links_[i].latency_s, static_cast<int>(i)}, g);
  }
  std::vector<int> component(static_cast<size_t>(sites_));
  return boost::connected_components(g, component.data()) == 1;
}

Result<Route> TopologyGraph::ShortestLatencyRoute(int from, int to) const {
  RouteGraph g(static_cast<size_t>(sites_));
  for (size_t i = 0; i < links_.size(); ++i) {
    boost::add_edge(links_[i].a, links_[i].b,
                    {links_[i].latency_s + kHopPenalty, static_cast<int>(i)}, g);
  }
  std::vector<RouteGraph::vertex_descriptor> pred(static_cast<size_t>(sites_));
  std::vector<double> dist(static_cast<size_t>(sites_));
  boost::dijkstra_shortest_paths(g, static_cast<RouteGraph::vertex_descriptor>(from),
                                 boost::predecessor_map(pred.data()).distance_map(dist.data()));
  if (from != to && pred[static_cast<size_t>(to)] == static_cast<size_t>(to)) {
    return Status::NotFound("no route from site " + std::to_string(from) + " to site " +
                            std::to_string(to));
  }
  Route route;
  auto index = boost::get(boost::edge_index, g);
  for (auto v = static_cast<RouteGraph::vertex_descriptor>(to); v != static_cast<size_t>(from);
       v = pred[v]) {
    // The cheapest edge between v and its predecessor is the one Dijkstra relaxed.
    double best = std::numeric_limits<double>::infinity();
    int chosen = -1;
    auto [ei, ee] = boost::out_edges(v, g);
    for (; ei != ee; ++ei) {
      if (boost::target(*ei, g) != pred[v]) continue;
      const int i = index[*ei];
      if (links_[static_cast<size_t>(i)].latency_s < best) {
        best = links_[static_cast<size_t>(i)].latency_s;
        chosen = i;
      }
    }
    route.links.push_back(links_[static_cast<size_t>(chosen)].id);
    route.latency_s += best;
  }
  std::reverse(route.links.begin(), route.links.end());
  return route;
}

MaxFlow TopologyGraph::MaxFlowBetween(int from, int to) const {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using FlowGraph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS,
      boost::property<
          boost::vertex_color_t, boost::default_color_type,
          boost::property<boost::vertex_distance_t, long,
                          boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
      boost::property<
          boost::edge_capacity_t, double,
          boost::property<boost::edge_residual_capacity_t, double,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
  FlowGraph g(static_cast<size_t>(sites_));
  auto capacity = boost::get(boost::edge_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  // Each undirected link is two directed arcs, each the other's reverse, each with the
  // link's bandwidth: a full-duplex link.
  std::vector<std::pair<Traits::edge_descriptor, size_t>> arcs;
  for (size_t i = 0; i < links_.size(); ++i) {
    auto e1 = boost::add_edge(links_[i].a, links_[i].b, g).first;
    auto e2 = boost::add_edge(links_[i].b, links_[i].a, g).first;
    capacity[e1] = capacity[e2] = links_[i].bandwidth_bps;
    reverse[e1] = e2;
    reverse[e2] = e1;
    arcs.emplace_back(e1, i);
    arcs.emplace_back(e2, i);
  }
  MaxFlow result;
  if (from == to) return result;
  result.bps =
      boost::boykov_kolmogorov_max_flow(g, static_cast<size_t>(from), static_cast<size_t>(to));
  // After the flow, the source side is what the search still colours as the source's: a
  // link crossing from that side to the other is in the minimum cut.
  auto color = boost::get(boost::vertex_color, g);
  const auto source_color = color[static_cast<size_t>(from)];
  std::vector<bool> in_cut(links_.size(), false);
  for (const auto& [e, i] : arcs) {
    if (color[boost::source(e, g)] == source_color && color[boost::target(e, g)] != source_color) {
      in_cut[i] = true;
    }
  }
  for (size_t i = 0; i < links_.size(); ++i) {
    if (in_cut[i]) result.cut_links.push_back(links_[i].id);
  }
  return result;
}

}  // namespace estate
