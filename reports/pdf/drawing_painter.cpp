#include "reports/pdf/drawing_painter.h"

#include <QPainterPath>
#include <QPolygonF>

namespace estate::reports {
namespace {

QColor Colour(const std::string& hex) {
  return QColor(QString::fromStdString(hex));
}

QPen PenOf(const Stroke& s) {
  QPen pen(Colour(s.color));
  pen.setWidthF(s.width);
  pen.setCapStyle(Qt::FlatCap);
  pen.setJoinStyle(Qt::RoundJoin);
  if (s.dashed) pen.setDashPattern({5 / s.width, 3 / s.width});
  return pen;
}

class ShapePainter {
 public:
  explicit ShapePainter(QPainter& p) : p_(p) {}

  void operator()(const LineShape& l) const {
    p_.setPen(PenOf(l.stroke));
    p_.drawLine(QPointF(l.x1, l.y1), QPointF(l.x2, l.y2));
  }
  void operator()(const PolylineShape& pl) const {
    QPolygonF points;
    for (const auto& [x, y] : pl.points)
      points << QPointF(x, y);
    p_.setPen(PenOf(pl.stroke));
    p_.setBrush(Qt::NoBrush);
    p_.drawPolyline(points);
  }
  void operator()(const RectShape& r) const {
    QColor fill = Colour(r.fill);
    fill.setAlphaF(static_cast<float>(r.opacity));
    p_.setBrush(fill);
    p_.setPen(r.stroke.empty() ? QPen(Qt::NoPen) : QPen(Colour(r.stroke)));
    const QRectF rect(r.x, r.y, r.width, r.height);
    if (r.corner > 0) {
      p_.drawRoundedRect(rect, r.corner, r.corner);
    } else {
      p_.drawRect(rect);
    }
  }
  void operator()(const TextShape& t) const {
    QFont font("DejaVu Sans");
    font.setPixelSize(static_cast<int>(t.size + 0.5));
    font.setBold(t.bold);
    p_.setFont(font);
    p_.setPen(Colour(t.color));
    const QString text = QString::fromStdString(t.text);
    const double width = QFontMetricsF(font).horizontalAdvance(text);
    const double dx = t.anchor == TextAnchor::kStart    ? 0
                      : t.anchor == TextAnchor::kMiddle ? -width / 2
                                                        : -width;
    p_.save();
    p_.translate(t.x, t.y);
    if (t.rotate != 0) p_.rotate(t.rotate);
    p_.drawText(QPointF(dx, 0), text);
    p_.restore();
  }

 private:
  QPainter& p_;
};

}  // namespace

void PaintDrawing(QPainter& painter, const Drawing& drawing) {
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  const ShapePainter paint(painter);
  for (const ShapeGroup& g : drawing.groups) {
    for (const Shape& s : g.shapes)
      std::visit(paint, s);
  }
}

}  // namespace estate::reports
