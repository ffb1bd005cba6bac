// Object lifecycle within a bucket: generations, versioning, preconditions, patches.
#include "engine/ns/bucket.h"

#include <algorithm>
#include <limits>

#include "engine/ns/preconditions.h"

namespace estate {
namespace {

Status NotFound(const std::string& bucket, std::string_view name,
                std::optional<int64_t> generation) {
  std::string msg = "object " + QuoteObject(bucket, name);
  if (generation) msg += " generation " + std::to_string(*generation);
  return Status::NotFound(msg + " not found");
}

void AddObject(DigestBuilder& d, const ObjectMeta& m) {
  d.AddBytes(m.name);
  d.AddI64(m.generation);
  d.AddI64(m.metageneration);
  d.AddU64(m.size);
  d.AddU64(m.crc32c);
  d.AddBytes(m.md5);
  d.AddBytes(m.content_type);
  d.AddU64(m.metadata.size());
  for (const auto& [k, v] : m.metadata) {
    d.AddBytes(k);
    d.AddBytes(v);
  }
  d.AddU64(static_cast<uint64_t>(m.storage_class));
  d.AddI64(m.create_time);
  d.AddI64(m.update_time);
  d.AddBool(m.delete_time.has_value());
  d.AddI64(m.delete_time.value_or(0));
  // Residency is left out on purpose: it is each site's own knowledge of where the bytes
  // are, learnt as transfers complete, not part of the replicated namespace.
}

}  // namespace

void Bucket::SetVersioning(bool versioning, TimeNs now) {
  meta_.versioning = versioning;
  ++meta_.metageneration;
  meta_.update_time = now;
}

ObjectMeta Bucket::WithBucket(ObjectMeta meta) const {
  meta.bucket = meta_.name;
  return meta;
}

int64_t Bucket::LastGeneration(std::string_view name) const {
  int64_t last = live_.GenerationOf(name).value_or(0);
  auto it = noncurrent_.lower_bound(NoncurrentKey(name, std::numeric_limits<int64_t>::min()));
  for (; it != noncurrent_.end() && it->first.first == name; ++it) {
    last = std::max(last, it->first.second);
  }
  if (auto t = tombstones_.find(name); t != tombstones_.end()) last = std::max(last, t->second);
  return last;
}

void Bucket::NoteRemoved(std::string_view name, int64_t generation) {
  if (LastGeneration(name) >= generation) return;
  auto [it, inserted] = tombstones_.try_emplace(std::string(name), generation);
  if (!inserted) it->second = std::max(it->second, generation);
}

Result<ObjectMeta> Bucket::Find(std::string_view name, std::optional<int64_t> generation) const {
  std::optional<ObjectMeta> live = live_.Get(name);
  if (live && (!generation || live->generation == *generation)) return WithBucket(*live);
  if (generation) {
    auto it = noncurrent_.find(NoncurrentKey(name, *generation));
    if (it != noncurrent_.end()) return it->second;
  }
  return NotFound(meta_.name, name, generation);
}

Result<ObjectMeta> Bucket::Insert(std::string_view name, const ObjectWrite& write,
                                  const Preconditions& pre, TimeNs now, int64_t proposed_generation,
                                  SiteSet residency) {
  std::optional<ObjectMeta> live = live_.Get(name);
  if (Status s = CheckPreconditions(pre, live ? &*live : nullptr, meta_.name, name); !s.ok()) {
    return s;
  }
  ObjectMeta meta;
  meta.bucket = meta_.name;
  meta.name = std::string(name);
  meta.generation = std::max(proposed_generation, LastGeneration(name) + 1);
  meta.metageneration = 1;
  meta.size = write.size;
  meta.crc32c = write.crc32c;
  meta.md5 = write.md5;
  meta.content_type = write.content_type;
  meta.metadata = write.metadata;
  meta.storage_class = write.storage_class.value_or(meta_.default_storage_class);
  meta.create_time = now;
  meta.update_time = now;
  meta.residency = residency;

  if (live && meta_.versioning) {
    ObjectMeta old = WithBucket(std::move(*live));
    old.delete_time = now;
    NoncurrentKey key(old.name, old.generation);
    noncurrent_.emplace(std::move(key), std::move(old));
  }
  live_.Put(name, meta);
  if (auto t = tombstones_.find(name); t != tombstones_.end()) tombstones_.erase(t);
  return meta;
}

void Bucket::Install(const ObjectMeta& incoming) {
  ObjectMeta meta = WithBucket(incoming);
  meta.delete_time.reset();
  const std::string_view name = meta.name;
  auto archived = noncurrent_.find(NoncurrentKey(meta.name, meta.generation));
  if (archived != noncurrent_.end()) {
    // A change to a generation that is already noncurrent here: keep it noncurrent.
    meta.delete_time = archived->second.delete_time;
    archived->second = std::move(meta);
    return;
  }
  std::optional<ObjectMeta> live = live_.Get(name);
  if (live && live->generation > meta.generation) return;  // already superseded here
  if (live && live->generation != meta.generation && meta_.versioning) {
    // The same archiving an insert does at the origin, at the new generation's creation.
    ObjectMeta old = WithBucket(std::move(*live));
    old.delete_time = meta.create_time;
    NoncurrentKey key(old.name, old.generation);
    noncurrent_.emplace(std::move(key), std::move(old));
  }
  const std::string key(name);
  live_.Put(key, meta);
  if (auto t = tombstones_.find(key); t != tombstones_.end()) tombstones_.erase(t);
}

Result<ObjectMeta> Bucket::Get(std::string_view name, std::optional<int64_t> generation,
                               const Preconditions& pre) const {
  Result<ObjectMeta> target = Find(name, generation);
  if (!target.ok()) return target;
  if (Status s = CheckPreconditions(pre, &*target, meta_.name, name); !s.ok()) return s;
  return target;
}

Result<ObjectMeta> Bucket::Patch(std::string_view name, std::optional<int64_t> generation,
                                 const ObjectPatch& patch, const Preconditions& pre, TimeNs now) {
  Result<ObjectMeta> target = Find(name, generation);
  if (!target.ok()) return target;
  if (Status s = CheckPreconditions(pre, &*target, meta_.name, name); !s.ok()) return s;
  ObjectMeta meta = std::move(target).value();
  if (meta.metageneration >= int64_t{UINT32_MAX}) {
    return Status::Invalid("object " + QuoteObject(meta_.name, name) +
                           " has reached the metageneration limit");
  }
  if (patch.content_type) meta.content_type = *patch.content_type;
  for (const auto& [key, value] : patch.metadata) {
    if (value) {
      meta.metadata[key] = *value;
    } else {
      meta.metadata.erase(key);
    }
  }
  if (patch.storage_class) meta.storage_class = *patch.storage_class;
  ++meta.metageneration;
  meta.update_time = now;
  if (meta.live()) {
    live_.Put(name, meta);
  } else {
    noncurrent_[NoncurrentKey(name, meta.generation)] = meta;
  }
  return meta;
}

Status Bucket::Delete(std::string_view name, std::optional<int64_t> generation,
                      const Preconditions& pre, TimeNs now) {
  Result<ObjectMeta> target = Find(name, generation);
  if (!target.ok()) return target.status();
  if (Status s = CheckPreconditions(pre, &*target, meta_.name, name); !s.ok()) return s;
  ObjectMeta meta = std::move(target).value();
  if (!meta.live()) {
    noncurrent_.erase(NoncurrentKey(name, meta.generation));
    NoteRemoved(name, meta.generation);
    return Status::Ok();
  }
  live_.Erase(name);
  if (meta_.versioning && !generation) {
    // Deleting the live object of a versioned bucket archives it.
    meta.delete_time = now;
    NoncurrentKey key(meta.name, meta.generation);
    noncurrent_.emplace(std::move(key), std::move(meta));
  } else {
    NoteRemoved(name, meta.generation);
  }
  return Status::Ok();
}

Status Bucket::SetResidency(std::string_view name, int64_t generation, SiteSet residency) {
  std::optional<int64_t> live = live_.GenerationOf(name);
  if (live && *live == generation) {
    live_.SetResidency(name, residency);
    return Status::Ok();
  }
  auto it = noncurrent_.find(NoncurrentKey(name, generation));
  if (it == noncurrent_.end()) return NotFound(meta_.name, name, generation);
  it->second.residency = residency;
  return Status::Ok();
}

void Bucket::AddToDigest(DigestBuilder& d) const {
  d.AddBytes(meta_.name);
  d.AddBool(meta_.versioning);
  d.AddU64(static_cast<uint64_t>(meta_.default_storage_class));
  d.AddI64(meta_.metageneration);
  d.AddI64(meta_.create_time);
  d.AddI64(meta_.update_time);
  d.AddU64(live_.size());
  for (auto it = live_.Begin(); it.Valid(); it.Next())
    AddObject(d, it.meta());
  d.AddU64(noncurrent_.size());
  for (const auto& [key, meta] : noncurrent_)
    AddObject(d, meta);
  d.AddU64(tombstones_.size());
  for (const auto& [name, generation] : tombstones_) {
    d.AddBytes(name);
    d.AddI64(generation);
  }
}

}  // namespace estate
