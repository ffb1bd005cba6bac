// Where the topology view draws each site. Positions the user arranged are kept in the
// scenario's free-form "ui" section, as ui.topology.positions.<site id> = [x, y], so that the
// layout travels with the file; sites without one get a default place: GCP regions on a top
// row, on-prem sites on a row beneath.
#pragma once

#include <QPointF>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace estate::studio {

// The JSON pointer of ui.topology.positions.<site id>.
std::string SitePositionPointer(const std::string& site_id);

// A position for every site with an id in `doc`: the stored one when it is a pair of numbers,
// else the default.
std::map<std::string, QPointF> SitePositions(const nlohmann::ordered_json& doc);

}  // namespace estate::studio
