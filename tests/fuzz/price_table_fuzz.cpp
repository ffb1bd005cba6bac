// libFuzzer target: the price table parser must never crash, hang or leak on any input, and
// must always explain a rejection; every price it accepts is finite and non-negative.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "models/cost/price_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const estate::Result<estate::PriceTable> table = estate::PriceTable::Parse(text, "fuzz.json");
  if (!table.ok()) {
    if (table.status().message().empty()) std::abort();
    return 0;
  }
  for (const auto& [name, price] : table->prices()) {
    if (!(price.value >= 0) || !std::isfinite(price.value)) std::abort();
    if (!table->Find(name).ok()) std::abort();
  }
  return 0;
}
