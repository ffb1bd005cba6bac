#include "engine/node/engine_node.h"

#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"

namespace estate::testing {
namespace {

std::string Name(ConsistencyMode m, const std::string& leaf) {
  return PrefixFor(m) + leaf;
}

class EngineNodeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(h.Boot()); }
  EngineHarness h{1};
  ClientContext alice{1, {}};
  ClientContext bob{2, {}};
};

TEST_F(EngineNodeTest, EveryModeWritesAndEverySiteSeesTheWriteAfterQuiescence) {
  for (ConsistencyMode m :
       {ConsistencyMode::kStrong, ConsistencyMode::kSyncSites, ConsistencyMode::kBoundedStaleness,
        ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
    const std::string name = Name(m, "obj");
    Result<ObjectMeta> w = h.Insert(kSiteA, alice, name, "hello");
    ASSERT_TRUE(w.ok()) << ConsistencyModeName(m) << ": " << w.status().ToString();
    EXPECT_EQ(w->name, name);
    EXPECT_EQ(w->size, 5u);
    EXPECT_GT(w->generation, 0);
    ASSERT_TRUE(h.Quiesce());
    for (SiteId s : {kGcpSite, kSiteA, kSiteB}) {
      Result<ObjectMeta> r = h.Get(s, bob, name);
      ASSERT_TRUE(r.ok()) << ConsistencyModeName(m) << " at site " << s << ": "
                          << r.status().ToString();
      EXPECT_EQ(r->generation, w->generation) << ConsistencyModeName(m) << " at site " << s;
      EXPECT_EQ(r->crc32c, ContentCrc("hello"));
    }
  }
  EXPECT_EQ(h.node(0).ns().Digest(), h.node(1).ns().Digest());
  EXPECT_EQ(h.node(1).ns().Digest(), h.node(2).ns().Digest());
}

TEST_F(EngineNodeTest, StrongWriteWaitsForAQuorumRoundTrip) {
  for (SiteId s : {kGcpSite, kSiteA, kSiteB}) {
    ASSERT_TRUE(h.Insert(s, alice, Name(ConsistencyMode::kStrong, "q"), "x").ok());
    // The nearest other site is 10 ms away one way: no quorum in under 20 ms.
    EXPECT_GE(h.last_latency(), 20 * kMillisecond) << "site " << s;
  }
}

TEST_F(EngineNodeTest, StrongPreconditionsAreCheckedAgainstCommittedState) {
  const std::string name = Name(ConsistencyMode::kStrong, "cas");
  Preconditions absent;
  absent.if_generation_match = 0;
  ASSERT_TRUE(h.Insert(kSiteA, alice, name, "v1", absent).ok());
  Result<ObjectMeta> again = h.Insert(kSiteB, bob, name, "v2", absent);
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(again.status().IsPreconditionFailed()) << again.status().ToString();
}

TEST_F(EngineNodeTest, AsyncModesAnswerWithoutAWideAreaRoundTrip) {
  for (ConsistencyMode m : {ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
    ASSERT_TRUE(h.Insert(kSiteA, alice, Name(m, "fast"), "x").ok());
    EXPECT_LT(h.last_latency(), kMillisecond) << ConsistencyModeName(m);
  }
}

TEST_F(EngineNodeTest, SyncSitesAcknowledgesOnlyWhenBothSitesHaveTheWrite) {
  const std::string name = Name(ConsistencyMode::kSyncSites, "pos");
  Result<ObjectMeta> w = h.Insert(kSiteA, alice, name, "sale");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  // At the moment of the acknowledgement, site B already holds it (read it directly).
  Result<ObjectMeta> at_b = h.node(kSiteB).ns().GetObject("lake", name);
  ASSERT_TRUE(at_b.ok());
  EXPECT_EQ(at_b->generation, w->generation);
  EXPECT_GE(h.last_latency(), 30 * kMillisecond);  // one round trip between the sites
}

TEST_F(EngineNodeTest, SyncSitesRefusesWritesWhenASiteIsUnreachable) {
  h.cluster().Partition({{kSiteB}});
  h.cluster().RunFor(2 * kSecond);
  Result<ObjectMeta> w = h.Insert(kSiteA, alice, Name(ConsistencyMode::kSyncSites, "x"), "v");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().ToString(),
            "503 backendError: a sync-sites replica is unreachable; write refused");
}

TEST_F(EngineNodeTest, SessionReadsYourWritesAtAnotherSite) {
  const std::string name = Name(ConsistencyMode::kSession, "cart");
  Result<ObjectMeta> w = h.Insert(kSiteA, alice, name, "item");
  ASSERT_TRUE(w.ok());
  // Immediately at site B: the read waits until B has applied the write.
  Result<ObjectMeta> r = h.Get(kSiteB, alice, name);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->generation, w->generation);
  EXPECT_GE(h.last_latency(), 15 * kMillisecond);
  // Bob has no token: his read at site B a moment after may or may not see it, but must not
  // wait.
  ClientContext carol{3, {}};
  h.Insert(kSiteA, alice, Name(ConsistencyMode::kSession, "other"), "x");
  h.Get(kSiteB, carol, Name(ConsistencyMode::kSession, "other"));
  EXPECT_LT(h.last_latency(), kMillisecond);
}

