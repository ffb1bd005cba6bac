// RunController: runs a scenario through `estate run --progress json` in a child process and
// reports its progress, its log and how it ended. Starting a run while one is going cancels
// the running one first (the what-if panel re-runs on every change), so at most one child
// runs at a time and only the newest request's results are reported as a completed run.
#pragma once

#include <QObject>
#include <QStringList>
#include <optional>

#include "app/run/run_progress.h"
#include "app/run/run_request.h"

namespace estate::studio {

class CliProcess;

struct RunOutcome {
  int exit_code = -1;  // estate run's: 0 met, 1 an expectation failed, 2 invalid, 3 failed
  QString out_dir;
  bool cancelled = false;
  // Why the run gave no results: the validation messages (exit 2), the run's error (exit 3),
  // or why the child could not start. Empty for exit 0 and 1.
  QString error;
  // True when result.json was written (exit 0 or 1).
  bool has_results() const { return !cancelled && (exit_code == 0 || exit_code == 1); }
};

class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);

  // Starts `request` now, or as soon as the running child has stopped (it is cancelled).
  void Start(RunRequest request);
  // Stops the running child (SIGTERM, then SIGKILL) and drops a queued request.
  void Cancel();
  bool running() const;
  CliProcess* process() const { return process_; }
  // The estate binary runs use; empty when none was found.
  const QString& cli() const { return cli_; }
  void set_cli(const QString& cli) { cli_ = cli; }

 signals:
  void started(const QString& out_dir);
  void progressed(const RunProgress& progress);
  // A line the child printed that is not a progress object (its summary, its errors).
  void logLine(const QString& line);
  void finished(const RunOutcome& outcome);

 private:
  void Launch(const RunRequest& request);
  void Ended(int exit_code);

  CliProcess* process_;
  QString cli_;
  QString out_dir_;
  QStringList stderr_;
  QString done_error_;
  std::optional<RunRequest> queued_;
};

}  // namespace estate::studio
