#include "sim/scenario/scenario_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;

std::string ReadDefault() {
  std::ifstream in(testing::SourcePath("scenarios/retail-gcp-two-site.json"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The default scenario with one edit applied at a JSON pointer (null removes the field).
std::vector<std::string> ErrorsWith(const std::string& pointer, const json& value) {
  json doc = json::parse(ReadDefault());
  json::json_pointer ptr(pointer);
  if (value.is_null()) {
    doc[ptr.parent_pointer()].erase(ptr.back());
  } else {
    doc[ptr] = value;
  }
  return ParseScenario(doc.dump(), "bad.json").Messages();
}

TEST(ScenarioParserTest, TheDefaultScenarioParsesToTheExpectedValues) {
  ScenarioParse p = LoadScenario(testing::SourcePath("scenarios/retail-gcp-two-site.json"));
  ASSERT_TRUE(p.ok()) << (p.Messages().empty() ? "" : p.Messages()[0]);
  const Scenario& s = p.scenario;
  EXPECT_EQ(s.name, "retail-gcp-two-site");
  EXPECT_EQ(s.seed, 20261122u);
  EXPECT_EQ(s.duration, 24 * kHour);
  EXPECT_DOUBLE_EQ(s.sampling_rate, 0.005);
  ASSERT_EQ(s.sites.size(), 3u);
  EXPECT_TRUE(s.sites[0].gcp);
  EXPECT_DOUBLE_EQ(s.sites[1].cache_bytes, 4e15);
  EXPECT_EQ(s.sites[1].eviction, EvictionPolicy::kS3Fifo);
  ASSERT_EQ(s.links.size(), 3u);
  EXPECT_DOUBLE_EQ(s.links[0].bandwidth_bps, 100e9);
  EXPECT_EQ(s.links[0].latency, 10 * kMillisecond);
  EXPECT_EQ(s.links[2].latency, 15 * kMillisecond);
  ASSERT_EQ(s.mounts.size(), 5u);
  EXPECT_EQ(s.mounts[1].mode, ConsistencyMode::kBoundedStaleness);
  EXPECT_EQ(s.mounts[1].staleness.max_lag, 5 * kSecond);
  EXPECT_EQ(s.mounts[3].home, "site-a");
  EXPECT_DOUBLE_EQ(s.workload.objects, 15e9);
  EXPECT_EQ(s.workload.size_kind, "lognormal");
  EXPECT_DOUBLE_EQ(s.workload.rate_per_site.at("site-a"), 60);
  ASSERT_EQ(s.expectations.size(), 4u);
  EXPECT_EQ(s.expectations[0].metric, "replication_lag.p99");
  EXPECT_EQ(s.expectations[0].comparator, "<");
  EXPECT_DOUBLE_EQ(s.expectations[0].value, 15 * 60e9);
  EXPECT_EQ(s.expectations[3].unit, "ratio");
  EXPECT_DOUBLE_EQ(s.expectations[3].value, 0.999);
  EXPECT_DOUBLE_EQ(s.simulation.tcp_gamma_bytes, 16.0 * 1024 * 1024);
}

struct Malformed {
  const char* pointer;
  json value;
  const char* message;
};

TEST(ScenarioParserTest, MalformedScenariosGetExactMessages) {
  const std::vector<Malformed> cases = {
      {"/links/1/bandwidth", "fast",
       R"(bad.json: /links/1/bandwidth: expected a bandwidth such as "100Gbps", found "fast")"},
      {"/links/0/latency", 10,
       R"(bad.json: /links/0/latency: expected a duration such as "15ms" or "24h", found 10)"},
      {"/duration", nullptr,
       R"(bad.json: /duration: expected a duration such as "15ms" or "24h", found nothing)"},
      {"/duration", "0s", R"(bad.json: /duration: expected a positive duration, found "0s")"},
      {"/sampling_rate", 2,
       "bad.json: /sampling_rate: expected a number from 1e-09 to 1.0, found 2"},
      {"/seed", "abc", R"(bad.json: /seed: expected an integer, found "abc")"},
      {"/sites/1/kind", "colo",
       R"(bad.json: /sites/1/kind: expected "gcp" or "onprem", found "colo")"},
      {"/sites/1/nodes", 0,
       "bad.json: /sites/1/nodes: expected an integer from 1 to 100000, found 0"},
      {"/sites/1/cache/eviction", "arc",
       R"(bad.json: /sites/1/cache/eviction: expected "lru" or "s3-fifo", found "arc")"},
      {"/links/2/to", "site-z",
       R"(bad.json: /links/2/to: expected the id of a site, found "site-z")"},
      {"/mounts/0/consistency", "linearizable",
       R"(bad.json: /mounts/0/consistency: expected one of strong, sync-sites, bounded-staleness, session, eventual, found "linearizable")"},
      {"/mounts/3/home", "site-c",
       R"(bad.json: /mounts/3/home: expected the id of a site, found "site-c")"},
      {"/mounts/1/path", "retail-lake/sales",
       R"(bad.json: /mounts/1/path: expected "bucket/" or "bucket/prefix/" used once, found mount "retail-lake/sales": expected "bucket/" or "bucket/prefix/")"},
      {"/workload/mix/read", 0.5,
       "bad.json: /workload/mix: expected fractions that sum to 1, found a sum of 0.7"},
      {"/workload/rate/site-q", 10,
       R"(bad.json: /workload/rate/site-q: expected the id of a site, found "site-q")"},
      {"/failures/0/target", "gcp-site-z",
       R"(bad.json: /failures/0/target: expected the id of a link, found "gcp-site-z")"},
      {"/failures/0/kind", "meteor",
       R"(bad.json: /failures/0/kind: expected one of site-down, site-up, link-down, link-up, link-degrade, partition, heal, found "meteor")"},
      {"/expectations/1", "write_latency.strong.p99 ~ 80ms",
       R"(bad.json: /expectations/1: expected a comparator (<, <=, >, >=, ==), found "write_latency.strong.p99 ~ 80ms")"},
      {"/expectations/2", "egress_bytes < lots",
       R"(bad.json: /expectations/2: expected a value such as 15min, 2PB, 40Gbps, 99.9% or 0.5, found "egress_bytes < lots")"},
      {"/sizing/target_hit_ratio", 1.5,
       "bad.json: /sizing/target_hit_ratio: expected a number from 0.01 to 0.9999, found 1.5"},
      {"/sizing/error_seeds", 0,
       "bad.json: /sizing/error_seeds: expected an integer from 1 to 32, found 0"},
      {"/expectations/0", "latency.p99 < 1s",
       R"(bad.json: /expectations/0: expected a metric of the run's result (availability, cache, cache_sizing, conflicts, data_replication_lag, data_rpo, delete_latency, egress_bytes, engine, hit_ratio, links, list_latency, operations, read_latency, replication_lag, rpo, run, sampling, stale_reads, t_visibility, unavailable_ops, wan_bytes, wan_peak_bps, write_latency), found "latency.p99 < 1s")"},
      {"/sites/0/kind", "onprem",
       R"(bad.json: /sites: expected exactly one site of kind "gcp", found 0)"},
      {"/colour", "blue",
       R"(bad.json: /colour: expected one of the fields $schema, description, duration, expectations, failures, links, mounts, name, prices, sampling_rate, seed, simulation, sites, sizing, ui, workload, found unknown field "colour")"},
  };
  ASSERT_GE(cases.size(), 15u);
  for (const Malformed& c : cases) {
    std::vector<std::string> errors = ErrorsWith(c.pointer, c.value);
    ASSERT_EQ(errors.size(), 1u) << c.pointer << ": " << ::testing::PrintToString(errors);
    EXPECT_EQ(errors[0], c.message);
  }
}

TEST(ScenarioParserTest, EveryErrorIsReportedSortedByPointer) {
  json doc = json::parse(ReadDefault());
  doc["links"][0]["bandwidth"] = "slow";
  doc["duration"] = "soon";
  doc["mounts"][2]["consistency"] = "maybe";
  std::vector<std::string> errors = ParseScenario(doc.dump(), "f.json").Messages();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].rfind("f.json: /duration:", 0), 0u);
  EXPECT_EQ(errors[1].rfind("f.json: /links/0/bandwidth:", 0), 0u);
  EXPECT_EQ(errors[2].rfind("f.json: /mounts/2/consistency:", 0), 0u);
}

TEST(ScenarioParserTest, DisconnectedSitesAreReported) {
  json doc = json::parse(ReadDefault());
  doc["links"] = json::array({doc["links"][0]});
  doc["failures"] = json::array();
  std::vector<std::string> errors = ParseScenario(doc.dump(), "f.json").Messages();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(
      errors[0],
      R"(f.json: /sites/2: expected a site connected to the others by links, found "site-b" unreachable from "gcp-us-central1")");
}

TEST(ScenarioParserTest, InvalidJsonGivesLineAndColumn) {
  ScenarioParse p = ParseScenario("{\n  \"name\": \"x\",\n  \"seed\": ,\n}", "broken.json");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.json_error.rfind("broken.json:3:11: invalid JSON: ", 0), 0u) << p.json_error;
  EXPECT_EQ(
      ParseScenario("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]",
                    "deep.json")
          .json_error,
      "deep.json: invalid JSON: nested deeper than 64 levels");
  EXPECT_EQ(ParseScenario("42", "n.json").Messages(),
            std::vector<std::string>{"n.json: /: expected a scenario object, found 42"});
}

