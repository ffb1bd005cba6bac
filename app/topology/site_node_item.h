// A site in the topology view: a rounded box with its id, kind, node count and cache, which
// the user can drag; dropping it reports the new position so that the layout can be saved.
#pragma once

#include <QGraphicsObject>
#include <QString>
#include <string>

namespace estate::studio {

class SiteNodeItem : public QGraphicsObject {
  Q_OBJECT

 public:
  // `pointer`: the site's JSON pointer ("/sites/1"); `details`: the lines under its id.
  SiteNodeItem(std::string pointer, QString id, QString details, bool gcp, bool has_error);

  const std::string& pointer() const { return pointer_; }
  const QString& id() const { return id_; }

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 signals:
  // The user dropped the node at `position` (scene coordinates of its centre).
  void moved(const QString& id, QPointF position);
  // The node moved (dragged or placed): edges follow.
  void geometryChanged();

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

 private:
  std::string pointer_;
  QString id_;
  QString details_;
  bool gcp_;
  bool has_error_;
};

}  // namespace estate::studio
