// The parts report_builder.cpp assembles a ReportModel from, one source file each. Every
// function is pure: it reads parsed inputs and returns values. Errors are Invalid and name the
// file, the JSON pointer and what was expected (json_fields.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/result.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_model.h"
#include "reports/report/timeseries_table.h"
#include "sim/scenario/scenario.h"

namespace estate::reports {

// run_overview.cpp: the run's headline figures and sampling, and each expectation's verdict
// with the value it measured.
Result<RunOverview> ReadRunOverview(const JsonInput& result);
Result<std::vector<ExpectationResult>> ReadExpectations(const JsonInput& result);

// scenario_assumptions.cpp: the scenario in words, one line per assumption.
std::vector<Assumption> ScenarioAssumptions(const Scenario& scenario, double simulated_s);

// topology.cpp: sites and links from the scenario, with the run's peak utilisation; from
// result.json's links alone when there is no scenario (then without latencies). Either may be
// null, not both.
Result<Topology> BuildTopology(const Scenario* scenario, const JsonInput* result);

// sizing_table.cpp: the sizing JSON of estate size (docs/SIZING.md) as the report's table.
// `origin` names the file in errors.
Result<SizingTable> ReadSizingTable(const nlohmann::json& sizing, const std::string& origin);
// The same JSON estate size writes, derived from one run's result.json (as both the normal run
// and the run with failures) and the scenario, with reports/sizing/.
Result<nlohmann::json> DeriveSizing(const Scenario& scenario, const PriceTable& prices,
                                    const JsonInput& result);

// failure_windows.cpp: the time ranges result.json's failures cover, in seconds: a site-down
// until its site-up, a link-down until its link-up, a link-degrade until its link-restore, a
// partition until heal; a failure still open at the end lasts until `end_s`.
Result<std::vector<ChartBand>> FailureWindows(const JsonInput& result, double end_s);

// run_charts.cpp: latency CDFs per operation and site, and each on-prem site's miss-ratio
// curve with the chosen cache size marked (sizing may be null; scenario may be null).
Result<std::vector<Chart>> RunCharts(const JsonInput& result, const SizingTable* sizing,
                                     const Scenario* scenario);

// time_charts.cpp: replication lag and RPO, data lag, per-link utilisation and cache hit ratio
// over time from timeseries.csv, with the failure windows shaded.
Result<std::vector<Chart>> TimeCharts(const TimeseriesTable& table, const JsonInput& result);

// comparison_section.cpp: comparison.json of estate compare, and its bar charts.
Result<ComparisonSection> ReadComparison(const JsonInput& comparison);
std::vector<Chart> ComparisonCharts(const ComparisonSection& comparison);

// sweep_section.cpp: sweep.json of estate sweep, and one sensitivity chart per figure: the
// figure against the first parameter, one series per combination of the others.
Result<SweepSection> ReadSweep(const JsonInput& sweep);
Result<std::vector<Chart>> SweepCharts(const JsonInput& sweep);

// executive_summary.cpp: sentences derived from the figures in `model`, each present only when
// its figures are.
std::vector<std::string> ExecutiveSummary(const ReportModel& model);

}  // namespace estate::reports
