// Disk I/O through SimGridRuntime: async I/O from engine code completes in the node actor
// after size / bandwidth; blocking I/O is refused in the node actor and works elsewhere.
#include <gtest/gtest.h>

#include <simgrid/s4u/Actor.hpp>

#include "sim/sim_time.h"
#include "tests/support/sim_world.h"

namespace estate {
namespace {

using testing::SimWorld;
namespace sg4 = simgrid::s4u;

TEST(SimGridDisk, AsyncFromEngineBlockingFromOtherActors) {
  sim::PlatformSpec spec = SimWorld::FullMesh(2, 1.25e9, 0.01);
  spec.sites[0].disk_read_bw = 2e8;
  spec.sites[0].disk_write_bw = 1e8;
  SimWorld world(spec);
  sim::SimGridRuntime& rt = world.node(0);
  TimeNs write_done = -1;
  bool write_in_actor = false;
  Status blocking, no_disk, async_outside, blocking_read;
  TimeNs read_done = -1;
  rt.SetBootHandler([&] {
    blocking = rt.DiskWrite(1000);
    EXPECT_TRUE(rt.DiskWriteAsync(100'000'000, [&](Status s) {
                    EXPECT_TRUE(s.ok());
                    write_in_actor = rt.in_node_actor();
                    write_done = rt.Now();
                  }).ok());
  });
  world.node(1).SetBootHandler(
      [&] { no_disk = world.node(1).DiskWriteAsync(10, [](Status) { FAIL(); }); });
  sg4::Actor::create("io", world.platform().hosts[0], [&] {
    sg4::this_actor::sleep_until(5.0);
    async_outside = rt.DiskReadAsync(10, [](Status) { FAIL(); });
    blocking_read = rt.DiskRead(200'000'000);
    read_done = rt.Now();
  });
  world.RunUntil(10.0);
  EXPECT_EQ(blocking, Status::Invalid("blocking disk I/O would stall node 0's actor; use the async "
                                      "variant from engine code"));
  EXPECT_NEAR(write_done, kSecond, kMicrosecond);  // 1e8 bytes at 1e8 B/s
  EXPECT_TRUE(write_in_actor);
  EXPECT_EQ(no_disk, Status::Invalid("node 1 has no disk"));
  EXPECT_EQ(async_outside, Status::Invalid("async disk I/O must start in node 0's actor"));
  EXPECT_TRUE(blocking_read.ok());
  EXPECT_NEAR(read_done, 6 * kSecond, kMicrosecond);  // 2e8 bytes at 2e8 B/s
}

}  // namespace
}  // namespace estate