TEST_F(EngineNodeTest, EventualModeConvergesAfterAPartitionAndCountsTheConflict) {
  const std::string name = Name(ConsistencyMode::kEventual, "price");
  h.cluster().Partition({{kSiteA}, {kSiteB, kGcpSite}});
  Result<ObjectMeta> a = h.Insert(kSiteA, alice, name, "10.00");
  h.cluster().RunFor(kMillisecond);
  Result<ObjectMeta> b = h.Insert(kSiteB, bob, name, "12.50");
  ASSERT_TRUE(a.ok() && b.ok());
  h.cluster().RunFor(kSecond);
  EXPECT_NE(h.node(kSiteA).ns().Digest(), h.node(kSiteB).ns().Digest());
  h.cluster().Heal();
  ASSERT_TRUE(h.Quiesce());
  EXPECT_EQ(h.node(kSiteA).ns().Digest(), h.node(kSiteB).ns().Digest());
  EXPECT_EQ(h.node(kGcpSite).ns().Digest(), h.node(kSiteB).ns().Digest());
  // Site B wrote later (higher HLC), so it wins everywhere; site A records its loss once.
  for (SiteId s : {kGcpSite, kSiteA, kSiteB}) {
    EXPECT_EQ(h.node(s).ns().GetObject("lake", name)->generation, b->generation);
  }
  ASSERT_EQ(h.node(kSiteA).conflicts().size(), 1u);
  EXPECT_EQ(h.node(kSiteA).conflicts()[0].loser_generation, a->generation);
  EXPECT_EQ(h.node(kSiteA).conflicts()[0].winner_generation, b->generation);
  EXPECT_EQ(h.node(kSiteB).conflicts().size(), 0u);
  EXPECT_EQ(h.node(kGcpSite).conflicts().size(), 0u);
}

TEST_F(EngineNodeTest, StrongMinorityRejectsWritesMajorityContinues) {
  h.cluster().Partition({{kSiteB}});
  h.cluster().RunFor(2 * kSecond);
  Result<ObjectMeta> minority = h.Insert(kSiteB, alice, Name(ConsistencyMode::kStrong, "m"), "x");
  ASSERT_FALSE(minority.ok());
  EXPECT_TRUE(minority.status().IsUnavailable()) << minority.status().ToString();
  Result<ObjectMeta> majority = h.Insert(kSiteA, bob, Name(ConsistencyMode::kStrong, "m"), "y");
  EXPECT_TRUE(majority.ok()) << majority.status().ToString();
}

