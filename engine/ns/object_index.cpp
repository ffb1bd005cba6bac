// Conversion between ObjectMeta and CompactRecord, string interning and the extras table.
#include "engine/ns/object_index.h"

#include <cassert>
#include <utility>

namespace estate {

ObjectIndex::ObjectIndex() {
  InternContentType("application/octet-stream");
}

uint16_t ObjectIndex::InternContentType(const std::string& type) {
  if (auto it = content_type_ids_.find(type); it != content_type_ids_.end()) return it->second;
  if (content_types_.size() >= kContentTypeInExtras) return kContentTypeInExtras;
  const auto id = static_cast<uint16_t>(content_types_.size());
  content_types_.push_back(type);
  content_type_ids_.emplace(type, id);
  return id;
}

uint32_t ObjectIndex::AllocateExtras(Extras extras) {
  if (!free_extras_.empty()) {
    const uint32_t id = free_extras_.back();
    free_extras_.pop_back();
    extras_[id - 1] = std::move(extras);
    return id;
  }
  extras_.push_back(std::move(extras));
  return static_cast<uint32_t>(extras_.size());
}

void ObjectIndex::ReleaseExtras(uint32_t id) {
  if (id == 0) return;
  extras_[id - 1] = Extras{};
  free_extras_.push_back(id);
}

CompactRecord ObjectIndex::Compact(const ObjectMeta& meta) {
  assert(meta.metageneration > 0 && meta.metageneration <= int64_t{UINT32_MAX});
  CompactRecord rec;
  rec.generation = meta.generation;
  rec.create_time = meta.create_time;
  rec.update_time = meta.update_time;
  rec.size = meta.size;
  rec.crc32c = meta.crc32c;
  rec.metageneration = static_cast<uint32_t>(meta.metageneration);
  rec.residency = meta.residency.bits();
  rec.storage_class = static_cast<uint8_t>(meta.storage_class);
  rec.content_type = InternContentType(meta.content_type);
  if (!meta.md5.empty() || !meta.metadata.empty() || rec.content_type == kContentTypeInExtras) {
    Extras extras;
    extras.md5 = meta.md5;
    extras.metadata = meta.metadata;
    if (rec.content_type == kContentTypeInExtras) extras.content_type = meta.content_type;
    rec.extras = AllocateExtras(std::move(extras));
  }
  return rec;
}

ObjectMeta ObjectIndex::Expand(std::string_view name, const CompactRecord& rec) const {
  ObjectMeta meta;
  meta.name = std::string(name);
  meta.generation = rec.generation;
  meta.metageneration = rec.metageneration;
  meta.size = rec.size;
  meta.crc32c = rec.crc32c;
  meta.storage_class = static_cast<StorageClass>(rec.storage_class);
  meta.create_time = rec.create_time;
  meta.update_time = rec.update_time;
  meta.residency = SiteSet(rec.residency);
  const Extras* extras = rec.extras == 0 ? nullptr : &extras_[rec.extras - 1];
  if (rec.content_type == kContentTypeInExtras) {
    meta.content_type = extras->content_type;
  } else {
    meta.content_type = content_types_[rec.content_type];
  }
  if (extras != nullptr) {
    meta.md5 = extras->md5;
    meta.metadata = extras->metadata;
  }
  return meta;
}

bool ObjectIndex::Put(std::string_view name, const ObjectMeta& meta) {
  const CompactRecord rec = Compact(meta);
  CompactRecord old;
  const bool inserted = tree_.Upsert(name, rec, &old);
  if (!inserted) {
    ReleaseExtras(old.extras);
    total_bytes_ -= old.size;
  }
  total_bytes_ += rec.size;
  return inserted;
}

std::optional<ObjectMeta> ObjectIndex::Get(std::string_view name) const {
  const CompactRecord* rec = tree_.Find(name);
  if (rec == nullptr) return std::nullopt;
  return Expand(name, *rec);
}

std::optional<int64_t> ObjectIndex::GenerationOf(std::string_view name) const {
  const CompactRecord* rec = tree_.Find(name);
  if (rec == nullptr) return std::nullopt;
  const int64_t generation = rec->generation;  // a copy: the packed field is 4-byte aligned
  return generation;
}

bool ObjectIndex::SetResidency(std::string_view name, SiteSet residency) {
  CompactRecord* rec = tree_.FindMutable(name);
  if (rec == nullptr) return false;
  rec->residency = residency.bits();
  return true;
}

bool ObjectIndex::Erase(std::string_view name) {
  CompactRecord old;
  if (!tree_.Erase(name, &old)) return false;
  ReleaseExtras(old.extras);
  total_bytes_ -= old.size;
  return true;
}

}  // namespace estate
