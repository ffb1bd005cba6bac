// Moving bytes: placement, write-back, read-through, streams, caps, priorities, caches.
#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"

namespace estate::testing {
namespace {

constexpr uint64_t kMiB = 1 << 20;

MountPolicy Policy(ConsistencyMode mode, Placement placement) {
  MountPolicy p;
  p.mode = mode;
  p.replicas = SiteSet(0b110);
  p.placement = placement;
  return p;
}

EngineOptions DataOptions(uint64_t cache_bytes = 1024 * kMiB) {
  EngineOptions o;
  o.mounts = MountTable(3);
  o.mounts.Add("lake/push/", Policy(ConsistencyMode::kEventual, Placement::kReplicateOnWrite));
  o.mounts.Add("lake/pull/", Policy(ConsistencyMode::kEventual, Placement::kReadThrough));
  o.mounts.Add("lake/strong/", Policy(ConsistencyMode::kStrong, Placement::kReplicateOnWrite));
  for (SiteId s : {kSiteA, kSiteB}) {
    EngineOptions::Cache c;
    c.policy = EvictionPolicy::kS3Fifo;
    c.options.capacity_bytes = cache_bytes;
    o.caches[s] = c;
  }
  return o;
}

Result<ObjectMeta> Write(EngineHarness& h, SiteId site, const std::string& name, uint64_t size) {
  ClientContext ctx{9, {}};
  ObjectWrite w;
  w.size = size;
  w.crc32c = static_cast<uint32_t>(size * 2654435761u);
  std::optional<Result<ObjectMeta>> got;
  h.node(site).Insert(ctx, "lake", name, w, {}, [&](Result<ObjectMeta> r) { got.emplace(r); });
  h.cluster().RunUntil([&] { return got.has_value(); }, h.cluster().Now() + 10 * kSecond);
  return got.value_or(Status::Unavailable("no answer"));
}

Result<DataRead> Read(EngineHarness& h, SiteId site, const std::string& name) {
  ClientContext ctx{10, {}};
  std::optional<Result<DataRead>> got;
  h.node(site).ReadData(ctx, "lake", name, [&](Result<DataRead> r) { got.emplace(r); });
  h.cluster().RunUntil([&] { return got.has_value(); }, h.cluster().Now() + 120 * kSecond);
  return got.value_or(Status::Unavailable("no answer"));
}

std::string KeyOf(const ObjectMeta& m) {
  return m.bucket + "/" + m.name + "#" + std::to_string(m.generation);
}

TEST(DataMovementTest, ReplicateOnWritePushesToTheOtherSiteAndWritesBackToGcs) {
  EngineHarness h(1, {}, DataOptions());
  ASSERT_TRUE(h.Boot());
  Result<ObjectMeta> w = Write(h, kSiteA, "push/sales.parquet", 64 * kMiB);
  ASSERT_TRUE(w.ok());
  // Until GCS acknowledges, site A's copy is the only one and must stay pinned as dirty.
  EXPECT_TRUE(h.node(kSiteA).cache()->IsDirty(KeyOf(*w)));
  h.cluster().RunFor(5 * kSecond);
  EXPECT_FALSE(h.node(kSiteA).cache()->IsDirty(KeyOf(*w)));
  EXPECT_TRUE(h.node(kSiteB).cache()->Contains(KeyOf(*w)));
  EXPECT_EQ(h.node(kSiteA).data().stats(kGcpSite).transfers_acked, 1u);
  EXPECT_EQ(h.node(kSiteA).data().stats(kSiteB).transfers_acked, 1u);
  EXPECT_EQ(h.node(kSiteA).data().stats(kSiteB).bytes_sent, 64 * kMiB);
  // A read at B is now a hit, and nothing came from GCS.
  Result<DataRead> r = Read(h, kSiteB, "push/sales.parquet");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->cache_hit);
  EXPECT_EQ(h.node(kGcpSite).BytesSentOnPrem(), 0u);
}

TEST(DataMovementTest, ReadThroughFetchesFromGcsOnceThenHits) {
  EngineHarness h(2, {}, DataOptions());
  ASSERT_TRUE(h.Boot());
  ASSERT_TRUE(Write(h, kGcpSite, "pull/history.csv", 10 * kMiB).ok());
  ASSERT_TRUE(h.Quiesce());
  EXPECT_EQ(h.node(kSiteA).data().stats(kSiteB).transfers_sent, 0u);  // nothing pushed
  Result<DataRead> first = Read(h, kSiteA, "pull/history.csv");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->cache_hit);
  EXPECT_EQ(first->served_from, kGcpSite);
  EXPECT_EQ(h.node(kGcpSite).BytesSentOnPrem(), 10 * kMiB);  // egress
  Result<DataRead> second = Read(h, kSiteA, "pull/history.csv");
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->cache_hit);
  EXPECT_EQ(h.node(kGcpSite).BytesSentOnPrem(), 10 * kMiB);
  EXPECT_EQ(h.node(kSiteA).stats().data_hits, 1u);
  EXPECT_EQ(h.node(kSiteA).stats().data_misses, 1u);
}

