#include "engine/repl/mutation.h"

#include "engine/wire/preconditions_codec.h"
#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {
namespace {

void PutOptionalClass(WireWriter& w, const std::optional<StorageClass>& c) {
  w.PutU8(c ? static_cast<uint8_t>(*c) + 1 : 0);
}

bool GetOptionalClass(WireReader& r, std::optional<StorageClass>* c) {
  uint8_t b = 0;
  if (!r.GetU8(&b) || b > static_cast<uint8_t>(StorageClass::kArchive) + 1) return false;
  if (b == 0) {
    c->reset();
  } else {
    *c = static_cast<StorageClass>(b - 1);
  }
  return true;
}

bool GetCount(WireReader& r, uint64_t* n) {
  // A map of n entries needs at least 2n bytes, so a larger count is corrupt; this stops a
  // forged count from making the decoder loop for long.
  return r.GetVarint(n) && *n <= (1u << 20);
}

}  // namespace

const char* MutationKindName(MutationKind k) {
  switch (k) {
    case MutationKind::kCreateBucket:
      return "create-bucket";
    case MutationKind::kDeleteBucket:
      return "delete-bucket";
    case MutationKind::kInsertObject:
      return "insert";
    case MutationKind::kPatchObject:
      return "patch";
    case MutationKind::kDeleteObject:
      return "delete";
    case MutationKind::kNoop:
      return "noop";
  }
  return "unknown";
}

std::string EncodeMutation(const Mutation& m) {
  WireWriter w;
  w.PutU8(static_cast<uint8_t>(m.kind));
  w.PutString(m.bucket);
  w.PutString(m.name);
  w.PutOptionalSignedVarint(m.target_generation);
  PutPreconditions(w, m.preconditions);
  w.PutBool(m.versioning);
  w.PutVarint(m.write.size);
  w.PutFixed32(m.write.crc32c);
  w.PutString(m.write.md5);
  w.PutString(m.write.content_type);
  w.PutVarint(m.write.metadata.size());
  for (const auto& [k, v] : m.write.metadata) {
    w.PutString(k);
    w.PutString(v);
  }
  PutOptionalClass(w, m.write.storage_class);
  w.PutBool(m.patch.content_type.has_value());
  if (m.patch.content_type) w.PutString(*m.patch.content_type);
  w.PutVarint(m.patch.metadata.size());
  for (const auto& [k, v] : m.patch.metadata) {
    w.PutString(k);
    w.PutBool(v.has_value());
    if (v) w.PutString(*v);
  }
  PutOptionalClass(w, m.patch.storage_class);
  w.PutSignedVarint(m.version.hlc.ticks);
  w.PutVarint(m.version.site);
  w.PutSignedVarint(m.observed_generation);
  w.PutSignedVarint(m.metageneration);
  w.PutSignedVarint(m.create_time);
  w.PutSignedVarint(m.time);
  w.PutVarint(m.client_id);
  w.PutVarint(m.request_id);
  return w.Take();
}

Result<Mutation> DecodeMutation(std::string_view bytes) {
  WireReader r(bytes);
  Mutation m;
  uint8_t kind = 0;
  if (!r.GetU8(&kind) || kind < 1 || kind > static_cast<uint8_t>(MutationKind::kNoop)) {
    return Status::Invalid("malformed mutation: unknown kind");
  }
  m.kind = static_cast<MutationKind>(kind);
  r.GetString(&m.bucket);
  r.GetString(&m.name);
  r.GetOptionalSignedVarint(&m.target_generation);
  GetPreconditions(r, &m.preconditions);
  r.GetBool(&m.versioning);
  r.GetVarint(&m.write.size);
  r.GetFixed32(&m.write.crc32c);
  r.GetString(&m.write.md5);
  r.GetString(&m.write.content_type);
  uint64_t n = 0;
  if (!GetCount(r, &n)) return Status::Invalid("malformed mutation: metadata count");
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string k, v;
    r.GetString(&k);
    r.GetString(&v);
    m.write.metadata.emplace(std::move(k), std::move(v));
  }
  GetOptionalClass(r, &m.write.storage_class);
  bool has_ct = false;
  r.GetBool(&has_ct);
  if (has_ct) {
    std::string ct;
    r.GetString(&ct);
    m.patch.content_type = std::move(ct);
  }
  if (!GetCount(r, &n)) return Status::Invalid("malformed mutation: patch count");
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string k;
    bool has_v = false;
    r.GetString(&k);
    r.GetBool(&has_v);
    std::optional<std::string> v;
    if (has_v) {
      std::string s;
      r.GetString(&s);
      v = std::move(s);
    }
    m.patch.metadata.emplace(std::move(k), std::move(v));
  }
  GetOptionalClass(r, &m.patch.storage_class);
  uint64_t site = 0;
  r.GetSignedVarint(&m.version.hlc.ticks);
  r.GetVarint(&site);
  r.GetSignedVarint(&m.observed_generation);
  r.GetSignedVarint(&m.metageneration);
  r.GetSignedVarint(&m.create_time);
  r.GetSignedVarint(&m.time);
  r.GetVarint(&m.client_id);
  r.GetVarint(&m.request_id);
  if (!r.done()) return Status::Invalid("malformed mutation: truncated or trailing bytes");
  if (m.version.hlc.ticks < 0 || m.version.hlc.ticks >= (int64_t{1} << 58) || site >= kMaxSites) {
    return Status::Invalid("malformed mutation: version out of range");
  }
  m.version.site = static_cast<SiteId>(site);
  return m;
}

}  // namespace estate
