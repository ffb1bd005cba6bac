#include "reports/report/chart_drawing.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "reports/report/axis_ticks.h"

namespace estate::reports {
namespace {

constexpr double kWidth = 760;
constexpr double kPlotLeft = 72;
constexpr double kPlotRight = kWidth - 16;
constexpr double kPlotTop = 18;
constexpr double kPlotHeight = 240;
constexpr double kPlotBottom = kPlotTop + kPlotHeight;
constexpr double kLegendTop = kPlotBottom + 46;
constexpr double kLegendRow = 18;
// Text width is estimated, not measured: layout must not depend on the fonts installed.
constexpr double kCharWidth = 6.2;
constexpr size_t kDottedSeriesMax = 12;

const char* const kGridColour = "#e3e3e3";
const char* const kAxisColour = "#555555";
const char* const kBandColour = "#f4a261";
const char* const kMarkerColour = "#6a3d9a";

std::string AxisTitle(const ChartAxis& a) {
  return a.unit.empty() || a.unit == "ratio" ? a.label : a.label + " (" + a.unit + ")";
}

// Where data values land in the plot area.
class Scales {
 public:
  Scales(const ChartAxis& x_axis, const AxisRange& x, const AxisRange& y)
      : log_x_(x_axis.scale == AxisScale::kLog), x_(x), y_(y) {}

  double X(double v) const {
    const double share =
        log_x_ ? (std::log10(v) - std::log10(x_.min)) / (std::log10(x_.max) - std::log10(x_.min))
               : (v - x_.min) / (x_.max - x_.min);
    return kPlotLeft + share * (kPlotRight - kPlotLeft);
  }
  double Y(double v) const { return kPlotBottom - (v - y_.min) / (y_.max - y_.min) * kPlotHeight; }
  const AxisRange& x() const { return x_; }
  const AxisRange& y() const { return y_; }

 private:
  bool log_x_;
  AxisRange x_, y_;
};

struct Extent {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void Add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return lo > hi; }
};

AxisRange XRange(const Chart& c) {
  if (!c.x.categories.empty()) {
    AxisRange r;
    r.min = -0.5;
    r.max = static_cast<double>(c.x.categories.size()) - 0.5;
    for (size_t i = 0; i < c.x.categories.size(); ++i)
      r.ticks.push_back(static_cast<double>(i));
    return r;
  }
  Extent e;
  for (const ChartSeries& s : c.series) {
    for (const ChartPoint& p : s.points)
      e.Add(p.x);
  }
  for (const ChartMarker& m : c.markers)
    e.Add(m.x);
  for (const ChartBand& b : c.bands) {
    e.Add(b.from);
    e.Add(b.to);
  }
  if (c.x.scale == AxisScale::kLog) {
    if (e.empty() || e.lo <= 0) return LogAxisRange(1, 10);
    return LogAxisRange(e.lo, e.hi);
  }
  if (e.empty()) return LinearAxisRange(0, 1);
  return LinearAxisRange(e.lo, e.hi);
}

AxisRange YRange(const Chart& c) {
  Extent e;
  e.Add(0);  // every figure the report charts is a non-negative quantity
  for (const ChartSeries& s : c.series) {
    for (const ChartPoint& p : s.points)
      e.Add(p.y);
  }
  return LinearAxisRange(e.lo, e.hi);
}

ShapeGroup Grid(const Scales& s) {
  ShapeGroup g{GroupKind::kGrid, "", 0, {}};
  for (double t : s.y().ticks)
    g.shapes.push_back(LineShape{kPlotLeft, s.Y(t), kPlotRight, s.Y(t), {kGridColour, 1, false}});
  return g;
}

ShapeGroup Axes(const Chart& c, const Scales& s) {
  ShapeGroup g{GroupKind::kAxis, "", 0, {}};
  const Stroke axis{kAxisColour, 1, false};
  g.shapes.push_back(LineShape{kPlotLeft, kPlotBottom, kPlotRight, kPlotBottom, axis});
  g.shapes.push_back(LineShape{kPlotLeft, kPlotTop, kPlotLeft, kPlotBottom, axis});
  for (size_t i = 0; i < s.x().ticks.size(); ++i) {
    const double t = s.x().ticks[i];
    const double x = s.X(t);
    g.shapes.push_back(LineShape{x, kPlotBottom, x, kPlotBottom + 4, axis});
    const std::string label = c.x.categories.empty() ? TickLabel(t, c.x.unit) : c.x.categories[i];
    g.shapes.push_back(
        TextShape{x, kPlotBottom + 16, label, TextAnchor::kMiddle, 10, kAxisColour, false, 0});
  }
  for (double t : s.y().ticks) {
    const double y = s.Y(t);
    g.shapes.push_back(LineShape{kPlotLeft - 4, y, kPlotLeft, y, axis});
    g.shapes.push_back(TextShape{kPlotLeft - 7, y + 3.5, TickLabel(t, c.y.unit), TextAnchor::kEnd,
                                 10, kAxisColour, false, 0});
  }
  g.shapes.push_back(TextShape{(kPlotLeft + kPlotRight) / 2, kPlotBottom + 34, AxisTitle(c.x),
                               TextAnchor::kMiddle, 11, kAxisColour, false, 0});
  g.shapes.push_back(TextShape{16, (kPlotTop + kPlotBottom) / 2, AxisTitle(c.y),
                               TextAnchor::kMiddle, 11, kAxisColour, false, -90});
  return g;
}

ShapeGroup Band(const ChartBand& b, size_t index, const Scales& s) {
  ShapeGroup g{GroupKind::kBand, b.label, 0, {}};
  const double from = std::clamp(s.X(b.from), kPlotLeft, kPlotRight);
  const double to = std::clamp(s.X(b.to), kPlotLeft, kPlotRight);
  g.shapes.push_back(
      RectShape{from, kPlotTop, std::max(1.0, to - from), kPlotHeight, kBandColour, 0.25, "", 0});
  g.shapes.push_back(TextShape{from + 3, kPlotTop + 11 + 11 * static_cast<double>(index), b.label,
                               TextAnchor::kStart, 9, "#9a4a0c", false, 0});
  return g;
}

ShapeGroup Marker(const ChartMarker& m, size_t index, const Scales& s) {
  ShapeGroup g{GroupKind::kMarker, m.label, 0, {}};
  const double x = s.X(m.x);
  g.shapes.push_back(LineShape{x, kPlotTop, x, kPlotBottom, {kMarkerColour, 1.2, true}});
  // Markers often share an x (two sites choosing the same cache): stagger their labels.
  const double y = kPlotTop + 12 + 12 * static_cast<double>(index);
  const bool right_half = x > (kPlotLeft + kPlotRight) / 2;
  g.shapes.push_back(TextShape{right_half ? x - 4 : x + 4, y, m.label,
                               right_half ? TextAnchor::kEnd : TextAnchor::kStart, 9, kMarkerColour,
                               false, 0});
  return g;
}

ShapeGroup LineSeries(const ChartSeries& series, const std::string& colour, const Scales& s) {
  ShapeGroup g{GroupKind::kSeries, series.name, series.points.size(), {}};
  PolylineShape line{{}, {colour, 1.6, false}};
  for (const ChartPoint& p : series.points)
    line.points.push_back({s.X(p.x), s.Y(p.y)});
  // Sparse series (percentiles, sweep points) show their points; a lone point has no line.
  if (series.points.size() <= kDottedSeriesMax) {
    for (const auto& [x, y] : line.points)
      g.shapes.push_back(RectShape{x - 2, y - 2, 4, 4, colour, 1, "", 0});
  }
  g.shapes.insert(g.shapes.begin(), std::move(line));
  return g;
}

ShapeGroup BarSeries(const ChartSeries& series, size_t slot, size_t slots,
                     const std::string& colour, const Scales& s) {
  ShapeGroup g{GroupKind::kSeries, series.name, series.points.size(), {}};
  const double category = s.X(1) - s.X(0);
  const double width = category * 0.8 / static_cast<double>(slots);
  for (const ChartPoint& p : series.points) {
    const double left = s.X(p.x) - category * 0.4 + width * static_cast<double>(slot);
    const double top = s.Y(std::max(p.y, 0.0));
    g.shapes.push_back(
        RectShape{left, top, width, std::max(0.0, kPlotBottom - top), colour, 1, "", 0});
  }
  return g;
}

// The legend flows left to right below the plot; returns the height it takes.
double Legend(const Chart& c, Drawing* d) {
  ShapeGroup g{GroupKind::kLegend, "", 0, {}};
  double x = kPlotLeft;
  double y = kLegendTop;
  const std::vector<std::string>& palette = SeriesPalette();
  for (size_t i = 0; i < c.series.size(); ++i) {
    const std::string& name = c.series[i].name;
    const double width = 22 + kCharWidth * static_cast<double>(name.size()) + 18;
    if (x + width > kPlotRight && x > kPlotLeft) {
      x = kPlotLeft;
      y += kLegendRow;
    }
    const std::string& colour = palette[i % palette.size()];
    g.shapes.push_back(RectShape{x, y - 8, 16, 8, colour, 1, "", 0});
    g.shapes.push_back(TextShape{x + 22, y, name, TextAnchor::kStart, 10, "#222222", false, 0});
    x += width;
  }
  d->groups.push_back(std::move(g));
  return c.series.empty() ? 0 : y - kLegendTop + kLegendRow;
}

}  // namespace

