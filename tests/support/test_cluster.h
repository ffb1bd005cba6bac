// TestCluster: a deterministic, in-memory network of engine nodes, in the style of
// FoundationDB's Sim2 and TigerBeetle's VOPR. One virtual clock and one event queue drive
// every node; one seed drives every random choice (message loss, jitter, reordering,
// duplication, buggify), so a failing run replays exactly from its seed.
//
// Messages take latency + size/bandwidth on their (from, to, stream) channel, FIFO unless
// reordering is injected. Faults: drop, duplicate, reorder, jitter, partitions, links down,
// node crash (timers discarded, unsynced storage lost) and restart.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "engine/runtime.h"
#include "engine/storage/memory_blob_store.h"

namespace estate::testing {

struct FaultOptions {
  double drop_probability = 0;             // each message is lost with this probability
  double duplicate_probability = 0;        // each message is delivered twice with this probability
  double reorder_probability = 0;          // a message may overtake earlier ones on its channel
  DurationNs max_jitter = 0;               // extra delay, uniform in [0, max_jitter]
  bool buggify = false;                    // enable Runtime::Buggify
  double buggify_site_probability = 0.25;  // a buggify site is enabled for the run
  double buggify_fire_probability = 0.05;  // an enabled site fires on a call
};

struct ClusterOptions {
  int nodes = 3;
  uint64_t seed = 1;
  DurationNs default_latency = 5 * kMillisecond;  // one way, every pair
  FaultOptions faults;
  bool print_log = false;  // echo log lines to stderr as they happen
};

class TestCluster {
 public:
  explicit TestCluster(ClusterOptions options);
  ~TestCluster();
  TestCluster(const TestCluster&) = delete;
  TestCluster& operator=(const TestCluster&) = delete;

  int size() const { return static_cast<int>(nodes_.size()); }
  uint64_t seed() const { return options_.seed; }
  Runtime& runtime(NodeId node);
  MemoryBlobStore& storage(NodeId node);
  FaultOptions& faults() { return options_.faults; }

  // Topology. Latency is one way; bandwidth in bytes per second (0: unlimited).
  void SetLatency(NodeId a, NodeId b, DurationNs one_way);
  void SetBandwidth(NodeId a, NodeId b, double bytes_per_second);
  // Messages between different groups are dropped until Heal(). Nodes not named form one
  // more group together, so Partition({{2}}) cuts node 2 off from everyone else.
  void Partition(const std::vector<std::vector<NodeId>>& groups);
  void Heal();
  void SetLinkUp(NodeId a, NodeId b, bool up);
  bool Connected(NodeId a, NodeId b) const;

  // Crash: the node's pending timers are discarded, messages to it are dropped, and its
  // storage loses unsynced writes. Restart brings it back and calls the restart handler,
  // which recreates the node's engine on the same storage.
  void Crash(NodeId node);
  void Restart(NodeId node);
  bool IsUp(NodeId node) const;
  void SetRestartHandler(std::function<void(NodeId)> handler) {
    restart_handler_ = std::move(handler);
  }

  // Driving the clock.
  TimeNs Now() const { return now_; }
  // Runs the next event; false when there is none.
  bool Step();
  // Runs every event due at or before `t`, then sets the clock to `t`.
  void RunUntil(TimeNs t);
  void RunFor(DurationNs d) { RunUntil(now_ + d); }
  // Runs until `done()` holds (checked after each event) or the clock passes `deadline`.
  // Returns done().
  bool RunUntil(const std::function<bool()>& done, TimeNs deadline);

  // Observability.
  uint64_t trace_hash() const { return trace_hash_; }
  uint64_t delivered() const { return delivered_; }
  uint64_t dropped() const { return dropped_; }
  const std::vector<std::string>& log() const { return log_; }
  void AddLog(NodeId node, std::string_view line);

 private:
  friend class TestRuntime;
  struct Event {
    TimeNs at;
    uint64_t seq;
    NodeId node;
    uint64_t incarnation;  // timers of a crashed node's earlier life never fire
    TimerId timer;         // kNoTimer for message deliveries
    std::function<void()> fn;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.at != b.at ? a.at > b.at : a.seq > b.seq;
    }
  };
  struct Node;

  TimerId AddTimer(NodeId node, DurationNs delay, std::function<void()> fn);
  bool CancelTimer(TimerId id);
  void Send(NodeId from, NodeId to, Message msg);
  void Deliver(NodeId from, NodeId to, const Message& msg);
  uint64_t NextRandom();
  double Uniform() { return static_cast<double>(NextRandom() >> 11) * 0x1.0p-53; }
  static std::pair<NodeId, NodeId> Pair(NodeId a, NodeId b) {
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
  }

  ClusterOptions options_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::priority_queue<Event, std::vector<Event>, Later> events_;
  std::set<TimerId> live_timers_;
  TimeNs now_ = 0;
  uint64_t next_seq_ = 0;
  TimerId next_timer_ = 0;
  uint64_t rng_state_;
  std::map<std::pair<NodeId, NodeId>, DurationNs> latency_;
  std::map<std::pair<NodeId, NodeId>, double> bandwidth_;
  std::set<std::pair<NodeId, NodeId>> links_down_;
  std::map<NodeId, int> partition_group_;
  // Per (from, to, stream): when the channel is free to send, and the last arrival time (FIFO).
  std::map<std::tuple<NodeId, NodeId, uint16_t>, TimeNs> channel_free_;
  std::map<std::tuple<NodeId, NodeId, uint16_t>, TimeNs> channel_last_arrival_;
  std::function<void(NodeId)> restart_handler_;
  uint64_t trace_hash_ = 0xcbf29ce484222325ull;
  uint64_t delivered_ = 0;
  uint64_t dropped_ = 0;
  std::vector<std::string> log_;
};

}  // namespace estate::testing
