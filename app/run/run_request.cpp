#include "app/run/run_request.h"

#include <QDir>
#include <QSaveFile>

#include "reports/sweep/scenario_paths.h"

namespace estate::studio {

nlohmann::json RunnableScenario(const nlohmann::ordered_json& doc, const QString& base_dir) {
  nlohmann::json copy = nlohmann::json::parse(doc.dump());
  if (copy.is_object()) copy.erase("$schema");
  reports::MakeScenarioPathsAbsolute(&copy, base_dir.toStdString());
  return copy;
}

Result<QStringList> PrepareRun(const RunRequest& request) {
  if (!QDir().mkpath(request.out_dir)) {
    return Status::Internal(request.out_dir.toStdString() + ": cannot create the directory");
  }
  const QString scenario_path = QDir(request.out_dir).filePath("input.json");
  QSaveFile out(scenario_path);
  const std::string text = request.scenario.dump(2) + "\n";
  if (!out.open(QIODevice::WriteOnly) ||
      out.write(text.data(), static_cast<qint64>(text.size())) !=
          static_cast<qint64>(text.size()) ||
      !out.commit()) {
    return Status::Internal(scenario_path.toStdString() +
                            ": cannot write: " + out.errorString().toStdString());
  }
  QStringList args = {"run", scenario_path, "--out", request.out_dir, "--progress", "json"};
  if (request.seed != 0) args << "--seed" << QString::number(request.seed);
  if (!request.duration.isEmpty()) args << "--duration" << request.duration;
  return args;
}

}  // namespace estate::studio
