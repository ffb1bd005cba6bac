// PlatformSpec validation (exact messages) and DirectRoutes. Building itself is exercised by
// the SimGrid network tests.
#include "sim/platform_builder.h"

#include <gtest/gtest.h>

namespace estate::sim {
namespace {

PlatformSpec Triangle() {
  PlatformSpec spec;
  spec.sites = {{.name = "a"}, {.name = "b"}, {.name = "c"}};
  spec.links = {{"ab", "a", "b", 1e9, 0.01}, {"bc", "b", "c", 1e9, 0.02}};
  return spec;
}

TEST(PlatformBuilder, DirectRoutesCoverLinkedPairsBothWays) {
  std::vector<RouteSpec> routes = DirectRoutes(Triangle());
  ASSERT_EQ(routes.size(), 4u);
  EXPECT_EQ(routes[0].from, "a");
  EXPECT_EQ(routes[0].to, "b");
  EXPECT_EQ(routes[1].from, "b");
  EXPECT_EQ(routes[1].to, "a");
  EXPECT_EQ(routes[3].links, std::vector<std::string>{"bc"});
}

TEST(PlatformBuilder, AcceptsMultiHopPath) {
  PlatformSpec spec = Triangle();
  spec.routes = {{"a", "c", {"ab", "bc"}}, {"c", "a", {"bc", "ab"}}};
  EXPECT_TRUE(ValidatePlatform(spec).ok());
}

TEST(PlatformBuilder, RejectsBadElementsWithExactMessages) {
  auto check = [](PlatformSpec spec, const std::string& message) {
    EXPECT_EQ(ValidatePlatform(spec), Status::Invalid(message));
  };
  PlatformSpec s = Triangle();
  s.sites.push_back({.name = "a"});
  check(s, "duplicate site a");
  s = Triangle();
  s.links.push_back({"ab", "a", "c", 1e9, 0});
  check(s, "duplicate link ab");
  s = Triangle();
  s.links.push_back({"ax", "a", "x", 1e9, 0});
  check(s, "link ax: unknown site x");
  s = Triangle();
  s.links[0].bandwidth = 0;
  check(s, "link ab: bandwidth must be > 0");
  s = Triangle();
  s.links[1].latency = -1;
  check(s, "link bc: latency must be >= 0");
  s = Triangle();
  s.routes = {{"a", "c", {"ab", "zz"}}};
  check(s, "route a->c: unknown link zz");
  s = Triangle();
  s.routes = {{"a", "c", {"bc"}}};
  check(s, "route a->c: link bc does not touch site a");
  s = Triangle();
  s.routes = {{"a", "c", {"ab"}}};
  check(s, "route a->c: path ends at site b");
  s = Triangle();
  s.routes = {{"a", "b", {"ab"}}, {"a", "b", {"ab"}}};
  check(s, "two routes a->b");
  s = Triangle();
  s.routes = {{"a", "a", {"ab"}}};
  check(s, "route from site a to itself");
}

}  // namespace
}  // namespace estate::sim
