#include "sim/scenario/scenario_sections.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

#include "engine/mount/mount_table.h"
#include "sim/scenario/expectation_parser.h"
#include "sim/scenario/mount_spec_reader.h"

namespace estate {
namespace {

using nlohmann::json;

const std::regex& IdPattern() {
  static const std::regex re("^[a-z][a-z0-9-]{0,62}$");
  return re;
}

void ReadSimulation(const json& doc, JsonReader& r, SimulationSpec* sim) {
  const json* o = r.Object(doc, "", "simulation");
  if (o == nullptr) return;
  r.CheckKnownKeys(*o, "/simulation",
                   {"network_model", "latency_factor", "bandwidth_factor", "tcp_gamma"});
  if (r.String(*o, "/simulation", "network_model", &sim->network_model) &&
      sim->network_model != "LV08" && sim->network_model != "CM02") {
    r.Error("/simulation/network_model", "\"LV08\" or \"CM02\"", &(*o)["network_model"]);
  }
  r.Number(*o, "/simulation", "latency_factor", &sim->latency_factor, false, 0.0, 100.0);
  r.Number(*o, "/simulation", "bandwidth_factor", &sim->bandwidth_factor, false, 0.01, 1.0);
  r.Bytes(*o, "/simulation", "tcp_gamma", &sim->tcp_gamma_bytes);
}

void ReadSizing(const json& doc, JsonReader& r, SizingSpec* sizing) {
  const json* o = r.Object(doc, "", "sizing");
  if (o == nullptr) return;
  r.CheckKnownKeys(*o, "/sizing", {"target_hit_ratio", "wan_headroom", "error_seeds"});
  r.Number(*o, "/sizing", "target_hit_ratio", &sizing->target_hit_ratio, false, 0.01, 0.9999);
  r.Number(*o, "/sizing", "wan_headroom", &sizing->wan_headroom, false, 0.0, 10.0);
  int64_t seeds = sizing->error_seeds;
  if (r.Integer(*o, "/sizing", "error_seeds", &seeds, false, 1, 32)) {
    sizing->error_seeds = static_cast<int>(seeds);
  }
}

void ReadSites(const json& doc, JsonReader& r, std::vector<SiteSpec>* sites) {
  r.Array(
      doc, "", "sites",
      [&](const json& e, const std::string& p) {
        if (!e.is_object()) return r.Error(p, "a site object", &e);
        r.CheckKnownKeys(e, p,
                         {"id", "kind", "nodes", "node_nic", "node_throughput_ops", "disk", "cache",
                          "mtbf", "mttr"});
        SiteSpec s;
        if (r.String(e, p, "id", &s.id, true) && !std::regex_match(s.id, IdPattern())) {
          r.Error(JsonReader::Child(p, "id"), "a lower-case id such as \"site-a\"", &e["id"]);
        }
        std::string kind;
        if (r.String(e, p, "kind", &kind, true)) {
          if (kind != "gcp" && kind != "onprem") {
            r.Error(JsonReader::Child(p, "kind"), "\"gcp\" or \"onprem\"", &e["kind"]);
          }
          s.gcp = kind == "gcp";
        }
        int64_t nodes = s.nodes;
        if (r.Integer(e, p, "nodes", &nodes, false, 1, 100000)) s.nodes = static_cast<int>(nodes);
        r.Bandwidth(e, p, "node_nic", &s.nic_bps);
        r.Number(e, p, "node_throughput_ops", &s.node_ops_per_second, false, 1, 1e9);
        if (const json* d = r.Object(e, p, "disk")) {
          const std::string dp = JsonReader::Child(p, "disk");
          r.CheckKnownKeys(*d, dp, {"read_bw", "write_bw", "capacity"});
          double bps = 0;
          if (r.Bandwidth(*d, dp, "read_bw", &bps)) s.disk_read_bps = bps / 8;
          if (r.Bandwidth(*d, dp, "write_bw", &bps)) s.disk_write_bps = bps / 8;
          r.Bytes(*d, dp, "capacity", &s.capacity_bytes);
        }
        if (const json* c = r.Object(e, p, "cache")) {
          const std::string cp = JsonReader::Child(p, "cache");
          r.CheckKnownKeys(*c, cp, {"capacity", "eviction"});
          r.Bytes(*c, cp, "capacity", &s.cache_bytes, true);
          std::string ev;
          if (r.String(*c, cp, "eviction", &ev)) {
            if (auto pol = ParseEvictionPolicy(ev)) {
              s.eviction = *pol;
            } else {
              r.Error(JsonReader::Child(cp, "eviction"), "\"lru\" or \"s3-fifo\"",
                      &(*c)["eviction"]);
            }
          }
        }
        r.Duration(e, p, "mtbf", &s.mtbf);
        r.Duration(e, p, "mttr", &s.mttr);
        sites->push_back(std::move(s));
      },
      true);
}

void ReadLinks(const json& doc, JsonReader& r, std::vector<LinkSpec>* links) {
  r.Array(
      doc, "", "links",
      [&](const json& e, const std::string& p) {
        if (!e.is_object()) return r.Error(p, "a link object", &e);
        r.CheckKnownKeys(
            e, p, {"id", "from", "to", "bandwidth", "latency", "streams", "cap", "mtbf", "mttr"});
        LinkSpec l;
        r.String(e, p, "id", &l.id, true);
        r.String(e, p, "from", &l.from, true);
        r.String(e, p, "to", &l.to, true);
        r.Bandwidth(e, p, "bandwidth", &l.bandwidth_bps, true);
        r.Duration(e, p, "latency", &l.latency, true);
        int64_t streams = l.streams;
        if (r.Integer(e, p, "streams", &streams, false, 1, 1024))
          l.streams = static_cast<int>(streams);
        r.Bandwidth(e, p, "cap", &l.cap_bps);
        r.Duration(e, p, "mtbf", &l.mtbf);
        r.Duration(e, p, "mttr", &l.mttr);
        links->push_back(std::move(l));
      },
      true);
}

void ReadWorkload(const json& doc, JsonReader& r, WorkloadSpec* w) {
  const json* o = r.Object(doc, "", "workload", true);
  if (o == nullptr) return;
  const std::string p = "/workload";
  r.CheckKnownKeys(
      *o, p, {"objects", "object_size", "popularity", "mix", "rate", "diurnal", "bursts", "trace"});
  r.Number(*o, p, "objects", &w->objects, true, 1, 1e15);
  if (const json* size = r.Object(*o, p, "object_size")) {
    const std::string sp = p + "/object_size";
    r.CheckKnownKeys(*size, sp, {"fixed", "lognormal", "empirical_cdf"});
    if (size->size() != 1) r.Error(sp, "exactly one of fixed, lognormal, empirical_cdf", size);
    if (r.Bytes(*size, sp, "fixed", &w->size_bytes)) w->size_kind = "fixed";
    if (const json* ln = r.Object(*size, sp, "lognormal")) {
      w->size_kind = "lognormal";
      r.CheckKnownKeys(*ln, sp + "/lognormal", {"median", "sigma"});
      r.Bytes(*ln, sp + "/lognormal", "median", &w->size_bytes, true);
      r.Number(*ln, sp + "/lognormal", "sigma", &w->size_sigma, true, 0, 10);
    }
    r.Array(*size, sp, "empirical_cdf", [&](const json& pt, const std::string& pp) {
      w->size_kind = "empirical";
      if (!pt.is_array() || pt.size() != 2 || !pt[0].is_string() || !pt[1].is_number()) {
        return r.Error(pp, "a [size, cumulative probability] pair such as [\"1MiB\", 0.5]", &pt);
      }
      std::vector<std::pair<double, double>>& cdf = w->size_cdf;
      double bytes = 0;
      json holder = {{"size", pt[0]}};
      if (!r.Bytes(holder, pp, "size", &bytes)) return;
      const double prob = pt[1].get<double>();
      if (prob < 0 || prob > 1 || (!cdf.empty() && prob < cdf.back().second)) {
        return r.Error(pp + "/1", "a cumulative probability, non-decreasing, from 0 to 1", &pt[1]);
      }
      cdf.emplace_back(bytes, prob);
    });
  }
  if (const json* pop = r.Object(*o, p, "popularity")) {
    r.CheckKnownKeys(*pop, p + "/popularity", {"zipf"});
    if (const json* z = r.Object(*pop, p + "/popularity", "zipf")) {
      r.CheckKnownKeys(*z, p + "/popularity/zipf", {"alpha"});
      r.Number(*z, p + "/popularity/zipf", "alpha", &w->zipf_alpha, true, 0, 5);
    }
  }
  if (const json* mix = r.Object(*o, p, "mix")) {
    const std::string mp = p + "/mix";
    r.CheckKnownKeys(*mix, mp, {"read", "write", "list", "delete"});
    w->read = w->write = w->list = w->del = 0;
    r.Number(*mix, mp, "read", &w->read, false, 0, 1);
    r.Number(*mix, mp, "write", &w->write, false, 0, 1);
    r.Number(*mix, mp, "list", &w->list, false, 0, 1);
    r.Number(*mix, mp, "delete", &w->del, false, 0, 1);
    const double total = w->read + w->write + w->list + w->del;
    if (std::fabs(total - 1.0) > 1e-9) {
      char sum[32];
      std::snprintf(sum, sizeof sum, "%.6g", total);
      r.Error(mp, "fractions that sum to 1", std::string("a sum of ") + sum);
    }
  }
  if (const json* rate = r.Object(*o, p, "rate", true)) {
    for (const auto& [site, v] : rate->items()) {
      double ops = 0;
      if (r.Number(*rate, p + "/rate", site.c_str(), &ops, false, 0, 1e12)) {
        w->rate_per_site[site] = ops;
      }
    }
  }
  if (const json* d = r.Object(*o, p, "diurnal")) {
    r.CheckKnownKeys(*d, p + "/diurnal", {"amplitude", "peak_hour"});
    r.Number(*d, p + "/diurnal", "amplitude", &w->diurnal_amplitude, false, 0, 1);
    r.Number(*d, p + "/diurnal", "peak_hour", &w->diurnal_peak_hour, false, 0, 24);
  }
  r.Array(*o, p, "bursts", [&](const json& b, const std::string& bp) {
    if (!b.is_object()) return r.Error(bp, "a burst object", &b);
    r.CheckKnownKeys(b, bp, {"at", "duration", "multiplier"});
    WorkloadSpec::Burst burst;
    r.Duration(b, bp, "at", &burst.at, true);
    r.Duration(b, bp, "duration", &burst.duration, true);
    r.Number(b, bp, "multiplier", &burst.multiplier, true, 0, 1000);
    w->bursts.push_back(burst);
  });
  if (const json* t = r.Object(*o, p, "trace")) {
    r.CheckKnownKeys(*t, p + "/trace", {"path", "format"});
    r.String(*t, p + "/trace", "path", &w->trace_path, true);
    if (r.String(*t, p + "/trace", "format", &w->trace_format, true) && w->trace_format != "csv" &&
        w->trace_format != "jsonl" && w->trace_format != "ibm-cos") {
      r.Error(p + "/trace/format", "\"csv\", \"jsonl\" or \"ibm-cos\"", &(*t)["format"]);
    }
  }
}

void ReadFailures(const json& doc, JsonReader& r, std::vector<FailureSpec>* failures) {
  static const std::set<std::string> kKinds = {"site-down",    "site-up",   "link-down", "link-up",
                                               "link-degrade", "partition", "heal"};
  r.Array(doc, "", "failures", [&](const json& e, const std::string& p) {
    if (!e.is_object()) return r.Error(p, "a failure object", &e);
    r.CheckKnownKeys(e, p, {"at", "kind", "target", "groups", "bandwidth", "duration"});
    FailureSpec f;
    r.Duration(e, p, "at", &f.at, true);
    if (r.String(e, p, "kind", &f.kind, true) && !kKinds.count(f.kind)) {
      r.Error(JsonReader::Child(p, "kind"),
              "one of site-down, site-up, link-down, link-up, link-degrade, partition, heal",
              &e["kind"]);
    }
    const bool needs_target = f.kind != "partition" && f.kind != "heal";
    r.String(e, p, "target", &f.target, needs_target && kKinds.count(f.kind));
    r.Array(
        e, p, "groups",
        [&](const json& g, const std::string& gp) {
          if (!g.is_array()) return r.Error(gp, "an array of site ids", &g);
          std::vector<std::string> group;
          for (size_t i = 0; i < g.size(); ++i) {
            if (!g[i].is_string()) {
              r.Error(JsonReader::Child(gp, i), "a site id", &g[i]);
              continue;
            }
            group.push_back(g[i].get<std::string>());
          }
          f.groups.push_back(std::move(group));
        },
        f.kind == "partition");
    r.Bandwidth(e, p, "bandwidth", &f.bandwidth_bps, f.kind == "link-degrade");
    r.Duration(e, p, "duration", &f.duration);
    failures->push_back(std::move(f));
  });
}

void ReadExpectations(const json& doc, JsonReader& r, std::vector<Expectation>* out) {
  r.Array(doc, "", "expectations", [&](const json& e, const std::string& p) {
    if (!e.is_string())
      return r.Error(p, "an expectation such as \"replication_lag.p99 < 15min\"", &e);
    Result<Expectation> x = ParseExpectation(e.get<std::string>());
    if (!x.ok()) return r.Error(p, x.status().message(), &e);
    out->push_back(std::move(*x));
  });
}

// What the schema cannot express: references between sections and the topology's shape.
void CheckReferences(const Scenario& s, JsonReader& r) {
  std::map<std::string, size_t> site_index;
  int gcp = 0;
  for (size_t i = 0; i < s.sites.size(); ++i) {
    if (!site_index.emplace(s.sites[i].id, i).second) {
      r.Error(JsonReader::Child("/sites/" + std::to_string(i), "id"), "a site id used once",
              "\"" + s.sites[i].id + "\" again");
    }
    gcp += s.sites[i].gcp;
  }
  if (gcp != 1 && !s.sites.empty()) {
    r.Error("/sites", "exactly one site of kind \"gcp\"", std::to_string(gcp));
  }
  std::set<std::string> link_ids;
  std::map<std::string, std::set<std::string>> adjacent;
  for (size_t i = 0; i < s.links.size(); ++i) {
    const LinkSpec& l = s.links[i];
    const std::string p = "/links/" + std::to_string(i);
    if (!link_ids.insert(l.id).second) {
      r.Error(p + "/id", "a link id used once", "\"" + l.id + "\" again");
    }
    for (const auto& [field, site] : {std::pair{"from", l.from}, std::pair{"to", l.to}}) {
      if (!site.empty() && !site_index.count(site)) {
        r.Error(p + "/" + field, "the id of a site", "\"" + site + "\"");
      }
    }
    if (!l.from.empty() && l.from == l.to)
      r.Error(p + "/to", "a different site than from", "\"" + l.to + "\"");
    adjacent[l.from].insert(l.to);
    adjacent[l.to].insert(l.from);
  }
  // Every site must reach every other.
  if (!s.sites.empty()) {
    std::set<std::string> seen = {s.sites[0].id};
    std::vector<std::string> todo = {s.sites[0].id};
    while (!todo.empty()) {
      std::string at = todo.back();
      todo.pop_back();
      for (const std::string& next : adjacent[at]) {
        if (seen.insert(next).second) todo.push_back(next);
      }
    }
    for (size_t i = 0; i < s.sites.size(); ++i) {
      if (!seen.count(s.sites[i].id)) {
        r.Error("/sites/" + std::to_string(i), "a site connected to the others by links",
                "\"" + s.sites[i].id + "\" unreachable from \"" + s.sites[0].id + "\"");
      }
    }
  }
  MountTable table(static_cast<int>(std::max<size_t>(1, s.sites.size())));
  for (size_t i = 0; i < s.mounts.size(); ++i) {
    const MountSpec& m = s.mounts[i];
    const std::string p = "/mounts/" + std::to_string(i);
    if (!m.home.empty() && !site_index.count(m.home))
      r.Error(p + "/home", "the id of a site", "\"" + m.home + "\"");
    for (size_t j = 0; j < m.replicas.size(); ++j) {
      if (!site_index.count(m.replicas[j])) {
        r.Error(p + "/replicas/" + std::to_string(j), "the id of a site",
                "\"" + m.replicas[j] + "\"");
      }
    }
    if (m.path.empty()) continue;
    MountPolicy policy;
    policy.mode = m.mode;
    policy.staleness = m.staleness;
    Status added = table.Add(m.path, policy);
    if (!added.ok())
      r.Error(p + "/path", "\"bucket/\" or \"bucket/prefix/\" used once", added.message());
  }
  for (const auto& [site, ops] : s.workload.rate_per_site) {
    if (!site_index.count(site))
      r.Error("/workload/rate/" + site, "the id of a site", "\"" + site + "\"");
  }
  for (size_t i = 0; i < s.failures.size(); ++i) {
    const FailureSpec& f = s.failures[i];
    const std::string p = "/failures/" + std::to_string(i);
    const bool site_kind = f.kind == "site-down" || f.kind == "site-up";
    const bool link_kind = f.kind.rfind("link-", 0) == 0;
    if (site_kind && !f.target.empty() && !site_index.count(f.target)) {
      r.Error(p + "/target", "the id of a site", "\"" + f.target + "\"");
    }
    if (link_kind && !f.target.empty() && !link_ids.count(f.target)) {
      r.Error(p + "/target", "the id of a link", "\"" + f.target + "\"");
    }
    for (size_t g = 0; g < f.groups.size(); ++g) {
      for (size_t k = 0; k < f.groups[g].size(); ++k) {
        if (!site_index.count(f.groups[g][k])) {
          r.Error(p + "/groups/" + std::to_string(g) + "/" + std::to_string(k), "the id of a site",
                  "\"" + f.groups[g][k] + "\"");
        }
      }
    }
  }
}

}  // namespace

void ReadScenario(const json& doc, JsonReader& r, Scenario* s) {
  if (!doc.is_object()) return r.Error("", "a scenario object", &doc);
  r.CheckKnownKeys(
      doc, "",
      {"$schema", "name", "description", "seed", "duration", "sampling_rate", "simulation", "sites",
       "links", "mounts", "workload", "failures", "expectations", "sizing", "prices", "ui"});
  r.String(doc, "", "name", &s->name, true);
  r.String(doc, "", "description", &s->description);
  int64_t seed = 1;
  if (r.Integer(doc, "", "seed", &seed, false, 0, INT64_MAX)) s->seed = static_cast<uint64_t>(seed);
  if (r.Duration(doc, "", "duration", &s->duration, true) && s->duration <= 0) {
    r.Error("/duration", "a positive duration", &doc["duration"]);
  }
  r.Number(doc, "", "sampling_rate", &s->sampling_rate, false, 1e-9, 1.0);
  r.String(doc, "", "prices", &s->prices);
  if (doc.contains("ui") && !doc["ui"].is_object()) r.Error("/ui", "an object", &doc["ui"]);
  ReadSimulation(doc, r, &s->simulation);
  ReadSites(doc, r, &s->sites);
  ReadLinks(doc, r, &s->links);
  ReadMountSpecs(doc, r, &s->mounts);
  ReadWorkload(doc, r, &s->workload);
  ReadFailures(doc, r, &s->failures);
  ReadExpectations(doc, r, &s->expectations);
  ReadSizing(doc, r, &s->sizing);
  CheckReferences(*s, r);
}

}  // namespace estate
