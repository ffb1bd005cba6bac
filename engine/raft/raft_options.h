// Knobs of the strong-mode Raft log. Defaults suit sites up to ~30 ms round trip apart:
// heartbeats every 50 ms, and election timeouts of 300-600 ms, ten times the WAN RTT, so a
// slow heartbeat is not mistaken for a dead leader.
#pragma once

#include <cstddef>
#include <string>

#include "engine/time.h"

namespace estate {

struct RaftOptions {
  DurationNs election_timeout_min = 300 * kMillisecond;
  DurationNs election_timeout_max = 600 * kMillisecond;
  DurationNs heartbeat_interval = 50 * kMillisecond;
  // A follower's read-index request fails with 503 when the leader does not answer in time.
  DurationNs read_index_timeout = 1 * kSecond;
  size_t max_entries_per_append = 256;
  // Candidates first ask whether they could win (pre-vote), so a node cut off by a partition
  // does not force a new election with a higher term when it comes back.
  bool pre_vote = true;
  // A leader that has not heard from a majority for an election timeout steps down, so a
  // leader stranded in a minority stops accepting writes.
  bool check_quorum = true;
  std::string storage_prefix = "raft/";
};

}  // namespace estate
