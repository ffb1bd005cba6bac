// Small scenarios for simulation tests, as JSON: a GCP site and on-prem sites joined by
// links of chosen bandwidth and latency, one mount per test, and a workload. Tests edit the
// JSON further where they need to.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace estate::testing {

// "gcp" plus "site-a", "site-b"; links gcp-a, gcp-b, a-b of `bandwidth` ("1Gbps") with the
// given one-way latencies; one mount "lake/" homed at GCP, replicated to both sites, in
// `mode`; no workload rate, no failures, no expectations.
nlohmann::json SmallScenario(const std::string& mode, const std::string& bandwidth,
                             const std::string& gcp_latency, const std::string& site_latency);

}  // namespace estate::testing
