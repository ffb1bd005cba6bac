// The topology view: sites and links from the scenario, labels, selection opening the editor,
// and a dragged layout saved in the scenario's ui section.
#include "app/topology/topology_view.h"

#include <gtest/gtest.h>

#include <QGraphicsScene>
#include <QTabWidget>

#include "app/document/scenario_document.h"
#include "app/editor/array_editor.h"
#include "app/editor/scenario_editor.h"
#include "app/topology/link_edge_item.h"
#include "app/topology/site_node_item.h"
#include "app/topology/topology_layout.h"
#include "app/window/main_window.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using studio::MainWindow;
using testing::SourcePath;

class TopologyViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::StudioTestApp();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    ASSERT_TRUE(
        window_->OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
            .ok());
  }
  studio::TopologyView* view() { return window_->topology(); }

  std::unique_ptr<MainWindow> window_;
};

TEST_F(TopologyViewTest, SitesAreNodesAndLinksAreLabelledEdges) {
  ASSERT_EQ(view()->sites().size(), 3u);
  ASSERT_EQ(view()->links().size(), 3u);
  EXPECT_EQ(view()->sites()[0]->id(), "gcp-us-central1");
  EXPECT_EQ(view()->links()[2]->pointer(), "/links/2");
  EXPECT_EQ(view()->links()[2]->label(), "40Gbps \u00b7 15ms");
  // The edge joins the two sites' centres.
  EXPECT_EQ(view()->links()[2]->line().p1(), view()->sites()[1]->pos());
  EXPECT_EQ(view()->links()[2]->line().p2(), view()->sites()[2]->pos());
  // Default layout: the GCP region on the top row, the on-prem sites 380 apart beneath it.
  EXPECT_EQ(view()->sites()[0]->pos(), QPointF(0, 0));
  EXPECT_EQ(view()->sites()[1]->pos(), QPointF(-190, 260));
  EXPECT_EQ(view()->sites()[2]->pos(), QPointF(190, 260));
}

TEST_F(TopologyViewTest, SelectingALinkOpensItsEditor) {
  view()->links()[2]->setSelected(true);
  studio::ScenarioEditor* editor = window_->editor();
  EXPECT_EQ(editor->tabs()->currentWidget(), editor->links());
  EXPECT_EQ(editor->links()->CurrentIndex(), 2);
  view()->scene()->clearSelection();
  view()->sites()[1]->setSelected(true);
  EXPECT_EQ(editor->tabs()->currentWidget(), editor->sites());
  EXPECT_EQ(editor->sites()->CurrentIndex(), 1);
}

TEST_F(TopologyViewTest, EditingABandwidthRelabelsItsEdge) {
  window_->document()->Set("/links/2/bandwidth", "10Gbps", nullptr);
  EXPECT_EQ(view()->links()[2]->label(), "10Gbps \u00b7 15ms");
}

TEST_F(TopologyViewTest, ADraggedLayoutIsSavedInTheUiSectionAndReloaded) {
  studio::SiteNodeItem* site_b = view()->sites()[2];
  site_b->setPos(400, 300);
  emit site_b->moved(site_b->id(), site_b->pos());  // what dropping it does
  EXPECT_EQ(window_->document()->Find("/ui/topology/positions/site-b")->dump(), "[400.0,300.0]");
  // The edge followed the node.
  EXPECT_EQ(view()->links()[2]->line().p2(), QPointF(400, 300));

  const std::string dir = testing::FreshDirectory("studio-topology");
  ASSERT_TRUE(window_->SaveDocumentAs(QString::fromStdString(dir + "/laid-out.json")));
  const testing::CliRun validate =
      testing::RunCli(ESTATE_CLI_PATH, {"validate", dir + "/laid-out.json"});
  EXPECT_EQ(validate.exit_code, 0) << validate.output;  // the ui section is the scenario's own

  MainWindow reopened;
  ASSERT_TRUE(reopened.OpenFile(QString::fromStdString(dir + "/laid-out.json")).ok());
  EXPECT_EQ(reopened.topology()->sites()[2]->pos(), QPointF(400, 300));
  EXPECT_EQ(reopened.topology()->sites()[1]->pos(), QPointF(-190, 260));  // never moved
}

TEST_F(TopologyViewTest, AStoredPositionThatIsNotAPairOfNumbersIsIgnored) {
  nlohmann::ordered_json doc = window_->document()->json();
  doc["ui"]["topology"]["positions"]["site-a"] = "left";
  doc["ui"]["topology"]["positions"]["no-such-site"] = {1, 2};
  const std::map<std::string, QPointF> positions = studio::SitePositions(doc);
  EXPECT_EQ(positions.size(), 3u);
  EXPECT_EQ(positions.at("site-a"), QPointF(-190, 260));
}

}  // namespace
}  // namespace estate
