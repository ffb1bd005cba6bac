// CompareView: the Compare page. Runs `estate compare` on the scenario as edited (every
// consistency mode, in parallel child processes) and sets the modes side by side: the CLI's
// recommendation, bars for write latency, availability and egress cost, the t-visibility
// curves, and a table of every figure by mode (docs/COMPARE.md).
#pragma once

#include <QWidget>
#include <nlohmann/json.hpp>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace estate::studio {

class CliProcess;
class ModeBarChart;
class ResultChart;
class RunWorkspace;
class ScenarioDocument;

class CompareView : public QWidget {
  Q_OBJECT

 public:
  CompareView(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent = nullptr);

  // Starts `estate compare`; false (with the reason raised) when the scenario is invalid or
  // the CLI is missing.
  bool StartCompare();
  void CancelCompare();
  // Shows DIR/comparison.json; false (with the reason raised) when it cannot be read.
  bool ShowComparison(const QString& dir);
  // Simulated duration of each mode's run ("2h" by default; empty: the scenario's).
  void SetDuration(const QString& duration);
  void SetSeed(uint64_t seed) { seed_ = seed; }

  CliProcess* process() const { return process_; }
  const nlohmann::json& comparison() const { return comparison_; }
  QTableWidget* table() const { return table_; }
  ModeBarChart* write_latency() const { return write_p99_; }
  ModeBarChart* availability() const { return availability_; }
  ModeBarChart* egress_cost() const { return egress_cost_; }
  ResultChart* t_visibility() const { return t_visibility_; }
  QString recommendation_text() const;

 signals:
  void errorRaised(const QString& title, const QString& text);
  void comparisonReady(const QString& dir);

 private:
  void Finished(int exit_code);

  ScenarioDocument* document_;
  RunWorkspace* workspace_;
  CliProcess* process_;
  QString cli_;
  QString out_dir_;
  uint64_t seed_ = 0;
  nlohmann::json comparison_;
  QLineEdit* duration_ = nullptr;
  QPushButton* start_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* recommendation_ = nullptr;
  QPlainTextEdit* log_ = nullptr;
  QTableWidget* table_ = nullptr;
  ModeBarChart* write_p99_ = nullptr;
  ModeBarChart* availability_ = nullptr;
  ModeBarChart* egress_cost_ = nullptr;
  ResultChart* t_visibility_ = nullptr;
};

}  // namespace estate::studio
