#include "tests/support/scenario_builder.h"

#include "tests/support/source_path.h"

namespace estate::testing {

nlohmann::json SmallScenario(const std::string& mode, const std::string& bandwidth,
                             const std::string& gcp_latency, const std::string& site_latency) {
  using nlohmann::json;
  json s;
  s["name"] = "small-" + mode;
  s["seed"] = 7;
  s["duration"] = "60s";
  s["sampling_rate"] = 1;
  s["sites"] = json::array({{{"id", "gcp"}, {"kind", "gcp"}, {"nodes", 1}, {"node_nic", "400Gbps"}},
                            {{"id", "site-a"},
                             {"kind", "onprem"},
                             {"nodes", 1},
                             {"node_nic", "400Gbps"},
                             {"cache", {{"capacity", "1PB"}, {"eviction", "lru"}}}},
                            {{"id", "site-b"},
                             {"kind", "onprem"},
                             {"nodes", 1},
                             {"node_nic", "400Gbps"},
                             {"cache", {{"capacity", "1PB"}, {"eviction", "lru"}}}}});
  auto link = [&](const char* id, const char* from, const char* to, const std::string& lat) {
    return json{{"id", id},       {"from", from}, {"to", to}, {"bandwidth", bandwidth},
                {"latency", lat}, {"streams", 8}};
  };
  s["links"] = json::array({link("gcp-a", "gcp", "site-a", gcp_latency),
                            link("gcp-b", "gcp", "site-b", gcp_latency),
                            link("a-b", "site-a", "site-b", site_latency)});
  s["mounts"] = json::array({{{"path", "lake/"},
                              {"home", "gcp"},
                              {"replicas", {"site-a", "site-b"}},
                              {"consistency", mode},
                              {"placement", "replicate-on-write"}}});
  s["workload"] = {{"objects", 1000},
                   {"object_size", {{"fixed", "1KiB"}}},
                   {"popularity", {{"zipf", {{"alpha", 0.9}}}}},
                   {"mix", {{"read", 0.5}, {"write", 0.5}, {"list", 0}, {"delete", 0}}},
                   {"rate", {{"site-a", 5}, {"site-b", 5}}}};
  s["failures"] = json::array();
  s["expectations"] = json::array();
  s["prices"] = SourcePath("scenarios/prices.json");
  return s;
}

}  // namespace estate::testing
