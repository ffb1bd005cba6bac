#include "tests/support/client_workload.h"

#include <cstdio>

namespace estate::testing {
namespace {

struct Client {
  SiteId site = 0;
  ClientContext ctx;
  bool busy = false;
  HistoryRecord pending;
  uint64_t op_counter = 0;
};

std::string Hex(uint32_t v) {
  char s[16];
  std::snprintf(s, sizeof s, "%08x", v);
  return s;
}

class Driver {
 public:
  Driver(EngineHarness& h, uint64_t seed, const WorkloadOptions& o)
      : h_(h), o_(o), rng_(seed * 0x9e3779b97f4a7c15ull + 1) {
    for (SiteId s = 0; s < h_.sites(); ++s) {
      for (int c = 0; c < o.clients_per_site; ++c) {
        auto client = std::make_unique<Client>();
        client->site = s;
        client->ctx.client_id = clients_.size() + 1;
        clients_.push_back(std::move(client));
      }
    }
  }

  WorkloadResult Run() {
    const TimeNs end = h_.cluster().Now() + o_.duration;
    TimeNs next_fault = h_.cluster().Now() + o_.fault_interval;
    while (h_.cluster().Now() < end) {
      for (auto& c : clients_) {
        if (!c->busy) Issue(*c);
      }
      if (h_.cluster().Now() >= next_fault) {
        MaybeFault();
        next_fault += o_.fault_interval;
      }
      h_.cluster().RunFor(o_.think_time);
    }
    // Clients stop; whatever is still pending when the system settles never got an answer.
    h_.cluster().Heal();
    for (SiteId s = 0; s < h_.sites(); ++s)
      h_.Restart(s);
    h_.Quiesce(30 * kSecond);
    h_.cluster().RunFor(2 * kSecond);
    for (auto& c : clients_) {
      if (c->busy) {
        c->pending.outcome = "timeout";
        c->pending.return_ns = h_.cluster().Now();
        result_.history.push_back(c->pending);
        c->busy = false;
      }
    }
    return std::move(result_);
  }

 private:
  uint64_t Next() {
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 7;
    rng_ ^= rng_ << 17;
    return rng_;
  }

  void MaybeFault() {
    if (static_cast<double>(Next() % 1000) / 1000.0 >= o_.fault_probability) return;
    ++result_.faults_injected;
    const SiteId victim = static_cast<SiteId>(Next() % h_.sites());
    switch (Next() % (o_.crashes ? 4 : 2)) {
      case 0:
        h_.cluster().Partition({{victim}});
        break;
      case 1:
        h_.cluster().Heal();
        break;
      case 2:
        // Only one site down at a time: the single-failure model.
        for (SiteId s = 0; s < h_.sites(); ++s) {
          if (!h_.cluster().IsUp(s)) return;
        }
        h_.Crash(victim);
        Abandon(victim);
        break;
      default:
        for (SiteId s = 0; s < h_.sites(); ++s)
          h_.Restart(s);
    }
  }

  // Operations in flight at a crashed site never return: the client records a timeout now.
  void Abandon(SiteId site) {
    for (auto& c : clients_) {
      if (c->pending.site == site && c->busy) {
        c->pending.outcome = "timeout";
        c->pending.return_ns = h_.cluster().Now();
        result_.history.push_back(c->pending);
        c->busy = false;
        ++c->op_counter;  // any late answer to the abandoned call is ignored
      }
    }
  }

  void Issue(Client& c) {
    if (!o_.roaming && !h_.cluster().IsUp(c.site)) return;
    const std::string name = PrefixFor(o_.mode) + "k" + std::to_string(Next() % o_.keys);
    HistoryRecord r;
    r.bucket = "lake";
    r.object = name;
    const SiteId site = o_.roaming ? static_cast<SiteId>(Next() % h_.sites()) : c.site;
    if (!h_.cluster().IsUp(site)) return;
    r.client = c.ctx.client_id;
    r.site = site;
    r.call_ns = h_.cluster().Now();
    r.mode = ConsistencyModeName(o_.mode);
    c.busy = true;
    const uint64_t op_id = ++c.op_counter;
    Client* cp = &c;
    auto finish = [this, cp, op_id](Result<ObjectMeta> res, const std::string& written) {
      if (!cp->busy || cp->op_counter != op_id) return;
      HistoryRecord& p = cp->pending;
      p.return_ns = h_.cluster().Now();
      if (res.ok()) {
        p.generation = res->generation;
        p.digest = written.empty() ? Hex(res->crc32c) : written;
        if (p.op == "insert") ++result_.ok_writes;
      } else {
        p.outcome =
            res.status().refused() ? std::string("refused") : std::string(res.status().reason());
      }
      result_.history.push_back(p);
      cp->busy = false;
    };
    EngineNode& node = h_.node(site);
    const uint64_t pick = Next() % 10;
    if (pick < 4) {
      r.op = "insert";
      const std::string content =
          "c" + std::to_string(c.ctx.client_id) + "-" + std::to_string(op_id);
      ObjectWrite w;
      w.size = content.size();
      w.crc32c = ContentCrc(content);
      Preconditions pre;
      if (pick == 0) {
        pre.if_generation_match = 0;
        r.if_generation_match = 0;
      }
      const std::string digest = Hex(w.crc32c);
      r.digest = digest;  // known at the call, so an unanswered insert can still be recognised
      c.pending = r;
      node.Insert(c.ctx, "lake", name, w, pre,
                  [finish, digest](Result<ObjectMeta> res) { finish(std::move(res), digest); });
    } else if (pick < 9 || !o_.deletes) {
      r.op = "get";
      c.pending = r;
      node.Get(c.ctx, "lake", name, std::nullopt, {},
               [finish](Result<ObjectMeta> res) { finish(std::move(res), ""); });
    } else {
      r.op = "delete";
      c.pending = r;
      node.Delete(c.ctx, "lake", name, std::nullopt, {},
                  [finish](Result<ObjectMeta> res) { finish(std::move(res), ""); });
    }
  }

  EngineHarness& h_;
  WorkloadOptions o_;
  uint64_t rng_;
  std::vector<std::unique_ptr<Client>> clients_;
  WorkloadResult result_;
};

}  // namespace

WorkloadResult RunClientWorkload(EngineHarness& h, uint64_t seed, const WorkloadOptions& options) {
  return Driver(h, seed, options).Run();
}

}  // namespace estate::testing
