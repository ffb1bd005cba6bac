// DrawTopology: the scenario's sites and links as a diagram: GCP sites in a row at the top,
// on-prem sites in a row below, one box per site (nodes, NIC, cache) and one line per link
// labelled with its bandwidth, latency and the run's peak utilisation.
#pragma once

#include "reports/report/drawing.h"
#include "reports/report/report_model.h"

namespace estate::reports {

Drawing DrawTopology(const Topology& topology);

}  // namespace estate::reports
