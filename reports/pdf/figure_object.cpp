#include "reports/pdf/figure_object.h"

#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <algorithm>
#include <vector>

#include "reports/pdf/drawing_painter.h"

namespace estate::reports {
namespace {

constexpr int kFigureObjectType = QTextFormat::UserObject + 1;
constexpr int kImageNameProperty = QTextFormat::UserProperty + 1;
constexpr int kWidthProperty = QTextFormat::UserProperty + 2;
constexpr int kHeightProperty = QTextFormat::UserProperty + 3;

struct ImageAt {
  int position = 0;
  QTextImageFormat format;
};

}  // namespace

FigureObjects::FigureObjects(std::map<std::string, Drawing> drawings)
    : drawings_(std::move(drawings)) {}

int FigureObjects::Install(QTextDocument* doc) {
  doc->documentLayout()->registerHandler(kFigureObjectType, this);
  std::vector<ImageAt> images;
  for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextFragment fragment = it.fragment();
      const QTextCharFormat format = fragment.charFormat();
      if (!format.isImageFormat()) continue;
      const QTextImageFormat image = format.toImageFormat();
      if (drawings_.count(image.name().toStdString()) == 0) continue;
      images.push_back({fragment.position(), image});
    }
  }
  for (const ImageAt& image : images) {
    QTextCharFormat object;
    object.setObjectType(kFigureObjectType);
    object.setProperty(kImageNameProperty, image.format.name());
    object.setProperty(kWidthProperty, image.format.width());
    object.setProperty(kHeightProperty, image.format.height());
    QTextCursor cursor(doc);
    cursor.setPosition(image.position);
    cursor.setPosition(image.position + 1, QTextCursor::KeepAnchor);
    cursor.setCharFormat(object);
  }
  return static_cast<int>(images.size());
}

const Drawing* FigureObjects::DrawingOf(const QTextFormat& format) const {
  auto it = drawings_.find(format.property(kImageNameProperty).toString().toStdString());
  return it == drawings_.end() ? nullptr : &it->second;
}

QSizeF FigureObjects::intrinsicSize(QTextDocument*, int, const QTextFormat& format) {
  // The size the HTML gave the <img>; the drawing's own when it gave none.
  const double width = format.property(kWidthProperty).toDouble();
  const double height = format.property(kHeightProperty).toDouble();
  if (width > 0 && height > 0) return {width, height};
  const Drawing* d = DrawingOf(format);
  return d == nullptr ? QSizeF() : QSizeF(d->width, d->height);
}

void FigureObjects::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                               const QTextFormat& format) {
  const Drawing* d = DrawingOf(format);
  if (d == nullptr || d->width <= 0 || d->height <= 0) return;
  // The object is the figure's title band (report_figures.h) above its drawing.
  const double scale = rect.width() / d->width;
  const double title = std::max(0.0, rect.height() - d->height * scale);
  painter->save();
  QFont font("DejaVu Sans");
  font.setPixelSize(14);
  font.setBold(true);
  painter->setFont(font);
  painter->setPen(QColor("#1f2328"));
  painter->drawText(QPointF(rect.left(), rect.top() + title * 0.7),
                    QString::fromStdString(d->title));
  painter->translate(rect.left(), rect.top() + title);
  painter->scale(scale, scale);
  painter->setClipRect(QRectF(0, 0, d->width, d->height));
  PaintDrawing(*painter, *d);
  painter->restore();
}

}  // namespace estate::reports
