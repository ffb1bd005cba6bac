#include "tests/support/test_cluster.h"

#include <cstdio>
#include <iostream>

namespace estate::testing {
namespace {

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t Fnv(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

uint64_t FnvInt(uint64_t h, uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace

// One node's Runtime: everything goes through the cluster's clock, queue and network.
class TestRuntime : public Runtime {
 public:
  TestRuntime(TestCluster* cluster, NodeId self, uint64_t seed)
      : cluster_(cluster), self_(self), rng_(seed) {}

  NodeId self() const override { return self_; }
  TimeNs Now() const override { return cluster_->now_; }
  TimerId Schedule(DurationNs delay, std::function<void()> fn) override {
    return cluster_->AddTimer(self_, delay, std::move(fn));
  }
  bool Cancel(TimerId id) override { return cluster_->CancelTimer(id); }
  void Send(NodeId to, Message msg) override { cluster_->Send(self_, to, std::move(msg)); }
  void SetMessageHandler(MessageHandler handler) override { handler_ = std::move(handler); }
  BlobStore& Storage() override { return storage_; }
  uint64_t Random() override { return SplitMix(rng_); }
  bool Buggify(std::string_view site) override {
    const FaultOptions& f = cluster_->options_.faults;
    if (!f.buggify) return false;
    auto it = buggify_sites_.find(std::string(site));
    if (it == buggify_sites_.end()) {
      uint64_t h = Fnv(cluster_->options_.seed, site);
      bool enabled =
          static_cast<double>(SplitMix(h) >> 11) * 0x1.0p-53 < f.buggify_site_probability;
      it = buggify_sites_.emplace(std::string(site), enabled).first;
    }
    return it->second && cluster_->Uniform() < f.buggify_fire_probability;
  }
  void Log(LogLevel level, std::string_view message) override {
    static constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
    std::string line = std::string(kNames[static_cast<int>(level)]) + ": ";
    line += message;
    cluster_->AddLog(self_, line);
  }

  MemoryBlobStore& storage() { return storage_; }
  const MessageHandler& handler() const { return handler_; }
  void ResetHandler() { handler_ = nullptr; }

 private:
  TestCluster* cluster_;
  NodeId self_;
  uint64_t rng_;
  MessageHandler handler_;
  MemoryBlobStore storage_;
  std::map<std::string, bool> buggify_sites_;
};

struct TestCluster::Node {
  std::unique_ptr<TestRuntime> runtime;
  bool up = true;
  uint64_t incarnation = 0;
};

TestCluster::TestCluster(ClusterOptions options)
    : options_(std::move(options)), rng_state_(options_.seed) {
  for (int i = 0; i < options_.nodes; ++i) {
    auto node = std::make_unique<Node>();
    uint64_t node_seed = options_.seed ^ (0x5bd1e995ull * static_cast<uint64_t>(i + 1));
    node->runtime = std::make_unique<TestRuntime>(this, static_cast<NodeId>(i), node_seed);
    nodes_.push_back(std::move(node));
  }
  AddLog(0, "cluster seed " + std::to_string(options_.seed));
}

TestCluster::~TestCluster() = default;

Runtime& TestCluster::runtime(NodeId node) {
  return *nodes_.at(node)->runtime;
}
MemoryBlobStore& TestCluster::storage(NodeId node) {
  return nodes_.at(node)->runtime->storage();
}

void TestCluster::AddLog(NodeId node, std::string_view line) {
  char prefix[48];
  std::snprintf(prefix, sizeof prefix, "%12.6f ms node %u: ", static_cast<double>(now_) / 1e6,
                static_cast<unsigned>(node));
  log_.push_back(prefix + std::string(line));
  if (options_.print_log) std::cerr << log_.back() << '\n';
}

uint64_t TestCluster::NextRandom() {
  return SplitMix(rng_state_);
}

void TestCluster::SetLatency(NodeId a, NodeId b, DurationNs one_way) {
  latency_[Pair(a, b)] = one_way;
}

void TestCluster::SetBandwidth(NodeId a, NodeId b, double bytes_per_second) {
  bandwidth_[Pair(a, b)] = bytes_per_second;
}

void TestCluster::Partition(const std::vector<std::vector<NodeId>>& groups) {
  partition_group_.clear();
  for (size_t g = 0; g < groups.size(); ++g) {
    for (NodeId n : groups[g])
      partition_group_[n] = static_cast<int>(g);
  }
  AddLog(0, "partition installed");
}

void TestCluster::Heal() {
  partition_group_.clear();
  links_down_.clear();
  AddLog(0, "partition healed");
}

void TestCluster::SetLinkUp(NodeId a, NodeId b, bool up) {
  if (up) {
    links_down_.erase(Pair(a, b));
  } else {
    links_down_.insert(Pair(a, b));
  }
}

bool TestCluster::Connected(NodeId a, NodeId b) const {
  if (links_down_.count(Pair(a, b))) return false;
  if (partition_group_.empty()) return true;
  auto ga = partition_group_.find(a);
  auto gb = partition_group_.find(b);
  const int na = ga == partition_group_.end() ? -1 : ga->second;
  const int nb = gb == partition_group_.end() ? -1 : gb->second;
  return na == nb;
}

void TestCluster::Crash(NodeId node) {
  Node& n = *nodes_.at(node);
  if (!n.up) return;
  n.up = false;
  ++n.incarnation;
  n.runtime->ResetHandler();
  n.runtime->storage().DropUnsynced();
  AddLog(node, "crashed");
}

void TestCluster::Restart(NodeId node) {
  Node& n = *nodes_.at(node);
  if (n.up) return;
  n.up = true;
  AddLog(node, "restarted");
  if (restart_handler_) restart_handler_(node);
}

bool TestCluster::IsUp(NodeId node) const {
  return nodes_.at(node)->up;
}

TimerId TestCluster::AddTimer(NodeId node, DurationNs delay, std::function<void()> fn) {
  const TimerId id = ++next_timer_;
  live_timers_.insert(id);
  events_.push(Event{now_ + std::max<DurationNs>(delay, 0), next_seq_++, node,
                     nodes_.at(node)->incarnation, id, std::move(fn)});
  return id;
}

bool TestCluster::CancelTimer(TimerId id) {
  return live_timers_.erase(id) > 0;
}

void TestCluster::Send(NodeId from, NodeId to, Message msg) {
  if (to >= nodes_.size()) return;
  const FaultOptions& f = options_.faults;
  if (!Connected(from, to) || (f.drop_probability > 0 && Uniform() < f.drop_probability)) {
    ++dropped_;
    return;
  }
  int copies = (f.duplicate_probability > 0 && Uniform() < f.duplicate_probability) ? 2 : 1;
  auto lat = latency_.find(Pair(from, to));
  const DurationNs latency = lat == latency_.end() ? options_.default_latency : lat->second;
  auto bw = bandwidth_.find(Pair(from, to));
  const auto channel = std::make_tuple(from, to, msg.stream);
  TimeNs start = std::max(now_, channel_free_[channel]);
  TimeNs sent = start;
  if (bw != bandwidth_.end() && bw->second > 0) {
    sent =
        start + static_cast<DurationNs>(static_cast<double>(msg.size_on_wire()) * 1e9 / bw->second);
  }
  channel_free_[channel] = sent;
  for (int c = 0; c < copies; ++c) {
    DurationNs extra =
        f.max_jitter > 0 ? static_cast<DurationNs>(NextRandom() % (f.max_jitter + 1)) : 0;
    TimeNs arrival = sent + latency + extra;
    const bool may_reorder = f.reorder_probability > 0 && Uniform() < f.reorder_probability;
    TimeNs& last = channel_last_arrival_[channel];
    if (!may_reorder && arrival < last) arrival = last;  // FIFO per channel
    if (arrival > last) last = arrival;
    Message copy = msg;
    events_.push(Event{arrival, next_seq_++, to, 0, kNoTimer,
                       [this, from, to, m = std::move(copy)] { Deliver(from, to, m); }});
  }
}

void TestCluster::Deliver(NodeId from, NodeId to, const Message& msg) {
  Node& n = *nodes_.at(to);
  // A partition that starts while a message is in flight drops it too.
  if (!n.up || !Connected(from, to) || !n.runtime->handler()) {
    ++dropped_;
    return;
  }
  ++delivered_;
  trace_hash_ = FnvInt(trace_hash_, static_cast<uint64_t>(now_));
  trace_hash_ = FnvInt(trace_hash_, (static_cast<uint64_t>(from) << 16) | to);
  trace_hash_ = FnvInt(trace_hash_, msg.type);
  trace_hash_ = Fnv(trace_hash_, msg.payload);
  n.runtime->handler()(from, msg);
}

bool TestCluster::Step() {
  while (!events_.empty()) {
    Event e = events_.top();
    events_.pop();
    if (e.at > now_) now_ = e.at;
    if (e.timer != kNoTimer) {
      if (live_timers_.erase(e.timer) == 0) continue;  // cancelled
      const Node& n = *nodes_.at(e.node);
      if (!n.up || n.incarnation != e.incarnation) continue;  // died with its node
    }
    e.fn();
    return true;
  }
  return false;
}

void TestCluster::RunUntil(TimeNs t) {
  while (!events_.empty() && events_.top().at <= t)
    Step();
  if (now_ < t) now_ = t;
}

bool TestCluster::RunUntil(const std::function<bool()>& done, TimeNs deadline) {
  while (!done()) {
    if (events_.empty() || events_.top().at > deadline) {
      if (now_ < deadline) now_ = deadline;
      return done();
    }
    Step();
  }
  return true;
}

}  // namespace estate::testing
