#include <gtest/gtest.h>

#include "tests/support/raft_harness.h"

namespace estate::testing {
namespace {

// Runs `d` of virtual time, recording leaders after every event.
void RunFor(RaftHarness& h, DurationNs d) {
  const TimeNs until = h.cluster().Now() + d;
  h.cluster().RunUntil(
      [&] {
        h.ObserveLeaders();
        return false;
      },
      until);
}

std::vector<std::string> Commands(const RaftHarness& h, NodeId n) {
  std::vector<std::string> out;
  for (const auto& [index, c] : h.applied(n))
    out.push_back(c);
  return out;
}

TEST(RaftTest, ElectsOneLeaderAndReplicatesInOrder) {
  RaftHarness h(3, 1);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE(h.Propose("cmd" + std::to_string(i)));
  RunFor(h, 2 * kSecond);
  for (NodeId n = 0; n < 3; ++n) {
    ASSERT_EQ(h.applied(n).size(), 20u) << "node " << n;
    EXPECT_EQ(Commands(h, n).front(), "cmd0");
    EXPECT_EQ(Commands(h, n).back(), "cmd19");
  }
  EXPECT_EQ(Commands(h, 0), Commands(h, 1));
  EXPECT_EQ(Commands(h, 1), Commands(h, 2));
  EXPECT_EQ(h.CheckStateMachineSafety(), "");
  EXPECT_EQ(h.CheckElectionSafety(), "");
}

TEST(RaftTest, ProposeOnAFollowerNamesTheLeader) {
  RaftHarness h(3, 2);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  RunFor(h, 500 * kMillisecond);  // let followers hear from the leader
  NodeId follower = static_cast<NodeId>((leader + 1) % 3);
  Status got;
  h.node(follower).Propose("x", [&](Status s, uint64_t) { got = s; });
  RunFor(h, kMillisecond);
  EXPECT_EQ(got.ToString(),
            "503 backendError: not the leader; the leader is site " + std::to_string(leader));
}

TEST(RaftTest, CommitCallbackReportsTheIndex) {
  RaftHarness h(3, 3);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  uint64_t index = 0;
  h.node(leader).Propose("a", [&](Status s, uint64_t i) {
    ASSERT_TRUE(s.ok());
    index = i;
  });
  RunFor(h, kSecond);
  // Index 1 is the leader's no-op.
  EXPECT_EQ(index, 2u);
  EXPECT_EQ(h.node(leader).CommandAt(2), "a");
  EXPECT_EQ(h.node(leader).CommandAt(1), "");
}

TEST(RaftTest, CommittedEntriesSurviveLeaderCrash) {
  RaftHarness h(3, 4);
  int old = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(old, 0);
  for (int i = 0; i < 5; ++i)
    h.Propose("before" + std::to_string(i));
  RunFor(h, kSecond);
  h.Crash(static_cast<NodeId>(old));
  int fresh = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(fresh, 0);
  ASSERT_NE(fresh, old);
  h.Propose("after");
  RunFor(h, kSecond);
  h.Restart(static_cast<NodeId>(old));
  RunFor(h, 3 * kSecond);
  for (NodeId n = 0; n < 3; ++n) {
    std::vector<std::string> c = Commands(h, n);
    ASSERT_EQ(c.size(), 6u) << "node " << n;
    EXPECT_EQ(c[0], "before0");
    EXPECT_EQ(c[5], "after");
  }
  EXPECT_EQ(h.CheckStateMachineSafety(), "");
  EXPECT_EQ(h.CheckElectionSafety(), "");
}

TEST(RaftTest, MinorityLeaderStepsDownAndItsUncommittedEntriesAreReplaced) {
  RaftHarness h(3, 5);
  int old = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(old, 0);
  h.Propose("committed");
  RunFor(h, kSecond);
  std::vector<NodeId> others;
  for (NodeId n = 0; n < 3; ++n) {
    if (n != old) others.push_back(n);
  }
  h.cluster().Partition({{static_cast<NodeId>(old)}, others});
  Status minority_write;
  h.node(old).Propose("lost", [&](Status s, uint64_t) { minority_write = s; });
  RunFor(h, 3 * kSecond);
  EXPECT_FALSE(h.node(old).IsLeader()) << "check-quorum must depose a leader with no majority";
  EXPECT_TRUE(minority_write.IsUnavailable());
  int fresh = h.WaitForLeader(3 * kSecond);
  ASSERT_GE(fresh, 0);
  ASSERT_NE(fresh, old);
  h.Propose("majority");
  RunFor(h, kSecond);
  h.cluster().Heal();
  RunFor(h, 3 * kSecond);
  for (NodeId n = 0; n < 3; ++n) {
    EXPECT_EQ(Commands(h, n), (std::vector<std::string>{"committed", "majority"})) << "node " << n;
  }
  EXPECT_EQ(h.CheckStateMachineSafety(), "");
  EXPECT_EQ(h.CheckElectionSafety(), "");
}

TEST(RaftTest, PartitionedFollowerDoesNotDisruptWhenItReturns) {
  RaftHarness h(3, 6);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  NodeId loner = static_cast<NodeId>((leader + 1) % 3);
  h.cluster().Partition({{loner}});
  RunFor(h, 5 * kSecond);
  const uint64_t term = h.node(static_cast<NodeId>(leader)).term();
  h.cluster().Heal();
  RunFor(h, 3 * kSecond);
  // Pre-vote kept the loner from bumping the term, so the leader kept its place.
  EXPECT_EQ(h.Leader(), leader);
  EXPECT_EQ(h.node(static_cast<NodeId>(leader)).term(), term);
}

TEST(RaftTest, RestartedFollowerCatchesUpFromItsLogAndTheLeader) {
  RaftHarness h(3, 7);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  NodeId f = static_cast<NodeId>((leader + 1) % 3);
  for (int i = 0; i < 10; ++i)
    h.Propose("a" + std::to_string(i));
  RunFor(h, kSecond);
  h.Crash(f);
  for (int i = 0; i < 10; ++i)
    h.Propose("b" + std::to_string(i));
  RunFor(h, kSecond);
  const uint64_t persisted = h.cluster().storage(f).Keys("raft/log/").size();
  EXPECT_EQ(persisted, 11u);  // no-op + a0..a9 survived the crash
  h.Restart(f);
  RunFor(h, 2 * kSecond);
  EXPECT_EQ(Commands(h, f).size(), 20u);
  EXPECT_EQ(Commands(h, f).back(), "b9");
}

TEST(RaftTest, ReadIndexCoversEverythingCommittedBeforeTheRead) {
  RaftHarness h(3, 8);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  for (int i = 0; i < 5; ++i)
    h.Propose("w" + std::to_string(i));
  RunFor(h, kSecond);
  const uint64_t committed = h.node(static_cast<NodeId>(leader)).commit_index();
  for (NodeId n = 0; n < 3; ++n) {
    uint64_t got = 0;
    Status s;
    h.node(n).ReadIndex([&](Status st, uint64_t i) {
      s = st;
      got = i;
    });
    RunFor(h, kSecond);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_GE(got, committed);
    EXPECT_GE(h.node(n).applied_index(), committed);
  }
}

TEST(RaftTest, ReadIndexFailsWithoutAMajority) {
  RaftHarness h(3, 9);
  int leader = h.WaitForLeader(5 * kSecond);
  ASSERT_GE(leader, 0);
  h.cluster().Partition({{static_cast<NodeId>(leader)}});
  Status s;
  bool done = false;
  h.node(static_cast<NodeId>(leader)).ReadIndex([&](Status st, uint64_t) {
    s = st;
    done = true;
  });
  RunFor(h, 3 * kSecond);
  ASSERT_TRUE(done);
  EXPECT_TRUE(s.IsUnavailable()) << s.ToString();
}

// Many seeds of loss, jitter, reordering, partitions and crashes: safety always holds, and
// once the faults stop, a healthy majority commits new proposals (liveness).
TEST(RaftTest, SafetyAndLivenessUnderRandomFaults) {
  uint64_t total_applied = 0;
  uint64_t total_dropped = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    FaultOptions f;
    f.drop_probability = 0.05;
    f.duplicate_probability = 0.02;
    f.reorder_probability = 0.1;
    f.max_jitter = 20 * kMillisecond;
    RaftHarness h(3, seed, f);
    uint64_t rng = seed * 0x9e3779b97f4a7c15ull;
    auto next = [&rng] {
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      return rng;
    };
    int proposed = 0;
    for (int round = 0; round < 30; ++round) {
      switch (next() % 6) {
        case 0:
          h.Crash(static_cast<NodeId>(next() % 3));
          break;
        case 1:
          for (NodeId n = 0; n < 3; ++n)
            h.Restart(n);
          break;
        case 2:
          h.cluster().Partition({{static_cast<NodeId>(next() % 3)}});
          break;
        case 3:
          h.cluster().Heal();
          break;
        default:
          for (int i = 0; i < 3; ++i)
            proposed += h.Propose("s" + std::to_string(proposed));
      }
      RunFor(h, 100 * kMillisecond + static_cast<DurationNs>(next() % 400) * kMillisecond);
    }
    ASSERT_EQ(h.CheckStateMachineSafety(), "") << "seed " << seed;
    ASSERT_EQ(h.CheckElectionSafety(), "") << "seed " << seed;
    // Liveness phase: no more faults.
    h.cluster().Heal();
    for (NodeId n = 0; n < 3; ++n)
      h.Restart(n);
    h.cluster().faults() = FaultOptions{};
    int leader = h.WaitForLeader(10 * kSecond);
    ASSERT_GE(leader, 0) << "seed " << seed;
    bool committed = false;
    h.node(static_cast<NodeId>(leader)).Propose("final", [&](Status s, uint64_t) {
      committed = s.ok();
    });
    RunFor(h, 3 * kSecond);
    ASSERT_TRUE(committed) << "seed " << seed;
    for (NodeId n = 0; n < 3; ++n) {
      ASSERT_FALSE(h.applied(n).empty()) << "seed " << seed;
      EXPECT_EQ(h.applied(n).back().second, "final") << "seed " << seed << " node " << n;
    }
    ASSERT_EQ(h.CheckStateMachineSafety(), "") << "seed " << seed;
    total_applied += h.applied(0).size();
    total_dropped += h.cluster().dropped();
  }
  // The faults really happened and work really got done.
  EXPECT_GT(total_applied, 200u * 5);
  EXPECT_GT(total_dropped, 200u * 10);
}

}  // namespace
}  // namespace estate::testing
