// Message transfer through SimGridRuntime against SimGrid's closed forms (LV08, latency
// factor 1, bandwidth factor 0.97, TCP-gamma window), fair sharing, and the separation of
// the control channel from bulk data streams.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "sim/sim_time.h"
#include "tests/support/sim_world.h"

namespace estate {
namespace {

using testing::SimWorld;

struct Arrival {
  double at;  // seconds
  uint32_t type;
  uint16_t stream;
};

// Node 1 records every message; node 0 sends `sends` (at given times) once it boots.
struct Send {
  double at;
  Message msg;
};

std::vector<Arrival> RunTransfers(SimWorld& world, const std::vector<Send>& sends, double until) {
  std::vector<Arrival> arrivals;
  sim::SimGridRuntime& receiver = world.node(1);
  receiver.SetBootHandler([&] {
    receiver.SetMessageHandler([&](NodeId from, Message m) {
      EXPECT_EQ(from, 0);
      arrivals.push_back({sim::NsToSeconds(receiver.Now()), m.type, m.stream});
    });
  });
  sim::SimGridRuntime& sender = world.node(0);
  sender.SetBootHandler([&] {
    for (const Send& s : sends) {
      sender.Schedule(static_cast<DurationNs>(s.at * 1e9),
                      [&sender, m = s.msg] { sender.Send(1, m); });
    }
  });
  world.RunUntil(until);
  return arrivals;
}

Message Sized(uint32_t type, uint64_t wire_bytes, uint16_t stream) {
  Message m;
  m.type = type;
  m.payload = "x";
  m.wire_bytes = wire_bytes;
  m.stream = stream;
  return m;
}

// LV08 with latency factor 1: a flow pays the route latency once, then moves at
// bandwidth_factor * min(bandwidth, gamma / (2 * latency)), shared max-min among flows.
double ClosedForm(double bytes, double bandwidth, double latency, double flows = 1) {
  const sim::NetworkConfig defaults;
  double rate =
      defaults.bandwidth_factor * std::min(bandwidth / flows, defaults.tcp_gamma / (2 * latency));
  return latency + bytes / rate;
}

TEST(SimGridNetwork, SmallMessageCrossesLinkInItsLatency) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e10, 0.015));
  Message m;
  m.type = 7;
  m.payload = std::string(100, 'p');
  auto arrivals = RunTransfers(world, {{0, m}}, 1.0);
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_EQ(arrivals[0].type, 7u);
  EXPECT_NEAR(arrivals[0].at, 0.015, 0.015 * 0.01);
  EXPECT_GE(arrivals[0].at, 0.015);
}

TEST(SimGridNetwork, BandwidthBoundTransferMatchesModel) {
  const double bandwidth = 1.25e8, latency = 0.005, size = 1e9;  // 1 Gb/s, window not binding
  SimWorld world(SimWorld::FullMesh(2, bandwidth, latency));
  auto arrivals = RunTransfers(world, {{0, Sized(1, size, 1)}}, 100.0);
  ASSERT_EQ(arrivals.size(), 1u);
  double expected = ClosedForm(size + 64, bandwidth, latency);
  EXPECT_NEAR(arrivals[0].at, expected, expected * 0.005);
}

TEST(SimGridNetwork, WindowBoundTransferMatchesModel) {
  // 100 Gb/s over 15 ms: one flow is capped by its 16 MiB window at ~543 MB/s.
  const double bandwidth = 1.25e10, latency = 0.015, size = 1e9;
  SimWorld world(SimWorld::FullMesh(2, bandwidth, latency));
  auto arrivals = RunTransfers(world, {{0, Sized(1, size, 1)}}, 100.0);
  ASSERT_EQ(arrivals.size(), 1u);
  double expected = ClosedForm(size + 64, bandwidth, latency);
  EXPECT_NEAR(arrivals[0].at, expected, expected * 0.005);
  EXPECT_GT(arrivals[0].at, 1.8);  // far slower than the link: the window binds
}

TEST(SimGridNetwork, ConcurrentFlowsShareTheLinkFairly) {
  const double bandwidth = 1e8, latency = 0.01, size = 1e7;
  const int flows = 4;
  SimWorld world(SimWorld::FullMesh(2, bandwidth, latency));
  std::vector<Send> sends;
  for (int i = 0; i < flows; ++i) {
    sends.push_back({0, Sized(i, size, static_cast<uint16_t>(i + 1))});
  }
  auto arrivals = RunTransfers(world, sends, 100.0);
  ASSERT_EQ(arrivals.size(), static_cast<size_t>(flows));
  double expected = ClosedForm(size + 64, bandwidth, latency, flows);
  for (const Arrival& a : arrivals) {
    EXPECT_NEAR(a.at, expected, expected * 0.005) << "stream " << a.stream;
    EXPECT_NEAR(a.at, arrivals[0].at, 1e-9);
  }
}

