#include "service/http/gcs_server.h"

#include <httplib.h>

#include <chrono>

namespace estate::service {

GcsServer::GcsServer(ServiceSite& site, UploadSessions& uploads, JsonLog& log, HttpOptions options)
    : site_(site),
      log_(log),
      options_(std::move(options)),
      auth_(options_.tokens),
      api_(site, uploads, metrics_, options_.limits) {}

GcsServer::~GcsServer() {
  Stop();
}

Status GcsServer::Start() {
  const bool tls = !options_.tls_cert_file.empty() || !options_.tls_key_file.empty();
  if (tls) {
    auto ssl = std::make_unique<httplib::SSLServer>(options_.tls_cert_file.c_str(),
                                                    options_.tls_key_file.c_str());
    if (!ssl->is_valid()) {
      return Status::Invalid("cannot load the TLS certificate " + options_.tls_cert_file +
                             " and key " + options_.tls_key_file);
    }
    server_ = std::move(ssl);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  httplib::Server& s = *server_;
  const int threads = std::max(1, options_.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  const auto io = std::chrono::nanoseconds(options_.io_timeout);
  s.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(io));
  s.set_write_timeout(std::chrono::duration_cast<std::chrono::microseconds>(io));
  s.set_keep_alive_timeout(static_cast<time_t>(options_.keep_alive_timeout / kSecond));
  s.set_payload_max_length(options_.limits.max_object_bytes);
  // A response goes out in several writes (headers, then the body in pieces). With Nagle's
  // algorithm the second one waits for the client's delayed ACK: 40 ms per request on a
  // kept-alive connection, which capped small GETs at 25 per connection and second.
  s.set_tcp_nodelay(true);
  // cpp-httplib closes a kept-alive connection after 5 requests by default; reconnecting (accept,
  // a new pool task, the socket options) then costs more than a small GET itself.
  s.set_keep_alive_max_count(1000);

  auto plain = [this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res, nullptr);
  };
  auto with_body = [this](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& body) { Handle(req, res, &body); };
  s.Get(".*", plain);
  s.Post(".*", with_body);
  s.Put(".*", with_body);
  s.Patch(".*", with_body);
  s.Delete(".*", with_body);
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(GcsErrorJson(500, "internalError", "internal error").dump(),
                    "application/json; charset=UTF-8");
  });

  port_ = options_.port == 0 ? s.bind_to_any_port(options_.host)
                             : (s.bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) {
    return Status::Unavailable("cannot listen for HTTP on " + options_.host + ":" +
                               std::to_string(options_.port));
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // listen_after_bind() sets is_running() only once its thread runs; Stop() needs it set.
  while (!server_->is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  log_.Write(LogLevel::kInfo, "http_listening",
             {{"host", options_.host}, {"port", port_}, {"tls", tls}, {"auth", auth_.enabled()}});
  return Status::Ok();
}

void GcsServer::Stop() {
  if (!server_ || !thread_.joinable()) return;
  server_->stop();
  thread_.join();
  log_.Write(LogLevel::kInfo, "http_stopped");
}

std::string GcsServer::BaseUrl(const httplib::Request& req) const {
  const bool tls = !options_.tls_cert_file.empty();
  std::string host = req.get_header_value("Host");
  if (host.empty()) host = options_.host + ":" + std::to_string(port_);
  return (tls ? "https://" : "http://") + host;
}

void GcsServer::Handle(const httplib::Request& req, httplib::Response& res,
                       const httplib::ContentReader* body) {
  const auto started = std::chrono::steady_clock::now();
  // cpp-httplib would cut every response to the request's Range itself (error bodies
  // included); GcsApi applies ranges to object bytes only, so the parsed ranges are dropped.
  // The Request object is the server's own, non-const one.
  const_cast<httplib::Request&>(req).ranges.clear();

  std::string operation = "unrouted";
  Result<GcsRoute> route = RouteGcsRequest(req.method, req.target);
  auto fail = [&](const Status& s) {
    res.status = s.http_code();
    res.set_content(GcsErrorJson(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=UTF-8");
    // A body nobody will read: drop it so the client reads this answer, or close.
    if (body != nullptr && !DiscardBody(*body, kDiscardCap)) res.set_header("Connection", "close");
  };
  if (!route.ok()) {
    fail(route.status());
  } else {
    operation = GcsOpName(route->op);
    const bool open =
        route->op == GcsOp::kHealth || (route->op == GcsOp::kMetrics && options_.public_metrics);
    Status allowed = open ? Status::Ok() : auth_.Check(req.get_header_value("Authorization"));
    if (!allowed.ok()) {
      if (allowed.code() == StatusCode::kUnauthorized) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"estate\"");
      }
      fail(allowed);
    } else if (route->op == GcsOp::kHealth) {
      res.set_content("{\"status\":\"ok\"}", "application/json");
    } else if (route->op == GcsOp::kMetrics) {
      Result<EngineSnapshot> snapshot = site_.Inspect<EngineSnapshot>(
          options_.limits.request_timeout,
          [sites = site_.sites()](const EngineNode& e) { return SnapshotOf(e, sites); });
      if (!snapshot.ok()) {
        fail(snapshot.status());
      } else {
        res.set_content(metrics_.Render(*snapshot, site_.peer_stats(), site_.loop_backlog()),
                        "text/plain; version=0.0.4");
      }
    } else {
      api_.Serve(*route, req, body, BaseUrl(req), res);
    }
  }
  if (res.status == -1) res.status = 200;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.RecordRequest(operation, res.status, seconds);
  if (log_.Enabled(LogLevel::kInfo)) {
    log_.Write(res.status >= 500 ? LogLevel::kWarning : LogLevel::kInfo, "http",
               {{"method", req.method},
                {"target", req.target.substr(0, 512)},
                {"operation", operation},
                {"status", res.status},
                {"ms", seconds * 1e3},
                {"remote", req.remote_addr}});
  }
}

}  // namespace estate::service
