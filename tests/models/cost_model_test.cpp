#include "models/cost/cost_model.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/source_path.h"

namespace estate {
namespace {

PriceTable ShippedPrices() {
  Result<PriceTable> table = PriceTable::Read(testing::SourcePath("scenarios/prices.json"));
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

PriceTable PortPrices(double p10, double p100, double p400) {
  const auto entry = [](const char* name, double value) {
    return "\"" + std::string(name) + "\": {\"value\": " + std::to_string(value) +
           ", \"unit\": \"USD/hour\", \"source\": \"test\", \"as_of\": \"2026-11\"}";
  };
  Result<PriceTable> table = PriceTable::Parse(
      "{\"currency\": \"USD\", \"prices\": {" + entry("interconnect_port_10g_per_hour", p10) +
          ", " + entry("interconnect_port_100g_per_hour", p100) + ", " +
          entry("interconnect_port_400g_per_hour", p400) + "}}",
      "ports.json");
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

TEST(CostModelTest, ThirtyFiveGigabitsTakeFiveTenGigabitCircuits) {
  // Shipped hourly prices: 10G 2.328, 100G 18.05, 400G 72.2. For 35 Gb/s, N+1:
  //   10G:  ceil(3.5) + 1 = 5 circuits, 11.64/h -> 8497.2 a month
  //   100G: ceil(0.35) + 1 = 2 circuits, 36.1/h
  //   400G: 2 circuits, 144.4/h
  // The spare is what makes small circuits win: it costs 2.328/h, not 18.05/h.
  const Result<CircuitPlan> plan = PlanCircuits(35e9, ShippedPrices());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(plan->circuit_bps, 10e9);
  EXPECT_EQ(plan->count, 5);
  EXPECT_EQ(plan->price_name, "interconnect_port_10g_per_hour");
  EXPECT_NEAR(plan->monthly, 8497.2, 1e-9);
}

TEST(CostModelTest, OneTerabitTakesElevenHundredGigabitCircuits) {
  // 1 Tb/s: 10G 101 x 2.328 = 235.128/h; 100G 11 x 18.05 = 198.55/h; 400G 4 x 72.2 = 288.8/h.
  const Result<CircuitPlan> plan = PlanCircuits(1e12, ShippedPrices());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->circuit_bps, 100e9);
  EXPECT_EQ(plan->count, 11);
  EXPECT_EQ(plan->price_name, "interconnect_port_100g_per_hour");
  EXPECT_NEAR(plan->monthly, 198.55 * 730, 1e-8);
  // An exact multiple needs no extra circuit beyond the spare: 200 Gb/s is 2 + 1 of 100G
  // (54.15/h) against 21 of 10G (48.888/h): 10G still wins.
  const Result<CircuitPlan> exact = PlanCircuits(200e9, ShippedPrices());
  EXPECT_EQ(exact->count, 21);
  EXPECT_EQ(exact->circuit_bps, 10e9);
}

TEST(CostModelTest, CheapLargeCircuitsWinAndTiesGoToTheLarger) {
  // 400G at 20/h: 700 Gb/s is 2 + 1 = 3 x 20 = 60/h against 8 x 18.05 and 71 x 2.328.
  const Result<CircuitPlan> big = PlanCircuits(700e9, PortPrices(2.328, 18.05, 20));
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big->circuit_bps, 400e9);
  EXPECT_EQ(big->count, 3);
  // Equal prices and no required bandwidth: one circuit of each costs the same; take 400G.
  const Result<CircuitPlan> tie = PlanCircuits(0, PortPrices(1, 1, 1));
  ASSERT_TRUE(tie.ok());
  EXPECT_EQ(tie->circuit_bps, 400e9);
  EXPECT_EQ(tie->count, 1);
  EXPECT_NEAR(tie->monthly, 730, 1e-12);
}

TEST(CostModelTest, PlanCircuitsErrors) {
  const Result<CircuitPlan> negative = PlanCircuits(-1, ShippedPrices());
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().message(),
            "cost: circuits: expected a finite bandwidth >= 0 bits/s, found -1");
  Result<PriceTable> partial = PriceTable::Parse(
      R"({"currency": "USD", "prices": {"interconnect_port_10g_per_hour": {"value": 1,
      "unit": "USD/hour", "source": "s", "as_of": "x"}}})",
      "partial.json");
  ASSERT_TRUE(partial.ok());
  const Result<CircuitPlan> missing = PlanCircuits(1e9, *partial);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_EQ(missing.status().message(),
            "partial.json: /prices/interconnect_port_100g_per_hour: expected a price named "
            "\"interconnect_port_100g_per_hour\", found nothing");
}