TEST(SimGridNetwork, ControlIsNotDelayedByBulkOnADataStream) {
  const double bandwidth = 1.25e8, latency = 0.015;
  SimWorld world(SimWorld::FullMesh(2, bandwidth, latency));
  Message control;
  control.type = 2;
  control.payload = std::string(100, 'c');
  auto arrivals = RunTransfers(world, {{0, Sized(1, 1e9, 1)}, {0.1, control}}, 100.0);
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_EQ(arrivals[0].type, 2u);
  EXPECT_NEAR(arrivals[0].at, 0.1 + latency, latency * 0.01);
  EXPECT_EQ(arrivals[1].type, 1u);
  EXPECT_GT(arrivals[1].at, 8.0);  // 1 GB at ~121 MB/s: the control message overtook it
}

TEST(SimGridNetwork, DataStreamIsFifo) {
  // A small message behind a large one on the same stream arrives after it, as on one TCP
  // connection.
  SimWorld world(SimWorld::FullMesh(2, 1.25e8, 0.015));
  auto arrivals = RunTransfers(world, {{0, Sized(1, 1e8, 3)}, {0.01, Sized(2, 10, 3)}}, 100.0);
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_EQ(arrivals[0].type, 1u);
  EXPECT_EQ(arrivals[1].type, 2u);
  EXPECT_GE(arrivals[1].at, arrivals[0].at);
}

TEST(SimGridNetwork, MessagesSentInOneEventAreCoalesced) {
  SimWorld world(SimWorld::FullMesh(2, 1.25e10, 0.015));
  std::vector<Send> sends;
  for (int i = 0; i < 100; ++i) {
    Message m;
    m.type = i;
    m.payload = "ping";
    sends.push_back({0.5, m});
  }
  // One timer per message, all due at 0.5 s: each runs as its own event, so nothing is
  // coalesced across them; a burst from one callback is.
  sim::SimGridRuntime& sender = world.node(0);
  std::vector<Arrival> arrivals;
  world.node(1).SetBootHandler([&] {
    world.node(1).SetMessageHandler([&](NodeId, Message m) {
      arrivals.push_back({sim::NsToSeconds(world.node(1).Now()), m.type, m.stream});
    });
  });
  sender.SetBootHandler([&] {
    sender.Schedule(500 * kMillisecond, [&] {
      for (const Send& s : sends)
        sender.Send(1, s.msg);
    });
  });
  world.RunUntil(1.0);
  ASSERT_EQ(arrivals.size(), 100u);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(arrivals[i].type, static_cast<uint32_t>(i));
  EXPECT_EQ(sender.messages_sent(), 100u);
  EXPECT_EQ(sender.transfers_started(), 1u);
  EXPECT_NEAR(arrivals.back().at, 0.515, 0.515 * 0.001);
}

TEST(SimGridNetwork, MultiHopRouteAddsLatencies) {
  sim::PlatformSpec spec;
  spec.sites = {{.name = "a"}, {.name = "m"}, {.name = "b"}};
  spec.links = {{"a-m", "a", "m", 1.25e9, 0.010}, {"m-b", "m", "b", 1.25e9, 0.020}};
  spec.routes = {{"a", "b", {"a-m", "m-b"}}};
  SimWorld world(spec);
  // Node 2 (site b) records; node 0 (site a) sends.
  std::vector<double> arrivals;
  sim::SimGridRuntime& b = world.node(2);
  b.SetBootHandler([&] {
    b.SetMessageHandler([&](NodeId from, Message) {
      EXPECT_EQ(from, 0);
      arrivals.push_back(sim::NsToSeconds(b.Now()));
      b.Send(0, Message{.type = 9, .payload = "back"});
    });
  });
  std::vector<double> replies;
  sim::SimGridRuntime& a = world.node(0);
  a.SetBootHandler([&] {
    a.SetMessageHandler([&](NodeId, Message) { replies.push_back(sim::NsToSeconds(a.Now())); });
    a.Send(2, Message{.type = 1, .payload = "go"});
  });
  world.RunUntil(1.0);
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_NEAR(arrivals[0], 0.030, 0.030 * 0.001);
  ASSERT_EQ(replies.size(), 1u);  // the reverse route was derived from the forward one
  EXPECT_NEAR(replies[0], 0.060, 0.060 * 0.001);
}

TEST(SimGridNetwork, NicIsSharedByAllFlowsOfASite) {
  sim::PlatformSpec spec = SimWorld::FullMesh(3, 1.25e10, 0.001);
  spec.sites[0].nic_bandwidth = 1e8;  // 0.8 Gb/s NIC, far below the 100 Gb/s links
  SimWorld world(spec);
  std::vector<double> arrivals;
  for (NodeId n : {NodeId{1}, NodeId{2}}) {
    sim::SimGridRuntime& r = world.node(n);
    r.SetBootHandler([&arrivals, &r] {
      r.SetMessageHandler(
          [&arrivals, &r](NodeId, Message) { arrivals.push_back(sim::NsToSeconds(r.Now())); });
    });
  }
  sim::SimGridRuntime& a = world.node(0);
  a.SetBootHandler([&] {
    a.Send(1, Sized(1, 1e7, 1));
    a.Send(2, Sized(2, 1e7, 1));
  });
  world.RunUntil(10.0);
  ASSERT_EQ(arrivals.size(), 2u);
  double expected = ClosedForm(1e7 + 64, 1e8, 0.001, 2);
  EXPECT_NEAR(arrivals[0], expected, expected * 0.005);
  EXPECT_NEAR(arrivals[1], expected, expected * 0.005);
}

}  // namespace
}  // namespace estate
