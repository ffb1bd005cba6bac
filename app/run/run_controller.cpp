#include "app/run/run_controller.h"

#include "app/run/cli_locator.h"
#include "app/run/cli_process.h"

namespace estate::studio {

RunController::RunController(QObject* parent)
    : QObject(parent), process_(new CliProcess(this)), cli_(FindEstateCli()) {
  connect(process_, &CliProcess::stdoutLine, this, [this](const QString& line) {
    const std::optional<RunProgress> p = ParseRunProgress(line.toStdString());
    if (!p) {
      emit logLine(line);
      return;
    }
    if (p->kind == RunProgress::Kind::kDone && !p->error.isEmpty()) done_error_ = p->error;
    emit progressed(*p);
  });
  connect(process_, &CliProcess::stderrLine, this, [this](const QString& line) {
    stderr_ << line;
    emit logLine(line);
  });
  connect(process_, &CliProcess::finished, this, &RunController::Ended);
}

void RunController::Start(RunRequest request) {
  if (process_->running()) {
    queued_ = std::move(request);
    process_->Cancel();
    return;
  }
  Launch(request);
}

void RunController::Cancel() {
  queued_.reset();
  process_->Cancel();
}

bool RunController::running() const {
  return process_->running();
}

void RunController::Launch(const RunRequest& request) {
  out_dir_ = request.out_dir;
  stderr_.clear();
  done_error_.clear();
  if (cli_.isEmpty()) {
    emit finished({-1, out_dir_, false,
                   tr("The estate command line was not found next to estate-studio; set "
                      "ESTATE_CLI to its path.")});
    return;
  }
  const Result<QStringList> args = PrepareRun(request);
  if (!args.ok()) {
    emit finished({-1, out_dir_, false, QString::fromStdString(args.status().message())});
    return;
  }
  emit started(out_dir_);
  emit logLine(QStringLiteral("$ %1 %2").arg(cli_, args->join(' ')));
  process_->Start(cli_, *args);
}

void RunController::Ended(int exit_code) {
  RunOutcome outcome{exit_code, out_dir_, process_->cancelled(), QString()};
  if (!outcome.cancelled) {
    if (exit_code == 2) {
      outcome.error = stderr_.join('\n');  // the validation messages, one per line
    } else if (exit_code == 3 || exit_code < 0) {
      outcome.error = !done_error_.isEmpty()         ? done_error_
                      : !process_->error().isEmpty() ? process_->error()
                                                     : stderr_.join('\n');
    }
  }
  emit finished(outcome);
  if (queued_) {
    RunRequest next = std::move(*queued_);
    queued_.reset();
    Launch(next);
  }
}

}  // namespace estate::studio
