// Small-message throughput of the SimGrid runtime against bare SimGrid mailbox traffic of
// the same shape: the "engine overhead" of SimGridRuntime. SimGrid allows one engine per
// process, so every iteration runs its simulation in a forked child; wall time (UseRealTime)
// covers fork and platform set-up, which are small next to the messages.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <simgrid/s4u.hpp>

#include "sim/platform_builder.h"
#include "sim/sim_cluster.h"

namespace estate::sim {
namespace {

namespace sg4 = simgrid::s4u;

constexpr int kMessages = 200'000;

// Runs body in a child process; aborts the benchmark if the child fails.
void InChild(benchmark::State& state, const std::function<void()>& body) {
  pid_t pid = fork();
  if (pid == 0) {
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("child failed");
}

Platform TwoSites(sg4::Engine*) {
  ApplyNetworkConfig({});
  PlatformSpec spec;
  spec.sites = {{.name = "a"}, {.name = "b"}};
  spec.links = {{"ab", "a", "b", 1.25e9, 0.005}};
  spec.routes = DirectRoutes(spec);
  return BuildPlatform(spec).value();
}

sg4::Engine* NewEngine() {
  static int argc = 1;
  static char name[] = "bench";
  static char* argv[] = {name, nullptr};
  return new sg4::Engine(&argc, argv);  // lives until the child exits
}

// `window` tokens bounce between two actors through eager mailboxes, one detached put each.
void BareMailboxPingPong(int window) {
  sg4::Engine* e = NewEngine();
  Platform p = TwoSites(e);
  static int token;
  auto* to_b = sg4::Mailbox::by_name("to-b");
  auto* to_a = sg4::Mailbox::by_name("to-a");
  sg4::ActorPtr b = sg4::Actor::create("b", p.hosts[1], [to_a, to_b] {
    for (;;) {
      to_b->get<int>();
      to_a->put_init(&token, 100)->detach();
    }
  });
  b->daemonize();
  to_b->set_receiver(b);
  sg4::Actor::create("a", p.hosts[0], [to_a, to_b, window] {
    to_a->set_receiver(sg4::Actor::self());
    for (int i = 0; i < window; ++i)
      to_b->put_init(&token, 100)->detach();
    for (int sent = window; sent < kMessages / 2; ++sent) {
      to_a->get<int>();
      to_b->put_init(&token, 100)->detach();
    }
  });
  e->run();
}

// Two SimGridRuntime nodes on the two-site platform, and a mailbox the last message signals.
struct TwoNodes {
  explicit TwoNodes(bool coalesce)
      : engine(NewEngine()),
        platform(TwoSites(engine)),
        cluster(Options(coalesce)),
        a(cluster.AddNode(0, platform.hosts[0])),
        b(cluster.AddNode(1, platform.hosts[1])),
        done(sg4::Mailbox::by_name("done")) {}
  static SimOptions Options(bool coalesce) {
    SimOptions o;
    o.coalesce = coalesce;
    return o;
  }
  sg4::Engine* engine;
  Platform platform;
  SimCluster cluster;
  SimGridRuntime& a;
  SimGridRuntime& b;
  sg4::Mailbox* done;
};
static int done_token;

// The same traffic through two SimGridRuntime nodes whose handlers answer each message.
void RuntimePingPong(int window, bool coalesce) {
  TwoNodes run(coalesce);
  SimGridRuntime& a = run.a;
  SimGridRuntime& b = run.b;
  auto* done = run.done;
  int received = 0;
  b.SetBootHandler(
      [&b] { b.SetMessageHandler([&b](NodeId from, Message m) { b.Send(from, std::move(m)); }); });
  a.SetBootHandler([&] {
    a.SetMessageHandler([&](NodeId from, Message m) {
      if (++received == kMessages / 2) done->put_init(&done_token, 0)->detach();
      if (received + window <= kMessages / 2) a.Send(from, std::move(m));
    });
    for (int i = 0; i < window; ++i)
      a.Send(1, Message{.type = 1, .payload = "ping"});
  });
  run.cluster.Start();
  sg4::Actor::create("driver", run.platform.hosts[0], [done] { done->get<int>(); });
  run.engine->run();
}

// Node 0 sends bursts of `burst` messages from one timer callback every millisecond.
void RuntimeBurst(int burst, bool coalesce) {
  TwoNodes run(coalesce);
  SimGridRuntime& a = run.a;
  SimGridRuntime& b = run.b;
  auto* done = run.done;
  int received = 0;
  b.SetBootHandler([&] {
    b.SetMessageHandler([&](NodeId, Message) {
      if (++received == kMessages) done->put_init(&done_token, 0)->detach();
    });
  });
  std::function<void(int)> tick = [&](int sent) {
    for (int i = 0; i < burst; ++i)
      a.Send(1, Message{.type = 2, .payload = "burst"});
    if (sent + burst < kMessages) a.Schedule(kMillisecond, [&, sent] { tick(sent + burst); });
  };
  a.SetBootHandler([&] { tick(0); });
  run.cluster.Start();
  sg4::Actor::create("driver", run.platform.hosts[1], [done] { done->get<int>(); });
  run.engine->run();
}

void BareBurst(int burst) {
  sg4::Engine* e = NewEngine();
  Platform p = TwoSites(e);
  static int token;
  auto* to_b = sg4::Mailbox::by_name("to-b");
  sg4::ActorPtr b = sg4::Actor::create("b", p.hosts[1], [to_b] {
    for (int i = 0; i < kMessages; ++i)
      to_b->get<int>();
  });
  to_b->set_receiver(b);
  sg4::Actor::create("a", p.hosts[0], [to_b, burst] {
    for (int sent = 0; sent < kMessages; sent += burst) {
      for (int i = 0; i < burst; ++i)
        to_b->put_init(&token, 100)->detach();
      sg4::this_actor::sleep_for(0.001);
    }
  });
  e->run();
}

void BM_BareMailboxPingPong(benchmark::State& state) {
  for (auto _ : state)
    InChild(state, [&] { BareMailboxPingPong(state.range(0)); });
  state.SetItemsProcessed(state.iterations() * kMessages);
}
void BM_RuntimePingPong(benchmark::State& state) {
  for (auto _ : state) {
    InChild(state, [&] { RuntimePingPong(state.range(0), state.range(1) != 0); });
  }
  state.SetItemsProcessed(state.iterations() * kMessages);
}
void BM_BareBurst(benchmark::State& state) {
  for (auto _ : state)
    InChild(state, [&] { BareBurst(state.range(0)); });
  state.SetItemsProcessed(state.iterations() * kMessages);
}
void BM_RuntimeBurst(benchmark::State& state) {
  for (auto _ : state)
    InChild(state, [&] { RuntimeBurst(state.range(0), state.range(1) != 0); });
  state.SetItemsProcessed(state.iterations() * kMessages);
}

BENCHMARK(BM_BareMailboxPingPong)->Arg(1)->Arg(64)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RuntimePingPong)
    ->Args({1, 1})
    ->Args({64, 1})
    ->Args({64, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BareBurst)->Arg(100)->Arg(1000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RuntimeBurst)
    ->Args({100, 1})
    ->Args({100, 0})
    ->Args({1000, 1})
    ->Args({1000, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace estate::sim

BENCHMARK_MAIN();
