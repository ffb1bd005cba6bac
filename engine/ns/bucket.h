// Bucket: one bucket's objects, its live generations in the compact ObjectIndex and its rare
// noncurrent generations in an ordered map, plus the generation high-water marks of names
// that no longer have any generation ("tombstones"), so that a recreated name still gets a
// higher generation than any it had before.
//
// Deterministic: every result depends only on the state and the arguments (the caller passes
// the time and a proposed generation). Names are assumed valid; Namespace validates them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "engine/ns/digest.h"
#include "engine/ns/object.h"
#include "engine/ns/object_index.h"
#include "engine/result.h"
#include "engine/site.h"
#include "engine/status.h"
#include "engine/time.h"

namespace estate {

class Bucket {
 public:
  explicit Bucket(BucketMeta meta) : meta_(std::move(meta)) {}

  const BucketMeta& meta() const { return meta_; }
  // Turns versioning on or off; bumps the bucket's metageneration.
  void SetVersioning(bool versioning, TimeNs now);

  // See Namespace::InsertObject.
  Result<ObjectMeta> Insert(std::string_view name, const ObjectWrite& write,
                            const Preconditions& pre, TimeNs now, int64_t proposed_generation,
                            SiteSet residency);
  // See Namespace::GetObject.
  Result<ObjectMeta> Get(std::string_view name, std::optional<int64_t> generation,
                         const Preconditions& pre) const;
  // See Namespace::PatchObject.
  Result<ObjectMeta> Patch(std::string_view name, std::optional<int64_t> generation,
                           const ObjectPatch& patch, const Preconditions& pre, TimeNs now);
  // See Namespace::DeleteObject.
  Status Delete(std::string_view name, std::optional<int64_t> generation, const Preconditions& pre,
                TimeNs now);
  // See Namespace::InstallObject.
  void Install(const ObjectMeta& meta);
  // See Namespace::NoteGeneration.
  void NoteGeneration(std::string_view name, int64_t generation) { NoteRemoved(name, generation); }
  // See Namespace::SetResidency.
  Status SetResidency(std::string_view name, int64_t generation, SiteSet residency);
  // See Namespace::ListObjects. Defined in bucket_listing.cpp.
  Result<ListPage> List(const ListOptions& options) const;

  // Feeds the bucket's whole state, in canonical order, to d.
  void AddToDigest(DigestBuilder& d) const;

  uint64_t live_count() const { return live_.size(); }
  uint64_t live_bytes() const { return live_.total_bytes(); }
  uint64_t noncurrent_count() const { return noncurrent_.size(); }

 private:
  using NoncurrentKey = std::pair<std::string, int64_t>;  // (name, generation)
  class Stream;  // merged ordered walk over live and noncurrent generations (listing)

  // The generation an operation targets: the live one, or the one requested.
  // Returns NotFound when there is none.
  Result<ObjectMeta> Find(std::string_view name, std::optional<int64_t> generation) const;
  // The highest generation name has ever had in this bucket (0 if none).
  int64_t LastGeneration(std::string_view name) const;
  // Records a tombstone when a permanently removed generation was name's highest.
  void NoteRemoved(std::string_view name, int64_t generation);
  ObjectMeta WithBucket(ObjectMeta meta) const;

  BucketMeta meta_;
  ObjectIndex live_;
  std::map<NoncurrentKey, ObjectMeta> noncurrent_;  // delete_time set; bucket set
  std::map<std::string, int64_t, std::less<>> tombstones_;
};

}  // namespace estate
