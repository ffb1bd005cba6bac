#include "models/bandwidth/wan_bounds.h"

#include <cmath>
#include <limits>

namespace estate {
namespace {

// Negative and NaN inputs count as 0 (see the header); +infinity stays.
double NonNegative(double x) {
  return x > 0 ? x : 0;
}

// An exact fit computed in floating point can land a few ulps above the integer it should be.
constexpr double kFitTolerance = 1e-9;

}  // namespace

double ReplicationLowerBoundBps(double change_bytes_per_second, double remote_copies) {
  return NonNegative(change_bytes_per_second) * 8 * NonNegative(remote_copies);
}

double TcpWindowBoundBps(double window_bytes, double one_way_latency_s) {
  const double latency = NonNegative(one_way_latency_s);
  if (latency == 0) return std::numeric_limits<double>::infinity();
  return NonNegative(window_bytes) * 8 / (2 * latency);
}

int StreamsToFill(double link_bps, double window_bytes, double one_way_latency_s) {
  constexpr int kNever = std::numeric_limits<int>::max();
  const double link = NonNegative(link_bps);
  const double per_stream = TcpWindowBoundBps(window_bytes, one_way_latency_s);
  if (link == 0 || std::isinf(per_stream)) return 1;
  if (per_stream == 0 || std::isinf(link)) return kNever;
  const double ratio = link / per_stream;
  const double streams = std::ceil(ratio * (1 - kFitTolerance));
  if (!(streams < static_cast<double>(kNever))) return kNever;
  return streams < 1 ? 1 : static_cast<int>(streams);
}

}  // namespace estate
