// ResultChart: a Qt Charts view for one dashboard chart: line series in a fixed palette,
// shaded time windows, axes fitted to the data. A what-if overlay draws the previous run's
// series dashed and faded under the same name plus " (previous)", so that the difference
// shows at a glance.
#pragma once

#include <QChartView>
#include <QLineSeries>
#include <QPointF>
#include <QString>
#include <QValueAxis>
#include <vector>

namespace estate::studio {

class ResultChart : public QChartView {
  Q_OBJECT

 public:
  explicit ResultChart(const QString& title, QWidget* parent = nullptr);

  // Removes every series, shade and axis.
  void Clear();
  // Adds a line; `color` indexes the palette, so that a series and its previous run match. A
  // previous run's line is dashed and left out of the legend.
  QLineSeries* AddLine(const QString& name, const std::vector<QPointF>& points, int color,
                       bool previous = false);
  // Shades x0..x1 over the full height, labelled in the legend.
  void AddShade(double x0, double x1, const QString& label);
  // Fits the axes around every series added since Clear(): y from 0 to `y_max`, or to the
  // data's maximum when `y_max` is 0. With `log_x` the x axis is logarithmic (x <= 0 is not
  // drawn). A chart keeps its axes for its lifetime: Qt 6.4 leaves removed axes drawn.
  void Finish(const QString& x_title, const QString& y_title, bool log_x = false, double y_max = 0);

  // The series named `name`, or nullptr.
  QLineSeries* Series(const QString& name) const;
  std::vector<QLineSeries*> AllLines() const;

  static QString PreviousName(const QString& name) { return name + " (previous)"; }

 private:
  struct Shade {
    double x0, x1;
    QString label;
  };
  std::vector<Shade> shades_;
  QAbstractAxis* x_axis_ = nullptr;
  QValueAxis* y_axis_ = nullptr;
};

}  // namespace estate::studio
