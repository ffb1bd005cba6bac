// ReportModel: everything `estate report` shows, as plain values built once from the inputs
// (report_builder.h) and read by every exporter (report_output.h, reports/pdf/). Nothing here
// does I/O or formats text for people, so the HTML, PDF, Markdown, JSON and CSV outputs of one
// model always agree. docs/REPORTS.md describes the fields as they appear in report.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace estate::reports {

// A file the report was built from: kind is "run", "timeseries", "scenario", "sizing",
// "comparison" or "sweep"; path as found under the result directory.
struct ReportSource {
  std::string kind;
  std::string path;
};

// One line of the scenario's assumptions, already in words ("object size", "lognormal,
// median 32 MiB, sigma 1").
struct Assumption {
  std::string name;
  std::string value;
};

// The 95% interval result.json gives for a sampled percentile (sampling.error).
struct SamplingInterval {
  std::string figure;  // "replication_lag_p99"
  double low = 0;
  double high = 0;
};

// The spread of a figure over seeds (sampling.seeds, from --error-seeds or estate size).
struct SeedSpread {
  std::string figure;  // dotted path in result.json
  double mean = 0;
  double stddev = 0;
  double relative = 0;  // stddev / |mean|
  int seeds = 0;
};

struct SamplingInfo {
  double rate = 1;
  uint64_t seed = 0;
  std::optional<double> objects;            // the scenario's population (synthetic workloads)
  std::optional<double> objects_in_sample;  // rate x objects
  double data_plane_time_stretch = 1;       // 1 / rate: data-plane durations are stretched
  std::string error_method;                 // "95% order-statistic intervals"
  std::vector<SamplingInterval> intervals;
  std::vector<SeedSpread> seed_spread;
};

// The run as a whole: what was simulated and its headline figures (result.json).
struct RunOverview {
  std::string scenario;
  std::string description;  // from the scenario, empty without one
  uint64_t seed = 0;
  double duration_s = 0;
  double interval_s = 0;
  uint64_t operations = 0;  // simulated
  uint64_t unavailable_operations = 0;
  double availability = 1;
  double stale_read_rate = 0;
  double write_p99_s = 0;
  double read_p99_s = 0;
  double replication_lag_p99_s = 0;
  double rpo_p99_s = 0;
  double wan_peak_bps = 0;
  double wan_bytes = 0;
  double egress_bytes = 0;
  double hit_ratio = 0;
  SamplingInfo sampling;
  std::vector<Assumption> assumptions;  // empty without the scenario
};

struct TopologySite {
  std::string id;
  std::string kind;  // "gcp" or "onprem"; "" when only result.json named it
  int nodes = 0;     // 0: unknown
  double nic_bps = 0;
  double cache_bytes = 0;
};

struct TopologyLink {
  std::string id;
  std::string from;
  std::string to;
  double bandwidth_bps = 0;
  std::optional<double> latency_s;         // one way; from the scenario
  std::optional<double> peak_utilisation;  // from the run
};

struct Topology {
  std::vector<TopologySite> sites;
  std::vector<TopologyLink> links;
};

// Charts are data, not pictures: chart_drawing.h lays them out for SVG and for Qt.
enum class ChartKind { kLine, kBar };
enum class AxisScale { kLinear, kLog };

struct ChartAxis {
  std::string label;
  std::string unit;  // "s", "ms", "h", "%", "bytes", "ratio", "" ...
  AxisScale scale = AxisScale::kLinear;
  std::vector<std::string> categories;  // bar charts, and line charts over named values
};

struct ChartPoint {
  double x = 0;  // a category's index when the x axis has categories
  double y = 0;
};

struct ChartSeries {
  std::string name;
  std::vector<ChartPoint> points;
};

// A vertical line at x, such as the cache size chosen on a miss-ratio curve.
struct ChartMarker {
  std::string label;
  double x = 0;
};

// A shaded x-range, such as a failure window on a time chart.
struct ChartBand {
  std::string label;
  double from = 0;
  double to = 0;
};

// Where a chart belongs in the report.
enum class ChartSection { kRun, kComparison, kSweep };

