// The ordered replication stream on its own: in-order exactly-once delivery under loss and
// reordering, durability across crashes on both ends, trimming, and freshness claims.
#include <gtest/gtest.h>

#include "engine/node/journal.h"
#include "engine/stream/origin_stream.h"
#include "engine/stream/stream_receiver.h"
#include "tests/support/test_cluster.h"

namespace estate::testing {
namespace {

ClusterOptions Two(uint64_t seed, FaultOptions f = {}) {
  ClusterOptions o;
  o.nodes = 2;
  o.seed = seed;
  o.default_latency = 10 * kMillisecond;
  o.faults = f;
  return o;
}

// Origin on node 0, receiver on node 1 that records what it applies.
struct Pair {
  explicit Pair(TestCluster& c) : c(c) { Build(); }
  void Build() {
    origin = std::make_unique<OriginStream>(c.runtime(0), std::vector<NodeId>{1},
                                            OriginStreamOptions{}, [this] { return Hlc(); });
    receiver = std::make_unique<StreamReceiver>(
        c.runtime(1), [this](NodeId, const StreamEntry& e) { applied.push_back(e.mutation); });
    c.runtime(0).SetMessageHandler([this](NodeId from, Message m) {
      if (auto a = DecodeStreamAck(m.payload); a.ok()) origin->OnAck(from, *a);
    });
    c.runtime(1).SetMessageHandler([this](NodeId from, Message m) {
      if (auto b = DecodeStreamBatch(m.payload); b.ok()) receiver->OnBatch(from, *b);
    });
    EXPECT_TRUE(origin->Recover().ok());
    origin->Start();
  }
  HlcTimestamp Hlc() { return {c.Now() / kHlcTick}; }

