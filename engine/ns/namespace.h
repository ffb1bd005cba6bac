// Namespace: buckets and objects with GCS JSON API semantics, as a deterministic state
// machine. There is no clock and no randomness inside: the caller passes the time and, for
// writes, a proposed generation, so replicas that apply the same operations in the same order
// reach the same state (compare them with Digest()).
//
// Errors (Status codes): 400 invalid name or argument, 404 bucket or object not found,
// 409 bucket exists / bucket not empty, 412 precondition failed. Messages name the bucket or
// object, e.g. `object "photos/cat.jpg" not found`.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ns/object.h"
#include "engine/result.h"
#include "engine/site.h"
#include "engine/status.h"
#include "engine/time.h"

namespace estate {

class Bucket;

class Namespace {
 public:
  Namespace();
  ~Namespace();
  Namespace(Namespace&&) noexcept;
  Namespace& operator=(Namespace&&) noexcept;

  // --- Buckets ---

  // Creates bucket spec.name with spec.versioning and spec.default_storage_class;
  // metageneration 1, create and update time `now` (spec's other fields are ignored).
  // Errors: 400 invalid bucket name; 409 `bucket "b" already exists`.
  Result<BucketMeta> CreateBucket(const BucketMeta& spec, TimeNs now);
  // Errors: 400 invalid name; 404 `bucket "b" not found`.
  Result<BucketMeta> GetBucket(std::string_view bucket) const;
  // Turns versioning on or off (existing noncurrent generations stay). Bumps the bucket's
  // metageneration and update time. Errors: 400, 404.
  Result<BucketMeta> SetBucketVersioning(std::string_view bucket, bool versioning, TimeNs now);
  // Errors: 400; 404; 409 when any live or noncurrent object remains.
  Status DeleteBucket(std::string_view bucket);
  // All buckets, sorted by name.
  std::vector<BucketMeta> ListBuckets() const;

  // --- Objects ---

  // Writes a new generation of bucket/name. Its generation is
  // max(proposed_generation, highest generation the name ever had in this bucket + 1), so
  // generations only grow on overwrite; metageneration 1; create/update time `now`; storage
  // class write.storage_class or the bucket's default; residency as given. The previous live
  // generation becomes noncurrent (delete_time = now) in a versioned bucket and is dropped
  // otherwise. Preconditions apply to the live generation (ifGenerationMatch=0: none may
  // exist). Returns the new generation's metadata.
  // Errors: 400 invalid name or proposed_generation < 0; 404 bucket; 412.
  Result<ObjectMeta> InsertObject(std::string_view bucket, std::string_view name,
                                  const ObjectWrite& write, const Preconditions& pre, TimeNs now,
                                  int64_t proposed_generation, SiteSet residency);

  // The live generation, or the given generation (live or noncurrent). Preconditions apply to
  // that generation. Errors: 400 (including generation <= 0); 404 (never 412 for a missing
  // object); 412.
  Result<ObjectMeta> GetObject(std::string_view bucket, std::string_view name,
                               std::optional<int64_t> generation = std::nullopt,
                               const Preconditions& pre = {}) const;

  // Applies patch to the live generation, or to the given one: metageneration + 1,
  // update_time = now. Returns the patched metadata. Errors: 400; 404; 412.
  Result<ObjectMeta> PatchObject(std::string_view bucket, std::string_view name,
                                 const ObjectPatch& patch, const Preconditions& pre, TimeNs now,
                                 std::optional<int64_t> generation = std::nullopt);

  // Without a generation: deletes the live generation (in a versioned bucket it becomes
  // noncurrent with delete_time = now). With a generation: removes that generation, live or
  // noncurrent, permanently. Errors: 400; 404; 412.
  Status DeleteObject(std::string_view bucket, std::string_view name, const Preconditions& pre,
                      TimeNs now, std::optional<int64_t> generation = std::nullopt);

  // Replication: makes `meta` (bucket, name and generation included) the object's state
  // exactly as another site holds it, without preconditions. The same generation is replaced
  // in place (live or noncurrent); a newer one becomes live, archiving the previous live one
  // at meta.create_time in a versioned bucket; an older one than the live one is ignored.
  // Errors: 400 invalid name or generation <= 0; 404 bucket.
  Status InstallObject(const ObjectMeta& meta);
  // Replication: remembers that `generation` was used for bucket/name (by a write that lost to
  // a newer one), so the name's generation high-water mark matches the sites that applied it.
  Status NoteGeneration(std::string_view bucket, std::string_view name, int64_t generation);

  // Records which sites hold the bytes of the given generation (live or noncurrent). Changes
  // neither metageneration nor update time. Errors: 400; 404.
  Status SetResidency(std::string_view bucket, std::string_view name, int64_t generation,
                      SiteSet residency);

  // One page of objects in name order (then generation ascending when options.versions).
  // With a delimiter, names holding it after the prefix are folded into `prefixes` (each
  // reported once over all pages); items plus prefixes per page <= max_results. Page tokens
  // hold a position, so objects that exist for the whole listing are returned exactly once
  // even when others are inserted or deleted between pages.
  // Errors: 400 invalid bucket name, max_results outside 1..1000, or a bad page token; 404.
  Result<ListPage> ListObjects(std::string_view bucket, const ListOptions& options) const;

  // --- State summaries ---

  // A 64-bit digest of the whole state (buckets, every generation with every field but
  // residency, which is site-local knowledge, and the generation high-water marks of deleted
  // names). Equal states give equal digests whatever
  // the order of operations that built them.
  uint64_t Digest() const;
  uint64_t LiveObjectCount() const;
  uint64_t LiveBytes() const;
  uint64_t NoncurrentObjectCount() const;

 private:
  // The bucket, or 400/404.
  Result<Bucket*> FindBucket(std::string_view bucket) const;

  std::map<std::string, std::unique_ptr<Bucket>, std::less<>> buckets_;
};

}  // namespace estate
