#include "app/whatif/what_if_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "app/document/scenario_document.h"
#include "app/results/results_dashboard.h"
#include "app/run/run_controller.h"
#include "app/run/run_request.h"
#include "app/run/run_workspace.h"
#include "reports/compare/mode_scenario.h"

namespace estate::studio {
namespace {
constexpr int kSliderSteps = 1000;
}  // namespace

WhatIfPanel::WhatIfPanel(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent)
    : QWidget(parent),
      document_(document),
      workspace_(workspace),
      controller_(new RunController(this)),
      debounce_(new QTimer(this)) {
  debounce_->setSingleShot(true);
  debounce_->setInterval(kDebounceMs);
  connect(debounce_, &QTimer::timeout, this, &WhatIfPanel::RerunNow);

  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  auto* run_box = new QGroupBox(tr("Runs"), left);
  auto* run_form = new QFormLayout(run_box);
  duration_ = new QLineEdit("2h", run_box);
  duration_->setObjectName("whatIfDuration");
  duration_->setMaximumWidth(duration_->fontMetrics().horizontalAdvance("0000min") * 2);
  duration_->setToolTip(tr("Simulated duration of each what-if run; empty for the scenario's"));
  run_form->addRow(tr("Duration"), duration_);
  auto* rerun = new QPushButton(tr("Run now"), run_box);
  rerun->setToolTip(tr("Run with the current settings without waiting"));
  run_form->addRow(rerun);
  auto* knob_box = new QGroupBox(tr("What if..."), left);
  knobs_ = new QFormLayout(knob_box);
  auto* scroll = new QScrollArea(left);
  scroll->setWidgetResizable(true);
  scroll->setWidget(knob_box);
  status_ = new QLabel(tr("Change a setting to run."), left);
  status_->setObjectName("whatIfStatus");
  status_->setWordWrap(true);
  left_layout->addWidget(run_box);
  left_layout->addWidget(scroll, 1);
  left_layout->addWidget(status_);

  dashboard_ = new ResultsDashboard(this);
  dashboard_->setObjectName("whatIfDashboard");
  dashboard_->ShowNothing(
      tr("Each change re-runs the scenario and overlays the new curves "
         "(solid) on the previous run's (dashed)."));
  left->setMinimumWidth(left->fontMetrics().horizontalAdvance(QString(52, 'x')));
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(left);
  splitter->addWidget(dashboard_);
  splitter->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(rerun, &QPushButton::clicked, this, &WhatIfPanel::RerunNow);
  connect(controller_, &RunController::finished, this, &WhatIfPanel::Finished);
  connect(controller_, &RunController::progressed, this, [this](const RunProgress& p) {
    if (p.kind == RunProgress::Kind::kProgress)
      status_->setText(tr("Running: %1%").arg(std::lround(p.fraction * 100)));
  });
  // A new scenario (or an edit in the editor) resets the knobs to its values.
  connect(document_, &ScenarioDocument::changed, this, &WhatIfPanel::BuildKnobs);
  BuildKnobs();
}

QDoubleSpinBox* WhatIfPanel::AddSpin(const QString& name, const QString& label, double value,
                                     double max, const QString& suffix, const QString& tooltip) {
  auto* spin = new QDoubleSpinBox(this);
  spin->setObjectName(name);
  spin->setDecimals(3);
  spin->setRange(0, max);
  spin->setValue(value);
  spin->setSuffix(suffix);
  spin->setToolTip(tooltip);
  spin->setKeyboardTracking(false);  // one change per value typed, not per digit
  knobs_->addRow(label, spin);
  knob_widgets_[name] = spin;
  return spin;
}

void WhatIfPanel::BuildKnobs() {
  building_ = true;
  while (knobs_->rowCount() > 0)
    knobs_->removeRow(0);
  knob_widgets_.clear();
  const ScenarioParse& parse = document_->validation();
  if (!parse.ok()) {
    knobs_->addRow(new QLabel(tr("Fix the scenario's errors to use what-if."), this));
    building_ = false;
    return;
  }
  base_ = SettingsOf(parse.scenario);
  settings_ = base_;
  for (const auto& [id, gbps] : base_.link_bandwidth_gbps) {
    const QString link = QString::fromStdString(id);
    QDoubleSpinBox* spin =
        AddSpin("bandwidth:" + link, tr("%1 bandwidth").arg(link), gbps, 1e5, " Gb/s",
                tr("WAN bandwidth of link %1, each direction").arg(link));
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key = id](double v) {
      settings_.link_bandwidth_gbps[key] = v;
      Changed();
    });
  }
  for (const auto& [id, ms] : base_.link_latency_ms) {
    const QString link = QString::fromStdString(id);
    QDoubleSpinBox* spin = AddSpin("latency:" + link, tr("%1 latency").arg(link), ms, 1e4, " ms",
                                   tr("One-way latency of link %1").arg(link));
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key = id](double v) {
      settings_.link_latency_ms[key] = v;
      Changed();
    });
  }
  for (const auto& [id, tb] : base_.site_cache_tb) {
    const QString site = QString::fromStdString(id);
    QDoubleSpinBox* spin = AddSpin("cache:" + site, tr("%1 cache").arg(site), tb, 1e6, " TB",
                                   tr("Cache capacity at site %1").arg(site));
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key = id](double v) {
      settings_.site_cache_tb[key] = v;
      Changed();
    });
  }
  QDoubleSpinBox* write = AddSpin("write_share", tr("Write share"), base_.write_share, 1, "",
                                  tr("Writes as a share of all operations; reads make up the "
                                     "difference, so the total rate stays the same"));
  write->setSingleStep(0.01);
  write_slider_ = new QSlider(Qt::Horizontal, this);
  write_slider_->setRange(0, kSliderSteps);
  write_slider_->setValue(static_cast<int>(std::lround(base_.write_share * kSliderSteps)));
  write_slider_->setToolTip(write->toolTip());
  knobs_->addRow(QString(), write_slider_);
  connect(write_slider_, &QSlider::valueChanged, write,
          [write](int v) { write->setValue(static_cast<double>(v) / kSliderSteps); });
  connect(write, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    const QSignalBlocker block(write_slider_);
    write_slider_->setValue(static_cast<int>(std::lround(v * kSliderSteps)));
    settings_.write_share = v;
    Changed();
  });
  auto* mode = new QComboBox(this);
  mode->setObjectName("consistency");
  mode->addItem(tr("each mount's own"), QString());
  for (const char* m : {"strong", "sync-sites", "bounded-staleness", "session", "eventual"})
    mode->addItem(m, QString(m));
  mode->setToolTip(tr("Run every mount in one consistency mode"));
  knobs_->addRow(tr("Consistency"), mode);
  knob_widgets_["consistency"] = mode;
  connect(mode, &QComboBox::currentIndexChanged, this, [this, mode] {
    settings_.consistency = mode->currentData().toString().toStdString();
    Changed();
  });
  QDoubleSpinBox* sampling =
      AddSpin("sampling_rate", tr("Sampling rate"), base_.sampling_rate, 1, "",
              tr("Share of the objects simulated (docs/RUNNING.md, "
                 "Sampling): lower runs faster, noisier"));
  sampling->setDecimals(4);
  sampling->setSingleStep(0.001);
  sampling->setMinimum(0.0001);
  connect(sampling, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    settings_.sampling_rate = v;
    Changed();
  });
  building_ = false;
}

