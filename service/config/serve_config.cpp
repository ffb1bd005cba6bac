#include "service/config/serve_config.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "engine/mount/mount_table.h"
#include "sim/scenario/json_reader.h"
#include "sim/scenario/mount_spec_reader.h"

namespace estate::service {
namespace {

using nlohmann::json;

struct SiteEntry {
  std::string id;
  bool gcp = false;
  PeerAddress peer;
  double cache_bytes = 0;
  EvictionPolicy eviction = EvictionPolicy::kLru;
  std::string pointer;
};

// "host:port" or "[v6]:port".
std::optional<PeerAddress> ParseAddress(const std::string& text) {
  static const std::regex re(R"(^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.\-]+):([0-9]{1,5})$)");
  std::smatch m;
  if (!std::regex_match(text, m, re)) return std::nullopt;
  const int port = std::stoi(m[2]);
  if (port > 65535) return std::nullopt;
  std::string host = m[1];
  if (host.front() == '[') host = host.substr(1, host.size() - 2);
  return PeerAddress{host, port};
}

bool Address(JsonReader& r, const json& obj, const std::string& ptr, const char* key,
             PeerAddress* out, bool required) {
  std::string text;
  if (!r.String(obj, ptr, key, &text, required)) return false;
  std::optional<PeerAddress> a = ParseAddress(text);
  if (!a) {
    r.Error(JsonReader::Child(ptr, key), "an address such as \"127.0.0.1:8080\"", &obj[key]);
    return false;
  }
  *out = *a;
  return true;
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

void ReadSites(const json& doc, JsonReader& r, std::vector<SiteEntry>* sites) {
  static const std::regex id_re("^[a-z][a-z0-9-]{0,62}$");
  r.Array(
      doc, "", "sites",
      [&](const json& e, const std::string& p) {
        if (!e.is_object()) return r.Error(p, "a site object", &e);
        r.CheckKnownKeys(e, p, {"id", "kind", "peer", "cache", "eviction"});
        SiteEntry s;
        s.pointer = p;
        if (r.String(e, p, "id", &s.id, true) && !std::regex_match(s.id, id_re)) {
          r.Error(JsonReader::Child(p, "id"), "a lower-case id such as \"site-a\"", &e["id"]);
        }
        std::string kind;
        if (r.String(e, p, "kind", &kind, true)) {
          if (kind != "gcp" && kind != "onprem") {
            r.Error(JsonReader::Child(p, "kind"), "\"gcp\" or \"onprem\"", &e["kind"]);
          }
          s.gcp = kind == "gcp";
        }
        Address(r, e, p, "peer", &s.peer, true);
        r.Bytes(e, p, "cache", &s.cache_bytes);
        std::string eviction;
        if (r.String(e, p, "eviction", &eviction)) {
          if (auto policy = ParseEvictionPolicy(eviction)) {
            s.eviction = *policy;
          } else {
            r.Error(JsonReader::Child(p, "eviction"), "\"lru\" or \"s3-fifo\"", &e["eviction"]);
          }
        }
        sites->push_back(std::move(s));
      },
      true);
}

// The scenario's mount reader, then the site names resolved against this configuration's
// sites; an unknown site is reported where it was written.
void ReadMounts(const json& doc, JsonReader& r, const std::map<std::string, SiteId>& ids,
                MountTable* table) {
  std::vector<MountSpec> specs;
  const size_t errors_before = r.errors().size();
  ReadMountSpecs(doc, r, &specs);
  // Specs line up with the array's entries unless an entry was not an object (then it has
  // been reported, and there is nothing to resolve against).
  const json* array = doc.contains("mounts") ? &doc["mounts"] : nullptr;
  if (array == nullptr || !array->is_array() || array->size() != specs.size()) return;
  for (size_t i = 0; i < specs.size(); ++i) {
    const MountSpec& m = specs[i];
    const json& e = doc["mounts"][i];
    const std::string p = "/mounts/" + std::to_string(i);
    bool known = true;
    // `where` is the JSON value named, for the message; only looked up when a name was read.
    auto id_of = [&](const std::string& name, const std::string& at, const json* where) {
      auto it = name.empty() ? ids.end() : ids.find(name);
      if (it != ids.end()) return it->second;
      if (!name.empty()) r.Error(at, "the id of a site in \"sites\"", where);
      known = false;  // an empty name is missing or not a string: the reader reported it
      return SiteId{0};
    };
    const SiteId home =
        id_of(m.home, JsonReader::Child(p, "home"), m.home.empty() ? nullptr : &e["home"]);
    SiteSet replicas;
    const json* listed = e.contains("replicas") ? &e["replicas"] : nullptr;
    if (listed != nullptr && listed->size() == m.replicas.size()) {
      for (size_t j = 0; j < m.replicas.size(); ++j) {
        replicas.add(id_of(m.replicas[j],
                           JsonReader::Child(p, "replicas") + "/" + std::to_string(j),
                           &(*listed)[j]));
      }
    } else if (!m.replicas.empty()) {
      known = false;  // an entry was not a string: reported by the reader
    }
    if (!known || r.errors().size() > errors_before) continue;
    Status added = table->Add(m.path, ToMountPolicy(m, home, replicas));
    if (!added.ok()) {
      r.Error(JsonReader::Child(p, "path"), "\"bucket/\" or \"bucket/prefix/\" used once",
              added.message());
    }
  }
}

void ReadLimits(const json& doc, JsonReader& r, HttpOptions* http) {
  const json* o = r.Object(doc, "", "limits");
  if (o == nullptr) return;
  const std::string p = "/limits";
  r.CheckKnownKeys(
      *o, p,
      {"max_object_size", "max_json_body", "max_multipart_body", "request_timeout", "io_timeout"});
  double bytes = 0;
  if (r.Bytes(*o, p, "max_object_size", &bytes))
    http->limits.max_object_bytes = static_cast<uint64_t>(bytes);
  if (r.Bytes(*o, p, "max_json_body", &bytes))
    http->limits.max_json_bytes = static_cast<uint64_t>(bytes);
  if (r.Bytes(*o, p, "max_multipart_body", &bytes)) {
    http->limits.max_multipart_bytes = static_cast<uint64_t>(bytes);
  }
  r.Duration(*o, p, "request_timeout", &http->limits.request_timeout);
  r.Duration(*o, p, "io_timeout", &http->io_timeout);
}

void ReadTiming(const json& doc, JsonReader& r, EngineOptions* engine) {
  const json* o = r.Object(doc, "", "timing");
  if (o == nullptr) return;
  const std::string p = "/timing";
  r.CheckKnownKeys(*o, p,
                   {"raft_heartbeat", "election_timeout", "stream_heartbeat", "unreachable_after",
                    "request_timeout", "fetch_timeout"});
  r.Duration(*o, p, "raft_heartbeat", &engine->raft.heartbeat_interval);
  if (r.Duration(*o, p, "election_timeout", &engine->raft.election_timeout_min)) {
    // Elections are randomised over [T, 2T], as the engine's defaults are.
    engine->raft.election_timeout_max = 2 * engine->raft.election_timeout_min;
  }
  r.Duration(*o, p, "stream_heartbeat", &engine->stream.heartbeat_interval);
  r.Duration(*o, p, "unreachable_after", &engine->unreachable_after);
  r.Duration(*o, p, "request_timeout", &engine->request_timeout);
  r.Duration(*o, p, "fetch_timeout", &engine->fetch_timeout);
}

}  // namespace

Result<ServeConfig> ParseServeConfig(const json& doc, const std::string& file,
                                     const std::string& base_dir) {
  JsonReader r;
  ServeConfig c;
  if (!doc.is_object()) {
    r.Error("", "a configuration object", &doc);
  } else {
    r.CheckKnownKeys(
        doc, "",
        {"$schema", "site", "data_dir", "listen", "sites", "secret", "secret_file", "auth",
         "mounts", "tls", "limits", "http_threads", "public_metrics", "log_level", "timing"});
    r.String(doc, "", "site", &c.site_name, true);
    std::string data_dir;
    if (r.String(doc, "", "data_dir", &data_dir, true))
      c.site.data_dir = Resolve(base_dir, data_dir);
    PeerAddress listen;
    if (Address(r, doc, "", "listen", &listen, true)) {
      c.http.host = listen.host;
      c.http.port = listen.port;
    }

    std::vector<SiteEntry> sites;
    ReadSites(doc, r, &sites);
    // The GCP site is 0, on-prem sites follow in order (sim/scenario/deployment.h).
    int gcp_count = 0;
    for (const SiteEntry& s : sites) {
      if (s.gcp) {
        ++gcp_count;
        c.site_names.insert(c.site_names.begin(), s.id);
      }
    }
    for (const SiteEntry& s : sites) {
      if (!s.gcp) c.site_names.push_back(s.id);
    }
    if (!sites.empty() && gcp_count != 1) {
      r.Error("/sites", "exactly one site of kind \"gcp\"", std::to_string(gcp_count));
    }
    if (sites.size() > static_cast<size_t>(kMaxSites)) {
      r.Error("/sites", "at most " + std::to_string(kMaxSites) + " sites",
              std::to_string(sites.size()));
    }
    std::map<std::string, SiteId> ids;
    for (size_t i = 0; i < c.site_names.size(); ++i) {
      if (!ids.emplace(c.site_names[i], static_cast<SiteId>(i)).second) {
        r.Error("/sites", "distinct site ids", "\"" + c.site_names[i] + "\" twice");
      }
      c.site.engine.sites.push_back(static_cast<SiteId>(i));
    }
    for (const SiteEntry& s : sites) {
      if (ids.count(s.id) == 0) continue;
      const SiteId id = ids.at(s.id);
      c.site.peers[id] = s.peer;
      if (!s.gcp) c.site.engine.caches[id].policy = s.eviction;
      if (!s.gcp && s.cache_bytes > 0) {
        c.site.engine.caches[id].options.capacity_bytes = static_cast<uint64_t>(s.cache_bytes);
      } else if (!s.gcp) {
        // The engine serves reads at an on-prem site from its cache; a site configured without
        // one still keeps every object it receives (bytes are files), so its cache is unbounded.
        c.site.engine.caches[id].options.capacity_bytes = UINT64_MAX / 2;
      }
    }
    auto self = ids.find(c.site_name);
    if (!c.site_name.empty() && !ids.empty() && self == ids.end()) {
      r.Error("/site", "the id of a site in \"sites\"", &doc["site"]);
    } else if (self != ids.end()) {
      c.site.self = self->second;
      c.site.peer_listen_host = c.site.peers[self->second].host;
      c.site.peer_listen_port = c.site.peers[self->second].port;
      c.site.peers.erase(self->second);
    }

    c.site.engine.mounts = MountTable(static_cast<int>(std::max<size_t>(1, c.site_names.size())));
    ReadMounts(doc, r, ids, &c.site.engine.mounts);

    std::string secret;
    const bool inline_secret = r.String(doc, "", "secret", &secret);
    std::string secret_file;
    if (r.String(doc, "", "secret_file", &secret_file)) {
      std::ifstream in(Resolve(base_dir, secret_file), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) {
        r.Error("/secret_file", "a readable file", "\"" + secret_file + "\"");
      } else {
        secret = text.str();
        while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r'))
          secret.pop_back();
      }
    } else if (!inline_secret) {
      r.Error("/secret", "the peers' shared secret (\"secret\" or \"secret_file\")", nullptr);
    }
    if ((inline_secret || !secret_file.empty()) && secret.size() < 16) {
      r.Error(inline_secret ? "/secret" : "/secret_file", "a shared secret of at least 16 bytes",
              std::to_string(secret.size()) + " bytes");
    }
    c.site.secret = secret;

    if (const json* auth = r.Object(doc, "", "auth", true)) {
      r.CheckKnownKeys(*auth, "/auth", {"tokens", "disabled"});
      bool disabled = false;
      r.Bool(*auth, "/auth", "disabled", &disabled);
      r.Array(*auth, "/auth", "tokens", [&](const json& t, const std::string& tp) {
        if (!t.is_string() || t.get<std::string>().size() < 16) {
          return r.Error(tp, "a token string of at least 16 characters", &t);
        }
        c.http.tokens.push_back(t.get<std::string>());
      });
      if (!disabled && c.http.tokens.empty()) {
        r.Error("/auth/tokens", "at least one bearer token (or \"disabled\": true)",
                auth->contains("tokens") ? &(*auth)["tokens"] : nullptr);
      }
      if (disabled && !c.http.tokens.empty()) {
        r.Error("/auth/disabled", "false when tokens are given", &(*auth)["disabled"]);
      }
    }

    if (const json* tls = r.Object(doc, "", "tls")) {
      r.CheckKnownKeys(*tls, "/tls", {"cert", "key"});
      std::string cert, key;
      if (r.String(*tls, "/tls", "cert", &cert, true))
        c.http.tls_cert_file = Resolve(base_dir, cert);
      if (r.String(*tls, "/tls", "key", &key, true)) c.http.tls_key_file = Resolve(base_dir, key);
    }
    ReadLimits(doc, r, &c.http);
    ReadTiming(doc, r, &c.site.engine);
    int64_t threads = c.http.threads;
    if (r.Integer(doc, "", "http_threads", &threads, false, 1, 1024))
      c.http.threads = static_cast<int>(threads);
    r.Bool(doc, "", "public_metrics", &c.http.public_metrics);
    std::string level;
    if (r.String(doc, "", "log_level", &level)) {
      static const std::map<std::string, LogLevel> kLevels = {{"debug", LogLevel::kDebug},
                                                              {"info", LogLevel::kInfo},
                                                              {"warning", LogLevel::kWarning},
                                                              {"error", LogLevel::kError}};
      auto it = kLevels.find(level);
      if (it == kLevels.end()) {
        r.Error("/log_level", "one of debug, info, warning, error", &doc["log_level"]);
      } else {
        c.log_level = it->second;
      }
    }
  }
  std::vector<ScenarioError> errors = r.TakeSortedErrors();
  if (errors.empty()) return c;
  std::string message;
  for (const ScenarioError& e : errors)
    message += (message.empty() ? "" : "\n") + e.Format(file);
  return Status::Invalid(message);
}

Result<ServeConfig> LoadServeConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse again with exceptions for the position nlohmann reports.
    try {
      doc = json::parse(text.str());
    } catch (const json::parse_error& e) {
      return Status::Invalid(path + ": not valid JSON: " + e.what());
    }
  }
  const std::string base = std::filesystem::path(path).parent_path().string();
  return ParseServeConfig(doc, path, base.empty() ? "." : base);
}

}  // namespace estate::service
