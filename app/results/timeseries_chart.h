// TimeseriesChart: columns of timeseries.csv over simulated time (replication lag, bandwidth
// per link, hit ratio per site), optionally with the run's failure windows shaded.
#pragma once

#include <functional>
#include <vector>

#include "app/results/result_chart.h"
#include "app/results/run_result.h"
#include "app/results/timeseries_columns.h"

namespace estate::studio {

class TimeseriesChart : public ResultChart {
  Q_OBJECT

 public:
  using Picker = std::function<std::vector<PlottedColumn>(const TimeseriesTable&)>;

  // `y_max`: the top of the y axis (1 for ratios), or 0 to fit the data.
  TimeseriesChart(const QString& title, const QString& y_title, Picker picker, bool shade_failures,
                  double y_max, QWidget* parent = nullptr);

  // Plots `current`, with `previous` (may be null) dashed beneath it.
  void Show(const RunResult* current, const RunResult* previous);

 private:
  QString y_title_;
  Picker picker_;
  bool shade_failures_;
  double y_max_;
};

}  // namespace estate::studio