QWidget* WhatIfPanel::knob(const QString& name) const {
  const auto it = knob_widgets_.find(name);
  return it == knob_widgets_.end() ? nullptr : it->second;
}

void WhatIfPanel::SetDuration(const QString& duration) {
  duration_->setText(duration);
}

QString WhatIfPanel::status_text() const {
  return status_->text();
}

void WhatIfPanel::Changed() {
  if (building_) return;
  status_->setText(tr("Changed; re-running shortly..."));
  debounce_->start();
}

bool WhatIfPanel::RerunNow() {
  debounce_->stop();
  if (!document_->validation().ok()) {
    status_->setText(tr("The scenario has errors; fix them in the editor first."));
    return false;
  }
  const nlohmann::json doc = ApplyWhatIf(
      RunnableScenario(document_->json(), document_->BaseDirectory()), base_, settings_);
  // The knobs can make a scenario the CLI would refuse: say so here instead.
  const ScenarioParse parse = ParseScenario(doc.dump(), "what-if");
  if (!parse.ok()) {
    status_->setText(QString::fromStdString(parse.Messages().front()));
    return false;
  }
  if (!settings_.consistency.empty()) {
    const Status applies = reports::CheckModeApplies(
        parse.scenario, *ParseConsistencyMode(settings_.consistency), "what-if");
    if (!applies.ok()) {
      status_->setText(QString::fromStdString(applies.message()));
      return false;
    }
  }
  RunRequest request;
  request.scenario = doc;
  request.out_dir = workspace_->NewRunDir("what-if");
  request.seed = seed_;
  request.duration = duration_->text().trimmed();
  status_->setText(controller_->running() ? tr("Cancelling the previous run...")
                                          : tr("Running..."));
  controller_->Start(std::move(request));
  return true;
}

void WhatIfPanel::Finished(const RunOutcome& outcome) {
  if (outcome.cancelled) return;  // superseded by a newer run, which is starting
  if (!outcome.has_results()) {
    status_->setText(tr("The run failed: %1").arg(outcome.error));
    return;
  }
  Result<RunResult> result = LoadRunResult(outcome.out_dir);
  if (!result.ok()) {
    status_->setText(QString::fromStdString(result.status().message()));
    return;
  }
  std::optional<RunResult> previous = std::move(last_);
  last_ = *result;
  dashboard_->Show(std::move(*result), std::move(previous));
  status_->setText(dashboard_->previous()
                       ? tr("Done: new run solid, previous run dashed.")
                       : tr("Done: the first run; the next change overlays it."));
}

}  // namespace estate::studio
