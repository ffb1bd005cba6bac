// TopologyView: the deployment as a graph on a QGraphicsScene: sites are nodes, links are
// edges labelled with bandwidth and latency. Selecting an element asks for its editor;
// dragging a site stores its position in the scenario's ui section. Elements with validation
// errors are drawn in red.
#pragma once

#include <QGraphicsView>
#include <string>
#include <vector>

#include "app/document/scenario_document.h"

namespace estate::studio {

class LinkEdgeItem;
class SiteNodeItem;

class TopologyView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(ScenarioDocument* document, QWidget* parent = nullptr);
  ~TopologyView() override;

  const std::vector<SiteNodeItem*>& sites() const { return sites_; }
  const std::vector<LinkEdgeItem*>& links() const { return links_; }
  // Selects the site or link at `pointer` ("/sites/1", "/links/0/bandwidth"); nothing else.
  void SelectPointer(const std::string& pointer);
  // Scales the scene to fit the view.
  void FitAll();
  // Room for a three-site graph with readable labels.
  QSize sizeHint() const override { return {560, 420}; }

 signals:
  // The user selected a site ("/sites/N") or a link ("/links/N").
  void elementSelected(const std::string& pointer);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void Rebuild();
  void SelectionChanged();

  ScenarioDocument* document_;
  std::vector<SiteNodeItem*> sites_;
  std::vector<LinkEdgeItem*> links_;
  bool rebuilding_ = false;
};

}  // namespace estate::studio
