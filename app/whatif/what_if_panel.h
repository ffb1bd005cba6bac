// WhatIfPanel: knobs for the questions an architect asks at a desk (WAN bandwidth and latency
// per link, cache per site, write share, consistency mode, sampling rate) beside a results
// dashboard. Every change re-runs the scenario after a short pause, cancelling a run still
// going, and the dashboard overlays the new run's curves on the previous run's. The knobs
// change only the runs, never the scenario document.
#pragma once

#include <QWidget>
#include <map>
#include <optional>
#include <string>

#include "app/results/run_result.h"
#include "app/whatif/what_if_settings.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QTimer;

namespace estate::studio {

class ResultsDashboard;
class RunController;
class RunWorkspace;
class ScenarioDocument;
struct RunOutcome;

class WhatIfPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kDebounceMs = 700;

  WhatIfPanel(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent = nullptr);

  // Runs now with the current knobs instead of after the pause. Returns false (and shows why)
  // when the knobs make the scenario invalid, e.g. a mode no mount can order writes in.
  bool RerunNow();
  const WhatIfSettings& settings() const { return settings_; }
  RunController* controller() const { return controller_; }
  ResultsDashboard* dashboard() const { return dashboard_; }
  QString status_text() const;

  // The knob widgets, by name: "bandwidth:<link>", "latency:<link>", "cache:<site>",
  // "write_share", "sampling_rate" (QDoubleSpinBox) and "consistency" (QComboBox).
  QWidget* knob(const QString& name) const;
  // Simulated duration of what-if runs ("2h" by default; empty: the scenario's).
  void SetDuration(const QString& duration);
  void SetSeed(uint64_t seed) { seed_ = seed; }

 private:
  void BuildKnobs();
  QDoubleSpinBox* AddSpin(const QString& name, const QString& label, double value, double max,
                          const QString& suffix, const QString& tooltip);
  void Changed();
  void Finished(const RunOutcome& outcome);

  ScenarioDocument* document_;
  RunWorkspace* workspace_;
  RunController* controller_;
  ResultsDashboard* dashboard_ = nullptr;
  QFormLayout* knobs_ = nullptr;
  QLabel* status_ = nullptr;
  QLineEdit* duration_ = nullptr;
  QSlider* write_slider_ = nullptr;
  QTimer* debounce_ = nullptr;
  std::map<QString, QWidget*> knob_widgets_;
  WhatIfSettings base_;
  WhatIfSettings settings_;
  uint64_t seed_ = 0;
  std::optional<RunResult> last_;
  bool building_ = false;
};

}  // namespace estate::studio
