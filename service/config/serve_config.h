// ServeConfig: what `estate serve --config FILE` reads. One file per site; every site of a
// deployment lists the same sites (in the same order) and the same mounts, and differs only in
// "site", "data_dir" and "listen". Example (docs/SERVICE.md has the full reference):
//
//   {
//     "site": "site-a",
//     "data_dir": "data/site-a",                  // relative to the config file's directory
//     "listen": "127.0.0.1:8081",                 // the GCS JSON API
//     "sites": [                                  // the GCP region first or anywhere; ids as
//       {"id": "gcp", "kind": "gcp", "peer": "127.0.0.1:7100"},        // in scenarios
//       {"id": "site-a", "kind": "onprem", "peer": "127.0.0.1:7101", "cache": "10GiB"},
//       {"id": "site-b", "kind": "onprem", "peer": "127.0.0.1:7102", "cache": "10GiB"}
//     ],
//     "secret_file": "peer-secret",               // or "secret": "...", at least 16 bytes
//     "auth": {"tokens": ["..."]},                // or {"disabled": true}
//     "mounts": [ ... the scenario's mount format (docs/SCENARIOS.md) ... ],
//     "tls": {"cert": "cert.pem", "key": "key.pem"},                   // optional
//     "limits": {"max_object_size": "5GiB", "max_json_body": "1MiB",
//                "max_multipart_body": "64MiB", "request_timeout": "60s", "io_timeout": "30s"},
//     "http_threads": 16, "public_metrics": false, "log_level": "info",
//     "timing": {"raft_heartbeat": "50ms", "election_timeout": "300ms", "stream_heartbeat":
//                "50ms", "unreachable_after": "1s", "request_timeout": "2s"}
//   }
//
// Site ids become engine site numbers as in the simulator: the GCP site is 0 and the on-prem
// sites follow in the order listed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/result.h"
#include "service/http/gcs_server.h"
#include "service/site/service_site.h"

namespace estate::service {

struct ServeConfig {
  std::string site_name;
  std::vector<std::string> site_names;  // by SiteId
  SiteOptions site;                     // self, data_dir, engine options, peers, secret
  HttpOptions http;
  LogLevel log_level = LogLevel::kInfo;
};

// Reads a parsed config. `file` names it in error messages; relative paths in it are
// resolved against `base_dir`. Errors: 400 whose message lists every problem, one per line,
// as "FILE: /json/pointer: expected ..., found ...".
Result<ServeConfig> ParseServeConfig(const nlohmann::json& doc, const std::string& file,
                                     const std::string& base_dir);
// Reads and parses the file. Errors: as ParseServeConfig, and "FILE: cannot read ..." or
// "FILE: not valid JSON: ...".
Result<ServeConfig> LoadServeConfig(const std::string& path);

}  // namespace estate::service
