#include "engine/mount/policy.h"

#include <array>
#include <utility>

namespace estate {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> FindByName(const std::array<std::pair<Enum, const char*>, N>& table,
                               std::string_view name) {
  for (const auto& [value, text] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "unknown";
}

constexpr std::array<std::pair<ConsistencyMode, const char*>, 5> kModes = {{
    {ConsistencyMode::kStrong, "strong"},
    {ConsistencyMode::kSyncSites, "sync-sites"},
    {ConsistencyMode::kBoundedStaleness, "bounded-staleness"},
    {ConsistencyMode::kSession, "session"},
    {ConsistencyMode::kEventual, "eventual"},
}};
constexpr std::array<std::pair<Placement, const char*>, 2> kPlacements = {{
    {Placement::kReplicateOnWrite, "replicate-on-write"},
    {Placement::kReadThrough, "read-through"},
}};
constexpr std::array<std::pair<EvictionPolicy, const char*>, 2> kEvictions = {{
    {EvictionPolicy::kLru, "lru"},
    {EvictionPolicy::kS3Fifo, "s3-fifo"},
}};

}  // namespace

const char* ConsistencyModeName(ConsistencyMode m) { return NameOf(kModes, m); }
std::optional<ConsistencyMode> ParseConsistencyMode(std::string_view name) {
  return FindByName(kModes, name);
}
const char* PlacementName(Placement p) { return NameOf(kPlacements, p); }
std::optional<Placement> ParsePlacement(std::string_view name) {
  return FindByName(kPlacements, name);
}
const char* EvictionPolicyName(EvictionPolicy p) { return NameOf(kEvictions, p); }
std::optional<EvictionPolicy> ParseEvictionPolicy(std::string_view name) {
  return FindByName(kEvictions, name);
}

}  // namespace estate
