#include "cli/merge_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/atomic_file.h"
#include "cli/sweep_summary_files.h"
#include "reports/sweep/sweep_directory.h"
#include "reports/sweep/sweep_summary.h"

namespace estate {
namespace {

namespace fs = std::filesystem;

struct MergeArgs {
  std::string out;
  std::vector<std::string> shards;
};

// The plan every shard directory holds, or the reason they do not share one on stderr.
std::optional<reports::SweepPlan> CommonPlan(const std::vector<std::string>& shards) {
  std::optional<reports::SweepPlan> common;
  for (const std::string& dir : shards) {
    Result<reports::SweepPlan> plan = reports::ReadSweepPlan(dir);
    if (!plan.ok()) {
      std::cerr << "estate merge: " << plan.status().message() << '\n';
      return std::nullopt;
    }
    if (!common) {
      common = std::move(*plan);
    } else if (plan->id() != common->id()) {
      std::cerr << "estate merge: " << dir << ": a shard of another sweep (sweep " << plan->id()
                << " of scenario \"" << plan->ScenarioName() << "\"; " << shards.front()
                << " holds sweep " << common->id() << " of scenario \"" << common->ScenarioName()
                << "\")\n";
      return std::nullopt;
    }
  }
  return common;
}

// Copies a point's directory unless it is already where it goes.
bool CopyPoint(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (fs::exists(to) && fs::equivalent(from, to, ec)) return true;
  fs::remove_all(to, ec);
  fs::copy(from, to, fs::copy_options::recursive, ec);
  if (ec) {
    std::cerr << "estate merge: cannot copy " << from.string() << " to " << to.string() << ": "
              << ec.message() << '\n';
    return false;
  }
  return true;
}

int Merge(const MergeArgs& a) {
  const std::optional<reports::SweepPlan> plan = CommonPlan(a.shards);
  if (!plan) return 2;
  std::vector<reports::SweepPointOutcome> outcomes;
  std::vector<fs::path> sources;
  bool complete = true;
  for (size_t k = 0; k < plan->size(); ++k) {
    reports::SweepPointOutcome o;
    o.index = k;
    for (const std::string& dir : a.shards) {
      reports::StoredPoint stored = reports::ReadStoredPoint(dir, *plan, k);
      if (!reports::IsFinishedPointOf(stored, *plan, k)) continue;
      o.finished = true;
      o.result = std::move(stored.result);
      sources.push_back(fs::path(dir) / plan->PointName(k));
      break;
    }
    if (!o.finished) {
      std::string dirs;
      for (const std::string& dir : a.shards)
        dirs += (dirs.empty() ? "" : ", ") + dir;
      std::cerr << "estate merge: " << plan->DescribePoint(k) << ": no finished run in " << dirs
                << '\n';
      complete = false;
    }
    outcomes.push_back(std::move(o));
  }
  if (!complete) return 2;

  const fs::path out(a.out);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << a.out << ": cannot create the output directory: " << ec.message() << '\n';
    return 3;
  }
  for (size_t k = 0; k < plan->size(); ++k) {
    if (!CopyPoint(sources[k], out / plan->PointName(k))) return 3;
  }
  const nlohmann::json summary = reports::SweepSummary(*plan, outcomes, reports::SweepShard{});
  if (!WriteFileAtomically(out / reports::kSweepPlanFile, plan->ToJson().dump(2) + "\n") ||
      !WriteSweepSummary(out, summary, reports::SweepShard{})) {
    return 3;
  }
  const SweepVerdict verdict = JudgeSweep(summary);
  std::cout << "merged " << plan->size() << " points from " << a.shards.size() << " director"
            << (a.shards.size() == 1 ? "y" : "ies") << ", " << verdict.failed_expectations
            << " with a failed expectation\nwrote " << (out / reports::kSweepSummaryFile).string()
            << ", " << (out / reports::kSweepCsvFile).string() << '\n';
  return verdict.ExitCode();
}

}  // namespace

void AddMergeCommand(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine the shards of a sweep into one sweep result (docs/SWEEPS.md)");
  cmd->add_option("out", args->out, "Output directory (may be one of the shard directories)")
      ->required();
  cmd->add_option("shards", args->shards, "Output directories of estate sweep --shard i/n")
      ->required();
  cmd->callback([args] { std::exit(Merge(*args)); });
}

}  // namespace estate
