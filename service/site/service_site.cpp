#include "service/site/service_site.h"

#include <filesystem>

#include "service/site/object_bytes_routing.h"

namespace estate::service {

Result<std::unique_ptr<ServiceSite>> ServiceSite::Open(SiteOptions options, JsonLog& log) {
  std::unique_ptr<ServiceSite> site(new ServiceSite(std::move(options)));
  const SiteOptions& o = site->options_;
  std::error_code ec;
  std::filesystem::create_directories(o.data_dir, ec);
  if (ec) {
    return Status::Internal("cannot create the data directory " + o.data_dir + ": " + ec.message());
  }
  Result<std::unique_ptr<RocksDbBlobStore>> store = RocksDbBlobStore::Open(o.data_dir + "/meta");
  if (!store.ok()) return store.status();
  site->store_ = std::move(*store);
  Result<std::unique_ptr<ObjectStore>> objects = ObjectStore::Open(o.data_dir);
  if (!objects.ok()) return objects.status();
  site->objects_ = std::move(*objects);

  ServiceSite* s = site.get();
  PeerNetworkOptions net;
  net.self = o.self;
  net.listen_host = o.peer_listen_host;
  net.listen_port = o.peer_listen_port;
  net.secret = o.secret;
  net.link = o.link;
  site->network_ = std::make_unique<PeerNetwork>(
      net,
      [s](SiteId from, Message msg, const std::string& body_key) {
        if (!AcceptDelivery(msg, body_key)) {
          ++s->rejected_deliveries_;
          return;
        }
        s->runtime_->Deliver(from, std::move(msg));
      },
      site->objects_.get(),
      [&log](LogLevel level, const std::string& text) {
        log.Write(level, "peer", {{"message", text}});
      });
  for (const auto& [peer, address] : o.peers)
    site->network_->SetPeer(peer, address);
  site->runtime_ = std::make_unique<ServiceRuntime>(
      o.self, site->loop_, *site->store_,
      [s](SiteId to, Message msg, std::string key) {
        if (to != s->options_.self) return s->network_->Send(to, std::move(msg), std::move(key));
        // To itself (a fetch the engine aimed here): the bytes must really be here, or the
        // engine would record a residency it lacks; without them the message is lost, and
        // the engine's retry or another transfer brings them.
        std::optional<ContentAddress> address = ContentAddress::FromKey(key);
        if (!key.empty() && !(address && s->objects_->Contains(*address))) {
          ++s->rejected_deliveries_;
          return;
        }
        s->runtime_->Deliver(to, std::move(msg));
      },
      log);
  site->engine_ = std::make_unique<EngineNode>(*site->runtime_, o.engine);
  site->runtime_->SetBodyResolver([s](const Message& msg) { return BodyKeyFor(*s->engine_, msg); });

  // The loop has not started: this thread is the only one touching the engine until it does.
  Status started = site->engine_->Start();
  if (!started.ok()) return started;
  Status listening = site->network_->Start();
  if (!listening.ok()) return listening;
  site->loop_.Start();
  log.Write(LogLevel::kInfo, "site_started",
            {{"data_dir", o.data_dir},
             {"peer_port", site->network_->port()},
             {"objects", site->engine_->ns().LiveObjectCount()}});
  return site;
}

ServiceSite::~ServiceSite() {
  Stop();
}

void ServiceSite::Stop() {
  if (stopped_) return;
  stopped_ = true;
  if (network_) network_->Stop();
  loop_.Stop();
}

}  // namespace estate::service
