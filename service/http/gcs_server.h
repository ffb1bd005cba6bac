// GcsServer: the HTTP(S) front end of a site. It accepts connections (cpp-httplib, a pool of
// worker threads), authenticates each request with a bearer token, routes it (gcs_route.h)
// and hands it to GcsApi; it serves /metrics (Prometheus) and /healthz, logs one JSON line per
// request and counts it.
//
// Limits: request bodies per ApiLimits; each socket read and write is bounded by
// io_timeout, each request (engine work and body reception) by the request timeout.
//
// Shutdown drains: Stop() stops accepting, lets every request in progress finish, and
// returns when the last worker is done.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "service/http/bearer_auth.h"
#include "service/http/gcs_api.h"
#include "service/ops/json_log.h"
#include "service/ops/metrics.h"

namespace httplib {
class Server;
}

namespace estate::service {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port (see port())
  // Both set: HTTPS with this certificate chain and private key (PEM files).
  std::string tls_cert_file;
  std::string tls_key_file;
  // Bearer tokens; empty means authentication is off.
  std::vector<std::string> tokens;
  bool public_metrics = false;  // serve /metrics without a token
  int threads = 16;             // requests served at once
  DurationNs io_timeout = 30 * kSecond;
  DurationNs keep_alive_timeout = 5 * kSecond;
  ApiLimits limits;
};

class GcsServer {
 public:
  GcsServer(ServiceSite& site, UploadSessions& uploads, JsonLog& log, HttpOptions options);
  GcsServer(const GcsServer&) = delete;
  GcsServer& operator=(const GcsServer&) = delete;
  ~GcsServer();

  // Binds and starts serving on a background thread. Errors: the address cannot be bound, or
  // the TLS files cannot be loaded.
  Status Start();
  // Stops accepting, finishes the requests in progress, joins. Idempotent.
  void Stop();
  int port() const { return port_; }
  Metrics& metrics() { return metrics_; }

 private:
  void Handle(const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader* body);
  std::string BaseUrl(const httplib::Request& req) const;

  ServiceSite& site_;
  JsonLog& log_;
  HttpOptions options_;
  BearerAuth auth_;
  Metrics metrics_;
  GcsApi api_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace estate::service
