// One figure of a comparison as a bar per consistency mode.
#pragma once

#include <QChartView>
#include <optional>
#include <string>
#include <vector>

class QBarSet;

namespace estate::studio {

class ModeBarChart : public QChartView {
  Q_OBJECT

 public:
  ModeBarChart(const QString& title, const QString& y_title, QWidget* parent = nullptr);

  // One bar per mode; a mode without a value gets an empty bar. `scale` converts the values
  // (1e3 for seconds shown in ms).
  void Show(const std::vector<std::string>& modes, const std::vector<std::optional<double>>& values,
            double scale);
  // The bars, in mode order; nullptr before Show().
  QBarSet* bars() const { return bars_; }

 private:
  QString y_title_;
  QBarSet* bars_ = nullptr;
};

}  // namespace estate::studio
