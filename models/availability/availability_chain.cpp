#include "models/availability/availability_chain.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "models/availability/steady_state.h"
#include "models/number_text.h"

namespace estate {
namespace {

constexpr double kMinutesPerYear = 365.25 * 24 * 60;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status Bad(std::string_view what, const std::string& id, std::string_view field,
           const std::string& expected, const std::string& found) {
  return Status::Invalid("availability: " + std::string(what) + " \"" + id + "\": " +
                         std::string(field) + ": expected " + expected + ", found " + found);
}

bool CanFail(const FailingComponent& c) {
  return c.mtbf_s > 0 && c.mttr_s > 0;
}

Status CheckComponent(std::string_view what, const FailingComponent& c) {
  for (const auto& [field, value] : {std::pair<std::string_view, double>{"mtbf_s", c.mtbf_s},
                                     std::pair<std::string_view, double>{"mttr_s", c.mttr_s}}) {
    if (!(value >= 0) || !std::isfinite(value))
      return Bad(what, c.id, field, "a finite number of seconds >= 0", NumberText(value));
  }
  if (c.mtbf_s > 0 && c.mttr_s == 0)
    return Bad(what, c.id, "mttr_s", "a positive number of seconds when mtbf_s is positive", "0");
  return Status::Ok();
}

Status CheckTopology(const AvailabilityTopology& t) {
  std::set<std::string> ids;
  const auto check_id = [&](std::string_view what, const std::string& id) -> Status {
    if (!ids.insert(id).second)
      return Bad(what, id, "id", "an id no other site or link uses", "\"" + id + "\"");
    return Status::Ok();
  };
  for (const FailingComponent& site : t.sites) {
    if (Status s = check_id("site", site.id); !s.ok()) return s;
    if (Status s = CheckComponent("site", site); !s.ok()) return s;
  }
  const std::string site_range = "a site index in [0, " + std::to_string(t.sites.size()) + ")";
  for (const AvailabilityLink& link : t.links) {
    if (Status s = check_id("link", link.component.id); !s.ok()) return s;
    if (Status s = CheckComponent("link", link.component); !s.ok()) return s;
    for (const auto& [field, site] : {std::pair<std::string_view, int>{"a", link.a},
                                      std::pair<std::string_view, int>{"b", link.b}}) {
      if (site < 0 || static_cast<size_t>(site) >= t.sites.size())
        return Bad("link", link.component.id, field, site_range, std::to_string(site));
    }
  }
  return Status::Ok();
}

// The generator over joint states, bit i of a state set when failing component i is down:
// component i leaves a state at rate 1/MTBF when up and 1/MTTR when down, independently of
// the others, so each state has one transition per component, to the state with that bit
// flipped.
Generator BuildGenerator(const std::vector<const FailingComponent*>& failing) {
  const size_t k = failing.size();
  const Eigen::Index n = Eigen::Index{1} << k;
  Generator q(n, n);
  q.reserve(Eigen::VectorXi::Constant(n, static_cast<int>(k + 1)));
  std::vector<std::pair<Eigen::Index, double>> row(k + 1);
  for (Eigen::Index s = 0; s < n; ++s) {
    double exit_rate = 0;
    for (size_t i = 0; i < k; ++i) {
      const bool down = (s >> i) & 1;
      const double rate = down ? 1 / failing[i]->mttr_s : 1 / failing[i]->mtbf_s;
      row[i] = {s ^ (Eigen::Index{1} << i), rate};
      exit_rate += rate;
    }
    row[k] = {s, -exit_rate};
    // Inserting each row in column order keeps every insert O(1).
    std::sort(row.begin(), row.end());
    for (const auto& [col, rate] : row)
      q.insert(s, col) = rate;
  }
  q.makeCompressed();
  return q;
}

// Sites connected through up links and up sites, for one joint state.
// Reused across states: Reset costs no allocation.
class Components {
 public:
  explicit Components(size_t sites) : parent_(sites) {}
  void Reset() { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[x] != x)
      x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<int> parent_;
};

bool Up(int bit, size_t state) {
  return bit < 0 || !((state >> bit) & 1);
}

}  // namespace

Result<AvailabilityChain> AvailabilityChain::Solve(AvailabilityTopology topology) {
  if (Status s = CheckTopology(topology); !s.ok()) return s;

  std::vector<const FailingComponent*> failing;
  std::vector<int> bit_of_site, bit_of_link;
  const auto assign = [&failing](const FailingComponent& c) {
    if (!CanFail(c)) return -1;
    failing.push_back(&c);
    return static_cast<int>(failing.size() - 1);
  };
  for (const FailingComponent& site : topology.sites)
    bit_of_site.push_back(assign(site));
  for (const AvailabilityLink& link : topology.links)
    bit_of_link.push_back(assign(link.component));
  if (failing.size() > kMaxFailingComponents)
    return Status::Invalid("availability: expected at most " +
                           std::to_string(kMaxFailingComponents) +
                           " components that can fail (the chain has 2^k states), found " +
                           std::to_string(failing.size()));

  // Pinning the state where every component is in its likelier mode keeps the solver's
  // unknowns at most 1 (see SolveSteadyState); it is a scaling choice, not an answer.
  size_t likely_state = 0;
  for (size_t i = 0; i < failing.size(); ++i) {
    if (failing[i]->mttr_s > failing[i]->mtbf_s) likely_state |= size_t{1} << i;
  }
  Result<std::vector<double>> pi = SolveSteadyState(BuildGenerator(failing), likely_state);
  if (!pi.ok()) return pi.status();
  return AvailabilityChain(std::move(topology), std::move(bit_of_site), std::move(bit_of_link),
                           std::move(pi).value());
}

bool AvailabilityChain::ValidSite(int site) const {
  return site >= 0 && static_cast<size_t>(site) < topology_.sites.size();
}

AvailabilityChain::Split AvailabilityChain::SplitByRule(const AccessRule& rule,
                                                        int client_site) const {
  const size_t sites = topology_.sites.size();
  Split split;
  Components components(sites);
  for (size_t state = 0; state < pi_.size(); ++state) {
    const auto site_up = [&](int site) { return Up(bit_of_site_[site], state); };
    bool holds = site_up(client_site);
    if (holds && rule.kind != AccessRule::Kind::kLocal) {
      components.Reset();
      for (size_t l = 0; l < topology_.links.size(); ++l) {
        const AvailabilityLink& link = topology_.links[l];
        if (Up(bit_of_link_[l], state) && site_up(link.a) && site_up(link.b))
          components.Join(link.a, link.b);
      }
      const int client = components.Find(client_site);
      const auto reachable = [&](int site) {
        return site_up(site) && components.Find(site) == client;
      };
      switch (rule.kind) {
        case AccessRule::Kind::kMajority: {
          size_t with_client = 0;
          for (size_t s = 0; s < sites; ++s)
            with_client += reachable(static_cast<int>(s));
          holds = 2 * with_client > sites;
          break;
        }
        case AccessRule::Kind::kPrimaryAndMembers:
          // Reachability is symmetric, so "from the primary" is "in the client's component"
          // once the primary is.
          holds = reachable(rule.primary) &&
                  std::all_of(rule.members.begin(), rule.members.end(), reachable);
          break;
        case AccessRule::Kind::kPrimary:
          holds = reachable(rule.primary);
          break;
        case AccessRule::Kind::kLocal:
          break;
      }
    }
    (holds ? split.holds : split.fails) += pi_[state];
  }
  return split;
}

bool AvailabilityChain::Names(const AccessRule& rule, int client_site) const {
  if (!ValidSite(client_site)) return false;
  switch (rule.kind) {
    case AccessRule::Kind::kMajority:
    case AccessRule::Kind::kLocal:
      return true;
    case AccessRule::Kind::kPrimary:
      return ValidSite(rule.primary);
    case AccessRule::Kind::kPrimaryAndMembers:
      return ValidSite(rule.primary) && std::all_of(rule.members.begin(), rule.members.end(),
                                                    [this](int m) { return ValidSite(m); });
  }
  return false;
}

double AvailabilityChain::Availability(const AccessRule& rule, int client_site) const {
  if (!Names(rule, client_site)) return kNaN;
  return SplitByRule(rule, client_site).holds;
}

double AvailabilityChain::DowntimeMinutesPerYear(const AccessRule& rule, int client_site) const {
  if (!Names(rule, client_site)) return kNaN;
  return SplitByRule(rule, client_site).fails * kMinutesPerYear;
}

double AvailabilityChain::UpProbability(const std::string& id) const {
  int bit = -2;
  for (size_t i = 0; i < topology_.sites.size() && bit == -2; ++i) {
    if (topology_.sites[i].id == id) bit = bit_of_site_[i];
  }
  for (size_t i = 0; i < topology_.links.size() && bit == -2; ++i) {
    if (topology_.links[i].component.id == id) bit = bit_of_link_[i];
  }
  if (bit == -2) return kNaN;
  if (bit == -1) return 1;  // exactly, not a sum of probabilities rounded near 1
  double up = 0;
  for (size_t state = 0; state < pi_.size(); ++state) {
    if (Up(bit, state)) up += pi_[state];
  }
  return up;
}

}  // namespace estate
