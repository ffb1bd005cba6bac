#include "app/results/timeseries_chart.h"

#include <map>

#include "app/results/failure_windows.h"
#include "app/results/result_series.h"

namespace estate::studio {

TimeseriesChart::TimeseriesChart(const QString& title, const QString& y_title, Picker picker,
                                 bool shade_failures, double y_max, QWidget* parent)
    : ResultChart(title, parent),
      y_title_(y_title),
      picker_(std::move(picker)),
      shade_failures_(shade_failures),
      y_max_(y_max) {}

void TimeseriesChart::Show(const RunResult* current, const RunResult* previous) {
  Clear();
  // Both runs share the current run's time unit, so that their curves line up.
  const double duration = current != nullptr ? current->duration_s() : 0;
  const double unit = TimeUnitSeconds(duration);
  std::map<std::string, int> color_of;
  const auto plot = [&](const RunResult* run, bool is_previous) {
    if (run == nullptr) return;
    for (const PlottedColumn& c : picker_(run->timeseries)) {
      const int color = color_of.emplace(c.column, static_cast<int>(color_of.size())).first->second;
      AddLine(c.name, TimeseriesPoints(run->timeseries, c.column, unit), color, is_previous);
    }
  };
  plot(previous, true);
  plot(current, false);
  if (shade_failures_ && current != nullptr && current->result.contains("failures")) {
    for (const FailureWindow& w : FailureWindows(current->result["failures"], duration))
      AddShade(w.start_s / unit, w.end_s / unit, w.label);
  }
  Finish(tr("simulated time (%1)").arg(TimeUnitName(duration)), y_title_, false, y_max_);
}

}  // namespace estate::studio
