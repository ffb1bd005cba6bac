// Scenario: what an architect describes to Estate: a GCP region and on-prem sites, the links
// between them, the mount table, a workload, failures, and the expectations a run must meet.
// Values are in base units (bits/s, ns, bytes). scenarios/schema.json is the JSON form;
// scenario_parser.h reads it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/mount/policy.h"
#include "engine/time.h"

namespace estate {

struct SiteSpec {
  std::string id;
  bool gcp = false;
  int nodes = 1;
  double nic_bps = 25e9;
  double node_ops_per_second = 20000;
  double disk_read_bps = 16e9;  // bytes per second
  double disk_write_bps = 8e9;  // bytes per second
  double capacity_bytes = 0;
  double cache_bytes = 0;
  EvictionPolicy eviction = EvictionPolicy::kS3Fifo;
  DurationNs mtbf = 0;  // 0: never fails (availability models)
  DurationNs mttr = 0;
};

struct LinkSpec {
  std::string id;
  std::string from;
  std::string to;
  double bandwidth_bps = 0;
  DurationNs latency = 0;  // one way
  int streams = 8;         // parallel replication streams
  double cap_bps = 0;      // replication cap; 0: none
  DurationNs mtbf = 0;
  DurationNs mttr = 0;
};

struct MountSpec {
  std::string path;  // "bucket/" or "bucket/prefix/"
  std::string home;  // a site id
  std::vector<std::string> replicas;
  ConsistencyMode mode = ConsistencyMode::kStrong;
  BoundedStaleness staleness;
  Placement placement = Placement::kReplicateOnWrite;
  bool write_back = true;
  int priority = 0;
  std::vector<std::string> pinned_prefixes;
};

struct WorkloadSpec {
  double objects = 1e6;
  // Object sizes: "fixed", "lognormal" (median, sigma) or "empirical" (size, cumulative p).
  std::string size_kind = "fixed";
  double size_bytes = 64.0 * 1024 * 1024;  // fixed size, or lognormal median
  double size_sigma = 0;
  std::vector<std::pair<double, double>> size_cdf;
  double zipf_alpha = 0.9;
  double read = 0.8, write = 0.15, list = 0.04, del = 0.01;  // operation mix, sums to 1
  std::map<std::string, double> rate_per_site;               // ops/s by site id
  double diurnal_amplitude = 0;                              // 0..1
  double diurnal_peak_hour = 14;
  struct Burst {
    DurationNs at = 0;
    DurationNs duration = 0;
    double multiplier = 1;
  };
  std::vector<Burst> bursts;
  std::string trace_path;    // replay instead of generating, when set
  std::string trace_format;  // "csv", "jsonl", "ibm-cos"
};

struct FailureSpec {
  DurationNs at = 0;
  std::string kind;  // site-down, site-up, link-down, link-up, link-degrade, partition, heal
  std::string target;
  std::vector<std::vector<std::string>> groups;  // partition
  double bandwidth_bps = 0;                      // link-degrade
  DurationNs duration = 0;                       // 0: until undone explicitly
};

// "replication_lag.p99 < 15min": metric path, comparator, value in base units.
struct Expectation {
  std::string text;
  std::string metric;
  std::string comparator;  // <, <=, >, >=, ==
  double value = 0;
  std::string unit;  // "duration" (ns), "bytes", "bandwidth" (bit/s), "ratio", "number"
};

struct SimulationSpec {
  std::string network_model = "LV08";
  double latency_factor = 1.0;
  double bandwidth_factor = 0.97;
  double tcp_gamma_bytes = 16.0 * 1024 * 1024;
};

// What `estate size` aims for (docs/SIZING.md).
struct SizingSpec {
  double target_hit_ratio = 0.9;  // of the bytes read and written at an on-prem site
  double wan_headroom = 0.25;     // added to the peak a link must carry
  int error_seeds = 3;            // sampled runs repeated with other seeds, for error estimates
};

struct Scenario {
  std::string name;
  std::string description;
  uint64_t seed = 1;
  DurationNs duration = 0;
  double sampling_rate = 1.0;
  SimulationSpec simulation;
  std::vector<SiteSpec> sites;
  std::vector<LinkSpec> links;
  std::vector<MountSpec> mounts;
  WorkloadSpec workload;
  std::vector<FailureSpec> failures;
  std::vector<Expectation> expectations;
  SizingSpec sizing;
  std::string prices = "prices.json";
};

}  // namespace estate
