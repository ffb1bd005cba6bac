// A link in the topology view: a line between two sites, labelled with its bandwidth and
// one-way latency as the scenario states them, following the sites when they are dragged.
#pragma once

#include <QGraphicsLineItem>
#include <QString>
#include <string>

class QGraphicsSimpleTextItem;

namespace estate::studio {

class SiteNodeItem;

class LinkEdgeItem : public QGraphicsLineItem {
 public:
  // `pointer`: the link's JSON pointer ("/links/2"); `label`: "40Gbps · 15ms".
  LinkEdgeItem(std::string pointer, SiteNodeItem* from, SiteNodeItem* to, QString id, QString label,
               bool has_error);

  const std::string& pointer() const { return pointer_; }
  QString label() const;
  // Re-reads the end points' positions.
  void Track();

  QPainterPath shape() const override;
  // Drawn thicker and blue when selected, instead of Qt's dashed outline over the label.
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  std::string pointer_;
  SiteNodeItem* from_;
  SiteNodeItem* to_;
  QGraphicsSimpleTextItem* text_;
};

}  // namespace estate::studio
