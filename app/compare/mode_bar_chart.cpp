#include "app/compare/mode_bar_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>
#include <algorithm>

namespace estate::studio {

ModeBarChart::ModeBarChart(const QString& title, const QString& y_title, QWidget* parent)
    : QChartView(parent), y_title_(y_title) {
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(320, 240);
  auto* c = new QChart;
  c->setTitle(title);
  c->legend()->hide();
  c->setMargins(QMargins(4, 4, 4, 4));
  setChart(c);
}

void ModeBarChart::Show(const std::vector<std::string>& modes,
                        const std::vector<std::optional<double>>& values, double scale) {
  chart()->removeAllSeries();
  for (QAbstractAxis* axis : chart()->axes()) {
    chart()->removeAxis(axis);
    delete axis;
  }
  bars_ = new QBarSet(y_title_);
  bars_->setColor(QColor(0x1f, 0x77, 0xb4));
  QStringList categories;
  double max = 0;
  for (size_t i = 0; i < modes.size(); ++i) {
    const double v = i < values.size() && values[i] ? *values[i] * scale : 0.0;
    bars_->append(v);
    max = std::max(max, v);
    categories << QString::fromStdString(modes[i]);
  }
  auto* series = new QBarSeries;
  series->append(bars_);
  series->setLabelsVisible(true);
  series->setLabelsFormat("@value");
  series->setLabelsPrecision(4);
  chart()->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  auto* y = new QValueAxis;
  y->setRange(0, max > 0 ? max * 1.1 : 1);
  y->applyNiceNumbers();
  y->setLabelFormat("%g");
  y->setTitleText(y_title_);
  chart()->addAxis(x, Qt::AlignBottom);
  chart()->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
}

}  // namespace estate::studio
