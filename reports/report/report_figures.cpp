#include "reports/report/report_figures.h"

#include "reports/report/chart_drawing.h"
#include "reports/report/topology_drawing.h"

namespace estate::reports {

const Chart* FindChart(const ReportModel& m, const std::string& id) {
  for (const Chart& c : m.charts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::optional<Drawing> DrawFigure(const ReportModel& m, const std::string& id) {
  if (id == "topology") {
    if (!m.topology) return std::nullopt;
    return DrawTopology(*m.topology);
  }
  const Chart* chart = FindChart(m, id);
  if (chart == nullptr) return std::nullopt;
  return DrawChart(*chart);
}

std::string FigureImageName(const std::string& id) {
  return "figure-" + id + ".png";
}

}  // namespace estate::reports
