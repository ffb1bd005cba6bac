#include "reports/sweep/sweep_shard.h"

#include <charconv>

namespace estate::reports {

std::string SweepShard::ToString() const {
  return std::to_string(index) + "/" + std::to_string(count);
}

Result<SweepShard> ParseSweepShard(const std::string& text) {
  const Status bad =
      Status::Invalid("--shard: expected i/n with 0 <= i < n (0-based), found \"" + text + "\"");
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return bad;
  SweepShard shard;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [after_index, e1] = std::from_chars(begin, begin + slash, shard.index);
  auto [after_count, e2] = std::from_chars(begin + slash + 1, end, shard.count);
  if (e1 != std::errc() || e2 != std::errc() || after_index != begin + slash ||
      after_count != end || shard.count == 0 || shard.index >= shard.count) {
    return bad;
  }
  return shard;
}

}  // namespace estate::reports
