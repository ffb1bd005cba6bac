// AvailabilityChain: the steady-state availability of each access rule (who must be up and
// reachable for an operation to succeed) over a topology whose sites and links fail and are
// repaired. A continuous-time Markov chain over the joint up/down states of the components
// that can fail, solved once; each rule is then a sum over the states where it holds.
//
// Assumes each component fails and is repaired independently, with exponential times to
// failure (mean MTBF) and to repair (mean MTTR). See docs/SCALING.md for when that misleads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/result.h"

namespace estate {

struct FailingComponent {
  std::string id;
  double mtbf_s = 0;  // mean time between failures; 0: never fails
  double mttr_s = 0;  // mean time to repair; must be > 0 when mtbf_s > 0
};

struct AvailabilityLink {
  FailingComponent component;
  int a = 0;  // site indexes into AvailabilityTopology::sites
  int b = 0;
};

struct AvailabilityTopology {
  std::vector<FailingComponent> sites;
  std::vector<AvailabilityLink> links;
};

// Who must be up and reachable for an operation issued at a client site to succeed. A site is
// reachable from another when a path of up links joins them through up sites only (a down
// site relays nothing).
struct AccessRule {
  enum class Kind {
    kMajority,           // the client's site is up and its connected component holds a strict
                         // majority of ALL sites (Raft over every site: strong mode)
    kPrimaryAndMembers,  // the client's site is up, `primary` is reachable from it, and every
                         // site in `members` is reachable from the primary (sync-sites writes)
    kPrimary,            // the client's site is up and `primary` is reachable from it
                         // (bounded-staleness writes and stale reads)
    kLocal,              // the client's site is up (session and eventual modes, local reads)
  };
  Kind kind = Kind::kLocal;
  int primary = 0;
  std::vector<int> members;
};

class AvailabilityChain {
 public:
  // The most components that may fail: 2^20 joint states, 22 million generator entries,
  // hundreds of MB and tens of seconds to solve (docs/SCALING.md has the measurements).
  static constexpr size_t kMaxFailingComponents = 20;

  // Builds the generator matrix over the 2^k joint states of the k components that can fail
  // (mtbf_s > 0 and mttr_s > 0; the others are always up) and solves pi Q = 0, sum(pi) = 1.
  // Each component fails at rate 1/MTBF when up and is repaired at rate 1/MTTR when down.
  // SolveSteadyState (steady_state.h) says how, and why: sparse LU up to 10 failing
  // components, BiCGSTAB above.
  // Fails with Invalid, naming the component and the field, for a negative or non-finite
  // MTBF or MTTR, a positive MTBF with a zero MTTR, a duplicate id or a link endpoint that is
  // not a site; with Invalid naming the limit for more than kMaxFailingComponents; with
  // Internal if the iterative solver does not converge.
  static Result<AvailabilityChain> Solve(AvailabilityTopology topology);

  // The number of joint states, 2^k.
  size_t states() const { return pi_.size(); }
  // Steady-state probability that the rule holds for a client at `client_site`. NaN when
  // client_site, the rule's primary or one of its members is not a site index.
  double Availability(const AccessRule& rule, int client_site) const;
  // Steady-state probability that component `id` (a site or a link) is up: MTBF/(MTBF+MTTR)
  // when the solution is right, 1 for a component that never fails, NaN for an unknown id.
  double UpProbability(const std::string& id) const;
  // Expected minutes per year (365.25 days) during which the rule does not hold. Summed over
  // the failing states rather than taken as 1 - Availability, so that five nines keep their
  // digits. NaN under the same conditions as Availability.
  double DowntimeMinutesPerYear(const AccessRule& rule, int client_site) const;

 private:
  AvailabilityChain(AvailabilityTopology topology, std::vector<int> bit_of_site,
                    std::vector<int> bit_of_link, std::vector<double> pi)
      : topology_(std::move(topology)),
        bit_of_site_(std::move(bit_of_site)),
        bit_of_link_(std::move(bit_of_link)),
        pi_(std::move(pi)) {}

  // The probabilities that the rule holds and that it does not, in one pass over the states.
  struct Split {
    double holds = 0;
    double fails = 0;
  };
  // REQUIRES: Names(rule, client_site).
  Split SplitByRule(const AccessRule& rule, int client_site) const;
  bool ValidSite(int site) const;
  // True when the client and every site the rule uses are site indexes.
  bool Names(const AccessRule& rule, int client_site) const;

  AvailabilityTopology topology_;
  // The state bit of each site and link (bit set: down), or -1 for one that never fails.
  std::vector<int> bit_of_site_;
  std::vector<int> bit_of_link_;
  std::vector<double> pi_;  // indexed by joint state
};

}  // namespace estate
