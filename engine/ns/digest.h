// DigestBuilder: a deterministic 64-bit fingerprint of a sequence of values, used to compare
// replicas' namespace states for convergence. The result depends only on the values fed and
// their order, never on the platform, the process or memory addresses; callers feed state in
// a canonical (sorted) order so that equal states give equal digests.
#pragma once

#include <cstdint>
#include <string_view>

namespace estate {

class DigestBuilder {
 public:
  void AddU64(uint64_t v);
  void AddI64(int64_t v) { AddU64(static_cast<uint64_t>(v)); }
  void AddBool(bool v) { AddU64(v ? 1 : 0); }
  // Length-prefixed, so that ("ab","c") and ("a","bc") differ.
  void AddBytes(std::string_view bytes);

  uint64_t value() const;

 private:
  uint64_t state_ = 0x6a09e667f3bcc908ull;
  uint64_t count_ = 0;
};

}  // namespace estate
