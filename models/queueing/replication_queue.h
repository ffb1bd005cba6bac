// The replication queue of one link direction as a multi-server queue: objects arrive as a
// Poisson stream, wait in FIFO order for one of `streams` parallel streams, and each is moved
// by one stream at `stream_bytes_per_second`, so its service time is size / stream rate.
//
// One stream: M/G/1, whose mean wait is exact (Pollaczek-Khinchine). Several: M/G/c, which
// has no closed form; Erlang C (exact for exponential sizes) scaled by the Allen-Cunneen
// factor (1 + c_s^2) / 2 for the service-time variability c_s^2 = Var[T] / E[T]^2.
//
// Validity limits (docs/SCALING.md has more):
//  - Allen-Cunneen is exact for M/M/c and for M/G/1, and within about 10-15% for M/G/c with
//    c_s^2 up to about 2 at moderate to heavy load; it is worst at light load with very
//    variable sizes and many streams, where few objects wait at all.
//  - Poisson arrivals: bursts (batch uploads, replication catch-up after a partition) wait
//    longer than this says.
//  - The streams are independent servers of fixed rate: the model ignores that streams share
//    the link with the other direction and with other flows, slow start, and that one huge
//    object might be split across streams.
//  - The p99 is an approximation (see ReplicationQueueEstimate::p99_lag_s): with
//    heavy-tailed sizes the waiting time's tail is heavier than exponential and the p99 is
//    underestimated.
#pragma once

namespace estate {

struct ReplicationQueueInput {
  double arrival_per_second = 0;       // objects per second entering this link direction
  double mean_bytes = 0;               // E[S]
  double second_moment_bytes = 0;      // E[S^2]; raised to E[S]^2 when below (impossible)
  int streams = 1;                     // servers
  double stream_bytes_per_second = 0;  // the rate of one stream
  double one_way_latency_s = 0;
};

struct ReplicationQueueEstimate {
  double utilisation = 0;  // rho = lambda E[S] / (c * rate); +inf with no stream capacity
  bool stable = false;     // rho < 1
  double mean_wait_s = 0;  // time queued before a stream takes the object
  double mean_lag_s = 0;   // wait + mean service + one-way latency: write at the origin to
                           // bytes at the replica
  // p99 of the waiting time plus p99 of the service time plus the latency (adding the two
  // quantiles overstates the p99 of their sum, so this errs high). The wait's tail is taken
  // as exponential: P(W > t) = P(wait) * exp(-t P(wait) / E[W]), where P(wait) is the Erlang
  // C probability (rho for one stream); exact for M/M/c. So w99 = 0 when P(wait) <= 1%, else
  // E[W] / P(wait) * ln(100 P(wait)). The service time's p99 is that of the lognormal with the
  // same two moments, exp(m + 2.3263 s) with s^2 = ln(E[T^2] / E[T]^2) and
  // m = ln E[T] - s^2 / 2: exact for fixed and lognormal sizes.
  double p99_lag_s = 0;
};

// Negative inputs count as 0. No stream capacity (streams < 1 or a rate <= 0) or rho >= 1
// gives stable = false and infinite times.
ReplicationQueueEstimate EstimateReplicationQueue(const ReplicationQueueInput& in);

// The Erlang C probability that an arrival waits in an M/M/c queue with `servers` servers
// and offered load a = lambda / mu (in Erlangs). REQUIRES: servers >= 1 and 0 <= a < servers.
// Computed through the Erlang B recursion, which neither overflows nor cancels for large c.
double ErlangC(int servers, double offered_load);

}  // namespace estate