  TestCluster& c;
  std::unique_ptr<OriginStream> origin;
  std::unique_ptr<StreamReceiver> receiver;
  std::vector<std::string> applied;
};

TEST(ReplicationStreamTest, DeliversInOrderExactlyOnceUnderLossAndReordering) {
  FaultOptions f;
  f.drop_probability = 0.2;
  f.duplicate_probability = 0.1;
  f.reorder_probability = 0.3;
  f.max_jitter = 20 * kMillisecond;
  TestCluster c(Two(5, f));
  Pair p(c);
  for (int i = 0; i < 200; ++i) {
    p.origin->Append("m" + std::to_string(i), false);
    c.RunFor(kMillisecond);
  }
  c.RunUntil([&] { return p.origin->applied_seq(1) == 200; }, c.Now() + 60 * kSecond);
  ASSERT_EQ(p.applied.size(), 200u);
  for (int i = 0; i < 200; ++i)
    EXPECT_EQ(p.applied[i], "m" + std::to_string(i));
  EXPECT_EQ(p.receiver->buffered_entries(), 0u);
}

TEST(ReplicationStreamTest, AcknowledgedEntriesAreTrimmedAndLagMeasured) {
  TestCluster c(Two(1));
  Pair p(c);
  p.origin->Append("a", false);
  EXPECT_EQ(p.origin->Backlog(1), 1u);
  EXPECT_EQ(p.origin->Lag(1, c.Now() + 5 * kMillisecond), 5 * kMillisecond);
  c.RunFor(kSecond);
  EXPECT_EQ(p.origin->Backlog(1), 0u);
  EXPECT_EQ(p.origin->Lag(1, c.Now()), 0);
  // Entries stay until the receiver reports them durable (a heartbeat makes it sync).
  EXPECT_EQ(p.origin->retained_entries(), 0u);
  EXPECT_TRUE(c.storage(0).Keys("stream/out/").empty());
}

TEST(ReplicationStreamTest, FreshnessFollowsTheOriginsHeartbeats) {
  TestCluster c(Two(1));
  Pair p(c);
  c.RunFor(kSecond);
  OriginProgress prog = p.receiver->progress(0);
  // Heartbeats every 50 ms, 10 ms away: fresh as of at most 60 ms ago.
  EXPECT_GE(prog.fresh_as_of, c.Now() - 60 * kMillisecond);
  c.Partition({{1}});
  c.RunFor(kSecond);
  EXPECT_LE(p.receiver->progress(0).fresh_as_of, c.Now() - kSecond + 60 * kMillisecond);
}

TEST(ReplicationStreamTest, OriginCrashKeepsItsSyncedLogAndResends) {
  TestCluster c(Two(2));
  Pair p(c);
  c.Partition({{1}});
  for (int i = 0; i < 5; ++i)
    p.origin->Append("x" + std::to_string(i), false);
  c.Crash(0);
  c.Restart(0);
  p.Build();  // a new origin on the surviving storage
  EXPECT_EQ(p.origin->last_seq(), 5u);
  c.Heal();
  c.RunFor(2 * kSecond);
  EXPECT_EQ(p.applied, (std::vector<std::string>{"x0", "x1", "x2", "x3", "x4"}));
}

// Every entry acknowledged durable and trimmed, then the origin restarts with an empty log: it
// must go on numbering after the trimmed entries. Numbering from 1 again made the receiver
// drop new entries as duplicates and the origin ignore its acks, for ever.
TEST(ReplicationStreamTest, OriginRestartAfterEverythingWasTrimmedContinuesTheNumbering) {
  TestCluster c(Two(4));
  Pair p(c);
  for (int i = 0; i < 3; ++i)
    p.origin->Append("old" + std::to_string(i), false);
  c.RunFor(kSecond);
  ASSERT_EQ(p.origin->retained_entries(), 0u);
  ASSERT_TRUE(c.storage(0).Sync().ok());
  c.Crash(0);
  c.Restart(0);
  auto receiver = std::move(p.receiver);  // the receiver keeps its state across the origin's crash
  p.Build();
  p.receiver = std::move(receiver);
  EXPECT_EQ(p.origin->last_seq(), 3u);
  p.origin->Append("new", false);
  EXPECT_EQ(p.origin->last_seq(), 4u);
  c.RunFor(kSecond);
  EXPECT_EQ(p.applied, (std::vector<std::string>{"old0", "old1", "old2", "new"}));
  EXPECT_EQ(p.origin->Backlog(1), 0u);
}

TEST(ReplicationStreamTest, ReceiverThatLosesUnsyncedStateIsRewound) {
  TestCluster c(Two(3));
  Pair p(c);
  Journal journal(c.storage(1));
  // The receiver journals without syncing, as the engine does.
  p.receiver = std::make_unique<StreamReceiver>(c.runtime(1), [&](NodeId o, const StreamEntry& e) {
    p.applied.push_back(e.mutation);
    journal.Append({JournalSource::kStream, o, e.seq, c.Now(), e.mutation}, false);
  });
  p.origin->Append("keep", false);
  c.RunFor(kSecond);  // applied, then synced by a heartbeat
  // Heartbeats leave every 50 ms (the last at exactly 1 s); this entry arrives 10 ms later,
  // before the next heartbeat would make the receiver sync.
  p.origin->Append("lost-on-crash", false);
  c.RunFor(12 * kMillisecond);
  ASSERT_EQ(p.applied.size(), 2u);
  ASSERT_GT(c.storage(1).unsynced_keys(), 0u);
  c.Crash(1);
  c.Restart(1);
  // Rebuild the receiver from what survived in its journal.
  std::vector<std::string> replayed;
  uint64_t position = 0;
  Journal again(c.storage(1));
  ASSERT_TRUE(again
                  .Replay([&](const JournalRecord& r) {
                    replayed.push_back(r.mutation);
                    position = r.position;
                  })
                  .ok());
  EXPECT_EQ(replayed, std::vector<std::string>{"keep"});
  p.applied = replayed;
  p.receiver = std::make_unique<StreamReceiver>(
      c.runtime(1), [&](NodeId, const StreamEntry& e) { p.applied.push_back(e.mutation); });
  p.receiver->SetRecoveredPosition(0, position);
  c.runtime(1).SetMessageHandler([&](NodeId from, Message m) {
    if (auto b = DecodeStreamBatch(m.payload); b.ok()) p.receiver->OnBatch(from, *b);
  });
  c.RunFor(2 * kSecond);
  EXPECT_EQ(p.applied, (std::vector<std::string>{"keep", "lost-on-crash"}));
}

}  // namespace
}  // namespace estate::testing
