// Namespace: name validation and routing to buckets; the object semantics live in Bucket.
#include "engine/ns/namespace.h"

#include "engine/ns/bucket.h"
#include "engine/ns/digest.h"
#include "engine/ns/name_validation.h"

namespace estate {
namespace {

Status CheckGeneration(std::optional<int64_t> generation) {
  if (generation && *generation <= 0) {
    return Status::Invalid("generation must be positive, got " + std::to_string(*generation));
  }
  return Status::Ok();
}

}  // namespace

Namespace::Namespace() = default;
Namespace::~Namespace() = default;
Namespace::Namespace(Namespace&&) noexcept = default;
Namespace& Namespace::operator=(Namespace&&) noexcept = default;

Result<Bucket*> Namespace::FindBucket(std::string_view bucket) const {
  if (Status s = ValidateBucketName(bucket); !s.ok()) return s;
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) {
    return Status::NotFound("bucket " + QuoteForMessage(bucket) + " not found");
  }
  return it->second.get();
}

Result<BucketMeta> Namespace::CreateBucket(const BucketMeta& spec, TimeNs now) {
  if (Status s = ValidateBucketName(spec.name); !s.ok()) return s;
  if (buckets_.contains(spec.name)) {
    return Status::Conflict("bucket " + QuoteForMessage(spec.name) + " already exists");
  }
  BucketMeta meta;
  meta.name = spec.name;
  meta.versioning = spec.versioning;
  meta.default_storage_class = spec.default_storage_class;
  meta.metageneration = 1;
  meta.create_time = now;
  meta.update_time = now;
  buckets_.emplace(meta.name, std::make_unique<Bucket>(meta));
  return meta;
}

Result<BucketMeta> Namespace::GetBucket(std::string_view bucket) const {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  return (*b)->meta();
}

Result<BucketMeta> Namespace::SetBucketVersioning(std::string_view bucket, bool versioning,
                                                  TimeNs now) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  (*b)->SetVersioning(versioning, now);
  return (*b)->meta();
}

Status Namespace::DeleteBucket(std::string_view bucket) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  const uint64_t live = (*b)->live_count();
  const uint64_t noncurrent = (*b)->noncurrent_count();
  if (live + noncurrent > 0) {
    return Status::Conflict("bucket " + QuoteForMessage(bucket) +
                            " is not empty: " + std::to_string(live) + " live and " +
                            std::to_string(noncurrent) + " noncurrent objects");
  }
  buckets_.erase(buckets_.find(bucket));
  return Status::Ok();
}

std::vector<BucketMeta> Namespace::ListBuckets() const {
  std::vector<BucketMeta> out;
  out.reserve(buckets_.size());
  for (const auto& [name, bucket] : buckets_)
    out.push_back(bucket->meta());
  return out;
}

Result<ObjectMeta> Namespace::InsertObject(std::string_view bucket, std::string_view name,
                                           const ObjectWrite& write, const Preconditions& pre,
                                           TimeNs now, int64_t proposed_generation,
                                           SiteSet residency) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (proposed_generation < 0) {
    return Status::Invalid("proposed generation must not be negative, got " +
                           std::to_string(proposed_generation));
  }
  return (*b)->Insert(name, write, pre, now, proposed_generation, residency);
}

Result<ObjectMeta> Namespace::GetObject(std::string_view bucket, std::string_view name,
                                        std::optional<int64_t> generation,
                                        const Preconditions& pre) const {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (Status s = CheckGeneration(generation); !s.ok()) return s;
  return (*b)->Get(name, generation, pre);
}

Result<ObjectMeta> Namespace::PatchObject(std::string_view bucket, std::string_view name,
                                          const ObjectPatch& patch, const Preconditions& pre,
                                          TimeNs now, std::optional<int64_t> generation) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (Status s = CheckGeneration(generation); !s.ok()) return s;
  return (*b)->Patch(name, generation, patch, pre, now);
}

Status Namespace::DeleteObject(std::string_view bucket, std::string_view name,
                               const Preconditions& pre, TimeNs now,
                               std::optional<int64_t> generation) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (Status s = CheckGeneration(generation); !s.ok()) return s;
  return (*b)->Delete(name, generation, pre, now);
}

Status Namespace::InstallObject(const ObjectMeta& meta) {
  Result<Bucket*> b = FindBucket(meta.bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(meta.name); !s.ok()) return s;
  if (Status s = CheckGeneration(meta.generation); !s.ok()) return s;
  (*b)->Install(meta);
  return Status::Ok();
}

Status Namespace::NoteGeneration(std::string_view bucket, std::string_view name,
                                 int64_t generation) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (Status s = CheckGeneration(generation); !s.ok()) return s;
  (*b)->NoteGeneration(name, generation);
  return Status::Ok();
}

Status Namespace::SetResidency(std::string_view bucket, std::string_view name, int64_t generation,
                               SiteSet residency) {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  if (Status s = ValidateObjectName(name); !s.ok()) return s;
  if (Status s = CheckGeneration(generation); !s.ok()) return s;
  return (*b)->SetResidency(name, generation, residency);
}

Result<ListPage> Namespace::ListObjects(std::string_view bucket, const ListOptions& options) const {
  Result<Bucket*> b = FindBucket(bucket);
  if (!b.ok()) return b.status();
  return (*b)->List(options);
}

uint64_t Namespace::Digest() const {
  DigestBuilder d;
  d.AddU64(buckets_.size());
  for (const auto& [name, bucket] : buckets_)
    bucket->AddToDigest(d);
  return d.value();
}

uint64_t Namespace::LiveObjectCount() const {
  uint64_t n = 0;
  for (const auto& [name, bucket] : buckets_)
    n += bucket->live_count();
  return n;
}

uint64_t Namespace::LiveBytes() const {
  uint64_t n = 0;
  for (const auto& [name, bucket] : buckets_)
    n += bucket->live_bytes();
  return n;
}

uint64_t Namespace::NoncurrentObjectCount() const {
  uint64_t n = 0;
  for (const auto& [name, bucket] : buckets_)
    n += bucket->noncurrent_count();
  return n;
}

}  // namespace estate
