#include "cli/size_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/atomic_file.h"
#include "cli/child_process.h"
#include "cli/command_inputs.h"
#include "models/cost/price_table.h"
#include "reports/sizing/analytical_sizing.h"
#include "reports/sizing/size_report.h"
#include "sim/scenario/scenario_parser.h"

namespace estate {
namespace {

struct SizeArgs {
  std::string scenario;
  std::string out = "estate-size";
  int seeds = 0;  // 0: the scenario's sizing.error_seeds (1 when not sampled)
  std::string duration;
  bool analytical_only = false;
};

ChildCommand RunCommand(const SizeArgs& a, const std::string& dir, int seeds, bool failures) {
  ChildCommand c;
  c.args = {"run",        a.scenario, "--out",         dir,
            "--progress", "none",     "--error-seeds", std::to_string(seeds)};
  if (!a.duration.empty()) c.args.insert(c.args.end(), {"--duration", a.duration});
  if (!failures) c.args.push_back("--no-failures");
  c.log_path = dir + "/log.txt";
  return c;
}

// result.json of a finished run, or null with the reason on stderr.
nlohmann::json ReadResult(const ChildCommand& c, int code) {
  const std::string dir = std::filesystem::path(c.log_path).parent_path().string();
  if (code != 0 && code != 1) {
    std::cerr << "estate size: the run in " << dir << " failed (exit " << code << "); see "
              << c.log_path << '\n';
    return nullptr;
  }
  std::ifstream f(dir + "/result.json");
  nlohmann::json r = nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
  if (r.is_discarded()) {
    std::cerr << "estate size: " << dir << "/result.json: not readable JSON\n";
    return nullptr;
  }
  return r;
}

int Size(const SizeArgs& a) {
  const std::optional<Scenario> loaded = LoadScenarioOrReport(a.scenario);
  if (!loaded) return 2;
  const Scenario& scenario = *loaded;
  const std::optional<PriceTable> prices = ReadScenarioPrices(a.scenario, scenario);
  if (!prices) return 2;
  Result<reports::AnalyticalSizing> analytical = reports::AnalyseScenario(scenario);
  if (!analytical.ok()) {
    std::cerr << a.scenario << ": " << analytical.status().message() << '\n';
    return 2;
  }

  std::error_code ec;
  std::filesystem::create_directories(a.out, ec);
  if (ec) {
    std::cerr << a.out << ": cannot create the output directory: " << ec.message() << '\n';
    return 3;
  }
  reports::SizingInputs in;
  in.scenario = &scenario;
  in.analytical = &*analytical;
  in.prices = &*prices;
  in.prices_origin = ScenarioPricesPath(a.scenario, scenario);
  in.normal = nullptr;
  in.with_failures = nullptr;
  if (!a.analytical_only) {
    const int seeds = a.seeds > 0                  ? a.seeds
                      : scenario.sampling_rate < 1 ? scenario.sizing.error_seeds
                                                   : 1;
    const bool failures = !scenario.failures.empty();
    std::vector<ChildCommand> runs;
    const std::filesystem::path runs_dir = std::filesystem::path(a.out) / "runs";
    for (const char* name : {"normal", "failures"}) {
      if (std::string(name) == "failures" && !failures) continue;
      const std::string dir = (runs_dir / name).string();
      std::filesystem::create_directories(dir, ec);
      runs.push_back(RunCommand(a, dir, seeds, std::string(name) == "failures"));
    }
    std::cerr << "estate size: simulating " << runs.size() << " variant(s) x " << seeds
              << " seed(s) in " << runs_dir.string() << " ...\n";
    ChildProcesses children(runs);
    const std::vector<int> codes = children.Wait();
    in.normal = ReadResult(runs[0], codes[0]);
    if (in.normal.is_null()) return 3;
    in.with_failures = in.normal;
    if (failures) {
      in.with_failures = ReadResult(runs[1], codes[1]);
      if (in.with_failures.is_null()) return 3;
    }
  }
  Result<nlohmann::json> report = reports::SizeReport(in);
  if (!report.ok()) {
    std::cerr << a.scenario << ": " << report.status().message() << '\n';
    return 2;
  }
  const std::string markdown = reports::SizeReportMarkdown(*report);
  const std::filesystem::path out(a.out);
  if (!WriteFileAtomically(out / "sizing.json", report->dump(2) + "\n") ||
      !WriteFileAtomically(out / "sizing.md", markdown)) {
    return 3;
  }
  std::cout << markdown << "\nwrote " << (out / "sizing.json").string() << ", "
            << (out / "sizing.md").string() << '\n';
  return 0;
}

}  // namespace

void AddSizeCommand(CLI::App& app) {
  auto args = std::make_shared<SizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "size", "Recommend WAN circuits, cache, nodes and cost from simulation and models");
  cmd->add_option("scenario", args->scenario, "Scenario JSON file")->required();
  cmd->add_option("--out", args->out, "Output directory")->capture_default_str();
  cmd->add_option("--seeds", args->seeds,
                  "Seeds per simulated variant (default: the scenario's sizing.error_seeds "
                  "when sampled, else 1)")
      ->check(CLI::Range(1, 32));
  cmd->add_option("--duration", args->duration,
                  "Simulate this long instead of the scenario's duration (e.g. 2h)");
  cmd->add_flag("--analytical-only", args->analytical_only,
                "Skip the simulation: analytical figures only, in seconds");
  cmd->callback([args] { std::exit(Size(*args)); });
}

}  // namespace estate
