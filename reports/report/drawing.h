// Drawing: a figure as a list of shapes in pixel coordinates (y down), grouped by what they
// show. chart_drawing.h and topology_drawing.h lay figures out once; svg_writer.h turns a
// drawing into inline SVG for HTML, and reports/pdf/ paints the same drawing with QPainter, so
// both outputs show the same picture.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace estate::reports {

struct Stroke {
  std::string color = "#000000";
  double width = 1;
  bool dashed = false;
};

struct LineShape {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Stroke stroke;
};

struct PolylineShape {
  std::vector<std::pair<double, double>> points;
  Stroke stroke;
};

struct RectShape {
  double x = 0, y = 0, width = 0, height = 0;
  std::string fill = "#ffffff";
  double opacity = 1;
  std::string stroke;  // "" for none
  double corner = 0;   // rounded corner radius
};

enum class TextAnchor { kStart, kMiddle, kEnd };

struct TextShape {
  double x = 0, y = 0;  // the baseline's anchor point
  std::string text;
  TextAnchor anchor = TextAnchor::kStart;
  double size = 11;
  std::string color = "#222222";
  bool bold = false;
  double rotate = 0;  // degrees, about (x, y)
};

using Shape = std::variant<LineShape, PolylineShape, RectShape, TextShape>;

// What a group shows: SVG writes each group as <g class="kind"> and a series group as
// <g data-series="name" data-points="N">, which is what tests look for.
enum class GroupKind { kFrame, kAxis, kGrid, kBand, kMarker, kSeries, kLegend, kSite, kLink };

struct ShapeGroup {
  GroupKind kind = GroupKind::kFrame;
  std::string name;   // series, band, marker, site or link name
  size_t points = 0;  // kSeries: the data points it draws
  std::vector<Shape> shapes;
};

struct Drawing {
  std::string id;     // the figure's id in the report ("topology", a chart's id)
  std::string title;  // for accessibility (SVG <title>)
  double width = 0;
  double height = 0;
  std::vector<ShapeGroup> groups;
};

// "frame", "axis", ... as SVG class names.
const char* GroupKindName(GroupKind kind);

}  // namespace estate::reports
