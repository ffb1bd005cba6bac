// NodeRandom: SplitMix64 streams keyed by (run seed, node id, purpose).
#include "sim/node_random.h"

#include "models/workload/zipf_sampler.h"

namespace estate::sim {

uint64_t SplitMixNext(uint64_t& state) {
  return SplitMix64::Mix(state += 0x9e3779b97f4a7c15ull);
}

double ToUnit(uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

namespace {

// Independent seeds per (run, node, purpose): mixing through SplitMix64 keeps streams of
// neighbouring nodes uncorrelated.
uint64_t DeriveSeed(uint64_t run_seed, NodeId node, uint64_t purpose) {
  uint64_t s = run_seed;
  uint64_t a = SplitMixNext(s);
  s = a ^ (uint64_t{node} << 32) ^ purpose;
  return SplitMixNext(s);
}

// FNV-1a: a fixed hash of the site name (std::hash is not specified to be stable).
uint64_t HashName(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name)
    h = (h ^ c) * 0x100000001b3ull;
  return h;
}

}  // namespace

NodeRandom::NodeRandom(uint64_t run_seed, NodeId node, BuggifyOptions buggify)
    : buggify_(buggify),
      site_seed_(DeriveSeed(run_seed, node, 3)),
      stream_(DeriveSeed(run_seed, node, 1)),
      buggify_stream_(DeriveSeed(run_seed, node, 2)) {}

uint64_t NodeRandom::Next() {
  return SplitMixNext(stream_);
}

bool NodeRandom::Buggify(std::string_view site) {
  if (!buggify_.enabled) return false;
  auto it = active_sites_.find(site);
  if (it == active_sites_.end()) {
    uint64_t h = site_seed_ ^ HashName(site);
    bool active = ToUnit(SplitMixNext(h)) < buggify_.site_probability;
    it = active_sites_.emplace(std::string(site), active).first;
  }
  if (!it->second) return false;
  return ToUnit(SplitMixNext(buggify_stream_)) < buggify_.fire_probability;
}

}  // namespace estate::sim
