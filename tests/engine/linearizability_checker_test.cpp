#include "tests/support/linearizability_checker.h"

#include <gtest/gtest.h>

#include <random>

namespace estate::testing {
namespace {

HistoryRecord Op(const std::string& op, int64_t gen, TimeNs call, TimeNs ret,
                 const std::string& outcome = "ok", std::optional<int64_t> igm = std::nullopt,
                 const std::string& key = "k") {
  HistoryRecord r;
  r.op = op;
  r.bucket = "b";
  r.object = key;
  r.generation = gen;
  r.digest = gen ? "d" + std::to_string(gen) : "";
  r.call_ns = call;
  r.return_ns = ret;
  r.outcome = outcome;
  r.if_generation_match = igm;
  return r;
}

TEST(LinearizabilityCheckerTest, SequentialHistoryIsLinearizable) {
  EXPECT_TRUE(CheckLinearizable({Op("insert", 1, 0, 10), Op("get", 1, 20, 30),
                                 Op("insert", 2, 40, 50), Op("get", 2, 60, 70),
                                 Op("delete", 2, 80, 90), Op("get", 0, 100, 110, "notFound")})
                  .ok());
}

TEST(LinearizabilityCheckerTest, ConcurrentReadMaySeeOldOrNew) {
  // The read overlaps the second write: either value is fine.
  EXPECT_TRUE(
      CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 50), Op("get", 1, 30, 40)})
          .ok());
  EXPECT_TRUE(
      CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 50), Op("get", 2, 30, 40)})
          .ok());
}

TEST(LinearizabilityCheckerTest, OverlappingWritesMayTakeEitherOrder) {
  EXPECT_TRUE(
      CheckLinearizable({Op("insert", 1, 0, 50), Op("insert", 2, 10, 40), Op("get", 1, 60, 70)})
          .ok());
  EXPECT_TRUE(
      CheckLinearizable({Op("insert", 1, 0, 50), Op("insert", 2, 10, 40), Op("get", 2, 60, 70)})
          .ok());
}

TEST(LinearizabilityCheckerTest, StaleReadAfterACompletedWriteIsCaught) {
  LinearizabilityResult r =
      CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 30), Op("get", 1, 40, 50)});
  EXPECT_EQ(r.verdict, LinearizabilityResult::kNotLinearizable);
  EXPECT_EQ(r.key, "b/k");
  EXPECT_EQ(r.explanation,
            "get by client 0 at site 0 (generation 1, outcome ok, returned at 50 ns) cannot be "
            "linearized");
}

TEST(LinearizabilityCheckerTest, ReadOfAValueNeverWrittenIsCaught) {
  EXPECT_FALSE(CheckLinearizable({Op("insert", 1, 0, 10), Op("get", 9, 20, 30)}).ok());
}

TEST(LinearizabilityCheckerTest, NewThenOldReadsAreCaught) {
  // Both reads overlap the write, but once a read has seen the new value a later read may not
  // see the old one.
  EXPECT_FALSE(CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 100),
                                  Op("get", 2, 30, 40), Op("get", 1, 50, 60)})
                   .ok());
}

TEST(LinearizabilityCheckerTest, LostUpdateWithPreconditionsIsCaught) {
  // Two compare-and-set writes on the same base generation cannot both succeed.
  EXPECT_FALSE(CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 40, "ok", 1),
                                  Op("insert", 3, 25, 45, "ok", 1)})
                   .ok());
  // One succeeding and one failing its precondition is fine.
  EXPECT_TRUE(CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 40, "ok", 1),
                                 Op("insert", 3, 25, 45, "conditionNotMet", 1)})
                  .ok());
}

TEST(LinearizabilityCheckerTest, IndeterminateWritesMayOrMayNotHaveHappened) {
  // A timed-out write later observed: it happened.
  EXPECT_TRUE(CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 30, "timeout"),
                                 Op("get", 2, 100, 110)})
                  .ok());
  // Never observed: it did not happen (or not yet).
  EXPECT_TRUE(CheckLinearizable({Op("insert", 1, 0, 10), Op("insert", 2, 20, 30, "backendError"),
                                 Op("get", 1, 100, 110)})
                  .ok());
  // But it cannot have happened before its call.
  EXPECT_FALSE(CheckLinearizable({Op("insert", 1, 0, 10), Op("get", 2, 15, 18),
                                  Op("insert", 2, 20, 30, "timeout")})
                   .ok());
}

TEST(LinearizabilityCheckerTest, KeysAreCheckedIndependently) {
  EXPECT_TRUE(CheckLinearizable({Op("insert", 1, 0, 10, "ok", std::nullopt, "a"),
                                 Op("insert", 5, 0, 10, "ok", std::nullopt, "z"),
                                 Op("get", 1, 20, 30, "ok", std::nullopt, "a"),
                                 Op("get", 5, 20, 30, "ok", std::nullopt, "z")})
                  .ok());
  LinearizabilityResult r = CheckLinearizable({Op("insert", 1, 0, 10, "ok", std::nullopt, "a"),
                                               Op("get", 7, 20, 30, "ok", std::nullopt, "z")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.key, "b/z");
}

// Histories produced by a correct sequential register, with random overlaps, all pass; the
// same history with one read corrupted fails.
TEST(LinearizabilityCheckerTest, RandomCorrectHistoriesPassAndCorruptedOnesFail) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<HistoryRecord> h;
    int64_t value = 0;
    int64_t next_gen = 1;
    TimeNs t = 0;
    for (int i = 0; i < 40; ++i) {
      // Each op takes effect at time t (its linearization point) inside [call, ret].
      const TimeNs call = t - static_cast<TimeNs>(rng() % 30);
      const TimeNs ret = t + static_cast<TimeNs>(rng() % 30);
      if (rng() % 2) {
        value = next_gen++;
        h.push_back(Op("insert", value, call, ret));
      } else {
        h.push_back(Op("get", value, call, ret, value ? "ok" : "notFound"));
      }
      t += 10;
    }
    ASSERT_TRUE(CheckLinearizable(h).ok()) << "trial " << trial;
    // Corrupt one completed read to a value that was never written.
    for (HistoryRecord& r : h) {
      if (r.op == "get" && r.outcome == "ok") {
        r.generation = 999;
        r.digest = "d999";
        break;
      }
    }
    EXPECT_FALSE(CheckLinearizable(h).ok()) << "trial " << trial;
  }
}

TEST(LinearizabilityCheckerTest, ChecksTwoThousandOperationsOverTwentyKeys) {
  std::mt19937_64 rng(9);
  std::vector<HistoryRecord> h;
  std::vector<int64_t> value(20, 0);
  int64_t next_gen = 1;
  for (int i = 0; i < 2000; ++i) {
    const TimeNs t = i * 10;
    const std::string key = "k" + std::to_string(rng() % 20);
    int64_t& v = value[std::stoi(key.substr(1))];
    const TimeNs call = t - static_cast<TimeNs>(rng() % 50);
    const TimeNs ret = t + static_cast<TimeNs>(rng() % 50);
    if (rng() % 3 == 0) {
      v = next_gen++;
      h.push_back(Op("insert", v, call, ret, "ok", std::nullopt, key));
    } else {
      h.push_back(Op("get", v, call, ret, v ? "ok" : "notFound", std::nullopt, key));
    }
  }
  LinearizabilityResult r = CheckLinearizable(h);
  EXPECT_TRUE(r.ok()) << r.explanation;
  EXPECT_GE(r.states_explored, 2000u);
}

}  // namespace
}  // namespace estate::testing
