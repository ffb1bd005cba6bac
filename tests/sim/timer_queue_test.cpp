// TimerQueue: (time, scheduling order) ordering, lazy cancellation, Clear.
#include "sim/timer_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace estate::sim {
namespace {

TEST(TimerQueue, PopsInTimeThenFifoOrderAndSkipsCancelled) {
  TimerQueue q;
  std::vector<std::string> ran;
  auto add = [&](TimeNs at, std::string name) {
    return q.Add(at, [&ran, name] { ran.push_back(name); });
  };
  TimerId a = add(30, "a");
  add(10, "b");
  TimerId c = add(10, "c");
  add(10, "d");
  add(20, "e");
  EXPECT_NE(a, kNoTimer);
  EXPECT_TRUE(q.Cancel(c));
  EXPECT_FALSE(q.Cancel(c));
  EXPECT_FALSE(q.Cancel(999));
  EXPECT_EQ(q.pending(), 4u);
  EXPECT_EQ(q.NextDue(), std::optional<TimeNs>(10));
  EXPECT_FALSE(q.PopDue(9).has_value());
  while (auto fn = q.PopDue(20))
    (*fn)();
  EXPECT_EQ(ran, (std::vector<std::string>{"b", "d", "e"}));
  EXPECT_EQ(q.NextDue(), std::optional<TimeNs>(30));
  EXPECT_TRUE(q.Cancel(add(5, "f")));
  EXPECT_TRUE(q.Cancel(a));
  EXPECT_EQ(q.NextDue(), std::nullopt);
}

TEST(TimerQueue, ClearDropsEverythingAndIdsStayFresh) {
  TimerQueue q;
  TimerId first = q.Add(1, [] {});
  q.Clear();
  EXPECT_EQ(q.pending(), 0u);
  EXPECT_FALSE(q.PopDue(100).has_value());
  EXPECT_FALSE(q.Cancel(first));
  EXPECT_GT(q.Add(1, [] {}), first);
}

}  // namespace
}  // namespace estate::sim
