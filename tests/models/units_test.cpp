#include "models/units.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

TEST(UnitsTest, Bandwidth) {
  EXPECT_EQ(ParseBandwidthBps("100Gbps"), 100e9);
  EXPECT_EQ(ParseBandwidthBps("2.5 Mbps"), 2.5e6);
  EXPECT_EQ(ParseBandwidthBps("100GBps"), std::nullopt);  // bytes per second is not accepted
  EXPECT_EQ(ParseBandwidthBps("fast"), std::nullopt);
  EXPECT_EQ(ParseBandwidthBps("-1Gbps"), std::nullopt);
}

TEST(UnitsTest, Durations) {
  EXPECT_EQ(ParseDurationNs("15ms"), 15e6);
  EXPECT_EQ(ParseDurationNs("1h"), 3600e9);
  EXPECT_EQ(ParseDurationNs("15min"), 900e9);
  EXPECT_EQ(ParseDurationNs("1e3us"), 1e6);
  EXPECT_EQ(ParseDurationNs("15"), std::nullopt);
}

TEST(UnitsTest, BytesDecimalAndBinary) {
  EXPECT_EQ(ParseBytes("64MiB"), 64.0 * 1048576);
  EXPECT_EQ(ParseBytes("2PB"), 2e15);
  EXPECT_EQ(ParseBytes("1EB"), 1e18);
  EXPECT_EQ(ParseBytes("1.5TB"), 1.5e12);
  EXPECT_EQ(ParseBytes("12 parsecs"), std::nullopt);
}

}  // namespace
}  // namespace estate
