#include "tests/support/test_cluster.h"

#include <gtest/gtest.h>

namespace estate::testing {
namespace {

ClusterOptions Opts(int nodes, uint64_t seed) {
  ClusterOptions o;
  o.nodes = nodes;
  o.seed = seed;
  return o;
}

Message Ping(uint32_t type, std::string payload = "ping") {
  Message m;
  m.type = type;
  m.payload = std::move(payload);
  return m;
}

// Records (time, from, type) of every message node `to` receives.
struct Recorder {
  std::vector<std::tuple<TimeNs, NodeId, uint32_t>> got;
  void Attach(TestCluster& c, NodeId to) {
    c.runtime(to).SetMessageHandler(
        [this, &c](NodeId from, Message m) { got.emplace_back(c.Now(), from, m.type); });
  }
};

TEST(TestClusterTest, LatencyIsHonouredExactly) {
  TestCluster c(Opts(3, 1));
  c.SetLatency(0, 1, 15 * kMillisecond);
  Recorder r;
  r.Attach(c, 1);
  c.runtime(0).Send(1, Ping(7));
  c.RunFor(kSecond);
  ASSERT_EQ(r.got.size(), 1u);
  EXPECT_EQ(std::get<0>(r.got[0]), 15 * kMillisecond);
  EXPECT_EQ(std::get<1>(r.got[0]), 0);
}

TEST(TestClusterTest, BandwidthSerialisesAChannel) {
  TestCluster c(Opts(2, 1));
  c.SetLatency(0, 1, 10 * kMillisecond);
  c.SetBandwidth(0, 1, 1e6);  // 1 MB/s
  Recorder r;
  r.Attach(c, 1);
  Message big = Ping(1);
  big.wire_bytes = 500'000;  // 0.5 s on the wire
  c.runtime(0).Send(1, big);
  c.runtime(0).Send(1, big);
  Message control = Ping(2);
  control.stream = 0;
  big.stream = 3;
  c.runtime(0).Send(1, big);  // another stream: not queued behind the first two
  c.RunFor(10 * kSecond);
  ASSERT_EQ(r.got.size(), 3u);
  EXPECT_EQ(std::get<0>(r.got[0]), 510 * kMillisecond);
  EXPECT_EQ(std::get<0>(r.got[1]), 510 * kMillisecond);  // stream 3 runs in parallel
  EXPECT_EQ(std::get<0>(r.got[2]), 1010 * kMillisecond);
}

TEST(TestClusterTest, TimersFireInOrderAndCancelledOnesDoNot) {
  TestCluster c(Opts(1, 1));
  std::vector<std::pair<TimeNs, int>> fired;
  Runtime& rt = c.runtime(0);
  rt.Schedule(30, [&] { fired.emplace_back(c.Now(), 3); });
  rt.Schedule(10, [&] { fired.emplace_back(c.Now(), 1); });
  TimerId gone = rt.Schedule(20, [&] { fired.emplace_back(c.Now(), 2); });
  rt.Schedule(10, [&] { fired.emplace_back(c.Now(), 4); });  // same time: FIFO
  EXPECT_TRUE(rt.Cancel(gone));
  EXPECT_FALSE(rt.Cancel(gone));
  c.RunFor(100);
  EXPECT_EQ(fired, (std::vector<std::pair<TimeNs, int>>{{10, 1}, {10, 4}, {30, 3}}));
  EXPECT_EQ(c.Now(), 100);
}

TEST(TestClusterTest, PartitionDropsExactlyCrossGroupMessages) {
  TestCluster c(Opts(3, 1));
  Recorder r1, r2;
  r1.Attach(c, 1);
  r2.Attach(c, 2);
  c.Partition({{0, 1}, {2}});
  c.runtime(0).Send(1, Ping(1));
  c.runtime(0).Send(2, Ping(2));
  c.runtime(2).Send(1, Ping(3));
  c.RunFor(kSecond);
  EXPECT_EQ(r1.got.size(), 1u);
  EXPECT_EQ(r2.got.size(), 0u);
  EXPECT_EQ(c.dropped(), 2u);
  c.Heal();
  c.runtime(0).Send(2, Ping(4));
  c.RunFor(kSecond);
  EXPECT_EQ(r2.got.size(), 1u);
}

TEST(TestClusterTest, MessagesInFlightWhenAPartitionStartsAreLost) {
  TestCluster c(Opts(2, 1));
  Recorder r;
  r.Attach(c, 1);
  c.runtime(0).Send(1, Ping(1));
  c.RunFor(kMillisecond);
  c.Partition({{0}, {1}});
  c.RunFor(kSecond);
  EXPECT_TRUE(r.got.empty());
}

TEST(TestClusterTest, CrashDropsUnsyncedBlobsTimersAndMessages) {
  TestCluster c(Opts(2, 1));
  int restarted = -1;
  c.SetRestartHandler([&](NodeId n) { restarted = n; });
  BlobStore& s = c.runtime(1).Storage();
  s.Put("synced", "1", true);
  s.Put("unsynced", "2", false);
  bool fired = false;
  c.runtime(1).Schedule(kSecond, [&] { fired = true; });
  Recorder r;
  r.Attach(c, 1);
  c.Crash(1);
  c.runtime(0).Send(1, Ping(1));
  c.RunFor(2 * kSecond);
  EXPECT_FALSE(fired);
  EXPECT_TRUE(r.got.empty());
  EXPECT_TRUE(s.Get("synced").ok());
  EXPECT_TRUE(s.Get("unsynced").status().IsNotFound());
  EXPECT_FALSE(c.IsUp(1));
  c.Restart(1);
  EXPECT_EQ(restarted, 1);
  r.Attach(c, 1);
  c.runtime(0).Send(1, Ping(2));
  c.RunFor(kSecond);
  EXPECT_EQ(r.got.size(), 1u);
}

// A chatty protocol under jitter, reordering, duplication and loss, to compare runs.
uint64_t ChattyRun(uint64_t seed, std::vector<std::tuple<TimeNs, NodeId, uint32_t>>* order) {
  ClusterOptions o = Opts(3, seed);
  o.faults.max_jitter = 3 * kMillisecond;
  o.faults.reorder_probability = 0.2;
  o.faults.duplicate_probability = 0.05;
  o.faults.drop_probability = 0.01;
  TestCluster c(o);
  for (NodeId n = 0; n < 3; ++n) {
    c.runtime(n).SetMessageHandler([&c, n, order](NodeId from, Message m) {
      order->emplace_back(c.Now(), from, m.type);
      if (m.type < 200)
        c.runtime(n).Send((n + 1 + c.runtime(n).Random() % 2) % 3, Ping(m.type + 1));
    });
  }
  for (NodeId n = 0; n < 3; ++n)
    c.runtime(n).Send((n + 1) % 3, Ping(n * 10));
  c.RunFor(10 * kSecond);
  return c.trace_hash();
}

TEST(TestClusterTest, SameSeedSameDeliveryOrder) {
  std::vector<std::tuple<TimeNs, NodeId, uint32_t>> a, b, other;
  uint64_t ha = ChattyRun(42, &a);
  uint64_t hb = ChattyRun(42, &b);
  EXPECT_EQ(ha, hb);
  EXPECT_EQ(a, b);
  EXPECT_GT(a.size(), 100u);
  uint64_t hc = ChattyRun(43, &other);
  EXPECT_NE(ha, hc);
  EXPECT_NE(a, other);
}

TEST(TestClusterTest, SeedIsLoggedFirst) {
  TestCluster c(Opts(1, 987654321));
  ASSERT_FALSE(c.log().empty());
  EXPECT_NE(c.log().front().find("cluster seed 987654321"), std::string::npos);
}

TEST(TestClusterTest, BuggifyIsOffByDefaultAndSeededWhenOn) {
  TestCluster off(Opts(1, 5));
  for (int i = 0; i < 1000; ++i)
    EXPECT_FALSE(off.runtime(0).Buggify("site"));
  auto count = [](uint64_t seed) {
    ClusterOptions o = Opts(1, seed);
    o.faults.buggify = true;
    o.faults.buggify_site_probability = 1.0;
    o.faults.buggify_fire_probability = 0.5;
    TestCluster c(o);
    int n = 0;
    for (int i = 0; i < 1000; ++i)
      n += c.runtime(0).Buggify("rare-path");
    return n;
  };
  EXPECT_EQ(count(9), count(9));
  EXPECT_GT(count(9), 400);
  EXPECT_LT(count(9), 600);
}

}  // namespace
}  // namespace estate::testing
