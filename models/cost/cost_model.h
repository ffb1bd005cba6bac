// The monthly cost of a sized estate: GCS egress, Interconnect ports and on-prem storage,
// priced from a PriceTable. Every line carries its price's source and date, because prices are
// assumptions and reports mark them as such.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/result.h"
#include "models/cost/price_table.h"

namespace estate {

constexpr double kHoursPerMonth = 730;  // 8760 / 12, the convention cloud list prices use
constexpr double kBytesPerGiB = 1024.0 * 1024 * 1024;
constexpr double kBytesPerTB = 1e12;

// N+1 circuits of one size for a required bandwidth.
struct CircuitPlan {
  double circuit_bps = 0;  // the size of each circuit
  int count = 0;           // ceil(required / size) + 1
  double monthly = 0;      // count * hourly port price * kHoursPerMonth
  std::string price_name;  // the hourly port price used
};

// The cheapest of 10, 100 and 400 Gb/s circuits (prices interconnect_port_{10g,100g,400g}
// _per_hour) where count = ceil(required_bps / size) + 1: one spare, so losing any circuit
// leaves the required bandwidth. A tie goes to the larger circuit (the same money buys more
// headroom). A required bandwidth of 0 still gets 1 circuit. Fails with NotFound when one of
// the three prices is absent, Invalid for a negative or non-finite bandwidth or a count that
// does not fit an int.
Result<CircuitPlan> PlanCircuits(double required_bps, const PriceTable& prices);

struct CostInputs {
  double gcs_egress_bytes_per_month = 0;
  std::vector<std::pair<std::string, CircuitPlan>> circuits;          // link id, plan
  std::vector<std::pair<std::string, double>> onprem_bytes_per_site;  // site id, bytes stored
};

struct CostLine {
  std::string item;       // what is paid for, e.g. "Interconnect ports, link gcp-a"
  double quantity = 0;    // in `unit`
  std::string unit;       // "GiB", "port-hour", "TB-month"
  double unit_price = 0;  // in the table's currency per unit
  double monthly = 0;     // quantity * unit_price
  std::string price_name, source, as_of;
};

struct CostEstimate {
  std::string currency, note;  // from the price table
  std::vector<CostLine> lines;
  double monthly_total = 0;
};

// One line for GCS egress (gcs_egress_per_gib_interconnect per GiB, always present, 0 when
// there is none), one per circuit plan (its price_name per port-hour, count * 730 port-hours;
// prices come from `prices`, not from the plan's monthly figure) and one per on-prem site
// (onprem_storage_per_tb_month per TB-month, TB = 1e12 bytes), in that order. Fails with
// NotFound for an absent price and Invalid for a negative or non-finite quantity.
Result<CostEstimate> MonthlyCost(const CostInputs& in, const PriceTable& prices);

}  // namespace estate
