// PlatformBuilder: builds a SimGrid platform in code (no XML) from a plain description of
// sites, links and routes, and applies the network model configuration Estate relies on.
//
// Every link is full duplex (a SimGrid split-duplex link): each direction has the whole
// bandwidth, as WAN circuits and NIC ports do. A site with nic_bandwidth > 0 gets a NIC link
// at both ends of each of its routes, so all its flows share the NIC.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/result.h"
#include "engine/status.h"

namespace simgrid::s4u {
class Host;
class Link;
class NetZone;
}  // namespace simgrid::s4u

namespace estate::sim {

// SimGrid network model settings. Apply with ApplyNetworkConfig after the s4u::Engine exists
// and before any zone, host or link is created.
struct NetworkConfig {
  std::string model = "LV08";  // SimGrid's validated TCP model
  // LV08 multiplies every latency by 13.01 to fit TCP slow start of short flows. Estate
  // models established connections and its protocols need the configured one-way latency,
  // so the default is 1: a small message crosses a 15 ms link in 15 ms.
  double latency_factor = 1.0;
  // Fraction of the nominal bandwidth a flow achieves (TCP/IP header overhead); LV08's value.
  double bandwidth_factor = 0.97;
  // TCP window bound: a flow is capped at bandwidth_factor * gamma / (2 * route latency).
  // SimGrid's default of 4 MiB gives only ~135 MB/s over a 15 ms link; replication streams
  // use large (auto-tuned) windows, so the default is 16 MiB (~540 MB/s per stream at 15 ms).
  double tcp_gamma = 16.0 * 1024 * 1024;
  // SimGrid's cross traffic: each flow also loads the reverse direction with 5% of its
  // size (TCP acks). On full-duplex links it never slows the flow itself.
  bool crosstraffic = true;
  bool verbose = false;  // false: SimGrid logs only critical messages
};

struct SiteSpec {
  std::string name;
  double cpu_flops = 1e10;   // host speed
  double nic_bandwidth = 0;  // bytes/s per direction; 0: no NIC bottleneck
  double disk_read_bw = 0;   // bytes/s; 0 with disk_write_bw == 0: no disk
  double disk_write_bw = 0;  // bytes/s
};

struct LinkSpec {
  std::string name;
  std::string a;  // endpoint site names; the link carries traffic both ways
  std::string b;
  double bandwidth = 0;  // bytes/s per direction; REQUIRES > 0
  double latency = 0;    // seconds, one way
};

// A path of links from `from` to `to`, each link sharing a site with the previous one.
// When the reverse pair has no route of its own, the reversed path serves it.
struct RouteSpec {
  std::string from;
  std::string to;
  std::vector<std::string> links;
};

struct PlatformSpec {
  std::vector<SiteSpec> sites;
  std::vector<LinkSpec> links;
  std::vector<RouteSpec> routes;
};

struct Platform {
  simgrid::s4u::NetZone* zone = nullptr;
  std::vector<simgrid::s4u::Host*> hosts;  // in PlatformSpec::sites order (index = SiteId)
  std::map<std::string, simgrid::s4u::Link*> links;
};

// Sets the network/* configuration and SimGrid's log threshold. REQUIRES: an s4u::Engine
// exists and no platform element was created yet.
void ApplyNetworkConfig(const NetworkConfig& config);

// One route per ordered pair of sites joined by a LinkSpec (the first such link), in both
// directions. A helper until routes come from shortest-latency routing.
std::vector<RouteSpec> DirectRoutes(const PlatformSpec& spec);

// Validates spec and builds it as one sealed full zone named "estate". Fails with Invalid
// and names the offending element: duplicate or unknown site or link names, a link with
// bandwidth <= 0 or negative latency, a route whose links do not form a path from `from` to
// `to`, or a pair of sites given two routes. Validation happens before any SimGrid call.
// REQUIRES: an s4u::Engine exists; called once per process.
Result<Platform> BuildPlatform(const PlatformSpec& spec);

// Checks spec as BuildPlatform does, without SimGrid.
Status ValidatePlatform(const PlatformSpec& spec);

}  // namespace estate::sim
