#include "app/export/report_exporter.h"

#include <QDir>
#include <QFileInfo>

#include "app/run/cli_process.h"

namespace estate::studio {

ReportExporter::ReportExporter(const QString& cli, QObject* parent)
    : QObject(parent), cli_(cli), process_(new CliProcess(this)) {
  connect(process_, &CliProcess::stdoutLine, this, [this](const QString& l) { stdout_ << l; });
  connect(process_, &CliProcess::stderrLine, this, [this](const QString& l) { stderr_ << l; });
  connect(process_, &CliProcess::finished, this, &ReportExporter::Ended);
}

bool ReportExporter::running() const {
  return process_->running();
}

void ReportExporter::Export(const QString& result_dir, const QString& out_dir) {
  stdout_.clear();
  stderr_.clear();
  if (cli_.isEmpty()) {
    emit finished({}, tr("The estate command line was not found next to estate-studio; set "
                         "ESTATE_CLI to its path."));
    return;
  }
  QStringList args = {"report", result_dir, "--format", "html,pdf", "--out", out_dir};
  const QString input = QDir(result_dir).filePath("input.json");
  if (QFileInfo::exists(input)) args << "--scenario" << input;
  process_->Start(cli_, args);
}

void ReportExporter::Ended(int exit_code) {
  if (exit_code == 0) {
    emit finished(stdout_, QString());
    return;
  }
  const QString output = (stderr_ + stdout_).join('\n').trimmed();
  if (exit_code == 2 || exit_code == 3) {  // the report command's own failures
    emit finished({}, tr("estate report failed (exit %1):\n%2").arg(exit_code).arg(output));
    return;
  }
  // Anything else means the command itself is missing (an estate from before `estate report`
  // answers "A subcommand is required") or the process could not run.
  emit finished({}, tr("%1 has no working `report` command, so no HTML or PDF report was "
                       "written (exit %2%3). The charts were exported as PNG.")
                        .arg(cli_)
                        .arg(exit_code)
                        .arg(output.isEmpty() ? process_->error() : ": " + output));
}

}  // namespace estate::studio
