#include "app/topology/site_node_item.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace estate::studio {
namespace {
constexpr double kWidth = 170;
constexpr double kHeight = 78;
}  // namespace

SiteNodeItem::SiteNodeItem(std::string pointer, QString id, QString details, bool gcp,
                           bool has_error)
    : pointer_(std::move(pointer)),
      id_(std::move(id)),
      details_(std::move(details)),
      gcp_(gcp),
      has_error_(has_error) {
  setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
  setZValue(1);  // above the links
  setToolTip(id_ + "\n" + details_);
  setCursor(Qt::OpenHandCursor);
}

QRectF SiteNodeItem::boundingRect() const {
  return QRectF(-kWidth / 2 - 2, -kHeight / 2 - 2, kWidth + 4, kHeight + 4);
}

void SiteNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF box(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
  const QColor fill = gcp_ ? QColor(0xe3, 0xf2, 0xfd) : QColor(0xe8, 0xf5, 0xe9);
  QColor border = gcp_ ? QColor(0x15, 0x65, 0xc0) : QColor(0x2e, 0x7d, 0x32);
  if (has_error_) border = QColor(0xc6, 0x28, 0x28);
  QPen pen(border, (option->state & QStyle::State_Selected) ? 3.0 : 1.5);
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(pen);
  painter->setBrush(fill);
  painter->drawRoundedRect(box, 10, 10);
  painter->setPen(QColor(0x21, 0x21, 0x21));
  QFont bold = QApplication::font();
  bold.setBold(true);
  painter->setFont(bold);
  painter->drawText(box.adjusted(6, 6, -6, -kHeight / 2), Qt::AlignCenter, id_);
  painter->setFont(QApplication::font());
  painter->drawText(box.adjusted(6, kHeight / 2 - 10, -6, -4), Qt::AlignHCenter | Qt::AlignTop,
                    details_);
}

QVariant SiteNodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged) emit geometryChanged();
  return QGraphicsObject::itemChange(change, value);
}

void SiteNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  QGraphicsObject::mouseReleaseEvent(event);
  if (event->button() == Qt::LeftButton &&
      event->buttonDownScenePos(Qt::LeftButton) != event->scenePos())
    emit moved(id_, pos());
}

}  // namespace estate::studio
