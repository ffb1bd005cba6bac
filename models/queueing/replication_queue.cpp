#include "models/queueing/replication_queue.h"

#include <cmath>
#include <limits>

namespace estate {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The standard normal quantile at 0.99.
constexpr double kZ99 = 2.3263478740408408;

double NonNegative(double x) {
  return x > 0 ? x : 0;
}

// The p99 of the lognormal with mean `mean` and second moment `second`.
double LognormalP99(double mean, double second) {
  if (mean <= 0) return 0;
  const double s2 = std::log(second / (mean * mean));
  const double s = std::sqrt(s2 > 0 ? s2 : 0);
  return std::exp(std::log(mean) - s * s / 2 + kZ99 * s);
}

// The p99 of a wait that is 0 with probability 1 - p_wait and exponential with mean
// mean_wait / p_wait otherwise.
double ExponentialTailP99(double p_wait, double mean_wait) {
  if (p_wait <= 0.01) return 0;
  return mean_wait / p_wait * std::log(p_wait / 0.01);
}

}  // namespace

double ErlangC(int servers, double offered_load) {
  // Erlang B by B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)); then C = c B / (c - a (1 - B)).
  double b = 1;
  for (int k = 1; k <= servers; ++k)
    b = offered_load * b / (k + offered_load * b);
  return servers * b / (servers - offered_load * (1 - b));
}

ReplicationQueueEstimate EstimateReplicationQueue(const ReplicationQueueInput& in) {
  ReplicationQueueEstimate out;
  const double lambda = NonNegative(in.arrival_per_second);
  const double mean_bytes = NonNegative(in.mean_bytes);
  const double second_bytes =
      std::fmax(NonNegative(in.second_moment_bytes), mean_bytes * mean_bytes);
  const double rate = NonNegative(in.stream_bytes_per_second);
  const double latency = NonNegative(in.one_way_latency_s);
  const int c = in.streams;

  if (c < 1 || rate <= 0) {
    out.utilisation = kInf;
    out.mean_wait_s = out.mean_lag_s = out.p99_lag_s = kInf;
    return out;
  }
  const double mean_service = mean_bytes / rate;               // E[T]
  const double second_service = second_bytes / (rate * rate);  // E[T^2]
  const double offered = lambda * mean_service;                // a, in Erlangs
  out.utilisation = offered / c;
  out.stable = out.utilisation < 1;
  if (!out.stable) {
    out.mean_wait_s = out.mean_lag_s = out.p99_lag_s = kInf;
    return out;
  }

  double p_wait = 0;
  if (offered > 0) {
    if (c == 1) {
      // Pollaczek-Khinchine: E[W] = lambda E[T^2] / (2 (1 - rho)); P(wait) = rho.
      p_wait = out.utilisation;
      out.mean_wait_s = lambda * second_service / (2 * (1 - out.utilisation));
    } else {
      // Allen-Cunneen: the M/M/c wait C / (c mu - lambda), scaled by (c_a^2 + c_s^2) / 2 with
      // c_a^2 = 1 for Poisson arrivals, and 1 + c_s^2 = E[T^2] / E[T]^2.
      p_wait = ErlangC(c, offered);
      const double mmc_wait = p_wait * mean_service / (c * (1 - out.utilisation));
      out.mean_wait_s = mmc_wait * (second_service / (mean_service * mean_service)) / 2;
    }
  }
  out.mean_lag_s = out.mean_wait_s + mean_service + latency;
  out.p99_lag_s = ExponentialTailP99(p_wait, out.mean_wait_s) +
                  LognormalP99(mean_service, second_service) + latency;
  return out;
}

}  // namespace estate
