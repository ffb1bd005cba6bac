#include "models/cost/cost_model.h"

#include <charconv>
#include <climits>
#include <cmath>

#include "models/number_text.h"

namespace estate {
namespace {

struct CircuitSize {
  double bps;
  const char* price_name;
  const char* label;
};

constexpr CircuitSize kCircuitSizes[] = {
    {10e9, "interconnect_port_10g_per_hour", "10 Gb/s"},
    {100e9, "interconnect_port_100g_per_hour", "100 Gb/s"},
    {400e9, "interconnect_port_400g_per_hour", "400 Gb/s"},
};

bool Quantity(double x) {
  return x >= 0 && std::isfinite(x);
}

Status BadQuantity(const std::string& what, const std::string& expected, double found) {
  return Status::Invalid("cost: " + what + ": expected " + expected + ", found " +
                         NumberText(found));
}

CostLine Line(std::string item, double quantity, std::string unit, std::string price_name,
              const Price& price) {
  CostLine line;
  line.item = std::move(item);
  line.quantity = quantity;
  line.unit = std::move(unit);
  line.unit_price = price.value;
  line.monthly = quantity * price.value;
  line.price_name = std::move(price_name);
  line.source = price.source;
  line.as_of = price.as_of;
  return line;
}

std::string CircuitLabel(double bps) {
  for (const CircuitSize& size : kCircuitSizes) {
    if (size.bps == bps) return size.label;
  }
  return NumberText(bps / 1e9) + " Gb/s";
}

}  // namespace

Result<CircuitPlan> PlanCircuits(double required_bps, const PriceTable& prices) {
  if (!Quantity(required_bps))
    return BadQuantity("circuits", "a finite bandwidth >= 0 bits/s", required_bps);
  CircuitPlan best;
  bool found = false;
  for (const CircuitSize& size : kCircuitSizes) {
    Result<Price> price = prices.Find(size.price_name);
    if (!price.ok()) return price.status();
    const double count = std::ceil(required_bps / size.bps) + 1;
    if (count > INT_MAX)
      return Status::Invalid("circuits: " + NumberText(required_bps) + " bits/s needs more than " +
                             std::to_string(INT_MAX) + " circuits of " + size.label);
    const double monthly = count * kHoursPerMonth * price->value;  // as MonthlyCost computes it
    // Sizes go up, so "<=" hands a tie to the larger circuit.
    if (!found || monthly <= best.monthly) {
      best = {size.bps, static_cast<int>(count), monthly, size.price_name};
      found = true;
    }
  }
  return best;
}

Result<CostEstimate> MonthlyCost(const CostInputs& in, const PriceTable& prices) {
  CostEstimate estimate;
  estimate.currency = prices.currency();
  estimate.note = prices.note();

  if (!Quantity(in.gcs_egress_bytes_per_month))
    return BadQuantity("gcs_egress_bytes_per_month", "a number of bytes >= 0",
                       in.gcs_egress_bytes_per_month);
  const std::string egress_name = "gcs_egress_per_gib_interconnect";
  Result<Price> egress = prices.Find(egress_name);
  if (!egress.ok()) return egress.status();
  estimate.lines.push_back(Line("GCS egress over Interconnect",
                                in.gcs_egress_bytes_per_month / kBytesPerGiB, "GiB", egress_name,
                                *egress));

  for (const auto& [link, plan] : in.circuits) {
    if (plan.count < 0)
      return BadQuantity("link \"" + link + "\": count", "a number of circuits >= 0", plan.count);
    Result<Price> port = prices.Find(plan.price_name);
    if (!port.ok()) return port.status();
    estimate.lines.push_back(
        Line("Interconnect ports, link " + link + " (" + std::to_string(plan.count) + " x " +
                 CircuitLabel(plan.circuit_bps) + ")",
             plan.count * kHoursPerMonth, "port-hour", plan.price_name, *port));
  }

  const std::string storage_name = "onprem_storage_per_tb_month";
  for (const auto& [site, bytes] : in.onprem_bytes_per_site) {
    if (!Quantity(bytes))
      return BadQuantity("site \"" + site + "\"", "a number of bytes stored >= 0", bytes);
    Result<Price> storage = prices.Find(storage_name);
    if (!storage.ok()) return storage.status();
    estimate.lines.push_back(Line("On-prem storage, site " + site, bytes / kBytesPerTB, "TB-month",
                                  storage_name, *storage));
  }

  for (const CostLine& line : estimate.lines)
    estimate.monthly_total += line.monthly;
  return estimate;
}

}  // namespace estate
