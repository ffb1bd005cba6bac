// Each word is folded through the SplitMix64 finaliser, a bijection with full avalanche, so
// every fed value influences every output bit and a one-bit change in any field shows.
#include "engine/ns/digest.h"

namespace estate {
namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

void DigestBuilder::AddU64(uint64_t v) {
  state_ = Mix(state_ ^ v) + 0x2545f4914f6cdd1dull * ++count_;
}

void DigestBuilder::AddBytes(std::string_view bytes) {
  AddU64(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  while (i < bytes.size()) {
    uint64_t word = 0;
    for (int k = 0; k < 8 && i < bytes.size(); ++k, ++i)
      word |= uint64_t{p[i]} << (8 * k);
    AddU64(word);
  }
}

uint64_t DigestBuilder::value() const {
  return Mix(state_ ^ count_);
}

}  // namespace estate
