#include "models/topology/topology_graph.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

// GCP (0) to site-a (1) and site-b (2) at 10 ms / 100 Gb/s; a-b at 15 ms / 40 Gb/s.
TopologyGraph Default() {
  return TopologyGraph(3, {{"gcp-site-a", 0, 1, 0.010, 100e9},
                           {"gcp-site-b", 0, 2, 0.010, 100e9},
                           {"site-a-site-b", 1, 2, 0.015, 40e9}});
}

TEST(TopologyGraphTest, DirectLinksAreTheShortestRoutes) {
  TopologyGraph t = Default();
  EXPECT_TRUE(t.Connected());
  Result<Route> r = t.ShortestLatencyRoute(1, 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->links, std::vector<std::string>{"site-a-site-b"});
  EXPECT_DOUBLE_EQ(r->latency_s, 0.015);
}

TEST(TopologyGraphTest, ASlowDirectLinkIsRoutedAround) {
  // a-b at 25 ms: through GCP (10 + 10 ms) is faster.
  TopologyGraph t(3, {{"gcp-site-a", 0, 1, 0.010, 100e9},
                      {"gcp-site-b", 0, 2, 0.010, 100e9},
                      {"site-a-site-b", 1, 2, 0.025, 40e9}});
  Result<Route> r = t.ShortestLatencyRoute(1, 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->links, (std::vector<std::string>{"gcp-site-a", "gcp-site-b"}));
  EXPECT_NEAR(r->latency_s, 0.020, 1e-9);
}

TEST(TopologyGraphTest, DisconnectedSitesHaveNoRoute) {
  TopologyGraph t(3, {{"gcp-site-a", 0, 1, 0.010, 100e9}});
  EXPECT_FALSE(t.Connected());
  Result<Route> r = t.ShortestLatencyRoute(0, 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "no route from site 0 to site 2");
}

TEST(TopologyGraphTest, MaxFlowAndBottleneckLinks) {
  TopologyGraph t = Default();
  // GCP to site-a: 100 direct + 40 through site-b (bounded by the a-b link).
  MaxFlow f = t.MaxFlowBetween(0, 1);
  EXPECT_DOUBLE_EQ(f.bps, 140e9);
  EXPECT_EQ(f.cut_links, (std::vector<std::string>{"gcp-site-a", "site-a-site-b"}));
  // Parallel circuits add up.
  TopologyGraph two(2, {{"c1", 0, 1, 0.01, 10e9}, {"c2", 0, 1, 0.01, 10e9}});
  EXPECT_DOUBLE_EQ(two.MaxFlowBetween(0, 1).bps, 20e9);
}

}  // namespace
}  // namespace estate
