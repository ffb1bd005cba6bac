#include "models/bandwidth/wan_bounds.h"

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <limits>

namespace estate {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMiBytes = 1024.0 * 1024;

TEST(WanBoundsTest, ReplicationLowerBoundIsEveryChangedBitOncePerRemoteCopy) {
  // 1 GB/s of changes to 2 remote sites: 2 GB/s = 16 Gb/s.
  EXPECT_EQ(ReplicationLowerBoundBps(1e9, 2), 16e9);
  EXPECT_EQ(ReplicationLowerBoundBps(125e6, 1), 1e9);
  EXPECT_EQ(ReplicationLowerBoundBps(0, 3), 0);
  EXPECT_EQ(ReplicationLowerBoundBps(1e9, 0), 0);
}

TEST(WanBoundsTest, NegativeAndNanInputsCountAsZero) {
  EXPECT_EQ(ReplicationLowerBoundBps(-5, 2), 0);
  EXPECT_EQ(ReplicationLowerBoundBps(1e6, -1), 0);
  EXPECT_EQ(ReplicationLowerBoundBps(std::nan(""), 2), 0);
  EXPECT_EQ(TcpWindowBoundBps(-1, 0.015), 0);
  EXPECT_EQ(TcpWindowBoundBps(4 * kMiBytes, -0.015), kInf);  // a negative latency is 0: no bound
  EXPECT_EQ(StreamsToFill(-10e9, 4 * kMiBytes, 0.015), 1);
}

TEST(WanBoundsTest, TcpWindowBoundIsOneWindowPerRoundTrip) {
  // SimGrid's default gamma, 4 MiB, over a 15 ms link: 4 MiB per 30 ms.
  EXPECT_DOUBLE_EQ(TcpWindowBoundBps(4 * kMiBytes, 0.015), 4 * kMiBytes * 8 / 0.030);
  EXPECT_NEAR(TcpWindowBoundBps(4 * kMiBytes, 0.015) / 8 / 1e6, 139.81, 0.01);  // MB/s
  // 1 MB over a 5 ms one-way latency: 1e6 * 8 / 0.01 = 800 Mb/s.
  EXPECT_DOUBLE_EQ(TcpWindowBoundBps(1e6, 0.005), 800e6);
  EXPECT_EQ(TcpWindowBoundBps(1e6, 0), kInf);
  EXPECT_EQ(TcpWindowBoundBps(0, 0.005), 0);
}

TEST(WanBoundsTest, StreamsToFillIsTheCeilingOfTheRatio) {
  // 800 Mb/s per stream (1 MB window, 5 ms): 10 Gb/s needs 12.5 -> 13 streams.
  EXPECT_EQ(StreamsToFill(10e9, 1e6, 0.005), 13);
  // An exact fit takes no extra stream: 8 Gb/s is exactly 10 streams of 800 Mb/s.
  EXPECT_EQ(StreamsToFill(8e9, 1e6, 0.005), 10);
  // Just above an exact fit takes one more.
  EXPECT_EQ(StreamsToFill(8.001e9, 1e6, 0.005), 11);
  // 100 Gb/s over 15 ms with 4 MiB windows: 100e9 / 1118481066.67 = 89.4 -> 90.
  EXPECT_EQ(StreamsToFill(100e9, 4 * kMiBytes, 0.015), 90);
  // One stream suffices below the bound.
  EXPECT_EQ(StreamsToFill(1e6, 1e6, 0.005), 1);
}

TEST(WanBoundsTest, StreamsToFillEdgeCases) {
  EXPECT_EQ(StreamsToFill(100e9, 1e6, 0), 1);         // no latency, no window bound
  EXPECT_EQ(StreamsToFill(0, 1e6, 0.005), 1);         // nothing to fill: still at least 1
  EXPECT_EQ(StreamsToFill(10e9, 0, 0.005), INT_MAX);  // a zero window never fills it
  EXPECT_EQ(StreamsToFill(10e9, 1e6, kInf), INT_MAX);
  EXPECT_EQ(StreamsToFill(1e30, 1, 1), INT_MAX);  // more streams than an int holds
}

}  // namespace
}  // namespace estate
