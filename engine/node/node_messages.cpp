#include "engine/node/node_messages.h"

#include "engine/wire/preconditions_codec.h"
#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {
namespace {

void PutMeta(WireWriter& w, const ObjectMeta& m) {
  w.PutString(m.bucket);
  w.PutString(m.name);
  w.PutSignedVarint(m.generation);
  w.PutSignedVarint(m.metageneration);
  w.PutVarint(m.size);
  w.PutFixed32(m.crc32c);
  w.PutString(m.md5);
  w.PutString(m.content_type);
  w.PutVarint(m.metadata.size());
  for (const auto& [k, v] : m.metadata) {
    w.PutString(k);
    w.PutString(v);
  }
  w.PutU8(static_cast<uint8_t>(m.storage_class));
  w.PutSignedVarint(m.create_time);
  w.PutSignedVarint(m.update_time);
  w.PutOptionalSignedVarint(m.delete_time);
  w.PutVarint(m.residency.bits());
}

void GetMeta(WireReader& r, ObjectMeta* m) {
  r.GetString(&m->bucket);
  r.GetString(&m->name);
  r.GetSignedVarint(&m->generation);
  r.GetSignedVarint(&m->metageneration);
  r.GetVarint(&m->size);
  r.GetFixed32(&m->crc32c);
  r.GetString(&m->md5);
  r.GetString(&m->content_type);
  uint64_t n = 0;
  r.GetVarint(&n);
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string k, v;
    r.GetString(&k);
    r.GetString(&v);
    m->metadata.emplace(std::move(k), std::move(v));
  }
  uint8_t sc = 0;
  r.GetU8(&sc);
  m->storage_class = static_cast<StorageClass>(sc & 3);
  r.GetSignedVarint(&m->create_time);
  r.GetSignedVarint(&m->update_time);
  r.GetOptionalSignedVarint(&m->delete_time);
  uint64_t bits = 0;
  r.GetVarint(&bits);
  m->residency = SiteSet(static_cast<uint32_t>(bits));
}

}  // namespace

Status ForwardReply::status() const {
  switch (code) {
    case StatusCode::kOk:
      return Status::Ok();
    case StatusCode::kInvalid:
      return Status::Invalid(message);
    case StatusCode::kUnauthorized:
      return Status::Unauthorized(message);
    case StatusCode::kForbidden:
      return Status::Forbidden(message);
    case StatusCode::kNotFound:
      return Status::NotFound(message);
    case StatusCode::kConflict:
      return Status::Conflict(message);
    case StatusCode::kPreconditionFailed:
      return Status::PreconditionFailed(message);
    case StatusCode::kResourceExhausted:
      return Status::ResourceExhausted(message);
    case StatusCode::kInternal:
      return Status::Internal(message);
    case StatusCode::kUnavailable:
      return refused ? Status::Refused(message) : Status::Unavailable(message);
  }
  return Status::Internal(message);
}

std::string EncodeForwardRequest(const ForwardRequest& r) {
  WireWriter w;
  w.PutVarint(r.request_id);
  w.PutU8(static_cast<uint8_t>(r.kind));
  w.PutString(r.mutation);
  w.PutString(r.read.bucket);
  w.PutString(r.read.name);
  w.PutOptionalSignedVarint(r.read.generation);
  PutPreconditions(w, r.read.preconditions);
  const ListOptions& l = r.read.list;
  w.PutString(l.prefix);
  w.PutString(l.delimiter);
  w.PutString(l.start_offset);
  w.PutString(l.end_offset);
  w.PutSignedVarint(l.max_results);
  w.PutString(l.page_token);
  w.PutBool(l.versions);
  return w.Take();
}

Result<ForwardRequest> DecodeForwardRequest(std::string_view bytes) {
  WireReader r(bytes);
  ForwardRequest f;
  uint8_t kind = 0;
  r.GetVarint(&f.request_id);
  r.GetU8(&kind);
  if (kind < 1 || kind > 3) return Status::Invalid("malformed forward request: kind");
  f.kind = static_cast<ForwardKind>(kind);
  r.GetString(&f.mutation);
  r.GetString(&f.read.bucket);
  r.GetString(&f.read.name);
  r.GetOptionalSignedVarint(&f.read.generation);
  GetPreconditions(r, &f.read.preconditions);
  ListOptions& l = f.read.list;
  int64_t max_results = 0;
  r.GetString(&l.prefix);
  r.GetString(&l.delimiter);
  r.GetString(&l.start_offset);
  r.GetString(&l.end_offset);
  r.GetSignedVarint(&max_results);
  r.GetString(&l.page_token);
  r.GetBool(&l.versions);
  l.max_results = static_cast<int>(max_results);
  if (!r.done()) return Status::Invalid("malformed forward request");
  return f;
}

std::string EncodeForwardReply(const ForwardReply& r) {
  WireWriter w;
  w.PutVarint(r.request_id);
  w.PutVarint(static_cast<uint64_t>(r.code));
  w.PutString(r.message);
  w.PutBool(r.refused);
  w.PutBool(r.object.has_value());
  if (r.object) PutMeta(w, *r.object);
  w.PutBool(r.page.has_value());
  if (r.page) {
    w.PutVarint(r.page->items.size());
    for (const ObjectMeta& m : r.page->items)
      PutMeta(w, m);
    w.PutVarint(r.page->prefixes.size());
    for (const std::string& p : r.page->prefixes)
      w.PutString(p);
    w.PutString(r.page->next_page_token);
  }
  return w.Take();
}

Result<ForwardReply> DecodeForwardReply(std::string_view bytes) {
  WireReader r(bytes);
  ForwardReply f;
  uint64_t code = 0;
  r.GetVarint(&f.request_id);
  r.GetVarint(&code);
  f.code = static_cast<StatusCode>(code);
  r.GetString(&f.message);
  r.GetBool(&f.refused);
  bool has = false;
  r.GetBool(&has);
  if (has) {
    f.object.emplace();
    GetMeta(r, &*f.object);
  }
  r.GetBool(&has);
  if (has) {
    f.page.emplace();
    uint64_t n = 0;
    r.GetVarint(&n);
    for (uint64_t i = 0; i < n && r.ok(); ++i)
      GetMeta(r, &f.page->items.emplace_back());
    r.GetVarint(&n);
    for (uint64_t i = 0; i < n && r.ok(); ++i)
      r.GetString(&f.page->prefixes.emplace_back());
    r.GetString(&f.page->next_page_token);
  }
  if (!r.done()) return Status::Invalid("malformed forward reply");
  return f;
}

}  // namespace estate
