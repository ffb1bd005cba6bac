#include "reports/sweep/sweep_summary.h"

#include "sim/output/seed_spread.h"

namespace estate::reports {
namespace {

using nlohmann::json;

std::string CsvCell(const json& value) {
  if (value.is_null()) return "";
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void AppendRow(const std::vector<json>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) *out += ',';
    *out += CsvCell(cells[i]);
  }
  *out += '\n';
}

json Expectations(const json& result) {
  int passed = 0;
  int failed = 0;
  if (result.contains("expectations") && result["expectations"].is_array()) {
    for (const json& e : result["expectations"]) {
      const bool pass = e.is_object() && e.value("pass", false);
      passed += pass;
      failed += !pass;
    }
  }
  return {{"passed", passed}, {"failed", failed}};
}

}  // namespace

const std::vector<std::string>& SweepFigurePaths() {
  static const std::vector<std::string> paths = {
      "wan_peak_bps",      "egress_bytes",     "replication_lag.p99", "rpo.p99",
      "write_latency.p99", "read_latency.p99", "availability.all",    "hit_ratio"};
  return paths;
}

json SweepSummary(const SweepPlan& plan, const std::vector<SweepPointOutcome>& points,
                  const SweepShard& shard) {
  const json saved = plan.ToJson();
  json summary = {{"sweep_id", plan.id()},
                  {"scenario", plan.ScenarioName()},
                  {"settings", saved["settings"]},
                  {"parameters", saved["parameters"]},
                  {"figures", SweepFigurePaths()}};
  if (!shard.whole()) summary["shard"] = shard.ToString();
  json rows = json::array();
  for (const SweepPointOutcome& p : points) {
    json row = {{"point", plan.PointName(p.index)},
                {"index", p.index},
                {"parameters", plan.PointValues(p.index)},
                {"status", p.finished ? "done" : "failed"}};
    if (p.finished) {
      json figures = json::object();
      for (const std::string& path : SweepFigurePaths()) {
        const json* v = sim::FigureAt(p.result, path);
        figures[path] = v == nullptr ? json(nullptr) : *v;
      }
      row["figures"] = std::move(figures);
      row["expectations"] = Expectations(p.result);
    }
    rows.push_back(std::move(row));
  }
  summary["points"] = std::move(rows);
  return summary;
}

std::string SweepSummaryCsv(const json& summary) {
  std::string out;
  std::vector<json> header = {"point"};
  for (const json& p : summary["parameters"])
    header.push_back(p["pointer"]);
  header.push_back("status");
  for (const json& f : summary["figures"])
    header.push_back(f);
  header.push_back("expectations_passed");
  header.push_back("expectations_failed");
  AppendRow(header, &out);
  for (const json& point : summary["points"]) {
    std::vector<json> cells = {point["point"]};
    for (const json& p : summary["parameters"])
      cells.push_back(point["parameters"][p["pointer"].get<std::string>()]);
    cells.push_back(point["status"]);
    const bool done = point.contains("figures");
    for (const json& f : summary["figures"])
      cells.push_back(done ? point["figures"][f.get<std::string>()] : json(nullptr));
    cells.push_back(done ? point["expectations"]["passed"] : json(nullptr));
    cells.push_back(done ? point["expectations"]["failed"] : json(nullptr));
    AppendRow(cells, &out);
  }
  return out;
}

}  // namespace estate::reports
