// libFuzzer target: the scenario parser and validator must never crash, hang or leak on any
// input, and must always explain a rejection.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/scenario/scenario_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const estate::ScenarioParse p = estate::ParseScenario(text, "fuzz.json");
  if (!p.ok() && p.Messages().empty()) std::abort();
  return 0;
}
