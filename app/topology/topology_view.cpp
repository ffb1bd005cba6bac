#include "app/topology/topology_view.h"

#include <QGraphicsScene>
#include <QWheelEvent>
#include <map>
#include <set>

#include "app/topology/link_edge_item.h"
#include "app/topology/site_node_item.h"
#include "app/topology/topology_layout.h"

namespace estate::studio {
namespace {

using Json = ScenarioDocument::Json;

QString Text(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return {};
  const Json& v = object[key];
  return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
}

QString SiteDetails(const Json& site) {
  QStringList lines;
  QString first = Text(site, "kind");
  if (!Text(site, "nodes").isEmpty())
    first += QStringLiteral(", %1 nodes").arg(Text(site, "nodes"));
  lines << first;
  if (site.contains("cache") && site["cache"].is_object() && site["cache"].contains("capacity"))
    lines << QStringLiteral("cache %1").arg(Text(site["cache"], "capacity"));
  return lines.join('\n');
}

// Elements ("/sites/1", "/links/0") with at least one validation error.
std::set<std::string> ElementsWithErrors(const ScenarioParse& parse) {
  std::set<std::string> out;
  for (const ScenarioError& e : parse.errors) {
    for (const char* array : {"/sites/", "/links/"}) {
      if (e.pointer.rfind(array, 0) != 0) continue;
      const size_t end = e.pointer.find('/', std::string(array).size());
      out.insert(e.pointer.substr(0, end));
    }
  }
  return out;
}

}  // namespace

TopologyView::TopologyView(ScenarioDocument* document, QWidget* parent)
    : QGraphicsView(parent), document_(document) {
  setObjectName("topologyView");
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setDragMode(QGraphicsView::RubberBandDrag);
  setToolTip(
      tr("Sites and links; click one to edit it, drag a site to arrange the layout "
         "(saved in the scenario), Ctrl+wheel to zoom"));
  connect(scene(), &QGraphicsScene::selectionChanged, this, &TopologyView::SelectionChanged);
  connect(document_, &ScenarioDocument::changed, this, [this](const QObject* origin) {
    if (origin != this) Rebuild();
  });
  Rebuild();
}

// The scene is this view's child, so QWidget's destructor would delete it after the
// TopologyView part is gone, and clearing its items emits selectionChanged into
// SelectionChanged on a half-destroyed view (UBSan caught the downcast). The scene goes first,
// while the view is whole and no longer listening to it or its items.
TopologyView::~TopologyView() {
  QGraphicsScene* graph = scene();
  graph->disconnect(this);
  for (SiteNodeItem* s : sites_)
    s->disconnect(this);
  sites_.clear();
  links_.clear();
  setScene(nullptr);
  delete graph;
}

void TopologyView::Rebuild() {
  rebuilding_ = true;
  std::string selected;
  for (SiteNodeItem* s : sites_)
    if (s->isSelected()) selected = s->pointer();
  for (LinkEdgeItem* l : links_)
    if (l->isSelected()) selected = l->pointer();
  scene()->clear();
  sites_.clear();
  links_.clear();

  const Json& doc = document_->json();
  const std::set<std::string> errors = ElementsWithErrors(document_->validation());
  const std::map<std::string, QPointF> positions = SitePositions(doc);
  std::map<std::string, SiteNodeItem*> by_id;
  if (doc.contains("sites") && doc["sites"].is_array()) {
    for (size_t i = 0; i < doc["sites"].size(); ++i) {
      const Json& site = doc["sites"][i];
      const auto at = positions.find(site.is_object() ? site.value("id", std::string()) : "");
      if (at == positions.end()) continue;
      const std::string pointer = "/sites/" + std::to_string(i);
      auto* item =
          new SiteNodeItem(pointer, QString::fromStdString(at->first), SiteDetails(site),
                           site.value("kind", std::string()) == "gcp", errors.count(pointer) > 0);
      item->setPos(at->second);
      scene()->addItem(item);
      connect(item, &SiteNodeItem::moved, this, [this](const QString& id, QPointF p) {
        document_->Set(SitePositionPointer(id.toStdString()), Json::array({p.x(), p.y()}), this);
      });
      sites_.push_back(item);
      by_id[at->first] = item;
    }
  }
  if (doc.contains("links") && doc["links"].is_array()) {
    for (size_t i = 0; i < doc["links"].size(); ++i) {
      const Json& link = doc["links"][i];
      const auto from = by_id.find(Text(link, "from").toStdString());
      const auto to = by_id.find(Text(link, "to").toStdString());
      if (from == by_id.end() || to == by_id.end()) continue;  // the validator says why
      const std::string pointer = "/links/" + std::to_string(i);
      const QString label =
          Text(link, "bandwidth") + QStringLiteral(" \u00b7 ") + Text(link, "latency");
      auto* edge = new LinkEdgeItem(pointer, from->second, to->second, Text(link, "id"), label,
                                    errors.count(pointer) > 0);
      scene()->addItem(edge);
      for (SiteNodeItem* end : {from->second, to->second})
        connect(end, &SiteNodeItem::geometryChanged, this, [edge] { edge->Track(); });
      links_.push_back(edge);
    }
  }
  scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60));
  rebuilding_ = false;
  if (!selected.empty()) SelectPointer(selected);
}

void TopologyView::SelectPointer(const std::string& pointer) {
  const bool was = rebuilding_;
  rebuilding_ = true;  // selecting from outside must not bounce back as a user selection
  scene()->clearSelection();
  for (SiteNodeItem* s : sites_)
    if (pointer == s->pointer() || pointer.rfind(s->pointer() + "/", 0) == 0) s->setSelected(true);
  for (LinkEdgeItem* l : links_)
    if (pointer == l->pointer() || pointer.rfind(l->pointer() + "/", 0) == 0) l->setSelected(true);
  rebuilding_ = was;
}

void TopologyView::SelectionChanged() {
  if (rebuilding_) return;
  const QList<QGraphicsItem*> selected = scene()->selectedItems();
  if (selected.size() != 1) return;
  if (auto* site = dynamic_cast<SiteNodeItem*>(selected.front())) {
    emit elementSelected(site->pointer());
  } else if (auto* link = dynamic_cast<LinkEdgeItem*>(selected.front())) {
    emit elementSelected(link->pointer());
  }
}

void TopologyView::FitAll() {
  fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) {
    QGraphicsView::wheelEvent(event);
    return;
  }
  const double factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
  scale(factor, factor);
}

void TopologyView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  FitAll();
}

}  // namespace estate::studio
