#include "reports/sweep/sweep_directory.h"

#include <fstream>
#include <sstream>

namespace estate::reports {
namespace {

using nlohmann::json;

json ReadOrNull(const std::filesystem::path& path) {
  Result<json> j = ReadJsonFile(path);
  return j.ok() ? *j : json(nullptr);
}

bool Finished(const StoredPoint& stored) {
  return stored.record.is_object() && stored.result.is_object();
}

}  // namespace

std::string ShardSummaryFile(const SweepShard& shard) {
  return "shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".json";
}

Result<json> ReadJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path.string() + ": cannot read");
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Invalid(path.string() + ": not valid JSON");
  return j;
}

Result<SweepPlan> ReadSweepPlan(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kSweepPlanFile;
  if (!std::filesystem::exists(path)) {
    return Status::Invalid(path.string() +
                           ": cannot read (not the output directory of estate sweep?)");
  }
  Result<json> j = ReadJsonFile(path);
  if (!j.ok()) return j.status();
  Result<SweepPlan> plan = SweepPlan::FromJson(*j);
  if (!plan.ok()) return Status::Invalid(path.string() + ": " + plan.status().message());
  return plan;
}

StoredPoint ReadStoredPoint(const std::filesystem::path& dir, const SweepPlan& plan, size_t k) {
  const std::filesystem::path point = dir / plan.PointName(k);
  return {ReadOrNull(point / kPointRecordFile), ReadOrNull(point / kPointResultFile)};
}

bool IsFinishedRunOf(const StoredPoint& stored, const SweepPlan& plan, size_t k) {
  return Finished(stored) && stored.record.value("parameters", json()) == plan.PointValues(k) &&
         stored.record.value("scenario", json()) == plan.PointScenario(k);
}

bool IsFinishedPointOf(const StoredPoint& stored, const SweepPlan& plan, size_t k) {
  return Finished(stored) && stored.record.value("sweep_id", json()) == plan.id() &&
         stored.record.value("parameters", json()) == plan.PointValues(k);
}

}  // namespace estate::reports
