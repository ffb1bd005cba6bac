#include "sim/scenario_platform.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_parser.h"
#include "tests/support/source_path.h"

namespace estate::sim {
namespace {

TEST(ScenarioPlatformTest, TheDefaultScenarioBecomesThreeHostsWithDirectRoutes) {
  ScenarioParse p = LoadScenario(testing::SourcePath("scenarios/retail-gcp-two-site.json"));
  ASSERT_TRUE(p.ok());
  Result<PlatformSpec> spec = PlatformFromScenario(p.scenario);
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  ASSERT_EQ(spec->sites.size(), 3u);
  EXPECT_EQ(spec->sites[1].name, "site-a");
  EXPECT_DOUBLE_EQ(spec->sites[1].nic_bandwidth, 12 * 25e9 / 8);  // 12 nodes × 25 Gb/s
  ASSERT_EQ(spec->links.size(), 3u);
  EXPECT_DOUBLE_EQ(spec->links[0].bandwidth, 100e9 / 8);
  EXPECT_DOUBLE_EQ(spec->links[0].latency, 0.010);
  ASSERT_EQ(spec->routes.size(), 3u);  // every pair once; the builder adds the reverse
  for (const RouteSpec& r : spec->routes)
    EXPECT_EQ(r.links.size(), 1u) << r.from << "-" << r.to;
  EXPECT_TRUE(ValidatePlatform(*spec).ok());
  NetworkConfig net = NetworkFromScenario(p.scenario);
  EXPECT_EQ(net.model, "LV08");
  EXPECT_DOUBLE_EQ(net.latency_factor, 1.0);
  EXPECT_DOUBLE_EQ(net.tcp_gamma, 16.0 * 1024 * 1024);
}

TEST(ScenarioPlatformTest, RoutesFollowTheLowestLatencyPath) {
  ScenarioParse p = LoadScenario(testing::SourcePath("scenarios/retail-gcp-two-site.json"));
  ASSERT_TRUE(p.ok());
  Scenario s = p.scenario;
  s.links[2].latency = 25 * kMillisecond;  // site-a to site-b slower than via GCP (20 ms)
  Result<PlatformSpec> spec = PlatformFromScenario(s);
  ASSERT_TRUE(spec.ok());
  const RouteSpec& ab = spec->routes[2];
  EXPECT_EQ(ab.from, "site-a");
  EXPECT_EQ(ab.to, "site-b");
  EXPECT_EQ(ab.links, (std::vector<std::string>{"gcp-site-a", "gcp-site-b"}));
}

}  // namespace
}  // namespace estate::sim
