#include "app/topology/link_edge_item.h"

#include <QBrush>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include "app/topology/site_node_item.h"

namespace estate::studio {

LinkEdgeItem::LinkEdgeItem(std::string pointer, SiteNodeItem* from, SiteNodeItem* to, QString id,
                           QString label, bool has_error)
    : pointer_(std::move(pointer)), from_(from), to_(to), text_(new QGraphicsSimpleTextItem(this)) {
  setFlags(ItemIsSelectable);
  setPen(QPen(has_error ? QColor(0xc6, 0x28, 0x28) : QColor(0x61, 0x61, 0x61), 2.5));
  text_->setText(label);
  text_->setBrush(QColor(0x21, 0x21, 0x21));
  setToolTip(id + ": " + label);
  Track();
}

QString LinkEdgeItem::label() const {
  return text_->text();
}

void LinkEdgeItem::Track() {
  const QLineF line(from_->pos(), to_->pos());
  setLine(line);
  const QRectF bounds = text_->boundingRect();
  text_->setPos(line.center() - QPointF(bounds.width() / 2, bounds.height() + 2));
}

void LinkEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  QPen p = pen();
  if (option->state & QStyle::State_Selected) {
    p.setColor(QColor(0x15, 0x65, 0xc0));
    p.setWidthF(p.widthF() * 2);
  }
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(p);
  painter->drawLine(line());
}

QPainterPath LinkEdgeItem::shape() const {
  // A thin line is hard to click: select within a few pixels of it.
  QPainterPath path;
  path.moveTo(line().p1());
  path.lineTo(line().p2());
  QPainterPathStroker stroker;
  stroker.setWidth(12);
  return stroker.createStroke(path);
}

}  // namespace estate::studio
