#include "cli/sweep_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/atomic_file.h"
#include "cli/child_process.h"
#include "cli/command_inputs.h"
#include "cli/sweep_summary_files.h"
#include "models/units.h"
#include "reports/sweep/sweep_directory.h"
#include "reports/sweep/sweep_summary.h"
#include "reports/sweep/sweep_validation.h"
#include "sim/scenario/scenario_parser.h"

namespace estate {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct SweepArgs {
  std::string scenario;
  std::vector<std::string> params;
  std::string out;
  int jobs = 0;  // 0: the cores this process may use
  std::string shard;
  std::string duration;
  uint64_t seed = 0;  // 0: the scenario's (as estate run)
};

// The plan, or the reason there is none on stderr.
std::optional<reports::SweepPlan> Plan(const SweepArgs& a) {
  if (!LoadScenarioOrReport(a.scenario)) return std::nullopt;
  Result<json> document = reports::ReadJsonFile(a.scenario);
  if (!document.ok()) {
    std::cerr << document.status().message() << '\n';
    return std::nullopt;
  }
  if (!a.duration.empty() && !ParseDurationOption(a.duration)) return std::nullopt;
  std::vector<reports::SweepParameter> parameters;
  for (const std::string& arg : a.params) {
    Result<reports::SweepParameter> p = reports::ParseSweepParameter(arg);
    if (!p.ok()) {
      std::cerr << "--param " << arg << ": " << p.status().message() << '\n';
      return std::nullopt;
    }
    parameters.push_back(std::move(*p));
  }
  reports::SweepRunSettings settings;
  settings.duration = a.duration;
  if (a.seed != 0) settings.seed = a.seed;
  const fs::path dir = fs::absolute(fs::path(a.scenario)).parent_path();
  Result<reports::SweepPlan> plan =
      reports::SweepPlan::Make(*document, dir.string(), std::move(parameters), settings);
  if (!plan.ok()) {
    std::cerr << plan.status().message() << '\n';
    return std::nullopt;
  }
  const std::vector<std::string> problems = reports::ValidateSweepPoints(*plan, a.scenario);
  for (const std::string& line : problems)
    std::cerr << line << '\n';
  if (!problems.empty()) return std::nullopt;
  return std::move(*plan);
}

// Prepares point k's directory for a fresh run: stale files go, point.json and scenario.json
// come. The run's command, or nullopt when the files cannot be written.
std::optional<ChildCommand> PreparePoint(const reports::SweepPlan& plan, size_t k,
                                         const fs::path& out) {
  const fs::path dir = out / plan.PointName(k);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << dir.string() << ": cannot create: " << ec.message() << '\n';
    return std::nullopt;
  }
  const json record = plan.PointRecord(k);
  if (!WriteFileAtomically(dir / reports::kPointScenarioFile, record["scenario"].dump(2) + "\n") ||
      !WriteFileAtomically(dir / reports::kPointRecordFile, record.dump(2) + "\n")) {
    return std::nullopt;
  }
  ChildCommand c;
  c.args = {"run",        (dir / reports::kPointScenarioFile).string(),
            "--out",      dir.string(),
            "--progress", "none"};
  c.log_path = (dir / reports::kPointLogFile).string();
  return c;
}

