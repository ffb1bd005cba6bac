#include "cli/sweep_summary_files.h"

#include "cli/atomic_file.h"
#include "reports/sweep/sweep_directory.h"
#include "reports/sweep/sweep_summary.h"

namespace estate {

bool WriteSweepSummary(const std::filesystem::path& dir, const nlohmann::json& summary,
                       const reports::SweepShard& shard) {
  const std::string text = summary.dump(2) + "\n";
  if (!shard.whole()) return WriteFileAtomically(dir / reports::ShardSummaryFile(shard), text);
  return WriteFileAtomically(dir / reports::kSweepSummaryFile, text) &&
         WriteFileAtomically(dir / reports::kSweepCsvFile, reports::SweepSummaryCsv(summary));
}

SweepVerdict JudgeSweep(const nlohmann::json& summary) {
  SweepVerdict v;
  for (const nlohmann::json& p : summary["points"]) {
    if (p["status"] != "done") {
      ++v.failed_runs;
    } else if (p["expectations"]["failed"].get<int>() > 0) {
      ++v.failed_expectations;
    }
  }
  return v;
}

}  // namespace estate