TEST(ScenarioParserTest, RandomDamageNeverCrashesAndAlwaysExplainsItself) {
  const std::string good = ReadDefault();
  const json doc = json::parse(good);
  std::mt19937_64 rng(3);
  for (int i = 0; i < 300; ++i) {
    // Byte damage.
    std::string text = good;
    for (int k = 0; k < 4; ++k)
      text[rng() % text.size()] = static_cast<char>(rng() % 128);
    ScenarioParse p = ParseScenario(text, "x.json");
    if (!p.ok()) {
      EXPECT_FALSE(p.Messages().empty());
    }
    // Structural damage: replace a random top-level field with a value of the wrong type.
    json d = doc;
    auto it = d.begin();
    std::advance(it, static_cast<long>(rng() % d.size()));
    const json wrong[] = {json(nullptr), json(7),        json("x"),
                          json::array(), json::object(), json(true)};
    it.value() = wrong[rng() % 6];
    ScenarioParse q = ParseScenario(d.dump(), "y.json");
    if (!q.ok()) {
      for (const std::string& m : q.Messages())
        EXPECT_EQ(m.rfind("y.json: /", 0), 0u) << m;
    }
  }
}

}  // namespace
}  // namespace estate

namespace estate {
namespace {

// The schema and the parser describe one format: every field the schema lists is one the
// parser accepts, and the reverse, at every level that has a fixed set of fields.
TEST(ScenarioSchemaTest, SchemaAndParserAcceptTheSameFields) {
  std::ifstream in(testing::SourcePath("scenarios/schema.json"));
  const nlohmann::json schema = nlohmann::json::parse(in);
  ASSERT_EQ(schema["type"], "object");
  // A document with every top-level property the schema knows must draw no "unknown field".
  json doc = json::parse(ReadDefault());
  for (const auto& [key, value] : schema["properties"].items()) {
    if (!doc.contains(key)) doc[key] = nullptr;
  }
  for (const std::string& m : ParseScenario(doc.dump(), "s.json").Messages()) {
    EXPECT_EQ(m.find("unknown field"), std::string::npos) << m;
  }
  // And every field the parser knows at the top level is in the schema.
  std::vector<std::string> top = ErrorsWith("/zzz", 1);
  ASSERT_EQ(top.size(), 1u);
  for (const auto& [key, value] : schema["properties"].items()) {
    EXPECT_NE(top[0].find(key), std::string::npos) << key << " is in the schema, not the parser";
  }
  const auto site_fields = schema["properties"]["sites"]["items"]["properties"];
  std::vector<std::string> site_errors = ErrorsWith("/sites/0/zzz", 1);
  ASSERT_EQ(site_errors.size(), 1u);
  for (const auto& [key, value] : site_fields.items()) {
    EXPECT_NE(site_errors[0].find(key), std::string::npos) << "sites: " << key;
  }
  const auto mount_fields = schema["properties"]["mounts"]["items"]["properties"];
  std::vector<std::string> mount_errors = ErrorsWith("/mounts/0/zzz", 1);
  ASSERT_EQ(mount_errors.size(), 1u);
  for (const auto& [key, value] : mount_fields.items()) {
    EXPECT_NE(mount_errors[0].find(key), std::string::npos) << "mounts: " << key;
  }
}

}  // namespace
}  // namespace estate

namespace estate {
namespace {

TEST(ShippedScenariosTest, EveryShippedScenarioValidates) {
  for (const char* name :
       {"retail-gcp-two-site", "dr-site-loss", "consistency-shootout", "trace-replay"}) {
    ScenarioParse p = LoadScenario(testing::SourcePath(std::string("scenarios/") + name + ".json"));
    EXPECT_TRUE(p.ok()) << name << ": " << (p.Messages().empty() ? "" : p.Messages()[0]);
    EXPECT_EQ(p.scenario.name, name);
  }
  ScenarioParse shootout = LoadScenario(testing::SourcePath("scenarios/consistency-shootout.json"));
  std::set<ConsistencyMode> modes;
  for (const MountSpec& m : shootout.scenario.mounts)
    modes.insert(m.mode);
  EXPECT_EQ(modes.size(), 5u);
  ScenarioParse dr = LoadScenario(testing::SourcePath("scenarios/dr-site-loss.json"));
  ASSERT_EQ(dr.scenario.failures.size(), 2u);
  EXPECT_EQ(dr.scenario.failures[1].at - dr.scenario.failures[0].at, kHour);
}

}  // namespace
}  // namespace estate
