// Crash and restart of a simulated node: messages to a down node and messages in flight at
// the crash are lost, timers of the old incarnation never fire, unsynced blobs are dropped,
// the restart boots a new engine that receives again; a sender crashing mid-transfer does
// not disturb the receiver.
#include <gtest/gtest.h>

#include <simgrid/s4u/Actor.hpp>
#include <string>
#include <vector>

#include "sim/sim_time.h"
#include "tests/support/sim_world.h"

namespace estate {
namespace {

using testing::SimWorld;
namespace sg4 = simgrid::s4u;

struct Received {
  std::string payload;
  TimeNs at;
  uint64_t incarnation;
};

TEST(SimGridCrash, LosesMessagesTimersAndUnsyncedBlobsThenRestarts) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e9, 0.015));
  sim::SimGridRuntime& sender = world.node(0);
  sim::SimGridRuntime& victim = world.node(1);
  std::vector<Received> received;
  std::vector<TimeNs> victim_timers;
  int boots = 0, crashes = 0;
  victim.SetBootHandler([&] {
    ++boots;
    victim.SetMessageHandler([&](NodeId, Message m) {
      received.push_back({m.payload, victim.Now(), victim.incarnation()});
    });
    if (boots == 1) {
      EXPECT_TRUE(victim.Storage().Put("durable", "1", /*sync=*/true).ok());
      EXPECT_TRUE(victim.Storage().Put("volatile", "2", /*sync=*/false).ok());
      victim.Schedule(1500 * kMillisecond, [&] { victim_timers.push_back(victim.Now()); });
    }
  });
  victim.SetCrashHandler([&] { ++crashes; });
  sender.SetBootHandler([&] {
    auto send_at = [&](DurationNs at, std::string text) {
      sender.Schedule(at, [&sender, text] { sender.Send(1, Message{.payload = text}); });
    };
    send_at(500 * kMillisecond, "a");   // delivered at 0.515
    send_at(990 * kMillisecond, "b");   // in flight when the victim crashes at 1.0
    send_at(1500 * kMillisecond, "c");  // victim down
    send_at(2500 * kMillisecond, "d");  // delivered to the restarted victim
  });
  sg4::Actor::create("chaos", world.platform().hosts[0], [&] {
    sg4::this_actor::sleep_until(1.0);
    victim.Crash();
    EXPECT_FALSE(victim.up());
    victim.Crash();  // no-op when down
    sg4::this_actor::sleep_until(2.0);
    victim.Restart();
  });
  world.RunUntil(3.0);

  std::vector<Received> expected = {{"a", 515 * kMillisecond, 1}, {"d", 2515 * kMillisecond, 2}};
  ASSERT_EQ(received.size(), 2u);
  // Arrival = latency + 65 bytes at ~1.2 GB/s: within a microsecond of the latency.
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(received[i].payload, expected[i].payload);
    EXPECT_NEAR(received[i].at, expected[i].at, kMicrosecond);
    EXPECT_EQ(received[i].incarnation, expected[i].incarnation);
  }
  EXPECT_EQ(boots, 2);
  EXPECT_EQ(crashes, 1);
  EXPECT_TRUE(victim_timers.empty());
  EXPECT_EQ(victim.Storage().Get("durable").value(), "1");
  EXPECT_TRUE(victim.Storage().Get("volatile").status().IsNotFound());
  EXPECT_EQ(sender.messages_dropped(), 1u);  // "c": refused at the sender
  EXPECT_EQ(victim.messages_dropped(), 1u);  // "b": cut in flight
  EXPECT_EQ(world.cluster().messages_delivered(), 2u);
  EXPECT_TRUE(victim.up());
}

TEST(SimGridCrash, SenderCrashMidTransferLeavesReceiverServing) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e8, 0.015));
  sim::SimGridRuntime& sender = world.node(0);
  sim::SimGridRuntime& receiver = world.node(1);
  std::vector<Received> received;
  receiver.SetBootHandler([&] {
    receiver.SetMessageHandler([&](NodeId, Message m) {
      received.push_back({m.payload, receiver.Now(), receiver.incarnation()});
    });
  });
  sender.SetBootHandler([&] {
    if (sender.incarnation() == 1) {
      // 1 GB on a data stream: about 8 s at 1 Gb/s; the crash at 1 s cuts it.
      sender.Send(1, Message{.payload = "bulk", .wire_bytes = 1'000'000'000, .stream = 1});
    } else {
      sender.Send(1, Message{.payload = "hello again"});
    }
  });
  sg4::Actor::create("chaos", world.platform().hosts[1], [&] {
    sg4::this_actor::sleep_until(1.0);
    sender.Crash();
    sg4::this_actor::sleep_until(2.0);
    sender.Restart();
  });
  world.RunUntil(20.0);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].payload, "hello again");
  EXPECT_NEAR(received[0].at, 2015 * kMillisecond, 10 * kMicrosecond);
  EXPECT_EQ(receiver.incarnation(), 1u);
  EXPECT_EQ(receiver.messages_dropped(), 1u);  // the cut bulk transfer
}

}  // namespace
}  // namespace estate
