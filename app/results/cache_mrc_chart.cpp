#include "app/results/cache_mrc_chart.h"

#include <algorithm>
#include <limits>
#include <map>

#include "app/results/result_series.h"

namespace estate::studio {

CacheMrcChart::CacheMrcChart(QWidget* parent)
    : ResultChart(tr("Cache hit ratio by size (MRC)"), parent) {}

void CacheMrcChart::Show(const RunResult* current, const RunResult* previous) {
  Clear();
  std::map<std::string, int> color_of;
  double x_min = std::numeric_limits<double>::infinity(), x_max = 0;
  const auto plot = [&](const RunResult* run, bool is_previous) {
    if (run == nullptr || !run->result.contains("cache_sizing")) return;
    for (const auto& [site, sizing] : run->result["cache_sizing"].items()) {
      if (!sizing.is_object() || !sizing.contains("curve")) continue;
      const std::vector<QPointF> points = MrcPoints(sizing["curve"]);
      if (points.empty()) continue;
      for (const QPointF& p : points) {
        x_min = std::min(x_min, p.x());
        x_max = std::max(x_max, p.x());
      }
      const int color = color_of.emplace(site, static_cast<int>(color_of.size())).first->second;
      AddLine(QString::fromStdString(site), points, color, is_previous);
    }
  };
  plot(previous, true);
  plot(current, false);
  if (current != nullptr && x_max > 0 && current->result.contains("cache_sizing") &&
      current->result["cache_sizing"].contains("target_hit_ratio")) {
    const double target = current->result["cache_sizing"]["target_hit_ratio"].get<double>();
    AddLine(tr("target"), {QPointF(x_min, target), QPointF(x_max, target)}, 7);
  }
  Finish(tr("cache size (TB)"), tr("hit ratio"), /*log_x=*/true, /*y_max=*/1.0);
}

}  // namespace estate::studio
