#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <future>
#include <iostream>

#include "service/config/serve_config.h"
#include "service/http/gcs_server.h"
#include "service/site/service_site.h"
#include "service/storage/upload_sessions.h"

namespace estate {
namespace {

struct ServeArgs {
  std::string config;
  bool check = false;
  int drain_seconds = 30;
};

int Serve(const ServeArgs& a) {
  Result<service::ServeConfig> config = service::LoadServeConfig(a.config);
  if (!config.ok()) {
    std::cerr << config.status().message() << '\n';
    return 2;
  }
  if (a.check) {
    std::cout << a.config << ": site \"" << config->site_name << "\" (" << config->site.self
              << " of " << config->site_names.size() << "), "
              << config->site.engine.mounts.mounts().size() << " mounts: OK\n";
    return 0;
  }
  // Every thread started from here on inherits the mask, so only sigwait() below sees
  // SIGTERM and SIGINT.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  service::JsonLog log(config->site.self, config->log_level);
  log.Write(LogLevel::kInfo, "starting",
            {{"config", a.config},
             {"site_name", config->site_name},
             {"data_dir", config->site.data_dir}});
  Result<std::unique_ptr<service::ServiceSite>> site =
      service::ServiceSite::Open(config->site, log);
  if (!site.ok()) {
    log.Write(LogLevel::kError, "start_failed", {{"message", site.status().message()}});
    return 3;
  }
  auto uploads =
      service::UploadSessions::Open(config->site.data_dir + "/uploads", (*site)->objects());
  if (!uploads.ok()) {
    log.Write(LogLevel::kError, "start_failed", {{"message", uploads.status().message()}});
    return 3;
  }
  service::GcsServer server(**site, **uploads, log, config->http);
  Status listening = server.Start();
  if (!listening.ok()) {
    log.Write(LogLevel::kError, "start_failed", {{"message", listening.message()}});
    return 3;
  }
  log.Write(LogLevel::kInfo, "serving",
            {{"http_port", server.port()}, {"peer_port", (*site)->peer_port()}});

  int received = 0;
  sigwait(&stop_signals, &received);
  log.Write(LogLevel::kInfo, "draining", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  auto drained = std::async(std::launch::async, [&server] { server.Stop(); });
  if (drained.wait_for(std::chrono::seconds(a.drain_seconds)) != std::future_status::ready) {
    // Requests still running past the drain time: stop without them rather than hang. What
    // they wrote is either acknowledged (durable) or not (the client retries).
    log.Write(LogLevel::kError, "drain_timeout", {{"seconds", a.drain_seconds}});
    std::_Exit(3);
  }
  (*site)->Stop();
  log.Write(LogLevel::kInfo, "stopped");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Run one site as a GCS JSON API service");
  cmd->add_option("--config", args->config, "The site's JSON configuration file")->required();
  cmd->add_flag("--check", args->check, "Validate the configuration and exit");
  cmd->add_option("--drain", args->drain_seconds,
                  "Seconds to let requests in progress finish after SIGTERM")
      ->capture_default_str();
  cmd->callback([args] { std::exit(Serve(*args)); });
}

}  // namespace estate
