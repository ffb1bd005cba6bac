// Checks that a screenshot or exported chart shows something: a blank or single-colour image
// has one or two colours and almost no pixels off the background.
#pragma once

#include <QImage>
#include <QSet>

namespace estate::testing {

struct ImageContent {
  int distinct_colours = 0;
  double non_background_share = 0;  // pixels unlike the top-left pixel, over all pixels
};

inline ImageContent MeasureImage(const QImage& image) {
  ImageContent c;
  if (image.isNull()) return c;
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  const QRgb background = rgb.pixel(0, 0);
  QSet<QRgb> colours;
  qint64 different = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const QRgb* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x) {
      colours.insert(line[x]);
      different += line[x] != background;
    }
  }
  c.distinct_colours = static_cast<int>(colours.size());
  c.non_background_share =
      static_cast<double>(different) / (static_cast<double>(rgb.width()) * rgb.height());
  return c;
}

}  // namespace estate::testing
