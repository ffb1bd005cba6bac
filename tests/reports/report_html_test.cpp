// report.html is well-formed XML with nothing fetched from outside, and each chart's inline SVG
// carries exactly the model's series: their names and as many points as the input data.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "reports/report/report_builder.h"
#include "reports/report/report_figures.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_output.h"
#include "tests/support/report_fixture.h"
#include "tests/support/source_path.h"
#include "tests/support/xml_document.h"

namespace estate::reports {
namespace {

using testing::ParseXml;
using testing::SourcePath;
using testing::XmlElement;

XmlElement ParsedHtml(const ReportModel& m, HtmlFigures figures = HtmlFigures::kInlineSvg) {
  Result<XmlElement> doc = ParseXml(ReportHtml(m, figures));
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? *doc : XmlElement{};
}

std::vector<const XmlElement*> Named(const XmlElement& root, const std::string& name) {
  return root.FindAll([&](const XmlElement& e) { return e.name == name; });
}

const XmlElement* Figure(const XmlElement& root, const std::string& id) {
  auto found = root.FindAll(
      [&](const XmlElement& e) { return e.name == "svg" && e.Attribute("data-figure") == id; });
  return found.size() == 1 ? found[0] : nullptr;
}

size_t PolylinePoints(const XmlElement& g) {
  for (const XmlElement& child : g.children) {
    if (child.name != "polyline") continue;
    std::istringstream points(child.Attribute("points"));
    size_t n = 0;
    for (std::string pair; points >> pair;)
      ++n;
    return n;
  }
  return 0;
}

// Every chart of the model is one <svg> whose series groups match the model's series.
void ExpectChartsMatch(const ReportModel& m, const XmlElement& html) {
  for (const Chart& c : m.charts) {
    const XmlElement* svg = Figure(html, c.id);
    ASSERT_NE(svg, nullptr) << c.id;
    EXPECT_EQ(svg->Attribute("xmlns"), "http://www.w3.org/2000/svg");
    const auto groups =
        svg->FindAll([](const XmlElement& e) { return e.Attribute("class") == "series"; });
    ASSERT_EQ(groups.size(), c.series.size()) << c.id;
    for (size_t i = 0; i < c.series.size(); ++i) {
      const ChartSeries& s = c.series[i];
      EXPECT_EQ(groups[i]->Attribute("data-series"), s.name) << c.id;
      EXPECT_EQ(groups[i]->Attribute("data-points"), std::to_string(s.points.size())) << c.id;
      if (c.kind == ChartKind::kBar) {
        const size_t bars = std::count_if(groups[i]->children.begin(), groups[i]->children.end(),
                                          [](const XmlElement& e) { return e.name == "rect"; });
        EXPECT_EQ(bars, s.points.size()) << c.id << " " << s.name;
      } else {
        EXPECT_EQ(PolylinePoints(*groups[i]), s.points.size()) << c.id << " " << s.name;
      }
    }
    const auto bands =
        svg->FindAll([](const XmlElement& e) { return e.Attribute("class") == "band"; });
    EXPECT_EQ(bands.size(), c.bands.size()) << c.id;
    const auto markers =
        svg->FindAll([](const XmlElement& e) { return e.Attribute("class") == "marker"; });
    EXPECT_EQ(markers.size(), c.markers.size()) << c.id;
  }
}

TEST(ReportHtmlTest, TheRunsReportIsWellFormedAndSelfContained) {
  const ReportModel m = testing::FixtureReport("run");
  const XmlElement html = ParsedHtml(m);
  EXPECT_EQ(html.name, "html");
  EXPECT_EQ(html.Attribute("xmlns"), "http://www.w3.org/1999/xhtml");
  // The page's title is the head's; each inline SVG has its own.
  ASSERT_EQ(Named(html, "head").size(), 1u);
  const auto title = Named(*Named(html, "head")[0], "title");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0]->text, "POC sizing report: report-fixture");
  EXPECT_EQ(Named(html, "svg").size(), m.charts.size() + 1);  // and the topology
  EXPECT_TRUE(Named(html, "script").empty());
  EXPECT_TRUE(Named(html, "link").empty());
  EXPECT_TRUE(Named(html, "img").empty());
  // Links stay inside the page; no element loads anything.
  for (const XmlElement* e : html.FindAll([](const XmlElement&) { return true; })) {
    EXPECT_TRUE(e->Attribute("src").empty()) << e->name;
    const std::string href = e->Attribute("href");
    EXPECT_TRUE(href.empty() || href[0] == '#') << href;
  }
  const std::string text = ReportHtml(m);
  EXPECT_EQ(text.find("url("), std::string::npos);
  EXPECT_EQ(text.find("@import"), std::string::npos);
}

TEST(ReportHtmlTest, TheRunsChartsCarryTheInputsSeries) {
  const ReportModel m = testing::FixtureReport("run");
  const XmlElement html = ParsedHtml(m);
  ExpectChartsMatch(m, html);
  // The time charts have one point per row of timeseries.csv (60) and the run's two failure
  // windows; the miss-ratio curve marks the chosen and the configured cache of both sites.
  const XmlElement* lag = Figure(html, "replication-lag");
  ASSERT_NE(lag, nullptr);
  const auto rpo =
      lag->FindAll([](const XmlElement& e) { return e.Attribute("data-series") == "RPO"; });
  ASSERT_EQ(rpo.size(), 1u);
  EXPECT_EQ(PolylinePoints(*rpo[0]), 60u);
  const auto bands =
      lag->FindAll([](const XmlElement& e) { return !e.Attribute("data-band").empty(); });
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0]->Attribute("data-band"), "link-degrade gcp-site-a");
  EXPECT_EQ(bands[1]->Attribute("data-band"), "site-down site-b");
  const XmlElement* mrc = Figure(html, "cache-mrc");
  ASSERT_NE(mrc, nullptr);
  const auto chosen = mrc->FindAll(
      [](const XmlElement& e) { return e.Attribute("data-marker") == "site-a chosen"; });
  EXPECT_EQ(chosen.size(), 1u);
}

