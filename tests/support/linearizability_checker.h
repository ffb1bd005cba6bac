// A linearizability checker for object histories: Wing & Gong's search with Lowe's
// memoisation of (linearized set, state), made P-compositional (Herlihy & Wing's locality):
// each object key is an independent register, checked on its own.
//
// The register's state is the object's live (generation, digest), or absent. Outcomes:
//   ok               the operation took effect (a get observed `generation`/`digest`;
//                    generation 0 on a get means it observed "absent")
//   conditionNotMet  an insert/delete whose ifGenerationMatch failed: it took effect as a
//                    read that saw a generation different from the precondition
//   notFound         a get or delete that saw the object absent
//   refused          turned away before it could take effect (Status::Refused): no effect
//   backendError, unavailable, timeout, rateLimitExceeded
//                    indeterminate: the operation may have taken effect at any point after
//                    its call, or never; it constrains nothing by itself. An unanswered
//                    insert's generation is unknown: its content digest identifies it. An
//                    unanswered insert whose digest no read observed, and that no later
//                    failed precondition could depend on, is taken not to have happened
//                    (it keeps the search from doubling for every timeout).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/history/history_record.h"

namespace estate::testing {

struct LinearizabilityResult {
  enum Verdict { kLinearizable, kNotLinearizable, kUnknown };
  Verdict verdict = kLinearizable;
  std::string key;          // the first key that is not linearizable (or ran out of budget)
  std::string explanation;  // which operation could not be placed
  uint64_t states_explored = 0;

  bool ok() const { return verdict == kLinearizable; }
};

struct LinearizabilityOptions {
  // Search states per key before giving up with kUnknown.
  uint64_t max_states_per_key = 5'000'000;
};

LinearizabilityResult CheckLinearizable(const std::vector<HistoryRecord>& history,
                                        LinearizabilityOptions options = {});

}  // namespace estate::testing
