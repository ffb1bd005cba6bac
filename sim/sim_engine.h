// The one s4u::Engine of a simulation process, created with the context factory that suits
// the build (see MakeSimEngine).
#pragma once

#include <memory>
#include <simgrid/s4u/Engine.hpp>

namespace estate::sim {

// Under AddressSanitizer, SimGrid's hand-switched "raw" stacks give false reports when a
// killed actor unwinds and LeakSanitizer faults on their guard pages, so sanitizer builds use
// system-thread contexts without guard pages (slower, but clean). The factory can only be
// chosen on the command line, before the engine initialises, hence this one entry point.
// REQUIRES: no engine exists in this process (SimGrid allows one).
std::unique_ptr<simgrid::s4u::Engine> MakeSimEngine();

}  // namespace estate::sim
