// PlatformBuilder: validation of a PlatformSpec and its construction with s4u calls.
#include "sim/platform_builder.h"

#include <xbt/log.h>

#include <set>
#include <simgrid/s4u/Disk.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Link.hpp>
#include <simgrid/s4u/NetZone.hpp>
#include <utility>

namespace estate::sim {

namespace sg4 = simgrid::s4u;

void ApplyNetworkConfig(const NetworkConfig& config) {
  xbt_log_control_set(config.verbose ? "root.thres:info" : "root.thres:critical");
  sg4::Engine::set_config("network/model", config.model);
  sg4::Engine::set_config("network/latency-factor", config.latency_factor);
  sg4::Engine::set_config("network/bandwidth-factor", config.bandwidth_factor);
  sg4::Engine::set_config("network/TCP-gamma", config.tcp_gamma);
  sg4::Engine::set_config("network/crosstraffic", config.crosstraffic);
  // LV08's weight-S term adds S / bandwidth to each flow's sharing penalty and is corrected
  // by a delta when a link's bandwidth changes. In SimGrid 3.32 that correction can drive a
  // flow's penalty below zero when a degraded link is restored (an abort, "Variable penalty
  // should not be negative"; seen restoring 100 Gb/s from 10 Gb/s at sampling rate 1e-3).
  // Without it, flows still share by round-trip latency.
  sg4::Engine::set_config("network/weight-S", 0.0);
}

std::vector<RouteSpec> DirectRoutes(const PlatformSpec& spec) {
  std::vector<RouteSpec> routes;
  std::set<std::pair<std::string, std::string>> seen;
  for (const LinkSpec& l : spec.links) {
    if (l.a == l.b || !seen.insert({l.a, l.b}).second) continue;
    seen.insert({l.b, l.a});
    routes.push_back(RouteSpec{l.a, l.b, {l.name}});
    routes.push_back(RouteSpec{l.b, l.a, {l.name}});
  }
  return routes;
}

namespace {

using Direction = sg4::LinkInRoute::Direction;

struct Hop {
  const LinkSpec* link;
  Direction direction;  // UP: traversed from link.a to link.b
};

// Walks route.links from route.from; fails unless each link touches the current site and
// the walk ends at route.to.
Result<std::vector<Hop>> ResolvePath(const RouteSpec& route,
                                     const std::map<std::string, const LinkSpec*>& links) {
  std::string route_name = "route " + route.from + "->" + route.to;
  if (route.links.empty()) return Status::Invalid(route_name + " has no links");
  std::vector<Hop> hops;
  std::string at = route.from;
  for (const std::string& name : route.links) {
    auto it = links.find(name);
    if (it == links.end()) return Status::Invalid(route_name + ": unknown link " + name);
    const LinkSpec* l = it->second;
    if (l->a == at) {
      hops.push_back({l, Direction::UP});
      at = l->b;
    } else if (l->b == at) {
      hops.push_back({l, Direction::DOWN});
      at = l->a;
    } else {
      return Status::Invalid(route_name + ": link " + name + " does not touch site " + at);
    }
  }
  if (at != route.to) return Status::Invalid(route_name + ": path ends at site " + at);
  return hops;
}

Status ValidateElements(const PlatformSpec& spec, std::map<std::string, const LinkSpec*>* links) {
  std::set<std::string> sites;
  for (const SiteSpec& s : spec.sites) {
    if (s.name.empty()) return Status::Invalid("site with an empty name");
    if (!sites.insert(s.name).second) return Status::Invalid("duplicate site " + s.name);
    if (s.cpu_flops <= 0) return Status::Invalid("site " + s.name + ": cpu_flops must be > 0");
  }
  for (const LinkSpec& l : spec.links) {
    if (l.name.empty()) return Status::Invalid("link with an empty name");
    if (!links->emplace(l.name, &l).second) return Status::Invalid("duplicate link " + l.name);
    if (!sites.count(l.a)) return Status::Invalid("link " + l.name + ": unknown site " + l.a);
    if (!sites.count(l.b)) return Status::Invalid("link " + l.name + ": unknown site " + l.b);
    if (l.a == l.b) return Status::Invalid("link " + l.name + " joins site " + l.a + " to itself");
    if (l.bandwidth <= 0) return Status::Invalid("link " + l.name + ": bandwidth must be > 0");
    if (l.latency < 0) return Status::Invalid("link " + l.name + ": latency must be >= 0");
  }
  std::set<std::pair<std::string, std::string>> pairs;
  for (const RouteSpec& r : spec.routes) {
    if (!sites.count(r.from)) return Status::Invalid("route from unknown site " + r.from);
    if (!sites.count(r.to)) return Status::Invalid("route to unknown site " + r.to);
    if (r.from == r.to) return Status::Invalid("route from site " + r.from + " to itself");
    if (!pairs.insert({r.from, r.to}).second) {
      return Status::Invalid("two routes " + r.from + "->" + r.to);
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidatePlatform(const PlatformSpec& spec) {
  std::map<std::string, const LinkSpec*> links;
  if (Status s = ValidateElements(spec, &links); !s.ok()) return s;
  for (const RouteSpec& r : spec.routes) {
    if (auto path = ResolvePath(r, links); !path.ok()) return path.status();
  }
  return Status::Ok();
}

Result<Platform> BuildPlatform(const PlatformSpec& spec) {
  if (Status s = ValidatePlatform(spec); !s.ok()) return s;
  std::map<std::string, const LinkSpec*> link_specs;
  for (const LinkSpec& l : spec.links)
    link_specs.emplace(l.name, &l);

  Platform p;
  p.zone = sg4::create_full_zone("estate");
  std::map<std::string, sg4::Host*> hosts;
  std::map<std::string, sg4::Link*> nics;
  for (const SiteSpec& s : spec.sites) {
    sg4::Host* h = p.zone->create_host(s.name, s.cpu_flops);
    if (s.disk_read_bw > 0 || s.disk_write_bw > 0) {
      h->create_disk(s.name + "-disk", s.disk_read_bw, s.disk_write_bw)->seal();
    }
    h->seal();
    if (s.nic_bandwidth > 0) {
      nics[s.name] = p.zone->create_split_duplex_link(s.name + "-nic", s.nic_bandwidth)
                         ->set_latency(0)
                         ->seal();
    }
    hosts[s.name] = h;
    p.hosts.push_back(h);
  }
  for (const LinkSpec& l : spec.links) {
    p.links[l.name] =
        p.zone->create_split_duplex_link(l.name, l.bandwidth)->set_latency(l.latency)->seal();
  }

  auto add_route = [&](const std::string& from, const std::string& to, const std::vector<Hop>& hops,
                       bool reversed) {
    std::vector<sg4::LinkInRoute> route;
    if (auto it = nics.find(from); it != nics.end()) route.emplace_back(it->second, Direction::UP);
    auto push = [&](const Hop& hop) {
      Direction d = hop.direction;
      if (reversed) d = d == Direction::UP ? Direction::DOWN : Direction::UP;
      route.emplace_back(p.links.at(hop.link->name), d);
    };
    if (reversed) {
      for (auto it = hops.rbegin(); it != hops.rend(); ++it)
        push(*it);
    } else {
      for (const Hop& hop : hops)
        push(hop);
    }
    if (auto it = nics.find(to); it != nics.end()) route.emplace_back(it->second, Direction::DOWN);
    p.zone->add_route(hosts.at(from)->get_netpoint(), hosts.at(to)->get_netpoint(), nullptr,
                      nullptr, route, /*symmetrical=*/false);
  };

  std::set<std::pair<std::string, std::string>> explicit_pairs;
  for (const RouteSpec& r : spec.routes)
    explicit_pairs.insert({r.from, r.to});
  for (const RouteSpec& r : spec.routes) {
    std::vector<Hop> hops = ResolvePath(r, link_specs).value();
    add_route(r.from, r.to, hops, false);
    if (!explicit_pairs.count({r.to, r.from})) add_route(r.to, r.from, hops, true);
  }
  p.zone->seal();
  return p;
}

}  // namespace estate::sim
