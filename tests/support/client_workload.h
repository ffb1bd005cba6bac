// ClientWorkload: closed-loop clients driving an EngineHarness under faults, in the style of
// FoundationDB's correctness workloads paired with fault workloads. Each client sits at one
// site and issues one operation at a time on a small key set of one mount (so operations
// collide), recording what it saw as a client would: its own call and return times, and
// "timeout" for an operation whose answer never came (its site crashed).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/history/history_record.h"
#include "tests/support/engine_harness.h"

namespace estate::testing {

struct WorkloadOptions {
  ConsistencyMode mode = ConsistencyMode::kStrong;
  int clients_per_site = 2;
  int keys = 3;
  DurationNs duration = 3 * kSecond;
  // Fault schedule: every `fault_interval`, with probability `fault_probability`, one of:
  // partition a random site away, heal, crash a random site, restart every site.
  DurationNs fault_interval = 300 * kMillisecond;
  double fault_probability = 0.5;
  bool crashes = true;
  DurationNs think_time = 5 * kMillisecond;  // between a client's operations
  bool deletes = true;                       // false: inserts and gets only
  bool roaming = false;  // each operation goes to a random site rather than the client's own
};

struct WorkloadResult {
  std::vector<HistoryRecord> history;
  uint64_t ok_writes = 0;
  uint64_t faults_injected = 0;
};

// Runs the workload, then heals, restarts every site and quiesces.
WorkloadResult RunClientWorkload(EngineHarness& h, uint64_t seed, const WorkloadOptions& options);

}  // namespace estate::testing
