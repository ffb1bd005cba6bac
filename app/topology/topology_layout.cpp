#include "app/topology/topology_layout.h"

#include <vector>

#include "sim/scenario/json_reader.h"

namespace estate::studio {
namespace {

constexpr double kSpacing = 380;  // between sites on a row: room for a link label
constexpr double kRowGap = 260;   // between the GCP row and the on-prem row

}  // namespace

std::string SitePositionPointer(const std::string& site_id) {
  return JsonReader::Child("/ui/topology/positions", site_id);
}

std::map<std::string, QPointF> SitePositions(const nlohmann::ordered_json& doc) {
  std::map<std::string, QPointF> positions;
  if (!doc.contains("sites") || !doc["sites"].is_array()) return positions;
  std::vector<std::string> gcp, onprem;
  for (const auto& site : doc["sites"]) {
    if (!site.is_object() || !site.contains("id") || !site["id"].is_string()) continue;
    const std::string id = site["id"].get<std::string>();
    (site.value("kind", std::string()) == "gcp" ? gcp : onprem).push_back(id);
  }
  // Rows are centred on x = 0.
  const auto place_row = [&](const std::vector<std::string>& ids, double y) {
    for (size_t i = 0; i < ids.size(); ++i) {
      const double x =
          (static_cast<double>(i) - (static_cast<double>(ids.size()) - 1) / 2) * kSpacing;
      positions[ids[i]] = QPointF(x, y);
    }
  };
  place_row(gcp, 0);
  place_row(onprem, kRowGap);
  const nlohmann::ordered_json::json_pointer stored("/ui/topology/positions");
  if (!doc.contains(stored) || !doc.at(stored).is_object()) return positions;
  for (const auto& [id, xy] : doc.at(stored).items()) {
    if (positions.count(id) == 0 || !xy.is_array() || xy.size() != 2 || !xy[0].is_number() ||
        !xy[1].is_number()) {
      continue;
    }
    positions[id] = QPointF(xy[0].get<double>(), xy[1].get<double>());
  }
  return positions;
}

}  // namespace estate::studio
