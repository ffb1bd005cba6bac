#include "app/results/figure_format.h"

#include <cmath>

namespace estate::studio {
namespace {

QString Scaled(double value, const char* const* units, int count, double step) {
  int i = 0;
  while (i + 1 < count && std::fabs(value) >= step) {
    value /= step;
    ++i;
  }
  return QStringLiteral("%1 %2").arg(QString::number(value, 'g', 4), units[i]);
}

}  // namespace

QString FormatFigure(double value, FigureUnit unit) {
  static const char* const kBits[] = {"b/s", "Kb/s", "Mb/s", "Gb/s", "Tb/s"};
  static const char* const kBytes[] = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  switch (unit) {
    case FigureUnit::kBitsPerSecond:
      return Scaled(value, kBits, 5, 1000);
    case FigureUnit::kBytes:
      return Scaled(value, kBytes, 7, 1000);
    case FigureUnit::kSeconds:
      return std::fabs(value) < 1
                 ? QStringLiteral("%1 ms").arg(QString::number(value * 1e3, 'g', 4))
                 : QStringLiteral("%1 s").arg(QString::number(value, 'g', 4));
    case FigureUnit::kRatio:
      return QStringLiteral("%1%").arg(QString::number(value * 100, 'g', 4));
    case FigureUnit::kCount:
      return QString::number(value, 'g', 12);
  }
  return QString::number(value);
}

}  // namespace estate::studio
