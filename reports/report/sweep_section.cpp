#include <algorithm>
#include <map>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

// How a sweep figure (docs/SWEEPS.md) reads on a chart axis: result.json's unit scaled.
struct FigureAxis {
  std::string label;
  std::string unit;
  double scale = 1;
  std::string result_unit;  // before scaling
};

FigureAxis AxisOf(const std::string& figure) {
  static const std::map<std::string, FigureAxis> kAxes = {
      {"wan_peak_bps", {"WAN peak", "Gb/s", 1e-9, "bit/s"}},
      {"egress_bytes", {"GCS egress", "TB", 1e-12, "bytes"}},
      {"replication_lag.p99", {"replication lag p99", "s", 1, "s"}},
      {"rpo.p99", {"RPO p99", "s", 1, "s"}},
      {"write_latency.p99", {"write latency p99", "ms", 1e3, "s"}},
      {"read_latency.p99", {"read latency p99", "s", 1, "s"}},
      {"availability.all", {"availability", "%", 100, "ratio"}},
      {"hit_ratio", {"cache hit ratio", "%", 100, "ratio"}}};
  auto it = kAxes.find(figure);
  return it != kAxes.end() ? it->second : FigureAxis{figure, "", 1, ""};
}

// A parameter value as the sweep's CSV shows it: strings bare, anything else as JSON.
std::string ValueText(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

struct SweepPoint {
  std::string name;
  std::vector<nlohmann::json> values;  // one per parameter, in the sweep's order
  bool done = false;
  std::map<std::string, std::optional<double>> figures;
  int expectations_failed = 0;
};

struct ParsedSweep {
  std::vector<std::pair<std::string, std::vector<nlohmann::json>>> parameters;
  std::vector<std::string> figures;
  std::vector<SweepPoint> points;
};

Result<ParsedSweep> Parse(const JsonInput& sweep) {
  JsonFields f(sweep.doc, sweep.path);
  ParsedSweep s;
  const nlohmann::json& parameters = f.Array("/parameters");
  for (size_t i = 0; i < parameters.size(); ++i) {
    const std::string at = "/parameters/" + std::to_string(i);
    s.parameters.push_back({f.Text(at + "/pointer"), {}});
    for (const nlohmann::json& v : f.Array(at + "/values"))
      s.parameters.back().second.push_back(v);
  }
  const nlohmann::json& figures = f.Array("/figures");
  for (size_t i = 0; i < figures.size(); ++i)
    s.figures.push_back(f.Text("/figures/" + std::to_string(i)));
  const nlohmann::json& points = f.Array("/points");
  for (size_t i = 0; i < points.size() && f.ok(); ++i) {
    const std::string at = "/points/" + std::to_string(i);
    SweepPoint p;
    p.name = f.Text(at + "/point");
    for (const auto& [pointer, values] : s.parameters) {
      const nlohmann::json* v = f.Find(at + "/parameters/" + PointerToken(pointer));
      if (v == nullptr) f.Fail(at + "/parameters/" + PointerToken(pointer), "a value", v);
      p.values.push_back(v == nullptr ? nlohmann::json() : *v);
    }
    p.done = f.Text(at + "/status") == "done";
    if (p.done) {
      for (const std::string& figure : s.figures)
        p.figures[figure] = f.OptionalNumber(at + "/figures/" + PointerToken(figure));
      p.expectations_failed = static_cast<int>(f.Count(at + "/expectations/failed"));
    }
    s.points.push_back(std::move(p));
  }
  if (!f.ok()) return f.status();
  return s;
}

}  // namespace

Result<SweepSection> ReadSweep(const JsonInput& sweep) {
  Result<ParsedSweep> parsed = Parse(sweep);
  if (!parsed.ok()) return parsed.status();
  JsonFields f(sweep.doc, sweep.path);
  SweepSection s;
  s.sweep_id = f.Text("/sweep_id");
  s.scenario = f.Text("/scenario");
  if (!f.ok()) return f.status();
  for (const auto& [pointer, values] : parsed->parameters) {
    SweptParameter p{pointer, {}};
    for (const nlohmann::json& v : values)
      p.values.push_back(ValueText(v));
    s.parameters.push_back(std::move(p));
  }
  for (const SweepPoint& p : parsed->points) {
    ++s.points;
    if (!p.done) ++s.points_failed;
    if (p.expectations_failed > 0) ++s.points_failing_expectations;
  }
  for (const std::string& figure : parsed->figures) {
    SweepFigureRange r{figure, AxisOf(figure).result_unit, std::nullopt, "", std::nullopt, ""};
    for (const SweepPoint& p : parsed->points) {
      auto it = p.figures.find(figure);
      if (it == p.figures.end() || !it->second) continue;
      const double v = *it->second;
      if (!r.min || v < *r.min) {
        r.min = v;
        r.min_point = p.name;
      }
      if (!r.max || v > *r.max) {
        r.max = v;
        r.max_point = p.name;
      }
    }
    s.ranges.push_back(std::move(r));
  }
  return s;
}

Result<std::vector<Chart>> SweepCharts(const JsonInput& sweep) {
  Result<ParsedSweep> parsed = Parse(sweep);
  if (!parsed.ok()) return parsed.status();
  std::vector<Chart> charts;
  if (parsed->parameters.empty()) return charts;
  const auto& [x_pointer, x_values] = parsed->parameters.front();
  for (const std::string& figure : parsed->figures) {
    const FigureAxis axis = AxisOf(figure);
    Chart c;
    c.id = "sweep-" + figure;
    std::replace(c.id.begin(), c.id.end(), '.', '-');
    c.section = ChartSection::kSweep;
    c.title = axis.label + " against " + x_pointer;
    c.caption =
        "One point per finished run; one line per combination of the other "
        "parameters. Failed runs and absent figures leave gaps.";
    c.x = {x_pointer, "", AxisScale::kLinear, {}};
    for (const nlohmann::json& v : x_values)
      c.x.categories.push_back(ValueText(v));
    c.y = {axis.label, axis.unit, AxisScale::kLinear, {}};
    for (const SweepPoint& p : parsed->points) {
      // The series: the other parameters' values; the figure's name when there are none.
      std::string name;
      for (size_t i = 1; i < parsed->parameters.size(); ++i) {
        name +=
            (name.empty() ? "" : ", ") + parsed->parameters[i].first + "=" + ValueText(p.values[i]);
      }
      if (name.empty()) name = figure;
      auto series = std::find_if(c.series.begin(), c.series.end(),
                                 [&](const ChartSeries& s) { return s.name == name; });
      if (series == c.series.end()) series = c.series.insert(c.series.end(), {name, {}});
      auto it = p.figures.find(figure);
      if (!p.done || it == p.figures.end() || !it->second) continue;
      const auto x = std::find(x_values.begin(), x_values.end(), p.values[0]);
      if (x == x_values.end()) continue;
      series->points.push_back(
          {static_cast<double>(x - x_values.begin()), *it->second * axis.scale});
    }
    charts.push_back(std::move(c));
  }
  return charts;
}

}  // namespace estate::reports
