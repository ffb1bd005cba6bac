#include "app/run/cli_process.h"

#include <QTimer>

namespace estate::studio {

CliProcess::CliProcess(QObject* parent)
    : QObject(parent), process_(new QProcess(this)), kill_timer_(new QTimer(this)) {
  kill_timer_->setSingleShot(true);
  kill_timer_->setInterval(kKillAfterMs);
  connect(kill_timer_, &QTimer::timeout, process_, &QProcess::kill);
  connect(process_, &QProcess::readyReadStandardOutput, this,
          [this] { Drain(QProcess::StandardOutput, &stdout_pending_, false); });
  connect(process_, &QProcess::readyReadStandardError, this,
          [this] { Drain(QProcess::StandardError, &stderr_pending_, false); });
  connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart) {
      error_ = tr("cannot start %1: %2").arg(process_->program(), process_->errorString());
      emit finished(-1);
    }
  });
  connect(process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
    kill_timer_->stop();
    Drain(QProcess::StandardOutput, &stdout_pending_, true);
    Drain(QProcess::StandardError, &stderr_pending_, true);
    if (status == QProcess::CrashExit && !cancelled_)
      error_ = tr("%1 stopped unexpectedly").arg(process_->program());
    emit finished(status == QProcess::NormalExit ? code : -1);
  });
}

CliProcess::~CliProcess() {
  // Never leave a child behind, even when the window closes during a run.
  if (process_->state() != QProcess::NotRunning) {
    process_->kill();
    process_->waitForFinished(kKillAfterMs);
  }
}

void CliProcess::Start(const QString& program, const QStringList& args) {
  cancelled_ = false;
  error_.clear();
  stdout_pending_.clear();
  stderr_pending_.clear();
  last_pid_ = 0;
  process_->start(program, args);
  if (process_->waitForStarted()) last_pid_ = process_->processId();
}

void CliProcess::Cancel() {
  if (process_->state() == QProcess::NotRunning) return;
  cancelled_ = true;
  process_->terminate();
  kill_timer_->start();
}

bool CliProcess::running() const {
  return process_->state() != QProcess::NotRunning;
}

void CliProcess::Drain(QProcess::ProcessChannel channel, QByteArray* pending, bool flush) {
  process_->setReadChannel(channel);
  pending->append(process_->readAll());
  qsizetype newline;
  while ((newline = pending->indexOf('\n')) >= 0) {
    const QString line = QString::fromUtf8(pending->left(newline));
    pending->remove(0, newline + 1);
    if (channel == QProcess::StandardOutput) {
      emit stdoutLine(line);
    } else {
      emit stderrLine(line);
    }
  }
  if (flush && !pending->isEmpty()) {
    const QString line = QString::fromUtf8(*pending);
    pending->clear();
    if (channel == QProcess::StandardOutput) {
      emit stdoutLine(line);
    } else {
      emit stderrLine(line);
    }
  }
}

}  // namespace estate::studio
