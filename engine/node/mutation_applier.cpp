#include "engine/node/mutation_applier.h"

namespace estate {
namespace {

// The complete object a replicated insert or patch describes.
ObjectMeta ObjectOf(const Mutation& m) {
  ObjectMeta meta;
  meta.bucket = m.bucket;
  meta.name = m.name;
  const bool patch = m.kind == MutationKind::kPatchObject;
  meta.generation = patch ? m.target_generation.value_or(0) : GenerationOf(m.version);
  meta.metageneration = patch ? m.metageneration : 1;
  meta.size = m.write.size;
  meta.crc32c = m.write.crc32c;
  meta.md5 = m.write.md5;
  meta.content_type = m.write.content_type;
  meta.metadata = m.write.metadata;
  meta.storage_class = m.write.storage_class.value_or(StorageClass::kStandard);
  meta.create_time = patch ? m.create_time : m.time;
  meta.update_time = m.time;
  meta.residency = SiteSet::Of(m.version.site);
  return meta;
}

}  // namespace

std::string MutationApplier::KeyOf(const std::string& bucket, const std::string& name) {
  std::string key = bucket;
  key.push_back('\0');
  key += name;
  return key;
}

Result<ObjectMeta> MutationApplier::ApplyStrict(const Mutation& m) {
  switch (m.kind) {
    case MutationKind::kNoop:
      return ObjectMeta{};
    case MutationKind::kCreateBucket: {
      BucketMeta spec;
      spec.name = m.bucket;
      spec.versioning = m.versioning;
      Result<BucketMeta> b = ns_.CreateBucket(spec, m.time);
      if (!b.ok()) return b.status();
      return ObjectMeta{};
    }
    case MutationKind::kDeleteBucket: {
      Status s = ns_.DeleteBucket(m.bucket);
      if (!s.ok()) return s;
      return ObjectMeta{};
    }
    case MutationKind::kInsertObject:
      return ns_.InsertObject(m.bucket, m.name, m.write, m.preconditions, m.time,
                              GenerationOf(m.version), SiteSet::Of(m.version.site));
    case MutationKind::kPatchObject:
      return ns_.PatchObject(m.bucket, m.name, m.patch, m.preconditions, m.time,
                             m.target_generation);
    case MutationKind::kDeleteObject: {
      // The deleted object is the answer, so read it (with the preconditions) first.
      Result<ObjectMeta> target =
          ns_.GetObject(m.bucket, m.name, m.target_generation, m.preconditions);
      if (!target.ok()) return target;
      Status s = ns_.DeleteObject(m.bucket, m.name, m.preconditions, m.time, m.target_generation);
      if (!s.ok()) return s;
      return target;
    }
  }
  return Status::Internal("unknown mutation kind");
}

Status MutationApplier::ApplySeed(const Mutation& m) {
  ObjectMeta meta = ObjectOf(m);
  meta.residency = SiteSet::Of(kGcpSite);
  return ns_.InstallObject(meta);
}

Mutation MutationApplier::EffectOf(const Mutation& request, const ObjectMeta& result) {
  Mutation e;
  e.kind = request.kind;
  e.bucket = request.bucket;
  e.name = request.name;
  e.version = request.version;
  e.observed_generation = request.observed_generation;
  e.time = request.time;
  e.client_id = request.client_id;
  e.request_id = request.request_id;
  if (request.kind == MutationKind::kDeleteObject) {
    e.target_generation = request.target_generation;
    return e;
  }
  // The namespace may have moved the generation past one already used for this name; the
  // replicas must install exactly what the origin holds.
  if (request.kind == MutationKind::kInsertObject)
    e.version = VersionOfGeneration(result.generation);
  e.write.size = result.size;
  e.write.crc32c = result.crc32c;
  e.write.md5 = result.md5;
  e.write.content_type = result.content_type;
  e.write.metadata = result.metadata;
  e.write.storage_class = result.storage_class;
  if (request.kind == MutationKind::kPatchObject) {
    e.target_generation = result.generation;
    e.metageneration = result.metageneration;
    e.create_time = result.create_time;
  }
  return e;
}

void MutationApplier::NoteLocalWrite(const Mutation& effect) {
  if (effect.target_generation && effect.kind == MutationKind::kDeleteObject) return;
  registers_[KeyOf(effect.bucket, effect.name)] = {effect.version, effect.observed_generation};
}

Version MutationApplier::LastVersion(const std::string& bucket, const std::string& name) const {
  auto it = registers_.find(KeyOf(bucket, name));
  return it == registers_.end() ? Version{} : it->second.version;
}

void MutationApplier::RecordIfConcurrent(const Mutation& loser, const Register& winner,
                                         TimeNs now) {
  // The winner saw the loser: an ordinary overwrite that arrived out of order, not a conflict.
  if (winner.observed_generation == GenerationOf(loser.version)) return;
  // Counted once, by the site whose write lost.
  if (loser.version.site != self_) return;
  ConflictRecord c;
  c.bucket = loser.bucket;
  c.name = loser.name;
  c.winner_generation = GenerationOf(winner.version);
  c.loser_generation = GenerationOf(loser.version);
  c.loser_site = loser.version.site;
  c.winner_site = winner.version.site;
  c.loser_kind = loser.kind;
  c.detected_at = now;
  conflicts_.push_back(std::move(c));
}

void MutationApplier::ApplyReplicated(const Mutation& m, TimeNs now, bool record_conflicts) {
  if (m.kind == MutationKind::kNoop || m.kind == MutationKind::kCreateBucket ||
      m.kind == MutationKind::kDeleteBucket) {
    return;  // bucket changes only travel through the Raft log
  }
  if (m.kind == MutationKind::kDeleteObject && m.target_generation) {
    // Removing one named generation is idempotent and commutes with everything else.
    ns_.DeleteObject(m.bucket, m.name, Preconditions{}, m.time, m.target_generation);
    return;
  }
  const std::string key = KeyOf(m.bucket, m.name);
  Register& current = registers_[key];
  if (m.version <= current.version) {
    // The incoming write lost to the one this node holds. If they were concurrent, the loser's
    // origin records the conflict when the winner reaches it (the branch below), so every
    // conflict is counted exactly once. Its generation still counts as used, as it does at
    // the sites that applied it before the winner arrived.
    if (m.kind == MutationKind::kInsertObject) {
      ns_.NoteGeneration(m.bucket, m.name, GenerationOf(m.version));
    }
    return;
  }
  if (record_conflicts && current.version != Version{} &&
      m.observed_generation != GenerationOf(current.version)) {
    // The incoming write wins, but its origin never saw the write this node held.
    Mutation held;
    held.kind = MutationKind::kInsertObject;
    held.bucket = m.bucket;
    held.name = m.name;
    held.version = current.version;
    RecordIfConcurrent(held, Register{m.version, m.observed_generation}, now);
  }
  current = {m.version, m.observed_generation};
  if (m.kind == MutationKind::kDeleteObject) {
    ns_.DeleteObject(m.bucket, m.name, Preconditions{}, m.time);
  } else {
    ns_.InstallObject(ObjectOf(m));
  }
}

}  // namespace estate
