#include "app/results/result_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace estate::studio {
namespace {

QColor PaletteColor(int index) {
  static const QColor kColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                   QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                   QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                   QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
  constexpr int n = sizeof(kColors) / sizeof(kColors[0]);
  return kColors[((index % n) + n) % n];
}

}  // namespace

ResultChart::ResultChart(const QString& title, QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(360, 260);
  auto* c = new QChart;
  c->setTitle(title);
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setMargins(QMargins(4, 4, 4, 4));
  setChart(c);
}

void ResultChart::Clear() {
  chart()->removeAllSeries();
  shades_.clear();
}

QLineSeries* ResultChart::AddLine(const QString& name, const std::vector<QPointF>& points,
                                  int color, bool previous) {
  auto* series = new QLineSeries;
  series->setName(previous ? PreviousName(name) : name);
  QList<QPointF> list(points.begin(), points.end());
  series->replace(list);
  QPen pen(PaletteColor(color));
  pen.setWidthF(previous ? 1.5 : 2.0);
  if (previous) {
    pen.setStyle(Qt::DashLine);
    QColor faded = pen.color();
    faded.setAlpha(140);
    pen.setColor(faded);
  }
  series->setPen(pen);
  series->setProperty("previousRun", previous);
  chart()->addSeries(series);
  return series;
}

void ResultChart::AddShade(double x0, double x1, const QString& label) {
  shades_.push_back({x0, x1, label});
}

void ResultChart::Finish(const QString& x_title, const QString& y_title, bool log_x, double y_max) {
  double x_min = std::numeric_limits<double>::infinity(), x_max = -x_min;
  double data_y_max = 0;
  for (QLineSeries* s : AllLines()) {
    for (const QPointF& p : s->points()) {
      if (log_x && p.x() <= 0) continue;
      x_min = std::min(x_min, p.x());
      x_max = std::max(x_max, p.x());
      data_y_max = std::max(data_y_max, p.y());
    }
  }
  for (const Shade& s : shades_) {
    x_min = std::min(x_min, s.x0);
    x_max = std::max(x_max, s.x1);
  }
  if (!std::isfinite(x_min)) {
    x_min = log_x ? 1 : 0;
    x_max = log_x ? 10 : 1;
  }
  if (x_max <= x_min) x_max = x_min + (log_x ? x_min * 10 : 1);
  if (y_max <= 0) y_max = data_y_max > 0 ? data_y_max * 1.05 : 1;

  // Shades go under the lines: added first, they are drawn first.
  const QList<QAbstractSeries*> lines = chart()->series();
  for (QAbstractSeries* s : lines)
    chart()->removeSeries(s);
  for (const Shade& s : shades_) {
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append(s.x0, y_max);
    upper->append(s.x1, y_max);
    lower->append(s.x0, 0);
    lower->append(s.x1, 0);
    auto* area = new QAreaSeries(upper, lower);
    area->setName(s.label);
    area->setColor(QColor(0xff, 0x98, 0x00, 60));
    area->setBorderColor(QColor(0xff, 0x98, 0x00, 120));
    chart()->addSeries(area);
  }
  for (QAbstractSeries* s : lines)
    chart()->addSeries(s);

  if (x_axis_ == nullptr) {
    if (log_x) {
      auto* axis = new QLogValueAxis;
      axis->setBase(10);
      axis->setLabelFormat("%g");
      x_axis_ = axis;
    } else {
      auto* axis = new QValueAxis;
      axis->setLabelFormat("%g");
      x_axis_ = axis;
    }
    y_axis_ = new QValueAxis;
    y_axis_->setLabelFormat("%g");
    chart()->addAxis(x_axis_, Qt::AlignBottom);
    chart()->addAxis(y_axis_, Qt::AlignLeft);
  }
  x_axis_->setRange(x_min, x_max);
  if (auto* linear = qobject_cast<QValueAxis*>(x_axis_)) linear->applyNiceNumbers();
  x_axis_->setTitleText(x_title);
  y_axis_->setRange(0, y_max);
  y_axis_->applyNiceNumbers();
  y_axis_->setTitleText(y_title);
  for (QAbstractSeries* s : chart()->series()) {
    s->attachAxis(x_axis_);
    s->attachAxis(y_axis_);
    // The legend names each curve once; a dashed twin is the previous run (the pages say so).
    if (s->property("previousRun").toBool()) {
      for (QLegendMarker* marker : chart()->legend()->markers(s))
        marker->setVisible(false);
    }
  }
}

QLineSeries* ResultChart::Series(const QString& name) const {
  for (QLineSeries* s : AllLines()) {
    if (s->name() == name) return s;
  }
  return nullptr;
}

std::vector<QLineSeries*> ResultChart::AllLines() const {
  std::vector<QLineSeries*> lines;
  for (QAbstractSeries* s : chart()->series()) {
    if (s->type() == QAbstractSeries::SeriesTypeLine) lines.push_back(static_cast<QLineSeries*>(s));
  }
  return lines;
}

}  // namespace estate::studio