struct Chart {
  std::string id;  // unique in the report: "latency-cdf-read"
  ChartSection section = ChartSection::kRun;
  std::string title;
  std::string caption;  // how to read it and what it leaves out
  ChartKind kind = ChartKind::kLine;
  ChartAxis x;
  ChartAxis y;
  std::vector<ChartSeries> series;
  std::vector<ChartMarker> markers;
  std::vector<ChartBand> bands;
};

// The sizing table: from sizing.json (estate size) or derived from the run's result.json with
// the same code (reports/sizing/size_report.h).
struct SizingLinkRow {
  std::string link;
  std::optional<double> peak_bps;
  std::string peak_source;  // "simulated", "analytical", "both"
  double required_bps = 0;  // peak x (1 + headroom)
  double bandwidth_bps = 0;
  bool fits = true;
  int circuits = 0;  // N + 1
  double circuit_bps = 0;
  double ports_monthly = 0;
};

struct SizingSiteRow {
  std::string site;
  std::optional<double> cache_bytes;  // for the target hit ratio; on-prem sites only
  std::string cache_source;
  std::string cache_note;
  std::optional<double> engine_nodes;
};

struct SizingTable {
  std::string origin;  // "sizing.json", or how it was derived from result.json
  std::string scenario;
  double target_hit_ratio = 0;
  double wan_headroom = 0;
  std::vector<SizingLinkRow> links;
  std::vector<SizingSiteRow> sites;
  std::optional<double> rpo_normal_p99_s;
  std::optional<double> rpo_with_failures_p99_s;
  std::string currency;
  std::optional<double> egress_bytes_per_month;
  double egress_monthly = 0;
  double ports_monthly = 0;
  double storage_monthly = 0;
  double total_monthly = 0;
  std::string price_assumptions;
};

struct ExpectationResult {
  std::string expectation;  // as written in the scenario
  std::string metric;       // its dotted path in result.json: "replication_lag.p99"
  bool pass = false;
  bool found = true;  // false: the metric is not in the result
  std::optional<double> measured;
  std::string message;  // result.json's verdict
};

struct ModeSiteRow {
  std::string site;
  std::optional<double> write_p99_s;  // nullopt: no such operation at the site
  std::optional<double> read_p99_s;
  double availability = 1;
};

// One consistency mode of `estate compare`.
struct ModeRow {
  std::string mode;
  bool ok = true;
  std::string error;
  std::optional<double> availability;
  std::optional<double> write_p99_s;
  std::optional<double> read_p99_s;
  std::optional<double> stale_read_rate;
  std::optional<double> t_visibility_100ms;
  std::optional<double> egress_cost;
  int expectations_met = 0;
  std::vector<std::string> expectations_unmet;
  std::vector<ModeSiteRow> sites;
};

struct ComparisonSection {
  std::string scenario;
  double duration_s = 0;
  double availability_floor = 0;
  std::string currency;
  std::optional<std::string> recommended_mode;
  std::string recommendation;  // the paragraph estate compare derived
  std::vector<ModeRow> modes;
};

struct SweptParameter {
  std::string pointer;
  std::vector<std::string> values;  // as given, JSON values written as JSON
};

// A sweep figure's range over the points that ran.
struct SweepFigureRange {
  std::string figure;
  std::string unit;  // result.json's: "bit/s", "bytes", "s", "ratio"; "" when unknown
  std::optional<double> min;
  std::string min_point;
  std::optional<double> max;
  std::string max_point;
};

struct SweepSection {
  std::string sweep_id;
  std::string scenario;
  std::vector<SweptParameter> parameters;
  int points = 0;
  int points_failed = 0;                // the run wrote no result
  int points_failing_expectations = 0;  // ran, and failed an expectation
  std::vector<SweepFigureRange> ranges;
};

struct ReportModel {
  std::string title;
  std::vector<ReportSource> sources;
  std::vector<std::string> summary;  // the executive summary, one sentence each
  std::vector<std::string> notes;    // what the inputs could not show, and why
  std::optional<RunOverview> run;
  std::optional<Topology> topology;
  std::optional<SizingTable> sizing;
  std::vector<ExpectationResult> expectations;
  std::optional<ComparisonSection> comparison;
  std::optional<SweepSection> sweep;
  std::vector<Chart> charts;
};

}  // namespace estate::reports
