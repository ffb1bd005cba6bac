#include "reports/report/report_builder.h"

#include <filesystem>

#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

// A path as the report shows it: relative to the result directory when under it, so that the
// same results give the same report wherever they are.
std::string Shown(const std::string& path, const std::string& dir) {
  const std::filesystem::path p(path);
  const std::filesystem::path relative = p.lexically_relative(dir);
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative.generic_string();
}

template <typename T>
void Append(std::vector<T>* to, std::vector<T> from) {
  for (T& x : from)
    to->push_back(std::move(x));
}

// The run: overview, expectations, topology, sizing and charts.
Status AddRun(const ReportInputs& in, ReportModel* m) {
  const JsonInput& result = *in.result;
  m->sources.push_back({"run", Shown(result.path, in.dir)});
  Result<RunOverview> run = ReadRunOverview(result);
  if (!run.ok()) return run.status();
  m->run = std::move(*run);
  if (in.scenario) {
    m->run->description = in.scenario->description;
    m->run->assumptions = ScenarioAssumptions(*in.scenario, m->run->duration_s);
  } else {
    m->notes.push_back("No scenario: the assumptions and the links' latencies are not shown.");
  }
  Result<std::vector<ExpectationResult>> expectations = ReadExpectations(result);
  if (!expectations.ok()) return expectations.status();
  m->expectations = std::move(*expectations);

  if (!in.sizing) {
    // LoadReportInputs refuses a run with neither sizing.json nor a scenario.
    if (!in.scenario || !in.prices) {
      return Status::Invalid(in.dir + ": the sizing table needs the scenario the run simulated");
    }
    Result<nlohmann::json> derived = DeriveSizing(*in.scenario, *in.prices, result);
    if (!derived.ok()) return derived.status();
    Result<SizingTable> table = ReadSizingTable(*derived, "sizing derived from " + result.path);
    if (!table.ok()) return table.status();
    m->sizing = std::move(*table);
    m->sizing->origin = "estate size's model applied to " + Shown(result.path, in.dir);
  }

  Result<std::vector<Chart>> charts =
      RunCharts(result, m->sizing ? &*m->sizing : nullptr, in.scenario ? &*in.scenario : nullptr);
  if (!charts.ok()) return charts.status();
  Append(&m->charts, std::move(*charts));
  if (!in.timeseries) {
    m->notes.push_back("No timeseries.csv beside " + Shown(result.path, in.dir) +
                       ": the charts over time are not shown.");
    return Status::Ok();
  }
  m->sources.push_back({"timeseries", Shown(in.timeseries_path, in.dir)});
  Result<TimeseriesTable> table = ParseTimeseries(*in.timeseries, in.timeseries_path);
  if (!table.ok()) return table.status();
  Result<std::vector<Chart>> over_time = TimeCharts(*table, result);
  if (!over_time.ok()) return over_time.status();
  Append(&m->charts, std::move(*over_time));
  return Status::Ok();
}

}  // namespace

Result<ReportModel> BuildReport(const ReportInputs& in) {
  ReportModel m;
  if (in.scenario) m.sources.push_back({"scenario", Shown(in.scenario_path, in.dir)});
  if (in.sizing) {
    m.sources.push_back({"sizing", Shown(in.sizing->path, in.dir)});
    Result<SizingTable> table = ReadSizingTable(in.sizing->doc, in.sizing->path);
    if (!table.ok()) return table.status();
    m.sizing = std::move(*table);
    m.sizing->origin = Shown(in.sizing->path, in.dir);
  }
  if (in.result) {
    const Status run = AddRun(in, &m);
    if (!run.ok()) return run;
  }
  if (in.scenario || in.result) {
    Result<Topology> topology =
        BuildTopology(in.scenario ? &*in.scenario : nullptr, in.result ? &*in.result : nullptr);
    if (!topology.ok()) return topology.status();
    m.topology = std::move(*topology);
  }
  if (in.comparison) {
    m.sources.push_back({"comparison", Shown(in.comparison->path, in.dir)});
    Result<ComparisonSection> comparison = ReadComparison(*in.comparison);
    if (!comparison.ok()) return comparison.status();
    m.comparison = std::move(*comparison);
    Append(&m.charts, ComparisonCharts(*m.comparison));
  }
  if (in.sweep) {
    m.sources.push_back({"sweep", Shown(in.sweep->path, in.dir)});
    Result<SweepSection> sweep = ReadSweep(*in.sweep);
    if (!sweep.ok()) return sweep.status();
    m.sweep = std::move(*sweep);
    Result<std::vector<Chart>> charts = SweepCharts(*in.sweep);
    if (!charts.ok()) return charts.status();
    Append(&m.charts, std::move(*charts));
  }
  const std::string name = m.run          ? m.run->scenario
                           : in.scenario  ? in.scenario->name
                           : m.comparison ? m.comparison->scenario
                           : m.sweep      ? m.sweep->scenario
                           : m.sizing     ? m.sizing->scenario
                                          : std::string();
  m.title = "POC sizing report" + (name.empty() ? std::string() : ": " + name);
  m.summary = ExecutiveSummary(m);
  return m;
}

}  // namespace estate::reports
