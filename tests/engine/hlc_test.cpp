#include "engine/clock/hlc.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

TEST(HlcTest, TracksPhysicalTimeInTicksOfTenMicroseconds) {
  HybridClock c;
  EXPECT_EQ(c.Tick(5 * kMillisecond), (HlcTimestamp{500}));
  EXPECT_EQ(c.Tick(6 * kMillisecond + 9 * kMicrosecond), (HlcTimestamp{600}));
  EXPECT_EQ(c.last().time(), 6 * kMillisecond);
}

TEST(HlcTest, EventsFasterThanTicksTakeTheNextTickAndPhysicalTimeCatchesUp) {
  HybridClock c;
  EXPECT_EQ(c.Tick(1000 * kMicrosecond), (HlcTimestamp{100}));
  EXPECT_EQ(c.Tick(1000 * kMicrosecond), (HlcTimestamp{101}));
  EXPECT_EQ(c.Tick(1005 * kMicrosecond), (HlcTimestamp{102}));
  // Physical time has not reached tick 103 yet, so the clock stays ahead of it.
  EXPECT_EQ(c.Tick(1020 * kMicrosecond), (HlcTimestamp{103}));
  EXPECT_EQ(c.Tick(1100 * kMicrosecond), (HlcTimestamp{110}));
}

TEST(HlcTest, ObserveMergesARemoteClockAheadWithoutPassingIt) {
  HybridClock c;
  c.Tick(1 * kMillisecond);
  // A peer whose clock runs 4 ms ahead: the next local version is ordered after its.
  EXPECT_EQ(c.Observe(2 * kMillisecond, {503}), (HlcTimestamp{503}));
  EXPECT_EQ(c.Tick(3 * kMillisecond), (HlcTimestamp{504}));
  // A remote clock behind changes nothing.
  EXPECT_EQ(c.Observe(3 * kMillisecond, {10}), (HlcTimestamp{504}));
  EXPECT_EQ(c.Tick(6 * kMillisecond), (HlcTimestamp{600}));
}

TEST(HlcTest, AClockNeverGoesBackOrRepeats) {
  HybridClock c;
  HlcTimestamp last = c.Tick(50 * kMicrosecond);
  for (TimeNs now : {TimeNs{0}, 10 * kMicrosecond, 50 * kMicrosecond, 51 * kMicrosecond}) {
    const HlcTimestamp t = c.Tick(now);
    EXPECT_GT(t, last);
    last = t;
  }
}

TEST(HlcTest, GenerationsOrderLikeVersionsAndRoundTrip) {
  const int64_t ticks_2026 = 179'500'000'000'000;  // 2026-11-18, in 10-µs ticks
  Version a{{ticks_2026}, 1};
  Version b{{ticks_2026}, 2};
  Version c{{ticks_2026 + 1}, 0};
  Version d{{ticks_2026 + 1}, kMaxSites - 1};
  EXPECT_LT(GenerationOf(a), GenerationOf(b));
  EXPECT_LT(GenerationOf(b), GenerationOf(c));
  EXPECT_LT(GenerationOf(c), GenerationOf(d));
  EXPECT_EQ(GenerationOf(a), 5'744'000'000'000'001);
  for (const Version& v : {a, b, c, d})
    EXPECT_EQ(VersionOfGeneration(GenerationOf(v)), v);
}

// JavaScript numbers (the Node client's) hold integers exactly up to 2^53.
TEST(HlcTest, GenerationsStayBelowTwoToThe53UntilMarch2059) {
  const int64_t start_of_2059_us = 2'808'604'800'000'000;  // 2059-01-01, 00:00 UTC
  HybridClock clock;
  EXPECT_LT(GenerationOf({clock.Tick(start_of_2059_us * kMicrosecond), kMaxSites - 1}),
            int64_t{1} << 53);
  // Tick 2^48, on 2059-03-13, is the first past it.
  const TimeNs last_tick = ((int64_t{1} << 48) - 1) * kHlcTick;
  EXPECT_EQ(GenerationOf({clock.Tick(last_tick), kMaxSites - 1}), (int64_t{1} << 53) - 1);
  EXPECT_EQ(GenerationOf({clock.Tick(last_tick), 0}), int64_t{1} << 53);
}

}  // namespace
}  // namespace estate
