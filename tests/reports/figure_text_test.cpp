// The fixed formats of comparison.md and the recommendation.
#include "reports/compare/figure_text.h"

#include <gtest/gtest.h>

namespace estate::reports {
namespace {

TEST(FigureText, Latency) {
  EXPECT_EQ(Latency(0.0482), "48.2 ms");
  EXPECT_EQ(Latency(0.001), "1.0 ms");
  EXPECT_EQ(Latency(0.000052), "0.052 ms");  // a local write
  EXPECT_EQ(Latency(0), "0.000 ms");
  EXPECT_EQ(Latency(9.99), "9990.0 ms");
  EXPECT_EQ(Latency(102.8108), "102.8 s");  // a cache miss stretched by sampling
}

TEST(FigureText, PercentProbabilityDuration) {
  EXPECT_EQ(Percent(0.0037), "0.37%");
  EXPECT_EQ(Percent(0.999, 3), "99.900%");
  EXPECT_EQ(Probability(0.9544), "0.954");
  EXPECT_EQ(Probability(std::nullopt), "n/a");
  EXPECT_EQ(Duration(25), "25 s");
  EXPECT_EQ(Duration(45 * 60), "45.0 min");
  EXPECT_EQ(Duration(86400), "24.0 h");
}

TEST(FigureText, BinaryBytesAndMoney) {
  EXPECT_EQ(BinaryBytes(17), "17 B");
  EXPECT_EQ(BinaryBytes(1536), "1.5 KiB");
  EXPECT_EQ(BinaryBytes(1.5 * 1024 * 1024 * 1024), "1.5 GiB");
  EXPECT_EQ(BinaryBytes(428e12), "389.3 TiB");
  EXPECT_EQ(Money(12.345, "USD"), "12.35 USD");  // 12.345 is stored just above
  EXPECT_EQ(Money(0, "USD"), "0.00 USD");
  EXPECT_EQ(Money(1.068e-6, "USD"), "1.1e-06 USD");  // egress of a short run
}

}  // namespace
}  // namespace estate::reports
