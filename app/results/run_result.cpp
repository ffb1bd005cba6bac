#include "app/results/run_result.h"

#include <QDir>
#include <QFile>

namespace estate::studio {
namespace {

Result<QByteArray> ReadFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Status::NotFound(path.toStdString() + ": cannot read: " + f.errorString().toStdString());
  return f.readAll();
}

}  // namespace

double RunResult::duration_s() const {
  const nlohmann::json* d = nullptr;
  if (result.contains("run") && result["run"].contains("duration_s"))
    d = &result["run"]["duration_s"];
  return d != nullptr && d->is_number() ? d->get<double>() : 0.0;
}

Result<RunResult> LoadRunResult(const QString& dir) {
  RunResult r;
  r.dir = dir;
  const QString json_path = QDir(dir).filePath("result.json");
  const Result<QByteArray> json_bytes = ReadFile(json_path);
  if (!json_bytes.ok()) return json_bytes.status();
  try {
    r.result = nlohmann::json::parse(json_bytes->toStdString());
  } catch (const nlohmann::json::exception& e) {
    return Status::Invalid(json_path.toStdString() + ": not JSON: " + e.what());
  }
  const QString csv_path = QDir(dir).filePath("timeseries.csv");
  const Result<QByteArray> csv_bytes = ReadFile(csv_path);
  if (!csv_bytes.ok()) return csv_bytes.status();
  Result<TimeseriesTable> table =
      TimeseriesTable::Parse(csv_bytes->toStdString(), csv_path.toStdString());
  if (!table.ok()) return table.status();
  r.timeseries = std::move(*table);
  return r;
}

}  // namespace estate::studio
