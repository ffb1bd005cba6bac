// Timers and posted work of SimGridRuntime: exact virtual firing times, cancellation, FIFO
// order of equal-time timers, never-inline zero delays, and wake-ups from other actors.
#include <gtest/gtest.h>

#include <simgrid/s4u/Actor.hpp>
#include <string>
#include <vector>

#include "sim/sim_time.h"
#include "tests/support/sim_world.h"

namespace estate {
namespace {

using testing::SimWorld;

struct Fired {
  std::string name;
  TimeNs at;
  friend bool operator==(const Fired&, const Fired&) = default;
};

std::ostream& operator<<(std::ostream& os, const Fired& f) {
  return os << f.name << "@" << f.at;
}

TEST(SimGridTimers, FireAtExactTimesInOrderAndCancel) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e9, 0.01));
  sim::SimGridRuntime& rt = world.node(0);
  std::vector<Fired> fired;
  bool booted = false;
  TimerId done_timer = kNoTimer;
  bool cancel_after_run = true;
  auto record = [&](std::string name) {
    return [&fired, &rt, name] { fired.push_back({name, rt.Now()}); };
  };
  rt.SetBootHandler([&] {
    rt.Schedule(10 * kMillisecond, record("a"));
    rt.Schedule(5 * kMillisecond, record("b"));
    rt.Schedule(5 * kMillisecond, record("c"));
    TimerId d = rt.Schedule(7 * kMillisecond, record("d"));
    EXPECT_TRUE(rt.Cancel(d));
    EXPECT_FALSE(rt.Cancel(d));
    rt.Schedule(0, [&] {
      EXPECT_TRUE(booted);  // a zero delay never runs inline
      fired.push_back({"zero", rt.Now()});
    });
    rt.Schedule(-5 * kMillisecond, record("negative"));
    rt.Schedule(1'234'567'891, record("odd"));
    done_timer = rt.Schedule(2 * kMillisecond, record("early"));
    // A timer scheduled by a timer for the same instant runs in that instant, after it.
    rt.Schedule(3 * kMillisecond, [&] {
      fired.push_back({"outer", rt.Now()});
      rt.Schedule(0, record("inner"));
    });
    rt.Schedule(20 * kMillisecond, [&] { cancel_after_run = rt.Cancel(done_timer); });
    booted = true;
  });
  world.RunUntil(5.0);
  std::vector<Fired> expected = {{"zero", 0},
                                 {"negative", 0},
                                 {"early", 2 * kMillisecond},
                                 {"outer", 3 * kMillisecond},
                                 {"inner", 3 * kMillisecond},
                                 {"b", 5 * kMillisecond},
                                 {"c", 5 * kMillisecond},
                                 {"a", 10 * kMillisecond},
                                 {"odd", 1'234'567'891}};
  EXPECT_EQ(fired, expected);
  EXPECT_FALSE(cancel_after_run);
}

TEST(SimGridTimers, PostAndScheduleFromAnotherActorWakeTheNode) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e9, 0.01));
  sim::SimGridRuntime& rt = world.node(0);
  std::vector<Fired> fired;
  rt.SetBootHandler([&] {
    rt.Schedule(10 * kSecond, [&] { fired.push_back({"late", rt.Now()}); });
  });
  simgrid::s4u::Actor::create("driver", world.platform().hosts[0], [&] {
    simgrid::s4u::this_actor::sleep_until(0.25);
    EXPECT_FALSE(rt.in_node_actor());
    rt.Post([&] {
      EXPECT_TRUE(rt.in_node_actor());
      fired.push_back({"posted", rt.Now()});
    });
    simgrid::s4u::this_actor::sleep_until(1.0);
    // The node actor sleeps until its 10 s timer; a new earlier timer must wake it.
    rt.Schedule(kMillisecond, [&] { fired.push_back({"scheduled", rt.Now()}); });
  });
  world.RunUntil(20.0);
  std::vector<Fired> expected = {
      {"posted", 250 * kMillisecond}, {"scheduled", 1001 * kMillisecond}, {"late", 10 * kSecond}};
  EXPECT_EQ(fired, expected);
}

TEST(SimGridTimers, LogLinesCarrySimulatedTime) {
  std::vector<std::string> lines;
  sim::SimOptions options;
  options.log = [&](std::string_view line) { lines.emplace_back(line); };
  SimWorld world(SimWorld::FullMesh(2, 1.25e9, 0.01), {}, options);
  sim::SimGridRuntime& rt = world.node(1);
  rt.SetBootHandler(
      [&] { rt.Schedule(1'500'000'001, [&] { rt.Log(LogLevel::kWarning, "disk slow"); }); });
  world.RunUntil(2.0);
  EXPECT_EQ(lines, std::vector<std::string>{"[    1.500000001] n1 WARN: disk slow"});
}

}  // namespace
}  // namespace estate