TEST(DataMovementTest, ConcurrentReadersShareOneFetch) {
  EngineHarness h(3, {}, DataOptions());
  ASSERT_TRUE(h.Boot());
  ASSERT_TRUE(Write(h, kGcpSite, "pull/shared", 8 * kMiB).ok());
  ASSERT_TRUE(h.Quiesce());
  ClientContext a{1, {}}, b{2, {}};
  int done = 0;
  h.node(kSiteA).ReadData(a, "lake", "pull/shared", [&](Result<DataRead> r) { done += r.ok(); });
  h.node(kSiteA).ReadData(b, "lake", "pull/shared", [&](Result<DataRead> r) { done += r.ok(); });
  h.cluster().RunFor(10 * kSecond);
  EXPECT_EQ(done, 2);
  EXPECT_EQ(h.node(kGcpSite).data().stats(kSiteA).transfers_sent, 1u);
}

TEST(DataMovementTest, BacklogDrainsAtTheCappedRateOverParallelStreams) {
  EngineOptions o = DataOptions();
  o.data.streams_per_link = 4;
  o.data.cap_bytes_per_second[kSiteB] = 100.0 * kMiB;  // 100 MiB/s replication cap to B
  EngineHarness h(4, {}, o);
  ASSERT_TRUE(h.Boot());
  const TimeNs t0 = h.cluster().Now();
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(Write(h, kSiteA, "push/f" + std::to_string(i), 50 * kMiB).ok());
  }
  // 1000 MiB at 100 MiB/s: the last transfer may start only after 9.5 s, and arrives one
  // latency (15 ms) later.
  h.cluster().RunUntil([&] { return h.node(kSiteA).data().stats(kSiteB).transfers_acked == 20; },
                       t0 + 60 * kSecond);
  const DurationNs took = h.cluster().Now() - t0;
  EXPECT_GE(took, 9500 * kMillisecond);
  EXPECT_LT(took, 9600 * kMillisecond);
  EXPECT_LE(h.node(kSiteA).data().stats(kSiteB).in_flight, 4u);
}

TEST(DataMovementTest, HigherPriorityDrainsFirst) {
  EngineOptions o = DataOptions();
  o.data.streams_per_link = 1;
  o.data.cap_bytes_per_second[kSiteB] = 10.0 * kMiB;
  o.mounts.Add("lake/urgent/", [] {
    MountPolicy p = Policy(ConsistencyMode::kEventual, Placement::kReplicateOnWrite);
    p.priority = 5;
    return p;
  }());
  EngineHarness h(5, {}, o);
  ASSERT_TRUE(h.Boot());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(Write(h, kSiteA, "push/bulk" + std::to_string(i), 10 * kMiB).ok());
  Result<ObjectMeta> urgent = Write(h, kSiteA, "urgent/price-change", 10 * kMiB);
  ASSERT_TRUE(urgent.ok());
  // Under the cap a 10 MiB transfer may start once a second. The first bulk object left at
  // once; the urgent one goes next (at 1 s), ahead of the 4 bulk objects queued before it.
  h.cluster().RunFor(1500 * kMillisecond);
  EXPECT_TRUE(h.node(kSiteB).cache()->Contains(KeyOf(*urgent)));
  EXPECT_EQ(h.node(kSiteA).data().stats(kSiteB).transfers_acked, 2u);
}

