// `estate serve --config FILE [--check]`: runs one site of a deployment as a GCS JSON API
// service (docs/SERVICE.md): the engine on a real runtime, its peers over TCP, metadata in
// RocksDB, object bytes in files. SIGTERM or SIGINT drains: the HTTP server stops accepting,
// finishes the requests in progress (at most --drain seconds), then the site stops.
// Exit status: 0 after a drain; 2 the configuration is invalid or unreadable; 3 the site
// could not start (storage, ports, TLS files) or the drain timed out.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddServeCommand(CLI::App& app);

}  // namespace estate
