#include "app/document/new_scenario.h"

namespace estate::studio {

nlohmann::ordered_json NewScenarioJson() {
  using J = nlohmann::ordered_json;
  J doc = J::object();
  doc["name"] = "untitled";
  doc["description"] = "";
  doc["seed"] = 1;
  doc["duration"] = "1h";
  doc["sampling_rate"] = 1.0;
  doc["sites"] = J::array({J{{"id", "gcp"}, {"kind", "gcp"}, {"nodes", 4}, {"node_nic", "100Gbps"}},
                           J{{"id", "site-a"},
                             {"kind", "onprem"},
                             {"nodes", 4},
                             {"node_nic", "25Gbps"},
                             {"cache", J{{"capacity", "100TB"}, {"eviction", "s3-fifo"}}}}});
  doc["links"] = J::array({J{{"id", "gcp-site-a"},
                             {"from", "gcp"},
                             {"to", "site-a"},
                             {"bandwidth", "10Gbps"},
                             {"latency", "10ms"}}});
  doc["mounts"] = J::array({J{{"path", "data/"},
                              {"home", "gcp"},
                              {"replicas", J::array({"site-a"})},
                              {"consistency", "eventual"}}});
  doc["workload"] = J{{"objects", 1000000},
                      {"object_size", J{{"fixed", "4MiB"}}},
                      {"mix", J{{"read", 0.8}, {"write", 0.15}, {"list", 0.04}, {"delete", 0.01}}},
                      {"rate", J{{"gcp", 5}, {"site-a", 20}}}};
  doc["failures"] = J::array();
  doc["expectations"] = J::array({"availability.all >= 99%"});
  doc["ui"] = J::object();
  return doc;
}

}  // namespace estate::studio
