#include "service/runtime/event_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <vector>

namespace estate::service {
namespace {

// Records the order in which loop tasks ran; only the loop thread appends.
struct Trace {
  std::mutex mu;
  std::vector<int> order;
  void Add(int v) {
    std::lock_guard<std::mutex> lock(mu);
    order.push_back(v);
  }
  std::vector<int> Get() {
    std::lock_guard<std::mutex> lock(mu);
    return order;
  }
};

// Blocks until everything scheduled before it with an earlier due time has run.
void Drain(EventLoop& loop, DurationNs after) {
  std::promise<void> done;
  loop.Schedule(after, [&] { done.set_value(); });
  done.get_future().wait();
}

TEST(EventLoop, TimersFireInDueOrderNotSchedulingOrder) {
  EventLoop loop;
  Trace trace;
  // Scheduled before the loop starts, so all are pending together whatever the machine load.
  loop.Schedule(30 * kMillisecond, [&] { trace.Add(30); });
  loop.Schedule(10 * kMillisecond, [&] { trace.Add(10); });
  loop.Schedule(20 * kMillisecond, [&] { trace.Add(20); });
  loop.Start();
  Drain(loop, 40 * kMillisecond);
  EXPECT_EQ(trace.Get(), (std::vector<int>{10, 20, 30}));
}

TEST(EventLoop, PostedTasksRunInPostingOrderOnTheLoopThread) {
  EventLoop loop;
  loop.Start();
  Trace trace;
  std::atomic<bool> on_loop{true};
  for (int i = 0; i < 100; ++i) {
    loop.Post([&, i] {
      on_loop = on_loop && loop.InLoopThread();
      trace.Add(i);
    });
  }
  Drain(loop, 0);
  std::vector<int> expected(100);
  for (int i = 0; i < 100; ++i)
    expected[i] = i;
  EXPECT_EQ(trace.Get(), expected);
  EXPECT_TRUE(on_loop);
  EXPECT_FALSE(loop.InLoopThread());
}

TEST(EventLoop, CancelledTimerNeverRunsAndCancelReportsWhetherItWasPending) {
  EventLoop loop;
  Trace trace;
  const TimerId keep = loop.Schedule(5 * kMillisecond, [&] { trace.Add(1); });
  const TimerId drop = loop.Schedule(5 * kMillisecond, [&] { trace.Add(2); });
  EXPECT_NE(keep, kNoTimer);
  EXPECT_NE(keep, drop);
  EXPECT_TRUE(loop.Cancel(drop));
  EXPECT_FALSE(loop.Cancel(drop));
  loop.Start();
  Drain(loop, 20 * kMillisecond);
  EXPECT_EQ(trace.Get(), (std::vector<int>{1}));
  EXPECT_FALSE(loop.Cancel(keep));  // already ran
  EXPECT_EQ(loop.pending(), 0u);
}

TEST(EventLoop, ATimerScheduledFromATimerRunsLater) {
  EventLoop loop;
  loop.Start();
  Trace trace;
  std::promise<void> done;
  loop.Post([&] {
    trace.Add(1);
    loop.Schedule(0, [&] {
      trace.Add(3);
      done.set_value();
    });
    trace.Add(2);  // the inner task never runs inline
  });
  done.get_future().wait();
  EXPECT_EQ(trace.Get(), (std::vector<int>{1, 2, 3}));
}

TEST(EventLoop, StopDiscardsPendingWorkAndRefusesNewPosts) {
  EventLoop loop;
  loop.Start();
  std::atomic<int> ran{0};
  loop.Schedule(3600 * kSecond, [&] { ++ran; });
  loop.Stop();
  EXPECT_FALSE(loop.Post([&] { ++ran; }));
  EXPECT_EQ(ran, 0);
  EXPECT_EQ(loop.pending(), 0u);
}

TEST(EventLoop, ClockIsMonotonicAndNearTheWallClock) {
  EventLoop loop;
  const TimeNs a = loop.Now();
  const TimeNs b = loop.Now();
  EXPECT_LE(a, b);
  const TimeNs wall = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  // Anchored at the wall clock: within a minute of it (generations are microsecond times).
  EXPECT_LT(std::llabs(wall - b), 60 * kSecond);
}

}  // namespace
}  // namespace estate::service
