#include "reports/report/topology_drawing.h"

#include <algorithm>
#include <map>

#include "reports/compare/figure_text.h"
#include "reports/report/report_text.h"

namespace estate::reports {
namespace {

constexpr double kWidth = 760;
constexpr double kHeight = 310;
constexpr double kTopRow = 72;
constexpr double kBottomRow = 222;
constexpr double kBoxHeight = 58;
// Where along a link between the rows its label sits: nearer the on-prem end, so that the
// labels of links fanning out from one GCP site do not overlap.
constexpr double kLabelAlong = 0.68;

const char* const kGcpFill = "#e8f0fb";
const char* const kOnpremFill = "#eef6ea";
const char* const kLinkColour = "#6b6b6b";

struct Place {
  double x = 0;
  double y = 0;
  bool top = false;
};

double BoxWidth(size_t in_row) {
  return std::min(180.0, (kWidth - 40) / static_cast<double>(std::max<size_t>(1, in_row)) - 20);
}

std::string SiteDetail(const TopologySite& s) {
  std::string detail = s.nic_bps > 0 ? "NIC " + Bandwidth(s.nic_bps) : "";
  if (s.cache_bytes > 0)
    detail += (detail.empty() ? "" : ", ") + ("cache " + DecimalBytes(s.cache_bytes));
  return detail;
}

ShapeGroup SiteBox(const TopologySite& s, const Place& p, double width) {
  ShapeGroup g{GroupKind::kSite, s.id, 0, {}};
  const bool gcp = s.kind == "gcp";
  g.shapes.push_back(RectShape{p.x - width / 2, p.y - kBoxHeight / 2, width, kBoxHeight,
                               gcp ? kGcpFill : kOnpremFill, 1, "#7a7a7a", 6});
  g.shapes.push_back(TextShape{p.x, p.y - 10, s.id, TextAnchor::kMiddle, 12, "#1a1a1a", true, 0});
  std::string kind = gcp ? "GCP" : "on-prem";
  if (s.nodes > 0) kind += ", " + std::to_string(s.nodes) + " nodes";
  g.shapes.push_back(TextShape{p.x, p.y + 5, kind, TextAnchor::kMiddle, 10, "#333333", false, 0});
  g.shapes.push_back(
      TextShape{p.x, p.y + 19, SiteDetail(s), TextAnchor::kMiddle, 10, "#333333", false, 0});
  return g;
}

std::vector<std::string> LinkLabel(const TopologyLink& l) {
  std::string figures = Bandwidth(l.bandwidth_bps);
  if (l.latency_s) figures += ", " + Latency(*l.latency_s);
  std::vector<std::string> lines = {l.id, figures};
  if (l.peak_utilisation) lines.push_back("peak " + Percent(*l.peak_utilisation, 1));
  return lines;
}

void AddLabel(ShapeGroup* g, double x, double y, const std::vector<std::string>& lines) {
  size_t longest = 0;
  for (const std::string& line : lines)
    longest = std::max(longest, line.size());
  const double width = 6.0 * static_cast<double>(longest) + 10;
  const double height = 13.0 * static_cast<double>(lines.size()) + 4;
  g->shapes.push_back(
      RectShape{x - width / 2, y - height / 2, width, height, "#ffffff", 0.9, "", 3});
  for (size_t i = 0; i < lines.size(); ++i) {
    const double baseline = y - height / 2 + 12 + 13.0 * static_cast<double>(i);
    g->shapes.push_back(TextShape{x, baseline, lines[i], TextAnchor::kMiddle, 10,
                                  i == 0 ? "#1a1a1a" : "#444444", i == 0, 0});
  }
}

ShapeGroup LinkLine(const TopologyLink& l, const Place& a, const Place& b) {
  ShapeGroup g{GroupKind::kLink, l.id, 0, {}};
  const Stroke stroke{kLinkColour, 2, false};
  if (a.top == b.top) {
    // Within a row: route around the row, above the top one and below the bottom one.
    const double side = a.top ? -1 : 1;
    const double edge = a.y + side * kBoxHeight / 2;
    const double out = a.y + side * (kBoxHeight / 2 + 22);
    g.shapes.push_back(PolylineShape{{{a.x, edge}, {a.x, out}, {b.x, out}, {b.x, edge}}, stroke});
    AddLabel(&g, (a.x + b.x) / 2, out, LinkLabel(l));
    return g;
  }
  const Place& top = a.top ? a : b;
  const Place& bottom = a.top ? b : a;
  const double y1 = top.y + kBoxHeight / 2;
  const double y2 = bottom.y - kBoxHeight / 2;
  g.shapes.push_back(LineShape{top.x, y1, bottom.x, y2, stroke});
  AddLabel(&g, top.x + (bottom.x - top.x) * kLabelAlong, y1 + (y2 - y1) * kLabelAlong,
           LinkLabel(l));
  return g;
}

}  // namespace

Drawing DrawTopology(const Topology& t) {
  Drawing d;
  d.id = "topology";
  d.title = "Topology: sites and links";
  d.width = kWidth;
  d.height = kHeight;
  std::vector<const TopologySite*> top, bottom;
  for (const TopologySite& s : t.sites)
    (s.kind == "gcp" ? top : bottom).push_back(&s);
  std::map<std::string, Place> places;
  for (const auto& [row, y, is_top] :
       {std::tuple{&top, kTopRow, true}, std::tuple{&bottom, kBottomRow, false}}) {
    for (size_t i = 0; i < row->size(); ++i) {
      const double x = kWidth * static_cast<double>(i + 1) / static_cast<double>(row->size() + 1);
      places[(*row)[i]->id] = {x, y, is_top};
    }
  }
  // Links first, so that the site boxes cover their ends.
  for (const TopologyLink& l : t.links) {
    auto a = places.find(l.from);
    auto b = places.find(l.to);
    if (a != places.end() && b != places.end())
      d.groups.push_back(LinkLine(l, a->second, b->second));
  }
  for (const TopologySite& s : t.sites) {
    const Place& p = places.at(s.id);
    d.groups.push_back(SiteBox(s, p, BoxWidth(p.top ? top.size() : bottom.size())));
  }
  return d;
}

}  // namespace estate::reports
