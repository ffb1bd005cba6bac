#include "cli/compare_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/atomic_file.h"
#include "cli/child_process.h"
#include "cli/command_inputs.h"
#include "models/cost/price_table.h"
#include "models/units.h"
#include "reports/compare/comparison_output.h"
#include "reports/compare/mode_figures_reader.h"
#include "reports/compare/mode_scenario.h"
#include "reports/compare/recommendation.h"
#include "sim/scenario/scenario_parser.h"

namespace estate {
namespace {

constexpr const char* kEgressPrice = "gcs_egress_per_gib_interconnect";

struct CompareArgs {
  std::string scenario;
  std::string modes = "strong,sync-sites,bounded-staleness,session,eventual";
  std::string out = "estate-compare";
  int jobs = 0;  // 0: the cores this process may use
  std::string duration;
  uint64_t seed = 0;  // 0: the scenario's, the same for every mode
  double availability_floor = 0.999;
};

// "strong, eventual" -> the modes, in order; an unknown or repeated name is an error.
Result<std::vector<ConsistencyMode>> ParseModes(const std::string& text) {
  std::vector<ConsistencyMode> modes;
  std::set<ConsistencyMode> seen;
  std::stringstream list(text);
  for (std::string name; std::getline(list, name, ',');) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const std::optional<ConsistencyMode> mode = ParseConsistencyMode(name);
    if (!mode) {
      return Status::Invalid(
          "--modes: expected a comma-separated list of strong, sync-sites, bounded-staleness, "
          "session, eventual, found \"" +
          name + "\"");
    }
    if (!seen.insert(*mode).second) {
      return Status::Invalid("--modes: expected each mode once, found \"" + name + "\" again");
    }
    modes.push_back(*mode);
  }
  if (modes.empty()) return Status::Invalid("--modes: expected at least one mode, found none");
  return modes;
}

ChildCommand RunOf(const CompareArgs& a, const std::filesystem::path& dir) {
  ChildCommand c;
  c.args = {"run", (dir / "scenario.json").string(), "--out", dir.string(), "--progress", "none"};
  if (!a.duration.empty()) c.args.insert(c.args.end(), {"--duration", a.duration});
  if (a.seed != 0) c.args.insert(c.args.end(), {"--seed", std::to_string(a.seed)});
  c.log_path = (dir / "log.txt").string();
  return c;
}

// One mode's figures from its finished run; a failed run keeps its reason in `error`.
reports::ModeFigures FiguresOf(const std::string& mode, const std::filesystem::path& dir,
                               int exit_code, double egress_per_gib) {
  reports::ModeFigures failed;
  failed.mode = mode;
  failed.run_dir = dir.string();
  failed.exit_code = exit_code;
  if (exit_code != 0 && exit_code != 1) {
    failed.error = "the run failed (exit " + std::to_string(exit_code) + "); see " +
                   (dir / "log.txt").string();
    return failed;
  }
  const std::string path = (dir / "result.json").string();
  std::ifstream f(path);
  const nlohmann::json result = nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded()) {
    failed.error = path + ": not readable JSON";
    return failed;
  }
  Result<reports::ModeFigures> figures =
      reports::ReadModeFigures(result, mode, path, egress_per_gib);
  if (!figures.ok()) {
    failed.error = figures.status().message();
    return failed;
  }
  figures->run_dir = failed.run_dir;
  figures->exit_code = exit_code;
  return *figures;
}

