// RunPanel: the Run page. Runs the scenario being edited (unsaved changes included), shows a
// progress bar in simulated time with the wall-clock ETA the CLI estimates, and the child's
// log; Cancel stops the child. A scenario the validator rejects does not start: its messages
// are raised as an error instead, as are the CLI's own (exit 2 or 3).
#pragma once

#include <QWidget>
#include <cstdint>

#include "app/run/run_controller.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace estate::studio {

class RunWorkspace;
class ScenarioDocument;

class RunPanel : public QWidget {
  Q_OBJECT

 public:
  RunPanel(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent = nullptr);

  // Runs the document; returns false (and raises the validation messages) when it is invalid.
  bool StartRun();
  void CancelRun();
  RunController* controller() const { return controller_; }

  // Overrides for the next runs: a duration such as "10min" (empty: the scenario's) and a
  // seed (0: the scenario's).
  void SetDurationOverride(const QString& duration);
  QString duration_override() const;
  void SetSeedOverride(uint64_t seed);
  uint64_t seed_override() const;

  QProgressBar* progress_bar() const { return bar_; }
  QString log_text() const;
  QString progress_text() const;

 signals:
  void errorRaised(const QString& title, const QString& text);
  // A run finished with results (exit 0 or 1) in `outcome.out_dir`.
  void resultsReady(const RunOutcome& outcome);

 private:
  void ShowProgress(const RunProgress& p);
  void Finished(const RunOutcome& outcome);
  void SetRunning(bool running);

  ScenarioDocument* document_;
  RunWorkspace* workspace_;
  RunController* controller_;
  QProgressBar* bar_ = nullptr;
  QLabel* status_ = nullptr;
  QPlainTextEdit* log_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLineEdit* duration_ = nullptr;
  QSpinBox* seed_ = nullptr;
};

}  // namespace estate::studio
