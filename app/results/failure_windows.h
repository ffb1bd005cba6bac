// The stretches of a run during which a failure was in effect, from result.json's "failures"
// actions: a site-down until its site-up, a link-down until link-up, a link-degrade until
// link-restore, a partition until heal. A failure never undone lasts to the end of the run.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

namespace estate::studio {

struct FailureWindow {
  double start_s = 0;
  double end_s = 0;
  QString label;  // "link-degrade gcp-site-b"
};

// `failures`: result.json's "failures" array ({at_s, kind, target, detail}); `run_end_s`:
// run.duration_s. Windows are in start order.
std::vector<FailureWindow> FailureWindows(const nlohmann::json& failures, double run_end_s);

}  // namespace estate::studio