TEST_F(EngineNodeTest, BoundedStalenessForwardsReadsWhenStale) {
  const std::string name = Name(ConsistencyMode::kBoundedStaleness, "stock");
  ASSERT_TRUE(h.Insert(kSiteA, alice, name, "5").ok());
  ASSERT_TRUE(h.Quiesce());
  // Fresh: site B answers locally.
  ASSERT_TRUE(h.Get(kSiteB, bob, name).ok());
  EXPECT_LT(h.last_latency(), kMillisecond);
  // Cut site B off from the primary (site A) for longer than T = 2 s: B cannot prove
  // freshness and must forward, which fails while the partition lasts.
  h.cluster().Partition({{kSiteB}});
  h.cluster().RunFor(3 * kSecond);
  Result<ObjectMeta> stale = h.Get(kSiteB, bob, name);
  ASSERT_FALSE(stale.ok());
  EXPECT_TRUE(stale.status().IsUnavailable()) << stale.status().ToString();
  h.cluster().Heal();
  ASSERT_TRUE(h.Quiesce());
  h.cluster().RunFor(200 * kMillisecond);
  EXPECT_TRUE(h.Get(kSiteB, bob, name).ok());
}

TEST_F(EngineNodeTest, AcknowledgedStrongAndSyncSitesWritesSurviveASiteCrash) {
  std::vector<std::pair<std::string, int64_t>> acked;
  for (int i = 0; i < 10; ++i) {
    for (ConsistencyMode m : {ConsistencyMode::kStrong, ConsistencyMode::kSyncSites}) {
      const std::string name = Name(m, "k" + std::to_string(i));
      Result<ObjectMeta> w = h.Insert(i % 2 ? kSiteA : kSiteB, alice, name, "v");
      if (w.ok()) acked.emplace_back(name, w->generation);
    }
  }
  ASSERT_EQ(acked.size(), 20u);
  for (SiteId victim : {kSiteA, kSiteB, kGcpSite}) {
    h.Crash(victim);
    h.cluster().RunFor(kSecond);
    h.Restart(victim);
    ASSERT_TRUE(h.Quiesce(20 * kSecond));
    for (const auto& [name, gen] : acked) {
      Result<ObjectMeta> r = h.node(victim).ns().GetObject("lake", name);
      ASSERT_TRUE(r.ok()) << name << " lost at site " << victim;
      EXPECT_EQ(r->generation, gen);
    }
  }
}

}  // namespace
}  // namespace estate::testing

namespace estate::testing {
namespace {

// bounded-staleness: while a live replica lags by K versions or more, the primary holds writes
// back (Cosmos DB style); once the replica has been silent for longer than T its freshness
// proof has expired, so it stops holding writes back.
TEST(BoundedStalenessThrottleTest, PrimaryThrottlesWhileALiveReplicaLagsBeyondK) {
  EngineHarness h(3);
  ASSERT_TRUE(h.Boot());
  ClientContext c{1, {}};
  const MountPolicy& p = h.options().mounts.Resolve("lake", "bounded/x")->mount->policy;
  ASSERT_EQ(p.staleness.max_versions, 50);
  ASSERT_EQ(p.staleness.max_lag, 2 * kSecond);
  // Site B stops hearing from the primary (site A); its acknowledgements stop too.
  h.cluster().SetLinkUp(kSiteA, kSiteB, false);
  std::vector<DurationNs> latency;
  for (int i = 0; i < 60; ++i) {
    Result<ObjectMeta> w =
        h.Insert(kSiteA, c, "bounded/k" + std::to_string(i), "v", {}, 10 * kSecond);
    ASSERT_TRUE(w.ok()) << i << ": " << w.status().ToString();
    latency.push_back(h.last_latency());
  }
  // The first 50 go through at once (B, acknowledging nothing since the cut, falls 1..50
  // versions behind); the 51st finds B K = 50 behind and waits until B has been silent for
  // T = 2 s (counted from B's last acknowledgement, a heartbeat just before the cut).
  for (int i = 0; i < 50; ++i)
    EXPECT_LT(latency[i], kMillisecond) << i;
  EXPECT_GT(latency[50], 1900 * kMillisecond);
  EXPECT_LE(latency[50], 2 * kSecond);
  EXPECT_EQ(h.node(kSiteA).stats().throttled_writes, 1u);
  for (int i = 51; i < 60; ++i)
    EXPECT_LT(latency[i], kMillisecond) << i;
}

}  // namespace
}  // namespace estate::testing

