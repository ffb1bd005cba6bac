// Each mode's copy of the compared scenario, and the modes a scenario cannot run in.
#include "reports/compare/mode_scenario.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_parser.h"
#include "tests/support/scenario_builder.h"

namespace estate::reports {
namespace {

using nlohmann::json;

TEST(ModeScenario, EveryMountTakesTheModeAndRelativePathsBecomeAbsolute) {
  json doc = testing::SmallScenario("strong", "1Gbps", "10ms", "15ms");
  doc["$schema"] = "./schema.json";
  doc["prices"] = "prices.json";
  doc["mounts"].push_back(doc["mounts"][0]);
  doc["mounts"][1]["path"] = "other/";
  doc["workload"]["trace"] = {{"path", "traces/t.csv"}, {"format", "csv"}};
  const json copy = ScenarioInMode(doc, ConsistencyMode::kSession, "/data/scenarios");
  EXPECT_EQ(copy["mounts"][0]["consistency"], "session");
  EXPECT_EQ(copy["mounts"][1]["consistency"], "session");
  EXPECT_EQ(copy["prices"], "/data/scenarios/prices.json");
  EXPECT_EQ(copy["workload"]["trace"]["path"], "/data/scenarios/traces/t.csv");
  EXPECT_FALSE(copy.contains("$schema"));
  // Everything else is as written.
  json rest = copy;
  json original = doc;
  for (json* d : {&rest, &original}) {
    d->erase("$schema");
    d->erase("prices");
    (*d)["workload"].erase("trace");
    for (json& m : (*d)["mounts"])
      m.erase("consistency");
  }
  EXPECT_EQ(rest, original);
}

TEST(ModeScenario, ADefaultPriceTableIsTheOneBesideTheScenario) {
  json doc = testing::SmallScenario("strong", "1Gbps", "10ms", "15ms");
  doc.erase("prices");
  const json copy = ScenarioInMode(doc, ConsistencyMode::kEventual, "/data/s");
  EXPECT_EQ(copy["prices"], "/data/s/prices.json");
  // An absolute path stays.
  doc["prices"] = "/etc/estate/prices.json";
  EXPECT_EQ(ScenarioInMode(doc, ConsistencyMode::kEventual, "/data/s")["prices"],
            "/etc/estate/prices.json");
}

TEST(ModeScenario, PrimaryModesNeedAnOnPremMember) {
  json doc = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  doc["mounts"][0]["replicas"] = json::array();  // homed at GCP, nowhere else
  const ScenarioParse parse = ParseScenario(doc.dump(), "s.json");
  ASSERT_TRUE(parse.ok());
  for (ConsistencyMode m :
       {ConsistencyMode::kStrong, ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
    EXPECT_TRUE(CheckModeApplies(parse.scenario, m, "s.json").ok()) << ConsistencyModeName(m);
  }
  EXPECT_EQ(CheckModeApplies(parse.scenario, ConsistencyMode::kSyncSites, "s.json").message(),
            "s.json: /mounts/0: expected an on-prem home or replica to order writes as the "
            "primary of sync-sites mode, found home \"gcp\" and no on-prem replica");
  EXPECT_FALSE(CheckModeApplies(parse.scenario, ConsistencyMode::kBoundedStaleness, "s.json").ok());
  // An on-prem replica is enough.
  doc["mounts"][0]["replicas"] = {"site-b"};
  const ScenarioParse with_replica = ParseScenario(doc.dump(), "s.json");
  ASSERT_TRUE(with_replica.ok());
  EXPECT_TRUE(CheckModeApplies(with_replica.scenario, ConsistencyMode::kSyncSites, "s.json").ok());
}

}  // namespace
}  // namespace estate::reports
