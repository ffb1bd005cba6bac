#include "reports/report/drawing.h"

namespace estate::reports {

const char* GroupKindName(GroupKind kind) {
  switch (kind) {
    case GroupKind::kFrame:
      return "frame";
    case GroupKind::kAxis:
      return "axis";
    case GroupKind::kGrid:
      return "grid";
    case GroupKind::kBand:
      return "band";
    case GroupKind::kMarker:
      return "marker";
    case GroupKind::kSeries:
      return "series";
    case GroupKind::kLegend:
      return "legend";
    case GroupKind::kSite:
      return "site";
    case GroupKind::kLink:
      return "link";
  }
  return "frame";
}

}  // namespace estate::reports