namespace estate::testing {
namespace {

// N on-prem sites: the protocols are not tied to two. Four on-prem sites plus GCP make a
// five-member Raft group (majority 3) and four-way asynchronous replication.
TEST(EngineNodeScaleTest, FourOnPremSitesReplicateEveryMode) {
  EngineHarness h(11, {}, {}, /*sites=*/5);
  ASSERT_TRUE(h.Boot());
  ClientContext c{1, {}};
  for (ConsistencyMode m :
       {ConsistencyMode::kStrong, ConsistencyMode::kSyncSites, ConsistencyMode::kBoundedStaleness,
        ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
    for (SiteId s = 1; s < 5; ++s) {
      ASSERT_TRUE(h.Insert(s, c, PrefixFor(m) + "from-" + std::to_string(s), "v").ok())
          << ConsistencyModeName(m) << " at site " << s;
    }
  }
  ASSERT_TRUE(h.Quiesce());
  for (SiteId s = 1; s < 5; ++s) {
    EXPECT_EQ(h.node(s).ns().Digest(), h.node(0).ns().Digest()) << "site " << s;
    EXPECT_EQ(h.node(s).ns().LiveObjectCount(), 20u);
  }
  // Two of five sites cut off: the majority of three still commits strong writes.
  h.cluster().Partition({{3, 4}});
  h.cluster().RunFor(2 * kSecond);
  EXPECT_TRUE(h.Insert(1, c, "strong/majority", "v").ok());
  EXPECT_TRUE(h.Insert(3, c, "strong/minority", "v").status().IsUnavailable());
}

}  // namespace
}  // namespace estate::testing

namespace estate::testing {
namespace {

// An object seeded as pre-existing (the GCS inventory) is in every site's namespace with its
// bytes at GCS, is replaced by any later write, and survives a restart: the seed is journaled
// durably, and a journal holding seed records must replay (it once failed as "corrupt").
TEST(EngineNodeSeedTest, SeededObjectsAreVisibleEverywhereAndSurviveARestart) {
  EngineHarness h(3);
  ASSERT_TRUE(h.Boot());
  ObjectMeta meta;
  meta.bucket = "lake";
  meta.name = "eventual/inventory-0001";
  meta.generation = 1;
  meta.size = 64 << 20;
  for (SiteId s : {kGcpSite, kSiteA, kSiteB})
    ASSERT_TRUE(h.node(s).Seed(meta).ok());
  ClientContext c{1, {}};
  for (SiteId s : {kGcpSite, kSiteA, kSiteB}) {
    Result<ObjectMeta> r = h.Get(s, c, "eventual/inventory-0001");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->generation, 1);
    EXPECT_EQ(r->size, 64u << 20);
    EXPECT_TRUE(r->residency.contains(kGcpSite));
    EXPECT_FALSE(r->residency.contains(kSiteA));
  }
  h.Crash(kSiteA);
  h.Restart(kSiteA);
  ASSERT_TRUE(h.Quiesce());
  Result<ObjectMeta> again = h.Get(kSiteA, c, "eventual/inventory-0001");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->generation, 1);
  // A write during the run is newer than the seed everywhere.
  Result<ObjectMeta> w = h.Insert(kSiteB, c, "eventual/inventory-0001", "new");
  ASSERT_TRUE(w.ok());
  EXPECT_GT(w->generation, 1);
  ASSERT_TRUE(h.Quiesce());
  EXPECT_EQ(h.Get(kSiteA, c, "eventual/inventory-0001")->generation, w->generation);
  EXPECT_EQ(h.Get(kGcpSite, c, "eventual/inventory-0001")->generation, w->generation);
}

TEST(EngineNodeSeedTest, SeedingIntoAMissingBucketFails) {
  EngineHarness h(4);
  ASSERT_TRUE(h.Boot());
  ObjectMeta meta;
  meta.bucket = "no-such-bucket";
  meta.name = "x";
  meta.generation = 1;
  EXPECT_EQ(h.node(kSiteA).Seed(meta).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace estate::testing
