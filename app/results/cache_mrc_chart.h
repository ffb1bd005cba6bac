// The cache miss-ratio curve, as hit ratio against cache size per on-prem site (result.json's
// cache_sizing curves), with the scenario's target hit ratio as a flat line.
#pragma once

#include "app/results/result_chart.h"
#include "app/results/run_result.h"

namespace estate::studio {

class CacheMrcChart : public ResultChart {
  Q_OBJECT

 public:
  explicit CacheMrcChart(QWidget* parent = nullptr);
  // Plots `current`, with `previous` (may be null) dashed beneath it.
  void Show(const RunResult* current, const RunResult* previous);
};

}  // namespace estate::studio