int Sweep(const SweepArgs& a) {
  reports::SweepShard shard;
  if (!a.shard.empty()) {
    Result<reports::SweepShard> parsed = reports::ParseSweepShard(a.shard);
    if (!parsed.ok()) {
      std::cerr << parsed.status().message() << '\n';
      return 2;
    }
    shard = *parsed;
  }
  const std::optional<reports::SweepPlan> plan = Plan(a);
  if (!plan) return 2;

  const fs::path out(a.out);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << a.out << ": cannot create the output directory: " << ec.message() << '\n';
    return 3;
  }
  if (!WriteFileAtomically(out / reports::kSweepPlanFile, plan->ToJson().dump(2) + "\n")) return 3;

  std::vector<size_t> mine;
  std::vector<size_t> to_run;
  std::vector<ChildCommand> runs;
  for (size_t k = 0; k < plan->size(); ++k) {
    if (!shard.Holds(k)) continue;
    mine.push_back(k);
    const reports::StoredPoint stored = reports::ReadStoredPoint(out, *plan, k);
    if (reports::IsFinishedRunOf(stored, *plan, k)) {
      // The same run, finished for another sweep (say, before a value was added): claim it.
      if (stored.record.value("sweep_id", json()) != plan->id()) {
        const fs::path record = out / plan->PointName(k) / reports::kPointRecordFile;
        if (!WriteFileAtomically(record, plan->PointRecord(k).dump(2) + "\n")) return 3;
      }
      continue;
    }
    std::optional<ChildCommand> run = PreparePoint(*plan, k, out);
    if (!run) return 3;
    to_run.push_back(k);
    runs.push_back(std::move(*run));
  }
  const int jobs = a.jobs > 0 ? a.jobs : AvailableCores();
  std::cerr << "estate sweep: " << plan->size() << " points";
  if (!shard.whole()) std::cerr << ", " << mine.size() << " in shard " << shard.ToString();
  std::cerr << "; " << mine.size() - to_run.size() << " finished already; running "
            << to_run.size();
  if (!to_run.empty()) std::cerr << ", " << std::min<size_t>(jobs, to_run.size()) << " at a time";
  std::cerr << ", in " << a.out << '\n';
  const std::vector<int> codes = RunChildProcessesBounded(runs, jobs);

  for (size_t i = 0; i < to_run.size(); ++i) {
    if (codes[i] == 0 || codes[i] == 1) continue;
    std::cerr << a.scenario << ": " << plan->DescribePoint(to_run[i]) << ": the run failed (exit "
              << codes[i] << "); see " << runs[i].log_path << '\n';
    // Whatever it wrote is not a finished run: the next resume runs it again.
    fs::remove(out / plan->PointName(to_run[i]) / reports::kPointResultFile, ec);
  }
  std::vector<reports::SweepPointOutcome> outcomes;
  for (size_t k : mine) {
    const reports::StoredPoint stored = reports::ReadStoredPoint(out, *plan, k);
    reports::SweepPointOutcome o;
    o.index = k;
    o.finished = reports::IsFinishedRunOf(stored, *plan, k);
    if (o.finished) o.result = stored.result;
    outcomes.push_back(std::move(o));
  }
  const json summary = reports::SweepSummary(*plan, outcomes, shard);
  if (!WriteSweepSummary(out, summary, shard)) return 3;
  const SweepVerdict verdict = JudgeSweep(summary);
  std::cout << mine.size() - verdict.failed_runs << " of " << mine.size() << " points done, "
            << verdict.failed_expectations << " with a failed expectation\nwrote ";
  if (shard.whole()) {
    std::cout << (out / reports::kSweepSummaryFile).string() << ", "
              << (out / reports::kSweepCsvFile).string() << '\n';
  } else {
    std::cout << (out / reports::ShardSummaryFile(shard)).string() << '\n';
  }
  return verdict.ExitCode();
}

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a scenario over the cartesian product of parameter values (docs/SWEEPS.md)");
  cmd->add_option("scenario", args->scenario, "Scenario JSON file")->required();
  cmd->add_option("--param", args->params,
                  "PATH=V1,V2,...: a JSON pointer into the scenario (array elements by index or "
                  "by \"id\") and its values; repeat for more axes")
      ->required()
      ->expected(1)  // one PATH=... per --param, so the scenario may follow it
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--out", args->out, "Output directory (finished points in it are skipped)")
      ->required();
  cmd->add_option("--jobs", args->jobs, "Runs at once (default: the cores available)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--shard", args->shard,
                  "i/n: run only the points k with k mod n == i (0-based), for scheduler jobs");
  cmd->add_option("--duration", args->duration,
                  "Simulate this long instead of the scenario's duration (e.g. 10min)");
  cmd->add_option("--seed", args->seed, "Seed for every point (default: the scenario's)");
  cmd->callback([args] { std::exit(Sweep(*args)); });
}

}  // namespace estate
