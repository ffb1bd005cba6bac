#include "sim/sim_engine.h"

namespace estate::sim {

std::unique_ptr<simgrid::s4u::Engine> MakeSimEngine() {
  static char name[] = "estate";
#if defined(ESTATE_UNDER_ASAN)
  static char factory[] = "--cfg=contexts/factory:thread";
  static char guard[] = "--cfg=contexts/guard-size:0";
  static char* argv[] = {name, factory, guard, nullptr};
  static int argc = 3;
#else
  static char* argv[] = {name, nullptr};
  static int argc = 1;
#endif
  return std::make_unique<simgrid::s4u::Engine>(&argc, argv);
}

}  // namespace estate::sim
