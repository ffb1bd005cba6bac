// Chart axes: nice linear steps, whole decades on log axes, and tick labels in the axis unit.
#include "reports/report/axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>

namespace estate::reports {
namespace {

TEST(AxisTicksTest, LinearRangesStartAndEndOnNiceSteps) {
  // (0, 7.3) in about five steps: step 2 (7.3 / 5 = 1.46 rounds up to 2), up to 8.
  AxisRange r = LinearAxisRange(0, 7.3);
  EXPECT_DOUBLE_EQ(r.min, 0);
  EXPECT_DOUBLE_EQ(r.max, 8);
  EXPECT_EQ(r.ticks, (std::vector<double>{0, 2, 4, 6, 8}));
  // (0.0014, 2) hours: step 0.5.
  r = LinearAxisRange(0.0014, 2);
  EXPECT_EQ(r.ticks, (std::vector<double>{0, 0.5, 1, 1.5, 2}));
  // Negative to positive: step 50, and zero is a tick, not "-0".
  r = LinearAxisRange(-60, 140);
  EXPECT_EQ(r.ticks, (std::vector<double>{-100, -50, 0, 50, 100, 150}));
  EXPECT_FALSE(std::signbit(r.ticks[2]));
}

TEST(AxisTicksTest, DegenerateRangesAreWidened) {
  // A constant 0 (an RPO that never moved) gets [0, 1].
  AxisRange r = LinearAxisRange(0, 0);
  EXPECT_DOUBLE_EQ(r.min, 0);
  EXPECT_DOUBLE_EQ(r.max, 1);
  // A constant 100 spreads by half its value, [50, 150], in steps of 100 / 5 = 20.
  r = LinearAxisRange(100, 100);
  EXPECT_DOUBLE_EQ(r.min, 40);
  EXPECT_DOUBLE_EQ(r.max, 160);
  r = LinearAxisRange(std::nan(""), 3);
  EXPECT_DOUBLE_EQ(r.min, 0);
  EXPECT_DOUBLE_EQ(r.max, 1);
}

TEST(AxisTicksTest, LogRangesCoverWholeDecades) {
  // 16.8 MB to 212 GB: 1e7 .. 1e12, a tick per decade.
  AxisRange r = LogAxisRange(1.6772691e7, 2.12e11);
  EXPECT_DOUBLE_EQ(r.min, 1e7);
  EXPECT_DOUBLE_EQ(r.max, 1e12);
  EXPECT_EQ(r.ticks.size(), 6u);
  // Up to 4.3e17: 11 decades, every second one ticked.
  r = LogAxisRange(1.6e7, 4.3e17);
  EXPECT_DOUBLE_EQ(r.max, 1e18);
  EXPECT_EQ(r.ticks, (std::vector<double>{1e7, 1e9, 1e11, 1e13, 1e15, 1e17}));
}

TEST(AxisTicksTest, LabelsFollowTheUnit) {
  EXPECT_EQ(TickLabel(1e9, "bytes"), "1 GB");
  EXPECT_EQ(TickLabel(2.5e15, "bytes"), "2.5 PB");
  EXPECT_EQ(TickLabel(40, "%"), "40%");
  EXPECT_EQ(TickLabel(0.25, "ratio"), "0.25");
  EXPECT_EQ(TickLabel(1500, "s"), "1500");
}

}  // namespace
}  // namespace estate::reports