int Compare(const CompareArgs& a) {
  const std::optional<Scenario> loaded = LoadScenarioOrReport(a.scenario);
  if (!loaded) return 2;
  const Scenario& scenario = *loaded;
  Result<std::vector<ConsistencyMode>> modes = ParseModes(a.modes);
  if (!modes.ok()) {
    std::cerr << modes.status().message() << '\n';
    return 2;
  }
  for (ConsistencyMode mode : *modes) {
    const Status applies = reports::CheckModeApplies(scenario, mode, a.scenario);
    if (!applies.ok()) {
      std::cerr << applies.message() << '\n';
      return 2;
    }
  }
  DurationNs duration = scenario.duration;
  if (!a.duration.empty()) {
    const std::optional<DurationNs> d = ParseDurationOption(a.duration);
    if (!d) return 2;
    duration = *d;
  }
  const std::optional<PriceTable> prices = ReadScenarioPrices(a.scenario, scenario);
  if (!prices) return 2;
  Result<Price> egress = prices->Find(kEgressPrice);
  if (!egress.ok()) {
    std::cerr << egress.status().message() << '\n';
    return 2;
  }

  // The document as written, so that each mode's copy keeps every field the user set.
  std::ifstream in(a.scenario, std::ios::binary);
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  const std::filesystem::path out(a.out);
  std::vector<ChildCommand> runs;
  std::vector<std::filesystem::path> dirs;
  for (ConsistencyMode mode : *modes) {
    const std::filesystem::path dir = out / ConsistencyModeName(mode);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      std::cerr << dir.string() << ": cannot create the output directory: " << ec.message() << '\n';
      return 3;
    }
    const nlohmann::json copy =
        reports::ScenarioInMode(doc, mode, std::filesystem::path(a.scenario).parent_path());
    if (!WriteFileAtomically(dir / "scenario.json", copy.dump(2) + "\n")) return 3;
    runs.push_back(RunOf(a, dir));
    dirs.push_back(dir);
  }
  const int jobs = a.jobs > 0 ? a.jobs : AvailableCores();
  std::cerr << "estate compare: simulating " << runs.size() << " mode(s), " << jobs
            << " at a time, in " << out.string() << " ...\n";
  const std::vector<int> codes = RunChildProcessesBounded(runs, jobs);

  reports::ModeComparison c;
  c.scenario = scenario.name;
  c.scenario_path = a.scenario;
  c.duration_s = static_cast<double>(duration) / 1e9;
  c.availability_floor = a.availability_floor;
  c.egress_price = {egress->value, prices->currency(), egress->source, egress->as_of};
  bool all_ran = true;
  for (size_t i = 0; i < runs.size(); ++i) {
    c.modes.push_back(
        FiguresOf(ConsistencyModeName((*modes)[i]), dirs[i], codes[i], egress->value));
    if (!c.modes.back().ok()) {
      std::cerr << "estate compare: " << c.modes.back().mode << ": " << c.modes.back().error
                << '\n';
      all_ran = false;
    }
  }
  const reports::Recommendation rec = reports::Recommend(c);
  const bool written =
      WriteFileAtomically(out / "comparison.json",
                          reports::ComparisonJson(c, rec).dump(2) + "\n") &&
      WriteFileAtomically(out / "comparison.md", reports::ComparisonMarkdown(c, rec)) &&
      WriteFileAtomically(out / "comparison.csv", reports::ComparisonCsv(c));
  if (!written) return 3;
  std::cout << rec.Paragraph() << "\n\nwrote " << (out / "comparison.json").string() << ", "
            << (out / "comparison.md").string() << ", " << (out / "comparison.csv").string()
            << '\n';
  if (!all_ran) return 3;
  return rec.mode ? 0 : 1;
}

}  // namespace

void AddCompareCommand(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a scenario once per consistency mode and compare them side by side");
  cmd->add_option("scenario", args->scenario, "Scenario JSON file")->required();
  cmd->add_option("--modes", args->modes, "Comma-separated consistency modes to compare")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Output directory")->capture_default_str();
  cmd->add_option("--jobs", args->jobs,
                  "Runs at a time (default: the number of cores this process may use)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--duration", args->duration,
                  "Simulate this long instead of the scenario's duration (e.g. 10min)");
  cmd->add_option("--seed", args->seed, "Seed for every mode (default: the scenario's)");
  cmd->add_option("--availability-floor", args->availability_floor,
                  "Lowest availability a recommended mode may have, as a ratio")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->callback([args] { std::exit(Compare(*args)); });
}

}  // namespace estate