TEST(ReportHtmlTest, TheTopologyDiagramShowsEverySiteAndLink) {
  const ReportModel m = testing::FixtureReport("run");
  const XmlElement html = ParsedHtml(m);
  const XmlElement* topo = Figure(html, "topology");
  ASSERT_NE(topo, nullptr);
  for (const TopologySite& s : m.topology->sites) {
    EXPECT_EQ(
        topo->FindAll([&](const XmlElement& e) { return e.Attribute("data-site") == s.id; }).size(),
        1u)
        << s.id;
  }
  for (const TopologyLink& l : m.topology->links) {
    const auto link =
        topo->FindAll([&](const XmlElement& e) { return e.Attribute("data-link") == l.id; });
    ASSERT_EQ(link.size(), 1u) << l.id;
    // Its label names the link and its bandwidth and latency.
    std::string words;
    for (const XmlElement& child : link[0]->children)
      words += child.text + "|";
    EXPECT_NE(words.find(l.id + "|"), std::string::npos) << words;
  }
  EXPECT_NE(ReportHtml(m).find("100.00 Gb/s, 10.0 ms"), std::string::npos);
}

TEST(ReportHtmlTest, ComparisonAndSweepChartsCarryTheirSeries) {
  for (const char* fixture : {"compare", "sweep"}) {
    const ReportModel m = testing::FixtureReport(fixture);
    ASSERT_FALSE(m.charts.empty()) << fixture;
    ExpectChartsMatch(m, ParsedHtml(m));
  }
  // Five modes; every mode's write p99 is a bar of "all sites".
  const ReportModel compare = testing::FixtureReport("compare");
  EXPECT_EQ(FindChart(compare, "mode-write-p99")->series[0].points.size(), 5u);
  // Six points: three bandwidths for each of two consistency modes.
  const ReportModel sweep = testing::FixtureReport("sweep");
  const Chart* wan = FindChart(sweep, "sweep-wan_peak_bps");
  ASSERT_NE(wan, nullptr);
  ASSERT_EQ(wan->series.size(), 2u);
  EXPECT_EQ(wan->series[0].name, "/mounts/0/consistency=eventual");
  EXPECT_EQ(wan->series[0].points.size(), 3u);
  EXPECT_EQ(wan->x.categories, (std::vector<std::string>{"10Gbps", "40Gbps", "100Gbps"}));
}

TEST(ReportHtmlTest, EveryTextIsEscaped) {
  ReportModel m;
  m.title = "R&D <report> \"q\" 'a'";
  m.summary = {"a < b && c > d"};
  Chart c;
  c.id = "odd";
  c.title = "<chart>";
  c.caption = "x & y";
  c.series = {{"s<1>&\"2\"", {{0, 1}, {1, 2}}}};
  c.markers = {{"m&m", 0.5}};
  m.charts.push_back(c);
  const std::string text = ReportHtml(m);
  Result<XmlElement> doc = ParseXml(text);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Named(*doc, "title")[0]->text, m.title);
  EXPECT_EQ(Named(*doc, "li")[0]->text, "a < b && c > d");
  const XmlElement* svg = Figure(*doc, "odd");
  ASSERT_NE(svg, nullptr);
  const auto series =
      svg->FindAll([](const XmlElement& e) { return e.Attribute("class") == "series"; });
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0]->Attribute("data-series"), "s<1>&\"2\"");
  EXPECT_EQ(PolylinePoints(*series[0]), 2u);
}

TEST(ReportHtmlTest, ImageReferencesReplaceTheSvgForThePdf) {
  const ReportModel m = testing::FixtureReport("run");
  const XmlElement html = ParsedHtml(m, HtmlFigures::kImageReferences);
  EXPECT_TRUE(Named(html, "svg").empty());
  std::vector<std::string> sources;
  for (const XmlElement* img : Named(html, "img"))
    sources.push_back(img->Attribute("src"));
  std::vector<std::string> expected = {FigureImageName("topology")};
  for (const Chart& c : m.charts)
    expected.push_back(FigureImageName(c.id));
  std::sort(sources.begin(), sources.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(sources, expected);
}

TEST(XmlDocumentTest, RejectsMarkupThatIsNotWellFormed) {
  EXPECT_TRUE(ParseXml("<!DOCTYPE html>\n<a x=\"1\"><b/>t &amp; &#62;</a>").ok());
  EXPECT_EQ(ParseXml("<a><b></a>").status().message(), "</a> closing <b> at byte 9");
  EXPECT_FALSE(ParseXml("<a x=1/>").ok());
  EXPECT_FALSE(ParseXml("<a x=\"1\" x=\"2\"/>").ok());
  EXPECT_FALSE(ParseXml("<a>&nbsp;</a>").ok());
  EXPECT_FALSE(ParseXml("<a>1 < 2</a>").ok());
  EXPECT_FALSE(ParseXml("<a/><b/>").ok());
  EXPECT_FALSE(ParseXml("<a>").ok());
}

}  // namespace
}  // namespace estate::reports