TEST(DataMovementTest, LostTransfersAreRetriedUntilAcknowledged) {
  FaultOptions f;
  f.drop_probability = 0.2;
  EngineOptions o = DataOptions();
  o.data.ack_timeout_base = 500 * kMillisecond;
  EngineHarness h(6, f, o);
  ASSERT_TRUE(h.Boot());
  for (int i = 0; i < 10; ++i)
    Write(h, kSiteA, "push/x" + std::to_string(i), kMiB);
  h.cluster().RunUntil([&] { return h.node(kSiteA).data().stats(kSiteB).transfers_acked >= 10; },
                       h.cluster().Now() + 120 * kSecond);
  EXPECT_GE(h.node(kSiteA).data().stats(kSiteB).transfers_acked, 10u);
  EXPECT_GT(h.node(kSiteA).data().stats(kSiteB).retransmissions, 0u);
}

TEST(DataMovementTest, DirtyDataIsNeverEvictedWhileGcsIsUnreachable) {
  EngineHarness h(7, {}, DataOptions(/*cache_bytes=*/100 * kMiB));
  ASSERT_TRUE(h.Boot());
  h.cluster().Partition({{kGcpSite}});
  std::vector<std::string> keys;
  for (int i = 0; i < 5; ++i) {
    Result<ObjectMeta> w = Write(h, kSiteA, "push/w" + std::to_string(i), 30 * kMiB);
    ASSERT_TRUE(w.ok());
    keys.push_back(KeyOf(*w));
  }
  const SiteCache& cache = *h.node(kSiteA).cache();
  // 3 × 30 MiB fit; the 4th and 5th cannot, since nothing may be evicted: refused, not lost.
  EXPECT_EQ(cache.dirty_bytes(), 90 * kMiB);
  EXPECT_EQ(cache.stats().rejections, 2u);
  EXPECT_EQ(cache.stats().evictions, 0u);
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(cache.IsDirty(keys[i]));
  h.cluster().Heal();
  h.cluster().RunFor(30 * kSecond);
  EXPECT_EQ(cache.dirty_bytes(), 0u);
}

}  // namespace
}  // namespace estate::testing

namespace estate::testing {
namespace {

TEST(DataMovementTest, MountPinsKeepTheirBytesCached) {
  EngineOptions o = DataOptions(/*cache_bytes=*/40 * kMiB);
  MountPolicy hot = Policy(ConsistencyMode::kEventual, Placement::kReplicateOnWrite);
  hot.cache.pinned_prefixes = {"planograms/"};
  o.mounts.Add("lake/stores/", hot);
  EngineHarness h(8, {}, o);
  ASSERT_TRUE(h.Boot());
  Result<ObjectMeta> pinned = Write(h, kGcpSite, "stores/planograms/aisle-7", 10 * kMiB);
  ASSERT_TRUE(pinned.ok());
  h.cluster().RunFor(2 * kSecond);
  ASSERT_TRUE(h.node(kSiteA).cache()->Contains(KeyOf(*pinned)));
  // Churn far more than the cache holds through the same site.
  for (int i = 0; i < 20; ++i)
    Write(h, kGcpSite, "push/churn" + std::to_string(i), 10 * kMiB);
  h.cluster().RunFor(10 * kSecond);
  EXPECT_GT(h.node(kSiteA).cache()->stats().evictions, 10u);
  EXPECT_TRUE(h.node(kSiteA).cache()->Contains(KeyOf(*pinned)));
}

}  // namespace
}  // namespace estate::testing
