#include "engine/mount/mount_table.h"

#include <algorithm>

#include "engine/ns/name_validation.h"

namespace estate {

SiteSet MountTable::SitesOf(const MountPolicy& policy) {
  SiteSet s = policy.replicas;
  s.add(policy.home);
  return s;
}

Status MountTable::Add(std::string path, MountPolicy policy) {
  const std::string quoted = "mount \"" + path + "\"";
  const size_t slash = path.find('/');
  if (slash == std::string::npos || path.back() != '/') {
    return Status::Invalid(quoted + ": expected \"bucket/\" or \"bucket/prefix/\"");
  }
  Mount m;
  m.bucket = path.substr(0, slash);
  m.prefix = path.substr(slash + 1);
  Status bucket_ok = ValidateBucketName(m.bucket);
  if (!bucket_ok.ok()) return Status::Invalid(quoted + ": " + bucket_ok.message());
  if (m.prefix.find("//") != std::string::npos || (!m.prefix.empty() && m.prefix[0] == '/')) {
    return Status::Invalid(quoted + ": empty path component");
  }
  if (policy.home >= site_count_) {
    return Status::Invalid(quoted + ": home site " + std::to_string(policy.home) +
                           " is not in the deployment");
  }
  if (site_count_ < 32 && (policy.replicas.bits() >> site_count_) != 0) {
    return Status::Invalid(quoted + ": a replica site is not in the deployment");
  }
  if (policy.mode == ConsistencyMode::kBoundedStaleness &&
      (policy.staleness.max_versions < 1 || policy.staleness.max_lag <= 0)) {
    return Status::Invalid(quoted + ": bounded staleness needs max_versions >= 1 and max_lag > 0");
  }
  auto pos = std::lower_bound(mounts_.begin(), mounts_.end(), path,
                              [](const Mount& a, const std::string& p) { return a.path < p; });
  if (pos != mounts_.end() && pos->path == path) {
    return Status::Conflict(quoted + " already exists");
  }
  m.path = std::move(path);
  m.policy = policy;
  mounts_.insert(pos, std::move(m));
  return Status::Ok();
}

Result<ResolvedMount> MountTable::Resolve(std::string_view bucket, std::string_view name) const {
  ResolvedMount best;
  size_t best_len = 0;
  for (size_t i = 0; i < mounts_.size(); ++i) {
    const Mount& m = mounts_[i];
    if (m.bucket != bucket || name.substr(0, m.prefix.size()) != m.prefix) continue;
    if (best.mount == nullptr || m.prefix.size() > best_len) {
      best = {i, &m};
      best_len = m.prefix.size();
    }
  }
  if (best.mount == nullptr) {
    return Status::NotFound("no mount covers \"" + std::string(bucket) + "/" + std::string(name) +
                            "\"");
  }
  return best;
}

}  // namespace estate
