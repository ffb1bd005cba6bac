#include "sim/scenario/mount_spec_reader.h"

#include <cstdint>

namespace estate {

using json = nlohmann::json;

void ReadMountSpecs(const json& doc, JsonReader& r, std::vector<MountSpec>* mounts) {
  r.Array(
      doc, "", "mounts",
      [&](const json& e, const std::string& p) {
        if (!e.is_object()) return r.Error(p, "a mount object", &e);
        r.CheckKnownKeys(e, p,
                         {"path", "home", "replicas", "consistency", "staleness", "placement",
                          "write_back", "priority", "cache"});
        MountSpec m;
        r.String(e, p, "path", &m.path, true);
        r.String(e, p, "home", &m.home, true);
        r.Array(e, p, "replicas", [&](const json& site, const std::string& sp) {
          if (!site.is_string()) return r.Error(sp, "a site id", &site);
          m.replicas.push_back(site.get<std::string>());
        });
        std::string text;
        if (r.String(e, p, "consistency", &text, true)) {
          if (auto mode = ParseConsistencyMode(text)) {
            m.mode = *mode;
          } else {
            r.Error(JsonReader::Child(p, "consistency"),
                    "one of strong, sync-sites, bounded-staleness, session, eventual",
                    &e["consistency"]);
          }
        }
        if (const json* st = r.Object(e, p, "staleness")) {
          const std::string sp = JsonReader::Child(p, "staleness");
          r.CheckKnownKeys(*st, sp, {"max_versions", "max_lag"});
          r.Integer(*st, sp, "max_versions", &m.staleness.max_versions, false, 1, INT64_MAX);
          r.Duration(*st, sp, "max_lag", &m.staleness.max_lag);
        }
        if (r.String(e, p, "placement", &text)) {
          if (auto pl = ParsePlacement(text)) {
            m.placement = *pl;
          } else {
            r.Error(JsonReader::Child(p, "placement"), "\"replicate-on-write\" or \"read-through\"",
                    &e["placement"]);
          }
        }
        r.Bool(e, p, "write_back", &m.write_back);
        int64_t priority = 0;
        if (r.Integer(e, p, "priority", &priority, false, -1000, 1000)) {
          m.priority = static_cast<int>(priority);
        }
        if (const json* c = r.Object(e, p, "cache")) {
          const std::string cp = JsonReader::Child(p, "cache");
          r.CheckKnownKeys(*c, cp, {"pinned_prefixes"});
          r.Array(*c, cp, "pinned_prefixes", [&](const json& v, const std::string& vp) {
            if (!v.is_string()) return r.Error(vp, "a prefix string", &v);
            m.pinned_prefixes.push_back(v.get<std::string>());
          });
        }
        mounts->push_back(std::move(m));
      },
      true);
}

MountPolicy ToMountPolicy(const MountSpec& m, SiteId home, SiteSet replicas) {
  MountPolicy p;
  p.home = home;
  p.replicas = replicas;
  p.mode = m.mode;
  p.staleness = m.staleness;
  p.placement = m.placement;
  p.write_back = m.write_back;
  p.priority = m.priority;
  p.cache.pinned_prefixes = m.pinned_prefixes;
  return p;
}

}  // namespace estate
