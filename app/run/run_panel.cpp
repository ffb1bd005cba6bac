#include "app/run/run_panel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/document/scenario_document.h"
#include "app/run/run_workspace.h"

namespace estate::studio {
namespace {
constexpr int kBarSteps = 1000;
constexpr int kMaxLogLines = 5000;
}  // namespace

RunPanel::RunPanel(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent)
    : QWidget(parent),
      document_(document),
      workspace_(workspace),
      controller_(new RunController(this)) {
  run_ = new QPushButton(tr("Run"), this);
  run_->setObjectName("runButton");
  run_->setToolTip(tr("Simulate the scenario as edited (F5)"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName("cancelButton");
  cancel_->setToolTip(tr("Stop the running simulation (Esc)"));
  cancel_->setEnabled(false);
  duration_ = new QLineEdit(this);
  duration_->setObjectName("durationOverride");
  duration_->setPlaceholderText(tr("the scenario's"));
  duration_->setMaximumWidth(duration_->fontMetrics().horizontalAdvance("the scenario's") * 2);
  duration_->setToolTip(
      tr("Simulate only this long, e.g. \"10min\" for a quick look "
         "(estate run --duration)"));
  seed_ = new QSpinBox(this);
  seed_->setObjectName("seedOverride");
  seed_->setRange(0, 2147483647);
  seed_->setSpecialValueText(tr("the scenario's"));
  seed_->setToolTip(tr("Seed of the run; the same scenario and seed give the same results"));
  bar_ = new QProgressBar(this);
  bar_->setRange(0, kBarSteps);
  bar_->setValue(0);
  bar_->setFormat("%p%");
  status_ = new QLabel(tr("Not run yet"), this);
  status_->setObjectName("runStatus");
  log_ = new QPlainTextEdit(this);
  log_->setObjectName("runLog");
  log_->setReadOnly(true);
  log_->setMaximumBlockCount(kMaxLogLines);
  log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  auto* options = new QFormLayout;
  options->addRow(tr("Duration"), duration_);
  options->addRow(tr("Seed"), seed_);
  auto* buttons = new QHBoxLayout;
  buttons->addLayout(options);
  buttons->addStretch();
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(buttons);
  layout->addWidget(bar_);
  layout->addWidget(status_);
  layout->addWidget(log_, 1);

  connect(run_, &QPushButton::clicked, this, &RunPanel::StartRun);
  connect(cancel_, &QPushButton::clicked, this, &RunPanel::CancelRun);
  connect(controller_, &RunController::progressed, this, &RunPanel::ShowProgress);
  connect(controller_, &RunController::logLine, log_, &QPlainTextEdit::appendPlainText);
  connect(controller_, &RunController::finished, this, &RunPanel::Finished);
  connect(controller_, &RunController::started, this, [this] { SetRunning(true); });
}

bool RunPanel::StartRun() {
  const ScenarioParse& parse = document_->validation();
  if (!parse.ok()) {
    QStringList lines;
    for (const std::string& m : parse.Messages())
      lines << QString::fromStdString(m);
    emit errorRaised(tr("The scenario is not valid"), lines.join('\n'));
    return false;
  }
  RunRequest request;
  request.scenario = RunnableScenario(document_->json(), document_->BaseDirectory());
  request.out_dir = workspace_->NewRunDir("run");
  request.seed = seed_override();
  request.duration = duration_override();
  bar_->setValue(0);
  status_->setText(tr("Starting..."));
  controller_->Start(std::move(request));
  return true;
}

void RunPanel::CancelRun() {
  controller_->Cancel();
}

void RunPanel::SetDurationOverride(const QString& duration) {
  duration_->setText(duration);
}

QString RunPanel::duration_override() const {
  return duration_->text().trimmed();
}

void RunPanel::SetSeedOverride(uint64_t seed) {
  seed_->setValue(static_cast<int>(seed));
}

uint64_t RunPanel::seed_override() const {
  return static_cast<uint64_t>(seed_->value());
}

QString RunPanel::log_text() const {
  return log_->toPlainText();
}

QString RunPanel::progress_text() const {
  return status_->text();
}

void RunPanel::ShowProgress(const RunProgress& p) {
  bar_->setValue(static_cast<int>(p.fraction * kBarSteps));
  if (p.kind == RunProgress::Kind::kProgress) {
    status_->setText(tr("Simulated %1 of %2, ETA %3")
                         .arg(FormatDuration(p.sim_time_s), FormatDuration(p.duration_s),
                              FormatDuration(p.eta_s)));
  }
}

void RunPanel::Finished(const RunOutcome& outcome) {
  SetRunning(controller_->running());
  if (outcome.cancelled) {
    status_->setText(tr("Cancelled"));
    log_->appendPlainText(tr("(cancelled)"));
    return;
  }
  if (outcome.has_results()) {
    bar_->setValue(kBarSteps);
    status_->setText(outcome.exit_code == 0 ? tr("Done: every expectation met")
                                            : tr("Done: an expectation failed"));
    emit resultsReady(outcome);
    return;
  }
  status_->setText(tr("Failed (exit %1)").arg(outcome.exit_code));
  emit errorRaised(
      outcome.exit_code == 2 ? tr("The CLI rejected the scenario") : tr("The run failed"),
      outcome.error);
}

void RunPanel::SetRunning(bool running) {
  run_->setEnabled(!running);
  cancel_->setEnabled(running);
}

}  // namespace estate::studio
