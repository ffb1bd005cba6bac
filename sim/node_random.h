// NodeRandom: the seeded randomness of one simulated node: the engine's Random() stream and
// FoundationDB-style buggify decisions. Both derive only from (run seed, node id), so a run
// replays exactly, and adding a node or a buggify site does not perturb the other nodes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "engine/runtime.h"

namespace estate::sim {

struct BuggifyOptions {
  bool enabled = false;            // off by default: Buggify() always returns false
  double site_probability = 0.25;  // chance that a given site is active for this run
  double fire_probability = 0.05;  // chance that an active site fires on each call
};

class NodeRandom {
 public:
  NodeRandom(uint64_t run_seed, NodeId node, BuggifyOptions buggify);

  // Next uniform 64-bit value of this node's stream.
  uint64_t Next();
  // Whether the rare path `site` runs now. A site is switched on or off once per run and
  // node (by a hash of its name, never by call order); an active site then fires with
  // fire_probability per call, drawn from a stream separate from Next().
  bool Buggify(std::string_view site);

 private:
  BuggifyOptions buggify_;
  uint64_t site_seed_;
  uint64_t stream_;
  uint64_t buggify_stream_;
  std::map<std::string, bool, std::less<>> active_sites_;
};

// SplitMix64 step: advances state and returns the next output.
uint64_t SplitMixNext(uint64_t& state);
// Maps a 64-bit value to [0, 1).
double ToUnit(uint64_t bits);

}  // namespace estate::sim
