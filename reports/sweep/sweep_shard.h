// SweepShard: one deterministic slice of a sweep's points, so that slices can run as
// independent scheduler jobs (a Slurm array task, a Kubernetes Indexed Job pod). Shards are
// 0-based, like SLURM_ARRAY_TASK_ID with --array=0-(n-1) and JOB_COMPLETION_INDEX: shard i of n
// holds the points k with k mod n == i, which spreads neighbouring (similar) points over shards.
#pragma once

#include <cstddef>
#include <string>

#include "engine/result.h"

namespace estate::reports {

struct SweepShard {
  size_t index = 0;
  size_t count = 1;  // 1: the whole sweep

  bool Holds(size_t point) const { return point % count == index; }
  bool whole() const { return count == 1; }
  std::string ToString() const;  // "1/4"
};

// Parses "i/n" with 0 <= i < n.
// Errors (Invalid): "--shard: expected i/n with 0 <= i < n (0-based), found \"4/4\"".
Result<SweepShard> ParseSweepShard(const std::string& text);

}  // namespace estate::reports