TEST(CostModelTest, MonthlyCostLinesByHand) {
  const PriceTable prices = ShippedPrices();
  CostInputs in;
  in.gcs_egress_bytes_per_month = 1024.0 * 1024 * 1024 * 1024;  // 1 TiB = 1024 GiB
  in.circuits.push_back({"gcp-site-a", {10e9, 5, 8497.2, "interconnect_port_10g_per_hour"}});
  in.onprem_bytes_per_site = {{"site-a", 2.5e15}, {"site-b", 0}};
  const Result<CostEstimate> cost = MonthlyCost(in, prices);
  ASSERT_TRUE(cost.ok()) << cost.status().message();
  EXPECT_EQ(cost->currency, "USD");
  EXPECT_EQ(cost->note, prices.note());
  ASSERT_EQ(cost->lines.size(), 4u);

  const CostLine& egress = cost->lines[0];
  EXPECT_EQ(egress.item, "GCS egress over Interconnect");
  EXPECT_EQ(egress.quantity, 1024);
  EXPECT_EQ(egress.unit, "GiB");
  EXPECT_EQ(egress.unit_price, 0.02);
  EXPECT_NEAR(egress.monthly, 20.48, 1e-12);  // 1024 GiB x 0.02
  EXPECT_EQ(egress.price_name, "gcs_egress_per_gib_interconnect");
  EXPECT_EQ(egress.source, prices.Find("gcs_egress_per_gib_interconnect")->source);
  EXPECT_EQ(egress.as_of, "2026-11");

  const CostLine& ports = cost->lines[1];
  EXPECT_EQ(ports.item, "Interconnect ports, link gcp-site-a (5 x 10 Gb/s)");
  EXPECT_EQ(ports.quantity, 3650);  // 5 ports x 730 hours
  EXPECT_EQ(ports.unit, "port-hour");
  EXPECT_EQ(ports.unit_price, 2.328);
  EXPECT_NEAR(ports.monthly, 8497.2, 1e-9);
  EXPECT_EQ(ports.price_name, "interconnect_port_10g_per_hour");
  EXPECT_EQ(ports.source, prices.Find("interconnect_port_10g_per_hour")->source);
  EXPECT_EQ(ports.as_of, "2026-11");

  const CostLine& site_a = cost->lines[2];
  EXPECT_EQ(site_a.item, "On-prem storage, site site-a");
  EXPECT_EQ(site_a.quantity, 2500);  // 2.5e15 bytes = 2500 TB
  EXPECT_EQ(site_a.unit, "TB-month");
  EXPECT_EQ(site_a.unit_price, 8.0);
  EXPECT_EQ(site_a.monthly, 20000);
  EXPECT_EQ(site_a.price_name, "onprem_storage_per_tb_month");
  EXPECT_EQ(site_a.source,
            "Assumption: amortised hardware, power and operations for dense object storage");
  EXPECT_EQ(site_a.as_of, "2026-11");
  EXPECT_EQ(cost->lines[3].item, "On-prem storage, site site-b");
  EXPECT_EQ(cost->lines[3].monthly, 0);

  EXPECT_NEAR(cost->monthly_total, 20.48 + 8497.2 + 20000, 1e-9);
}

TEST(CostModelTest, PlanAndCostAgree) {
  // A plan's monthly figure is what MonthlyCost charges for it.
  const PriceTable prices = ShippedPrices();
  const Result<CircuitPlan> plan = PlanCircuits(1e12, prices);
  ASSERT_TRUE(plan.ok());
  CostInputs in;
  in.circuits.push_back({"l", *plan});
  const Result<CostEstimate> cost = MonthlyCost(in, prices);
  ASSERT_TRUE(cost.ok());
  EXPECT_EQ(cost->lines[1].monthly, plan->monthly);
  EXPECT_EQ(cost->lines[1].item, "Interconnect ports, link l (11 x 100 Gb/s)");
}

TEST(CostModelTest, MonthlyCostErrors) {
  const PriceTable prices = ShippedPrices();
  CostInputs negative_egress;
  negative_egress.gcs_egress_bytes_per_month = -1;
  EXPECT_EQ(MonthlyCost(negative_egress, prices).status().message(),
            "cost: gcs_egress_bytes_per_month: expected a number of bytes >= 0, found -1");
  CostInputs negative_site;
  negative_site.onprem_bytes_per_site = {{"site-a", -5}};
  EXPECT_EQ(MonthlyCost(negative_site, prices).status().message(),
            "cost: site \"site-a\": expected a number of bytes stored >= 0, found -5");
  CostInputs unknown_port;
  unknown_port.circuits.push_back({"l", {1e9, 2, 0, "interconnect_port_1g_per_hour"}});
  const Result<CostEstimate> absent = MonthlyCost(unknown_port, prices);
  ASSERT_FALSE(absent.ok());
  EXPECT_TRUE(absent.status().IsNotFound());
  EXPECT_EQ(absent.status().message().find(
                ": /prices/interconnect_port_1g_per_hour: expected a price named"),
            prices.origin().size());
  // Ports only: a table without egress cannot cost egress, even zero of it.
  const Result<CostEstimate> no_egress = MonthlyCost({}, PortPrices(1, 2, 3));
  ASSERT_FALSE(no_egress.ok());
  EXPECT_EQ(no_egress.status().message(),
            "ports.json: /prices/gcs_egress_per_gib_interconnect: expected a price named "
            "\"gcs_egress_per_gib_interconnect\", found nothing");
}

}  // namespace
}  // namespace estate
