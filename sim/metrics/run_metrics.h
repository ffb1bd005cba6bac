// RunMetrics: what one simulation run measured. Workload and engine callbacks record into it
// as the run goes (all in simulated time, from SimGrid actors, never concurrently); the
// result writer turns it into result.json and timeseries.csv. Counts are of simulated
// (sampled) operations; the writer scales them to the full workload.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/mount/policy.h"
#include "engine/site.h"
#include "engine/time.h"
#include "sim/metrics/latency_histogram.h"

namespace estate::sim {

enum class OpKind : uint8_t { kRead, kWrite, kList, kDelete };
constexpr int kOpKinds = 4;
const char* OpKindName(OpKind k);

enum class Outcome : uint8_t {
  kOk,
  kNotFound,     // the object does not exist (not a failure of the system)
  kUnavailable,  // 503: the mode could not serve it (failure, partition, site down)
  kError,        // any other error
};

struct OpSample {
  OpKind op = OpKind::kRead;
  SiteId site = 0;
  ConsistencyMode mode = ConsistencyMode::kStrong;
  TimeNs issued = 0;
  TimeNs completed = 0;
  Outcome outcome = Outcome::kOk;
  bool stale = false;      // reads: older than the latest write acknowledged before it began
  bool cache_hit = false;  // reads at on-prem sites: bytes were already there
  uint64_t bytes = 0;      // reads and writes: the object's size
};

// One row of the time series: what happened during (start, start + interval].
struct IntervalRow {
  TimeNs start = 0;
  std::array<uint64_t, kOpKinds> ops{};  // completed, by OpKind
  uint64_t failed = 0;                   // completed unavailable or in error
  LatencyHistogram replication_lag;      // metadata, of writes applied in the interval
  LatencyHistogram data_lag;             // bytes, of replicas completed in the interval
  DurationNs rpo = 0;                    // metadata, at the end of the interval (see RecordRpo)
  DurationNs data_rpo = 0;               // bytes, likewise
  std::vector<double> link_bytes;        // per link and direction, by Platform link order
  std::vector<double> hit_ratio;         // per site: cumulative cache hit ratio; -1 none
};

// Keyed latency histograms and counters for one (op, site, mode).
struct OpStats {
  LatencyHistogram latency;  // successful and not-found operations
  uint64_t ok = 0;
  uint64_t not_found = 0;
  uint64_t unavailable = 0;
  uint64_t errors = 0;
  uint64_t stale = 0;
  uint64_t cache_hits = 0;
  uint64_t bytes = 0;
};

class RunMetrics {
 public:
  explicit RunMetrics(DurationNs interval) : interval_(interval) {}

  void RecordOp(const OpSample& s);
  // Ops a site could not even accept because its node was down.
  void RecordRejected(OpKind op, SiteId site, ConsistencyMode mode, TimeNs at);
  // A replica caught up with a write: metadata or bytes, delay = applied - written.
  void RecordReplication(SiteId replica, bool data, DurationNs delay, TimeNs at);
  // Sampled: the age of the oldest acknowledged write whose metadata exists only at its
  // origin (`rpo`), and whose bytes exist only there (`data_rpo`).
  void RecordRpo(TimeNs at, DurationNs rpo, DurationNs data_rpo);
  // `bytes` crossed link direction `direction` between start and end: spread evenly over the
  // intervals the transfer spanned. REQUIRES: direction < the count given to SetLinkCount.
  void RecordLinkBytes(size_t direction, double bytes, TimeNs start, TimeNs end);
  void SetLinkCount(size_t directions) { link_totals_.assign(directions, 0.0); }
  const std::vector<double>& link_totals() const { return link_totals_; }
  // Stores the cache readings taken at the end of the interval that ends at `end`.
  void CloseInterval(TimeNs end, std::vector<double> hit_ratio);

  // Stale-read bookkeeping, by object key ("bucket/name"): a write or delete acknowledged.
  void NoteAcknowledged(const std::string& key, int64_t generation, bool deleted);
  struct Expected {
    int64_t generation = 0;  // 0: nothing acknowledged yet
    bool deleted = false;
  };
  // What a read that begins now must at least see.
  Expected ExpectedAt(const std::string& key) const;
  // Whether a read that returned (generation, found) is older than `expected`.
  static bool IsStale(const Expected& expected, bool found, int64_t generation);

  const std::map<std::tuple<OpKind, SiteId, ConsistencyMode>, OpStats>& ops() const { return ops_; }
  const LatencyHistogram& replication_lag() const { return replication_lag_; }
  const LatencyHistogram& data_lag() const { return data_lag_; }
  const std::map<SiteId, LatencyHistogram>& replication_lag_by_site() const { return lag_by_site_; }
  const LatencyHistogram& rpo() const { return rpo_; }
  const LatencyHistogram& data_rpo() const { return data_rpo_; }
  const std::vector<IntervalRow>& rows() const { return rows_; }
  DurationNs interval() const { return interval_; }

 private:
  // The row of the interval holding `at` (intervals are (start, start + interval]; time 0
  // belongs to the first).

  DurationNs interval_;
  std::map<std::tuple<OpKind, SiteId, ConsistencyMode>, OpStats> ops_;
  LatencyHistogram replication_lag_;
  LatencyHistogram data_lag_;
  std::map<SiteId, LatencyHistogram> lag_by_site_;
  LatencyHistogram rpo_;
  LatencyHistogram data_rpo_;
  IntervalRow& RowAt(TimeNs at);

  std::vector<IntervalRow> rows_;  // by interval index
  std::vector<double> link_totals_;
  std::unordered_map<std::string, Expected> acknowledged_;
};

}  // namespace estate::sim
