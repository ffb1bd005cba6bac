// Sites: the GCP region (the GCS system of record) and the on-prem sites. Each site runs one
// engine node, so a SiteId is also the address of that node.
#pragma once

#include <bit>
#include <cstdint>

namespace estate {

using SiteId = uint16_t;

// By convention site 0 is the GCP region, home of the GCS system of record.
constexpr SiteId kGcpSite = 0;
constexpr int kMaxSites = 32;

// A set of sites as a bitmask: cheap to copy and to store per object (residency).
class SiteSet {
 public:
  constexpr SiteSet() = default;
  constexpr explicit SiteSet(uint32_t bits) : bits_(bits) {}
  static constexpr SiteSet Of(SiteId s) { return SiteSet(uint32_t{1} << s); }

  constexpr bool contains(SiteId s) const { return (bits_ >> s) & 1u; }
  constexpr void add(SiteId s) { bits_ |= uint32_t{1} << s; }
  constexpr void remove(SiteId s) { bits_ &= ~(uint32_t{1} << s); }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr int size() const { return std::popcount(bits_); }
  constexpr uint32_t bits() const { return bits_; }

  friend constexpr bool operator==(SiteSet a, SiteSet b) { return a.bits_ == b.bits_; }
  friend constexpr SiteSet operator|(SiteSet a, SiteSet b) { return SiteSet(a.bits_ | b.bits_); }
  friend constexpr SiteSet operator&(SiteSet a, SiteSet b) { return SiteSet(a.bits_ & b.bits_); }

 private:
  uint32_t bits_ = 0;
};

}  // namespace estate
