// Log sink of a simulation: engine log lines go to a function the simulator owns, prefixed
// with the simulated time and the node. No sink (the default) means silence.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "engine/runtime.h"
#include "engine/time.h"

namespace estate::sim {

// Receives one formatted line (no trailing newline).
using LogSink = std::function<void(std::string_view line)>;

// "[    1.500000000] n3 INFO: text": seconds with nanosecond digits, computed from integers
// so the text is identical on every run.
std::string FormatLogLine(TimeNs now, NodeId node, LogLevel level, std::string_view text);

std::string_view LogLevelName(LogLevel level);

}  // namespace estate::sim
