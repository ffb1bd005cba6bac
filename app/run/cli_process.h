// CliProcess: one `estate` child process (run, compare, report), its output read line by line,
// and a cancel that cannot leave it behind: SIGTERM first, SIGKILL if it has not gone within
// kKillAfterMs. The child is always reaped (QProcess waits for it), so a finished CliProcess
// leaves no process and no zombie.
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

class QTimer;

namespace estate::studio {

class CliProcess : public QObject {
  Q_OBJECT

 public:
  static constexpr int kKillAfterMs = 3000;

  explicit CliProcess(QObject* parent = nullptr);
  ~CliProcess() override;

  // Starts `program args`. REQUIRES: !running(). When the program cannot start, finished()
  // follows with exit code -1 and the reason in error().
  void Start(const QString& program, const QStringList& args);
  // Asks the child to stop; finished() follows with cancelled() true.
  void Cancel();
  bool running() const;
  // The child's process id while it runs (0 otherwise); kept after it ends, for checks.
  qint64 last_pid() const { return last_pid_; }
  bool cancelled() const { return cancelled_; }
  // Why the process failed to start or crashed; empty otherwise.
  const QString& error() const { return error_; }
  QProcess::ProcessState state() const { return process_->state(); }

 signals:
  void stdoutLine(const QString& line);
  void stderrLine(const QString& line);
  // `exit_code` is -1 when the child did not exit by itself (crash, kill, failed start).
  void finished(int exit_code);

 private:
  void Drain(QProcess::ProcessChannel channel, QByteArray* pending, bool flush);

  QProcess* process_;
  QTimer* kill_timer_;
  QByteArray stdout_pending_;
  QByteArray stderr_pending_;
  qint64 last_pid_ = 0;
  bool cancelled_ = false;
  QString error_;
};

}  // namespace estate::studio
