// Bandwidth bounds for the WAN links between sites: the least any replication protocol can
// carry, and what one TCP stream can carry over a given latency. `estate size` combines them
// with simulated peaks to size circuits and stream counts.
//
// Every function treats a negative (or NaN) input as 0, so a caller that subtracts two rates
// and lands slightly below zero gets the bound for "nothing" rather than a negative bandwidth.
#pragma once

namespace estate {

// Lower bound on the WAN bandwidth (bits/s) that carries `change_bytes_per_second` of new or
// changed data to `remote_copies` other sites: every changed byte must cross the WAN once per
// remote copy, so no protocol can move less. change * 8 * copies.
double ReplicationLowerBoundBps(double change_bytes_per_second, double remote_copies);

// The TCP window bound of one stream, in bits/s: at most one window is in flight per round
// trip, RTT = 2 * one-way latency, so window * 8 / (2 * latency). This is SimGrid's TCP_gamma
// bound with gamma = window_bytes (its LV08 model further scales bandwidth by 0.97; not here).
// A zero latency means no window bound: +infinity.
double TcpWindowBoundBps(double window_bytes, double one_way_latency_s);

// The number of parallel streams for streams * TcpWindowBoundBps to reach link_bps: the ceiling
// of the ratio, at least 1. A ratio within 1e-9 (relative) of an integer counts as that
// integer, so that rounding in an exact fit does not add a stream. 1 when latency is 0 (no
// window bound) or link_bps is 0; INT_MAX when a zero window (or infinite latency) means no
// number of streams can fill the link, or the count does not fit an int.
int StreamsToFill(double link_bps, double window_bytes, double one_way_latency_s);

}  // namespace estate
