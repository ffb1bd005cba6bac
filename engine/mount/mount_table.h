// MountTable: the unified namespace. Each mount maps a path, "bucket/" or
// "bucket/prefix/", to the policy that governs the objects under it: their home, replica
// sites, consistency mode, placement and cache policy. A name resolves to the longest mount
// path that covers it. The table is a plain value shared verbatim by every site, so a name
// resolves the same way wherever it is asked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mount/policy.h"
#include "engine/result.h"

namespace estate {

struct Mount {
  std::string path;    // "bucket/" or "bucket/prefix/"
  std::string bucket;  // the part before the first '/'
  std::string prefix;  // object-name prefix after "bucket/"; empty for a whole bucket
  MountPolicy policy;
};

struct ResolvedMount {
  size_t index = 0;  // position in MountTable::mounts()
  const Mount* mount = nullptr;
};

class MountTable {
 public:
  MountTable() = default;
  explicit MountTable(int site_count) : site_count_(site_count) {}

  // Adds a mount. Errors (400 Invalid unless noted), each naming the path:
  //   path not of the form "bucket/" or "bucket/prefix/"; bucket part not a bucket name;
  //   home or a replica outside the deployment's sites; 409 Conflict for a duplicate path.
  Status Add(std::string path, MountPolicy policy);

  // The mount with the longest path covering bucket/name. 404 NotFound when none does.
  Result<ResolvedMount> Resolve(std::string_view bucket, std::string_view name) const;

  const std::vector<Mount>& mounts() const { return mounts_; }
  const MountPolicy& PolicyAt(size_t index) const { return mounts_.at(index).policy; }
  // The sites that hold a mount's data: its home and its replicas.
  static SiteSet SitesOf(const MountPolicy& policy);
  int site_count() const { return site_count_; }

 private:
  int site_count_ = kMaxSites;
  std::vector<Mount> mounts_;  // kept sorted by path, so iteration is deterministic
};

}  // namespace estate
