#include "engine/clock/hlc.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

TEST(HlcTest, TracksPhysicalTimeWhenItAdvances) {
  HybridClock c;
  EXPECT_EQ(c.Tick(5 * kMillisecond), (HlcTimestamp{5000, 0}));
  EXPECT_EQ(c.Tick(6 * kMillisecond), (HlcTimestamp{6000, 0}));
}

TEST(HlcTest, LogicalCounterOrdersEventsInOneMicrosecond) {
  HybridClock c;
  EXPECT_EQ(c.Tick(1000), (HlcTimestamp{1, 0}));
  EXPECT_EQ(c.Tick(1000), (HlcTimestamp{1, 1}));
  EXPECT_EQ(c.Tick(1500), (HlcTimestamp{1, 2}));
}

TEST(HlcTest, ObserveMovesPastARemoteClockAhead) {
  HybridClock c;
  c.Tick(1 * kMillisecond);
  // A peer whose clock runs 4 ms ahead: the receive is ordered after the send.
  HlcTimestamp r = c.Observe(2 * kMillisecond, {5000, 3});
  EXPECT_EQ(r, (HlcTimestamp{5000, 4}));
  // Local physical time has not caught up, so local events keep counting logically.
  EXPECT_EQ(c.Tick(3 * kMillisecond), (HlcTimestamp{5000, 5}));
  EXPECT_EQ(c.Tick(6 * kMillisecond), (HlcTimestamp{6000, 0}));
}

TEST(HlcTest, LogicalOverflowBorrowsTheNextMicrosecond) {
  HybridClock c;
  for (uint32_t i = 0; i <= HybridClock::kMaxLogical; ++i)
    c.Tick(1000);
  EXPECT_EQ(c.last(), (HlcTimestamp{1, 127}));
  EXPECT_EQ(c.Tick(1000), (HlcTimestamp{2, 0}));
}

TEST(HlcTest, GenerationsOrderLikeVersionsAndRoundTrip) {
  const int64_t epoch_2026_us = 1'795'000'000'000'000;
  Version a{{epoch_2026_us, 3}, 1};
  Version b{{epoch_2026_us, 3}, 2};
  Version c{{epoch_2026_us, 4}, 0};
  Version d{{epoch_2026_us + 1, 0}, 0};
  EXPECT_LT(GenerationOf(a), GenerationOf(b));
  EXPECT_LT(GenerationOf(b), GenerationOf(c));
  EXPECT_LT(GenerationOf(c), GenerationOf(d));
  EXPECT_GT(GenerationOf(a), 0);
  for (const Version& v : {a, b, c, d})
    EXPECT_EQ(VersionOfGeneration(GenerationOf(v)), v);
}

}  // namespace
}  // namespace estate
