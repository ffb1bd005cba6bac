#include "service/runtime/service_runtime.h"

namespace estate::service {

ServiceRuntime::ServiceRuntime(SiteId self, EventLoop& loop, BlobStore& storage, SendFn send,
                               JsonLog& log)
    : self_(self), loop_(loop), storage_(storage), send_(std::move(send)), log_(log) {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device()};
  rng_.seed(seed);
}

void ServiceRuntime::Deliver(SiteId from, Message msg) {
  loop_.Post([this, from, msg = std::move(msg)]() mutable {
    if (handler_) handler_(from, std::move(msg));
  });
}

void ServiceRuntime::Send(NodeId to, Message msg) {
  std::string body_key;
  if (body_resolver_) {
    Result<std::string> key = body_resolver_(msg);
    if (!key.ok()) {
      Log(LogLevel::kWarning, "message " + std::to_string(msg.type) + " to site " +
                                  std::to_string(to) + " dropped: " + key.status().message());
      return;
    }
    body_key = std::move(*key);
  }
  send_(to, std::move(msg), std::move(body_key));
}

void ServiceRuntime::Log(LogLevel level, std::string_view message) {
  log_.Write(level, "engine", {{"message", std::string(message)}});
}

}  // namespace estate::service
