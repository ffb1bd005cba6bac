// ModeComparison: what `estate compare` measured for each consistency mode, as plain values
// read from each mode's result.json (mode_figures_reader.h). The recommendation, the JSON,
// Markdown and CSV outputs are pure functions of it, so they can be tested from hand-made
// figures. docs/COMPARE.md describes the fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace estate::reports {

// Latency percentiles in seconds; count 0 when the run had no such operation.
struct Percentiles {
  uint64_t count = 0;
  double p50_s = 0;
  double p99_s = 0;
};

struct SiteFigures {
  std::string site;
  Percentiles read;
  Percentiles write;
  double availability = 1;  // answered operations over all, at this site's clients
};

// result.json's t_visibility for the mode (sim/metrics/t_visibility.h).
struct VisibilityFigures {
  std::string basis;  // "measured" or "linearizable"
  uint64_t pairs = 0;
  std::vector<int64_t> t_ms;
  std::vector<std::optional<double>> fraction;  // one per t_ms; nullopt: nothing measured

  // The fraction at exactly t_ms, or nullopt when that t is not reported or not measured.
  std::optional<double> At(int64_t t) const;
};

struct ExpectationVerdicts {
  int met = 0;
  std::vector<std::string> unmet;           // measured and not met, as written
  std::vector<std::string> not_applicable;  // the metric is absent in this mode's result
};

struct ModeFigures {
  std::string mode;     // "strong", "sync-sites", ...
  std::string run_dir;  // where the run's scenario.json, result.json and log.txt are
  int exit_code = 0;    // the run's
  std::string error;    // non-empty: the run produced no figures, and why

  Percentiles read;   // every site
  Percentiles write;  // every site
  std::vector<SiteFigures> sites;
  double availability = 1;  // over the whole run, failures included
  double stale_read_rate = 0;
  uint64_t stale_reads = 0;
  // Concurrent writes that last-writer-wins resolved. Each one is an acknowledged write
  // overwritten by a write that never saw it: a lost update.
  uint64_t conflicts = 0;
  VisibilityFigures t_visibility;
  double wan_bytes = 0;
  double egress_bytes = 0;
  double egress_cost = 0;  // egress_bytes at the comparison's egress price
  ExpectationVerdicts expectations;
  // 1 / sampling rate: how far a sampled run stretches data-plane durations such as the read
  // latency of a cache miss (docs/RUNNING.md, Sampling); 1 when not sampled.
  double data_plane_time_stretch = 1;

  bool ok() const { return error.empty(); }
  // The site's figures, or nullptr when the run had none for it.
  const SiteFigures* Site(const std::string& site) const;
};

struct EgressPrice {
  double per_gib = 0;
  std::string currency;
  std::string source;
  std::string as_of;
};

struct ModeComparison {
  std::string scenario;       // its name
  std::string scenario_path;  // as given on the command line
  double duration_s = 0;      // simulated per mode
  double availability_floor = 0.999;
  EgressPrice egress_price;
  std::vector<ModeFigures> modes;  // in the order asked

  // The mode's figures, or nullptr when it was not compared or its run failed.
  const ModeFigures* Ran(const std::string& mode) const;
};

}  // namespace estate::reports
