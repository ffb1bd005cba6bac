// Latency CDFs: one curve per consistency mode for the chosen operation (read, write, list,
// delete) over all sites or one site, from result.json's latency percentiles.
#pragma once

#include <QWidget>

#include "app/results/run_result.h"

class QComboBox;

namespace estate::studio {

class ResultChart;

class LatencyCdfChart : public QWidget {
  Q_OBJECT

 public:
  explicit LatencyCdfChart(QWidget* parent = nullptr);

  // Plots `current`, with `previous` (may be null) dashed beneath it.
  void Show(const RunResult* current, const RunResult* previous);
  // "read", "write", "list" or "delete"; a site id or "" for all sites.
  void Select(const QString& operation, const QString& site);
  ResultChart* chart() const { return chart_; }

 private:
  void Redraw();

  ResultChart* chart_;
  QComboBox* operation_;
  QComboBox* site_;
  const RunResult* current_ = nullptr;
  const RunResult* previous_ = nullptr;
};

}  // namespace estate::studio
