// ReportExporter: the customer report of a run as HTML and PDF, written by
// `estate report RESULT_DIR --format html,pdf --out DIR --scenario RESULT_DIR/input.json`
// (docs/REPORTS.md) in a child process, so that the app and the CLI produce the same report.
// A CLI without the report command is reported as such, not as a failed report.
#pragma once

#include <QObject>
#include <QStringList>

namespace estate::studio {

class CliProcess;

class ReportExporter : public QObject {
  Q_OBJECT

 public:
  // `cli`: the estate binary (FindEstateCli() by default).
  explicit ReportExporter(const QString& cli, QObject* parent = nullptr);

  // Starts the export; finished() follows. REQUIRES: !running().
  void Export(const QString& result_dir, const QString& out_dir);
  bool running() const;
  CliProcess* process() const { return process_; }

 signals:
  // `written`: the files the CLI reported; `error`: empty on success, else why.
  void finished(const QStringList& written, const QString& error);

 private:
  void Ended(int exit_code);

  QString cli_;
  CliProcess* process_;
  QStringList stdout_;
  QStringList stderr_;
};

}  // namespace estate::studio
