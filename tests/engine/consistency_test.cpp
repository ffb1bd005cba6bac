// Consistency properties of the engine's modes under faults, checked on histories.
#include <gtest/gtest.h>

#include "tests/support/client_workload.h"
#include "tests/support/linearizability_checker.h"
#include "tests/support/seed_budget.h"

namespace estate::testing {
namespace {

FaultOptions NetworkFaults() {
  FaultOptions f;
  f.drop_probability = 0.02;
  f.duplicate_probability = 0.01;
  f.reorder_probability = 0.05;
  f.max_jitter = 5 * kMillisecond;
  return f;
}

// Strong mode: 500 seeds of partitions, crashes, restarts, loss, delay, duplication and
// reordering; every history is linearizable.
TEST(ConsistencyTest, StrongModeHistoriesAreLinearizableUnderFaults) {
  uint64_t total_ops = 0, total_writes = 0, total_faults = 0;
  for (uint64_t seed = 1; seed <= SeedsForThisBuild(500); ++seed) {
    EngineHarness h(seed, NetworkFaults());
    ASSERT_TRUE(h.Boot()) << "seed " << seed;
    WorkloadOptions o;
    o.mode = ConsistencyMode::kStrong;
    o.duration = 2 * kSecond;
    o.roaming = seed % 2 == 0;
    WorkloadResult r = RunClientWorkload(h, seed, o);
    LinearizabilityResult check = CheckLinearizable(r.history);
    ASSERT_TRUE(check.ok()) << "seed " << seed << ": " << check.key << ": " << check.explanation;
    total_ops += r.history.size();
    total_writes += r.ok_writes;
    total_faults += r.faults_injected;
  }
  // The runs did real work under real faults.
  EXPECT_GT(total_ops, SeedsForThisBuild(500) * 50);
  EXPECT_GT(total_writes, SeedsForThisBuild(500) * 5);
  EXPECT_GT(total_faults, SeedsForThisBuild(500) * 2);
}

// The checker can fail: eventual mode under partition lets both sides accept writes, and a
// client sees the histories diverge.
TEST(ConsistencyTest, EventualModeUnderPartitionIsCaughtNotLinearizable) {
  int caught = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    EngineHarness h(seed);
    ASSERT_TRUE(h.Boot());
    WorkloadOptions o;
    o.mode = ConsistencyMode::kEventual;
    o.crashes = false;
    o.fault_probability = 0.8;
    WorkloadResult r = RunClientWorkload(h, seed, o);
    if (CheckLinearizable(r.history).verdict == LinearizabilityResult::kNotLinearizable) ++caught;
  }
  EXPECT_GE(caught, 1);
}

// After heal and quiescence every site holds the same namespace, in every asynchronous mode.
TEST(ConsistencyTest, AsyncModesConvergeAfterHeal) {
  for (ConsistencyMode mode : {ConsistencyMode::kEventual, ConsistencyMode::kSession,
                               ConsistencyMode::kBoundedStaleness}) {
    for (uint64_t seed = 1; seed <= SeedsForThisBuild(30); ++seed) {
      EngineHarness h(seed, NetworkFaults());
      ASSERT_TRUE(h.Boot());
      WorkloadOptions o;
      o.mode = mode;
      WorkloadResult r = RunClientWorkload(h, seed, o);
      ASSERT_GT(r.ok_writes, 0u);
      ASSERT_TRUE(h.Quiesce(30 * kSecond)) << ConsistencyModeName(mode) << " seed " << seed;
      const uint64_t d = h.node(0).ns().Digest();
      EXPECT_EQ(h.node(1).ns().Digest(), d) << ConsistencyModeName(mode) << " seed " << seed;
      EXPECT_EQ(h.node(2).ns().Digest(), d) << ConsistencyModeName(mode) << " seed " << seed;
    }
  }
}

// strong and sync-sites: no acknowledged write is lost across any single-site failure.
TEST(ConsistencyTest, NoAcknowledgedWriteIsLostInStrongAndSyncSites) {
  for (ConsistencyMode mode : {ConsistencyMode::kStrong, ConsistencyMode::kSyncSites}) {
    int checked = 0;
    for (uint64_t seed = 1; seed <= SeedsForThisBuild(40); ++seed) {
      EngineHarness h(seed, NetworkFaults());
      ASSERT_TRUE(h.Boot());
      WorkloadOptions o;
      o.mode = mode;
      o.keys = 50;  // mostly distinct keys, so a lost write would still be missing at the end
      WorkloadResult r = RunClientWorkload(h, seed, o);
      ASSERT_TRUE(h.Quiesce(30 * kSecond));
      // Generations grow in commit order, so each key must end at its highest acknowledged
      // insert, or absent if an acknowledged delete removed that one; keys with an unanswered
      // write are skipped, since it may have landed later.
      std::map<std::string, int64_t> max_insert, max_deleted;
      std::set<std::string> uncertain;
      for (const HistoryRecord& rec : r.history) {
        if (rec.op == "get") continue;
        if (rec.outcome == "ok") {
          auto& slot = rec.op == "insert" ? max_insert[rec.object] : max_deleted[rec.object];
          slot = std::max(slot, rec.generation);
        } else if (rec.outcome != "conditionNotMet" && rec.outcome != "notFound" &&
                   rec.outcome != "refused") {
          uncertain.insert(rec.object);
        }
      }
      for (const auto& [name, gen] : max_insert) {
        if (uncertain.count(name)) continue;
        ++checked;
        const bool deleted = max_deleted[name] >= gen;
        for (SiteId s = 0; s < 3; ++s) {
          Result<ObjectMeta> got = h.node(s).ns().GetObject("lake", name);
          if (deleted) {
            EXPECT_FALSE(got.ok()) << name << " at site " << s;
          } else {
            ASSERT_TRUE(got.ok()) << ConsistencyModeName(mode) << " seed " << seed << ": " << name
                                  << " lost at site " << s;
            EXPECT_EQ(got->generation, gen) << name << " at site " << s;
          }
        }
      }
    }
    EXPECT_GT(checked, SeedsForThisBuild(40) * 10) << ConsistencyModeName(mode);
  }
}

// session: every read a client makes sees its own latest acknowledged write or something
// newer (read-your-writes), and never an older generation than it saw before (monotonic
// reads), even as the client's reads move between sites. Without deletes, generations of a
// key only grow, so both reduce to: a read's generation >= the client's floor for that key.
TEST(ConsistencyTest, SessionGuaranteesHold) {
  uint64_t checked = 0;
  for (uint64_t seed = 1; seed <= SeedsForThisBuild(40); ++seed) {
    EngineHarness h(seed, NetworkFaults());
    ASSERT_TRUE(h.Boot());
    WorkloadOptions o;
    o.mode = ConsistencyMode::kSession;
    o.crashes = false;
    o.deletes = false;
    o.roaming = true;
    WorkloadResult r = RunClientWorkload(h, seed, o);
    std::vector<const HistoryRecord*> by_return;
    for (const HistoryRecord& rec : r.history)
      by_return.push_back(&rec);
    // A client's next call can start at the very instant its previous one returned, so ties
    // on return time are broken by call time.
    std::sort(by_return.begin(), by_return.end(), [](auto* a, auto* b) {
      return std::tie(a->return_ns, a->call_ns) < std::tie(b->return_ns, b->call_ns);
    });
    std::map<std::pair<uint64_t, std::string>, int64_t> floor;  // (client, key) → generation
    for (const HistoryRecord* rec : by_return) {
      int64_t& f = floor[{rec->client, rec->object}];
      if (rec->op == "insert" && rec->outcome == "ok") f = std::max(f, rec->generation);
      if (rec->op != "get") continue;
      if (rec->outcome != "ok" && rec->outcome != "notFound") continue;
      const int64_t seen = rec->outcome == "ok" ? rec->generation : 0;
      EXPECT_GE(seen, f) << "seed " << seed << " client " << rec->client << " " << rec->object;
      f = std::max(f, seen);
      ++checked;
    }
  }
  EXPECT_GT(checked, SeedsForThisBuild(40) * 50);
}

// bounded-staleness: a read served at any site returns a state at most T old: every write
// acknowledged more than T before the read started is visible in it (or superseded).
TEST(ConsistencyTest, BoundedStalenessBoundHolds) {
  uint64_t checked = 0;
  for (uint64_t seed = 1; seed <= SeedsForThisBuild(40); ++seed) {
    EngineHarness h(seed, NetworkFaults());
    ASSERT_TRUE(h.Boot());
    const DurationNs bound =
        h.options().mounts.Resolve("lake", "bounded/x")->mount->policy.staleness.max_lag;
    WorkloadOptions o;
    o.mode = ConsistencyMode::kBoundedStaleness;
    o.deletes = false;
    o.duration = 4 * kSecond;
    WorkloadResult r = RunClientWorkload(h, seed, o);
    for (const HistoryRecord& read : r.history) {
      if (read.op != "get" || (read.outcome != "ok" && read.outcome != "notFound")) continue;
      const int64_t seen = read.outcome == "ok" ? read.generation : 0;
      for (const HistoryRecord& w : r.history) {
        if (w.op != "insert" || w.outcome != "ok" || w.object != read.object) continue;
        if (w.return_ns + bound < read.call_ns) {
          EXPECT_GE(seen, w.generation) << "seed " << seed << " " << read.object;
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, SeedsForThisBuild(40) * 50);
}

}  // namespace
}  // namespace estate::testing
