// Where a site's client operations come from: a synthetic generator (Zipf popularity over a
// sampled population, sizes from a distribution, a read/write/list/delete mix, a rate with a
// diurnal curve and bursts) or a trace. Pure and deterministic: the same scenario and seed
// give the same operations, whatever the simulation does with them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.h"
#include "engine/site.h"
#include "engine/time.h"
#include "models/workload/trace_reader.h"
#include "sim/metrics/run_metrics.h"
#include "sim/scenario/deployment.h"
#include "sim/scenario/scenario.h"

namespace estate::sim {

struct PlannedOp {
  TimeNs at = 0;
  OpKind op = OpKind::kRead;
  std::string bucket;
  std::string name;  // for lists: the prefix listed
  uint64_t size = 0;
};

class OpSource {
 public:
  virtual ~OpSource() = default;
  // The next operation at or after `now` and before `until`, or nullopt when none is left.
  virtual std::optional<PlannedOp> Next(TimeNs now, TimeNs until) = 0;
};

// One source per site of the deployment (index = SiteId); sites without a rate get none.
// Trace paths are relative to scenario_dir. Errors: an unreadable or malformed trace, an
// invalid size distribution.
Result<std::vector<std::unique_ptr<OpSource>>> MakeOpSources(const Scenario& scenario,
                                                             const Deployment& deployment,
                                                             const std::string& scenario_dir,
                                                             uint64_t seed);

}  // namespace estate::sim