const std::vector<std::string>& SeriesPalette() {
  // Tableau 10: distinguishable in colour-blind vision and in greyscale print.
  static const std::vector<std::string> kPalette = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
                                                    "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                                                    "#9c755f", "#bab0ac"};
  return kPalette;
}

Drawing DrawChart(const Chart& c) {
  Drawing d;
  d.id = c.id;
  d.title = c.title;
  d.width = kWidth;
  const Scales s(c.x, XRange(c), YRange(c));
  d.groups.push_back(ShapeGroup{
      GroupKind::kFrame,
      "",
      0,
      {RectShape{kPlotLeft, kPlotTop, kPlotRight - kPlotLeft, kPlotHeight, "#ffffff", 1, "", 0}}});
  d.groups.push_back(Grid(s));
  // Overlapping windows (a link degraded while a site is down) stagger their labels.
  for (size_t i = 0; i < c.bands.size(); ++i)
    d.groups.push_back(Band(c.bands[i], i, s));
  const std::vector<std::string>& palette = SeriesPalette();
  size_t bar_slots = 0;
  for (const ChartSeries& series : c.series)
    bar_slots += series.points.empty() ? 0 : 1;
  size_t slot = 0;
  for (size_t i = 0; i < c.series.size(); ++i) {
    const std::string& colour = palette[i % palette.size()];
    if (c.kind == ChartKind::kBar) {
      d.groups.push_back(BarSeries(c.series[i], slot, std::max<size_t>(1, bar_slots), colour, s));
      if (!c.series[i].points.empty()) ++slot;
    } else {
      d.groups.push_back(LineSeries(c.series[i], colour, s));
    }
  }
  for (size_t i = 0; i < c.markers.size(); ++i)
    d.groups.push_back(Marker(c.markers[i], i, s));
  d.groups.push_back(Axes(c, s));
  d.height = kLegendTop + Legend(c, &d) + 6;
  return d;
}

}  // namespace estate::reports
