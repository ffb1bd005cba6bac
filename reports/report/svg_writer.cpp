#include "reports/report/svg_writer.h"

#include <cstdio>
#include <sstream>

#include "reports/report/xml_text.h"

namespace estate::reports {
namespace {

// Two decimals, without trailing zeros: "12.5", "3".
std::string SvgNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string StrokeAttributes(const Stroke& s) {
  std::string a =
      " stroke=\"" + EscapeXml(s.color) + "\" stroke-width=\"" + SvgNumber(s.width) + "\"";
  if (s.dashed) a += " stroke-dasharray=\"5 3\"";
  return a;
}

const char* AnchorName(TextAnchor a) {
  switch (a) {
    case TextAnchor::kStart:
      return "start";
    case TextAnchor::kMiddle:
      return "middle";
    case TextAnchor::kEnd:
      return "end";
  }
  return "start";
}

class ShapeWriter {
 public:
  explicit ShapeWriter(std::ostringstream& o) : o_(o) {}

  void operator()(const LineShape& l) const {
    o_ << "<line x1=\"" << SvgNumber(l.x1) << "\" y1=\"" << SvgNumber(l.y1) << "\" x2=\""
       << SvgNumber(l.x2) << "\" y2=\"" << SvgNumber(l.y2) << "\"" << StrokeAttributes(l.stroke)
       << "/>";
  }
  void operator()(const PolylineShape& p) const {
    o_ << "<polyline fill=\"none\"" << StrokeAttributes(p.stroke)
       << " stroke-linejoin=\"round\" points=\"";
    for (size_t i = 0; i < p.points.size(); ++i)
      o_ << (i == 0 ? "" : " ") << SvgNumber(p.points[i].first) << ','
         << SvgNumber(p.points[i].second);
    o_ << "\"/>";
  }
  void operator()(const RectShape& r) const {
    o_ << "<rect x=\"" << SvgNumber(r.x) << "\" y=\"" << SvgNumber(r.y) << "\" width=\""
       << SvgNumber(r.width) << "\" height=\"" << SvgNumber(r.height) << "\" fill=\""
       << EscapeXml(r.fill) << "\"";
    if (r.opacity < 1) o_ << " fill-opacity=\"" << SvgNumber(r.opacity) << "\"";
    if (!r.stroke.empty()) o_ << " stroke=\"" << EscapeXml(r.stroke) << "\"";
    if (r.corner > 0) o_ << " rx=\"" << SvgNumber(r.corner) << "\"";
    o_ << "/>";
  }
  void operator()(const TextShape& t) const {
    o_ << "<text x=\"" << SvgNumber(t.x) << "\" y=\"" << SvgNumber(t.y) << "\" font-size=\""
       << SvgNumber(t.size) << "\" fill=\"" << EscapeXml(t.color) << "\" text-anchor=\""
       << AnchorName(t.anchor) << "\"";
    if (t.bold) o_ << " font-weight=\"bold\"";
    if (t.rotate != 0) {
      o_ << " transform=\"rotate(" << SvgNumber(t.rotate) << ' ' << SvgNumber(t.x) << ' '
         << SvgNumber(t.y) << ")\"";
    }
    o_ << '>' << EscapeXml(t.text) << "</text>";
  }

 private:
  std::ostringstream& o_;
};

std::string GroupAttributes(const ShapeGroup& g) {
  std::string a = " class=\"" + std::string(GroupKindName(g.kind)) + "\"";
  switch (g.kind) {
    case GroupKind::kSeries:
      a += " data-series=\"" + EscapeXml(g.name) + "\" data-points=\"" + std::to_string(g.points) +
           "\"";
      break;
    case GroupKind::kBand:
      a += " data-band=\"" + EscapeXml(g.name) + "\"";
      break;
    case GroupKind::kMarker:
      a += " data-marker=\"" + EscapeXml(g.name) + "\"";
      break;
    case GroupKind::kSite:
      a += " data-site=\"" + EscapeXml(g.name) + "\"";
      break;
    case GroupKind::kLink:
      a += " data-link=\"" + EscapeXml(g.name) + "\"";
      break;
    default:
      break;
  }
  return a;
}

}  // namespace

std::string DrawingSvg(const Drawing& d) {
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << SvgNumber(d.width) << "\" height=\""
    << SvgNumber(d.height) << "\" viewBox=\"0 0 " << SvgNumber(d.width) << ' '
    << SvgNumber(d.height) << "\" role=\"img\" data-figure=\"" << EscapeXml(d.id)
    << "\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n<title>"
    << EscapeXml(d.title) << "</title>\n";
  const ShapeWriter write(o);
  for (const ShapeGroup& g : d.groups) {
    o << "<g" << GroupAttributes(g) << '>';
    for (const Shape& s : g.shapes)
      std::visit(write, s);
    o << "</g>\n";
  }
  o << "</svg>";
  return o.str();
}

}  // namespace estate::reports
