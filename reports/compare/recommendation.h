// The recommendation of `estate compare`: a paragraph derived from the compared figures
// alone, so that other figures give another text (docs/COMPARE.md, "Recommendation").
//
// The rule: among the modes whose run produced figures, met every expectation of the
// scenario that applies to it (an expectation on a metric the mode's result lacks, such as
// write_latency.strong.p99 in an eventual run, does not apply) and kept availability at or
// above the comparison's floor, recommend the one with the lowest p99 write latency; ties go
// to fewer stale reads, then to the stronger mode. The other sentences name what the choice
// trades, with the measured figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/compare/mode_comparison.h"

namespace estate::reports {

// The t, in milliseconds, at which the recommendation quotes t-visibility.
inline constexpr int64_t kRecommendationTMs = 100;

struct Recommendation {
  std::optional<std::string> mode;  // nullopt when no mode qualifies
  std::vector<std::string> sentences;

  // The sentences joined into one paragraph.
  std::string Paragraph() const;
};

Recommendation Recommend(const ModeComparison& comparison);

}  // namespace estate::reports
