#include "sim/run/failure_injector.h"

#include <algorithm>
#include <map>
#include <set>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Link.hpp>

#include "sim/sim_time.h"

namespace estate::sim {
namespace sg4 = simgrid::s4u;
namespace {

// One action at one time; failures with a duration become two.
struct Action {
  TimeNs at = 0;
  size_t order = 0;  // scenario order breaks ties, undo after do
  std::function<void()> run;
};

class Injector {
 public:
  explicit Injector(SimulationState& state) : state_(state) {}

  std::vector<Action> Plan() {
    std::vector<Action> plan;
    size_t order = 0;
    for (const FailureSpec& f : state_.scenario().failures) {
      plan.push_back({f.at, order++, [this, f] { Do(f); }});
      if (f.duration > 0) plan.push_back({f.at + f.duration, order++, [this, f] { Undo(f); }});
    }
    std::stable_sort(plan.begin(), plan.end(),
                     [](const Action& a, const Action& b) { return a.at < b.at; });
    return plan;
  }

 private:
  sg4::SplitDuplexLink* LinkNamed(const std::string& name) {
    return sg4::SplitDuplexLink::by_name(name);
  }
  void SetLink(const std::string& name, bool on) {
    sg4::SplitDuplexLink* l = LinkNamed(name);
    for (sg4::Link* d : {l->get_link_up(), l->get_link_down()}) {
      if (on && !d->is_on()) d->turn_on();
      if (!on && d->is_on()) d->turn_off();
    }
  }
  void SetBandwidth(const std::string& name, double bytes_per_second) {
    sg4::SplitDuplexLink* l = LinkNamed(name);
    l->get_link_up()->set_bandwidth(bytes_per_second);
    l->get_link_down()->set_bandwidth(bytes_per_second);
  }
  double NominalBandwidth(const std::string& name) const {
    for (const estate::LinkSpec& l : state_.scenario().links) {
      if (l.id == name) return l.bandwidth_bps / 8 * state_.deployment().scale;
    }
    return 0;
  }
  void Note(const FailureSpec& f, std::string kind, std::string detail) {
    state_.record().failures.push_back(
        {state_.cluster().runtime(kGcpSite).Now(), std::move(kind), f.target, std::move(detail)});
  }

  void Do(const FailureSpec& f) {
    if (f.kind == "site-down") {
      state_.cluster().runtime(state_.deployment().IdOf(f.target)).Crash();
      Note(f, f.kind, "engine node crashed, host off");
    } else if (f.kind == "site-up") {
      SiteUp(f);
    } else if (f.kind == "link-down") {
      SetLink(f.target, false);
      Note(f, f.kind, "");
    } else if (f.kind == "link-up") {
      SetLink(f.target, true);
      Note(f, f.kind, "");
    } else if (f.kind == "link-degrade") {
      SetBandwidth(f.target, f.bandwidth_bps / 8 * state_.deployment().scale);
      Note(f, f.kind, std::to_string(f.bandwidth_bps / 1e9) + " Gb/s");
    } else if (f.kind == "partition") {
      Partition(f);
    } else if (f.kind == "heal") {
      Heal(f);
    }
  }

  void Undo(const FailureSpec& f) {
    if (f.kind == "site-down") {
      SiteUp(f);
    } else if (f.kind == "link-down") {
      SetLink(f.target, true);
      Note(f, "link-up", "end of link-down");
    } else if (f.kind == "link-degrade") {
      SetBandwidth(f.target, NominalBandwidth(f.target));
      Note(f, "link-restore", "end of link-degrade");
    } else if (f.kind == "partition") {
      Heal(f);
    }
  }

  void SiteUp(const FailureSpec& f) {
    SimGridRuntime& rt = state_.cluster().runtime(state_.deployment().IdOf(f.target));
    if (rt.up()) return;
    rt.Restart();
    Note(f, "site-up", "engine node restarted on its durable storage");
  }

  void Partition(const FailureSpec& f) {
    std::map<std::string, size_t> group_of;
    for (size_t g = 0; g < f.groups.size(); ++g) {
      for (const std::string& site : f.groups[g])
        group_of[site] = g;
    }
    // A site in no group is on its own.
    const Deployment& d = state_.deployment();
    auto group = [&](const std::string& site) {
      auto it = group_of.find(site);
      return it == group_of.end() ? f.groups.size() + d.IdOf(site) : it->second;
    };
    std::string cut;
    for (const estate::LinkSpec& l : state_.scenario().links) {
      if (group(l.from) == group(l.to)) continue;
      SetLink(l.id, false);
      partitioned_.insert(l.id);
      cut += (cut.empty() ? "" : ", ") + l.id;
    }
    Note(f, f.kind, "links cut: " + cut);
  }

  void Heal(const FailureSpec& f) {
    for (const std::string& l : partitioned_)
      SetLink(l, true);
    partitioned_.clear();
    Note(f, "heal", "");
  }

  SimulationState& state_;
  std::set<std::string> partitioned_;
};

}  // namespace

void SpawnFailureInjector(SimulationState& state, sg4::Host* host) {
  if (state.scenario().failures.empty()) return;
  auto injector = std::make_shared<Injector>(state);
  auto plan = std::make_shared<std::vector<Action>>(injector->Plan());
  sg4::Actor::create("failures", host, [injector, plan] {
    sg4::Actor::self()->daemonize();
    for (const Action& a : *plan) {
      sg4::this_actor::sleep_until(NsToSeconds(a.at));
      a.run();
    }
  });
}

}  // namespace estate::sim
