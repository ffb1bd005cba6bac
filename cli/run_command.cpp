#include "cli/run_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/atomic_file.h"
#include "cli/child_process.h"
#include "cli/command_inputs.h"
#include "cli/progress_reporter.h"
#include "cli/scenario_copy.h"
#include "models/units.h"
#include "sim/output/run_result.h"
#include "sim/output/seed_spread.h"
#include "sim/run/scenario_simulation.h"
#include "sim/scenario/scenario_parser.h"

namespace estate {
namespace {

struct RunArgs {
  std::string scenario;
  uint64_t seed = 0;
  std::string out = "estate-out";
  std::string progress;
  bool verbose = false;
  std::string duration;  // overrides the scenario's, e.g. "10min" for a quick look
  int error_seeds = 1;
  bool no_failures = false;
};

// The same run under seeds seed + 1 .. seed + n - 1, each in its own process and directory.
std::vector<ChildCommand> SeedRuns(const RunArgs& a, uint64_t seed) {
  std::vector<ChildCommand> runs;
  for (int i = 1; i < a.error_seeds; ++i) {
    const std::string s = std::to_string(seed + static_cast<uint64_t>(i));
    const std::string dir = (std::filesystem::path(a.out) / "seeds" / s).string();
    std::filesystem::create_directories(dir);
    ChildCommand c;
    c.args = {"run", a.scenario, "--seed", s, "--out", dir, "--progress", "none"};
    if (!a.duration.empty()) c.args.insert(c.args.end(), {"--duration", a.duration});
    if (a.no_failures) c.args.push_back("--no-failures");
    c.log_path = dir + "/log.txt";
    runs.push_back(std::move(c));
  }
  return runs;
}

// Reads the other seeds' result.json files; an error names the run that failed.
Result<std::vector<nlohmann::json>> SeedResults(const std::vector<ChildCommand>& runs,
                                                const std::vector<int>& codes) {
  std::vector<nlohmann::json> results;
  for (size_t i = 0; i < runs.size(); ++i) {
    const std::string dir = std::filesystem::path(runs[i].log_path).parent_path().string();
    if (codes[i] != 0 && codes[i] != 1) {
      return Status::Internal("the run with --seed " + runs[i].args[3] + " failed (exit " +
                              std::to_string(codes[i]) + "); see " + runs[i].log_path);
    }
    std::ifstream f(dir + "/result.json");
    nlohmann::json r = nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
    if (r.is_discarded()) return Status::Internal(dir + "/result.json: not readable JSON");
    results.push_back(std::move(r));
  }
  return results;
}

std::string Summary(const nlohmann::json& r) {
  std::ostringstream o;
  o.precision(4);
  auto ms = [](const nlohmann::json& v) { return v.get<double>() * 1e3; };
  o << "operations: " << r["operations"]["total"] << " simulated, availability "
    << r["availability"]["all"].get<double>() * 100 << "%\n";
  o << "write latency p99: " << ms(r["write_latency"]["p99"])
    << " ms; read latency p99: " << ms(r["read_latency"]["p99"]) << " ms\n";
  o << "replication lag p99: " << r["replication_lag"]["p99"].get<double>()
    << " s; RPO p99: " << r["rpo"]["p99"].get<double>() << " s\n";
  o << "WAN peak: " << r["wan_peak_bps"].get<double>() / 1e9
    << " Gb/s; egress: " << r["egress_bytes"].get<double>() / 1e12 << " TB; cache hit ratio "
    << r["hit_ratio"].get<double>() * 100 << "%\n";
  if (r["sampling"].contains("seeds")) {
    const nlohmann::json& seeds = r["sampling"]["seeds"];
    o << "spread over " << seeds["seeds"].size() << " seeds (stddev / mean):";
    for (const char* figure : {"wan_peak_bps", "egress_bytes", "replication_lag.p99"}) {
      if (seeds.contains(figure)) {
        o << ' ' << figure << ' ' << seeds[figure]["relative"].get<double>() * 100 << '%';
      }
    }
    o << '\n';
  }
  const double stretch = r["run"]["data_plane_time_stretch"].get<double>();
  if (stretch > 1) {
    o << "note: sampled at " << r["run"]["sampling_rate"].get<double>()
      << ": read-miss latency, data replication lag and data RPO are stretched up to " << stretch
      << "x (docs/RUNNING.md, Sampling)\n";
  }
  return o.str();
}

int Run(const RunArgs& a) {
  std::optional<Scenario> loaded = LoadScenarioOrReport(a.scenario);
  if (!loaded) return 2;
  Scenario& scenario = *loaded;
  if (!a.duration.empty()) {
    const std::optional<DurationNs> d = ParseDurationOption(a.duration);
    if (!d) return 2;
    scenario.duration = *d;
  }
  ProgressStyle style = isatty(STDERR_FILENO) ? ProgressStyle::kBar : ProgressStyle::kNone;
  if (a.progress == "json") style = ProgressStyle::kJson;
  if (a.progress == "none") style = ProgressStyle::kNone;
  if (a.progress == "bar") style = ProgressStyle::kBar;
  ProgressReporter progress(style);

  std::error_code ec;
  std::filesystem::create_directories(a.out, ec);
  if (ec) {
    std::cerr << a.out << ": cannot create the output directory: " << ec.message() << '\n';
    return 3;
  }

  if (a.no_failures) scenario.failures.clear();
  const uint64_t seed = a.seed != 0 ? a.seed : scenario.seed;
  const std::vector<ChildCommand> seed_runs = SeedRuns(a, seed);
  ChildProcesses children(seed_runs);

  sim::RunOptions options;
  options.seed = seed;
  options.verbose = a.verbose;
  options.scenario_dir = std::filesystem::path(a.scenario).parent_path().string();
  if (options.scenario_dir.empty()) options.scenario_dir = ".";
  options.progress = [&progress](TimeNs now, TimeNs duration) { progress.Update(now, duration); };
  Result<sim::RunRecord> record = sim::RunScenarioSimulation(scenario, options);
  if (!record.ok()) {
    progress.Finish("\"error\":" + nlohmann::json(record.status().message()).dump());
    std::cerr << a.scenario << ": run failed: " << record.status().message() << '\n';
    return 3;
  }
  nlohmann::json result = sim::ResultJson(scenario, *record);
  const std::vector<sim::ExpectationOutcome> outcomes =
      sim::CheckExpectations(scenario.expectations, result);
  nlohmann::json checked = nlohmann::json::array();
  int failed = 0;
  for (const sim::ExpectationOutcome& o : outcomes) {
    failed += !o.pass;
    checked.push_back({{"expectation", o.expectation.text},
                       {"pass", o.pass},
                       {"found", o.found},
                       {"message", o.message}});
  }
  result["expectations"] = checked;
  if (!seed_runs.empty()) {
    Result<std::vector<nlohmann::json>> others = SeedResults(seed_runs, children.Wait());
    if (!others.ok()) {
      std::cerr << a.scenario << ": " << others.status().message() << '\n';
      return 3;
    }
    others->insert(others->begin(), result);
    result["sampling"]["seeds"] = sim::SeedSpread(*others);
  }

  const std::filesystem::path dir(a.out);
  const bool written =
      WriteFileAtomically(dir / "result.json", result.dump(2) + "\n") &&
      WriteFileAtomically(dir / "timeseries.csv", sim::TimeseriesCsv(*record)) &&
      WriteFileAtomically(dir / "junit.xml", sim::JunitXml(scenario.name, outcomes)) &&
      WriteScenarioCopy(a.scenario, dir, {a.duration, a.seed, a.no_failures});
  nlohmann::json done = {
      {"out", a.out}, {"expectations", outcomes.size()}, {"expectations_failed", failed}};
  const std::string body = done.dump();
  progress.Finish(body.substr(1, body.size() - 2));
  if (!written) return 3;

  std::ostream& text = style == ProgressStyle::kJson ? std::cerr : std::cout;
  text << Summary(result);
  for (const sim::ExpectationOutcome& o : outcomes)
    text << (o.pass ? "PASS  " : "FAIL  ") << o.expectation.text << "  (" << o.message << ")\n";
  text << "wrote " << (dir / "result.json").string() << ", " << (dir / "timeseries.csv").string()
       << ", " << (dir / "junit.xml").string() << '\n';
  return failed == 0 ? 0 : 1;
}

}  // namespace

void AddRunCommand(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario and check its expectations");
  cmd->add_option("scenario", args->scenario, "Scenario JSON file")->required();
  cmd->add_option("--seed", args->seed, "Seed (default: the scenario's)");
  cmd->add_option("--out", args->out, "Output directory")->capture_default_str();
  cmd->add_option("--progress", args->progress,
                  "bar (default on a terminal), json (one line per interval on stdout) or none")
      ->check(CLI::IsMember({"bar", "json", "none"}));
  cmd->add_option("--duration", args->duration,
                  "Simulate this long instead of the scenario's duration (e.g. 10min)");
  cmd->add_option("--error-seeds", args->error_seeds,
                  "Also run with the next N-1 seeds (in parallel processes) and report each "
                  "headline figure's spread under sampling.seeds")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  cmd->add_flag("--no-failures", args->no_failures,
                "Leave out the scenario's failures (normal operation)");
  cmd->add_flag("--verbose", args->verbose, "SimGrid's and the engine's log on stderr");
  cmd->callback([args] { std::exit(Run(*args)); });
}

}  // namespace estate
