// FigureObjects: the report's figures as vector drawings inside a QTextDocument. The HTML the
// PDF is laid out from names each figure as an <img> (HtmlFigures::kImageReferences); Install
// turns each of those images into a text object of the same size that paints the figure's
// Drawing with QPainter when the page is printed, so the PDF's charts are vectors and text,
// not pixels.
#pragma once

#include <QObject>
#include <QTextObjectInterface>
#include <map>
#include <string>

#include "reports/report/drawing.h"

namespace estate::reports {

class FigureObjects : public QObject, public QTextObjectInterface {
  Q_OBJECT
  Q_INTERFACES(QTextObjectInterface)

 public:
  // `drawings` by the image name each replaces (report_figures.h, FigureImageName).
  explicit FigureObjects(std::map<std::string, Drawing> drawings);

  // Registers this handler with `doc` and replaces every image it has a drawing for. Returns
  // how many it replaced. REQUIRES: `doc` holds its HTML already; this outlives `doc`'s use.
  int Install(QTextDocument* doc);

  QSizeF intrinsicSize(QTextDocument* doc, int position, const QTextFormat& format) override;
  void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int position,
                  const QTextFormat& format) override;

 private:
  const Drawing* DrawingOf(const QTextFormat& format) const;

  std::map<std::string, Drawing> drawings_;
};

}  // namespace estate::reports
