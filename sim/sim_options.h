// Options shared by every node of one SimGrid simulation (see docs/SIMULATION.md).
#pragma once

#include <cstdint>

#include "sim/node_random.h"
#include "sim/sim_log.h"

namespace estate::sim {

struct SimOptions {
  uint64_t seed = 1;  // run seed: every node's Random() and Buggify() derive from it
  // Mailboxes per peer for data streams. Stream s >= 1 travels in lane 1 + (s - 1) % N, so
  // streams beyond N share a FIFO with a lower one. The engine uses a few streams per peer.
  int data_streams = 4;
  // Framing bytes added to each message's size_on_wire() (length, type, stream, checksum and
  // the TCP/IP headers of a small segment). Matters only for small control messages.
  uint64_t header_bytes = 64;
  // Messages sent by one node to the same (peer, lane) while it runs one event (a timer, a
  // delivery) travel as one SimGrid communication of their summed size. They would have
  // left at the same instant anyway; this keeps the number of concurrent flows, which
  // SimGrid's solver cost grows with, proportional to events rather than messages.
  bool coalesce = true;
  // Node actors are SimGrid daemons: the simulation ends when the last workload (non-daemon)
  // actor ends, even though nodes still have timers. Tests that use run_until may keep it.
  bool daemon_actors = true;
  // When > 0, node actors cancel their pending receives and end at this time, so that the
  // simulation can be torn down without SimGrid complaining about communications freed while
  // pending (it prints a backtrace for each). A run's end; 0 keeps them until the engine goes.
  TimeNs stop_at = 0;
  // Data-stream messages (stream >= 1) are written to the receiving host's disk, at its
  // bandwidth, before they are delivered. No effect on hosts without a disk.
  bool data_to_disk = false;
  BuggifyOptions buggify;
  LogSink log;  // empty: engine log lines are dropped
};

}  // namespace estate::sim
