#include "reports/report/report_inputs.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/json/json_nesting.h"
#include "sim/scenario/scenario_parser.h"

namespace estate::reports {
namespace {

namespace fs = std::filesystem;

std::string Join(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).string();
}

bool IsFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<JsonInput> ReadJson(const std::string& path) {
  Result<std::string> text = ReadText(path);
  if (!text.ok()) return text.status();
  if (JsonNestsDeeperThan(*text)) {
    return Status::Invalid(path + ": expected JSON nested at most " +
                           std::to_string(kMaxJsonDepth) + " levels deep, found deeper");
  }
  try {
    nlohmann::json doc = nlohmann::json::parse(*text);
    if (!doc.is_object()) {
      return Status::Invalid(path + ": expected a JSON object, found " +
                             std::string(doc.type_name()));
    }
    return JsonInput{path, std::move(doc)};
  } catch (const nlohmann::json::parse_error& e) {
    return Status::Invalid(path + ": expected JSON, found a syntax error at byte " +
                           std::to_string(e.byte));
  }
}

// Reads `name` under `dir` into *out when the file exists.
Status ReadOptionalJson(const std::string& dir, const std::string& name,
                        std::optional<JsonInput>* out) {
  const std::string path = Join(dir, name);
  if (!IsFile(path)) return Status::Ok();
  Result<JsonInput> doc = ReadJson(path);
  if (!doc.ok()) return doc.status();
  *out = std::move(*doc);
  return Status::Ok();
}

// The directory holding the run: `dir` itself, or a sizing's run with failures, else normal.
std::optional<std::string> RunDirectory(const std::string& dir) {
  for (const std::string& candidate : {dir, Join(dir, "runs/failures"), Join(dir, "runs/normal")}) {
    if (IsFile(Join(candidate, "result.json"))) return candidate;
  }
  return std::nullopt;
}

Status ReadScenario(const std::string& path, ReportInputs* in) {
  const ScenarioParse parse = LoadScenario(path);
  if (!parse.ok()) {
    std::string message;
    for (const std::string& line : parse.Messages())
      message += (message.empty() ? "" : "\n") + line;
    return Status::Invalid(message);
  }
  in->scenario = parse.scenario;
  in->scenario_path = path;
  const std::string prices_path = (fs::path(path).parent_path() / parse.scenario.prices).string();
  Result<PriceTable> prices = PriceTable::Read(prices_path);
  if (!prices.ok()) return Status::Invalid(prices.status().message());
  in->prices = std::move(*prices);
  return Status::Ok();
}

}  // namespace

Result<ReportInputs> LoadReportInputs(const std::string& dir, const std::string& scenario_path) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": no such directory");
  ReportInputs in;
  in.dir = dir;

  const std::optional<std::string> run_dir = RunDirectory(dir);
  if (run_dir) {
    Result<JsonInput> result = ReadJson(Join(*run_dir, "result.json"));
    if (!result.ok()) return result.status();
    in.result = std::move(*result);
    in.timeseries_path = Join(*run_dir, "timeseries.csv");
    if (IsFile(in.timeseries_path)) {
      Result<std::string> text = ReadText(in.timeseries_path);
      if (!text.ok()) return text.status();
      in.timeseries = std::move(*text);
    }
  }
  for (const auto& [name, slot] :
       {std::pair{"sizing.json", &in.sizing}, std::pair{"comparison.json", &in.comparison},
        std::pair{"sweep.json", &in.sweep}}) {
    const Status read = ReadOptionalJson(dir, name, slot);
    if (!read.ok()) return read;
  }
  if (!in.result && !in.sizing && !in.comparison && !in.sweep) {
    return Status::Invalid(dir +
                           ": nothing to report: expected result.json, sizing.json, "
                           "comparison.json or sweep.json");
  }

  const std::string beside = Join(run_dir.value_or(dir), "scenario.json");
  const std::string scenario = !scenario_path.empty() ? scenario_path
                               : IsFile(beside)       ? beside
                                                      : "";
  if (!scenario.empty()) {
    const Status read = ReadScenario(scenario, &in);
    if (!read.ok()) return read;
  } else if (in.result && !in.sizing) {
    return Status::Invalid(dir + ": the sizing table needs the scenario the run simulated: no " +
                           beside + " (pass --scenario FILE)");
  }
  return in;
}

}  // namespace estate::reports
