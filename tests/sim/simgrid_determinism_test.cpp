// Determinism of a SimGrid run: the same seed gives a byte-identical trace, another seed a
// different one. SimGrid allows one engine per process, so each run happens in a forked child
// that writes its trace to a pipe.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "sim/sim_time.h"
#include "tests/support/sim_world.h"

namespace estate {
namespace {

using testing::SimWorld;

// Three nodes pass a token around; each holder waits a random delay, calls Buggify, and
// sends the token to a random peer. The trace records every hop with its exact time.
std::string PingPongTrace(uint64_t seed) {
  sim::SimOptions options;
  options.seed = seed;
  options.buggify.enabled = true;
  SimWorld world(SimWorld::FullMesh(3, 1.25e8, 0.004), {}, options);
  std::string trace;
  for (NodeId n = 0; n < 3; ++n) {
    sim::SimGridRuntime& rt = world.node(n);
    rt.SetBootHandler([&rt, &trace] {
      auto pass = [&rt, &trace](int hop) {
        DurationNs delay = static_cast<DurationNs>(rt.Random() % (10 * kMillisecond));
        rt.Schedule(delay, [&rt, &trace, hop] {
          NodeId to = static_cast<NodeId>((rt.self() + 1 + rt.Random() % 2) % 3);
          bool bug = rt.Buggify("slow-path");
          trace += std::to_string(rt.Now()) + " n" + std::to_string(rt.self()) + "->n" +
                   std::to_string(to) + " hop" + std::to_string(hop) + (bug ? " bug" : "") + "\n";
          rt.Send(to, Message{.type = static_cast<uint32_t>(hop + 1),
                              .payload = std::string(1 + rt.Random() % 5000, 't')});
        });
      };
      rt.SetMessageHandler([pass](NodeId, Message m) { pass(static_cast<int>(m.type)); });
      if (rt.self() == 0) pass(0);
    });
  }
  world.RunUntil(3.0);
  return trace;
}

std::string TraceInChild(uint64_t seed) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string trace = PingPongTrace(seed);
    size_t off = 0;
    while (off < trace.size()) {
      ssize_t n = write(fds[1], trace.data() + off, trace.size() - off);
      if (n <= 0) _exit(2);
      off += static_cast<size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0)
    out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "child failed";
  return out;
}

TEST(SimGridDeterminism, SameSeedSameTraceOtherSeedOther) {
  std::string first = TraceInChild(7);
  std::string second = TraceInChild(7);
  std::string other = TraceInChild(8);
  size_t hops = std::count(first.begin(), first.end(), '\n');
  EXPECT_GT(hops, 200u);  // ~3 s of hops of ~4-14 ms each
  EXPECT_NE(first.find(" bug\n"), std::string::npos);
  EXPECT_EQ(first, second);
  EXPECT_NE(first, other);
}

}  // namespace
}  // namespace estate
