#include "engine/data/data_messages.h"

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {
namespace {

void PutRef(WireWriter& w, const ObjectRef& o) {
  w.PutString(o.bucket);
  w.PutString(o.name);
  w.PutSignedVarint(o.generation);
  w.PutVarint(o.size);
  w.PutFixed32(o.crc32c);
}

void GetRef(WireReader& r, ObjectRef* o) {
  r.GetString(&o->bucket);
  r.GetString(&o->name);
  r.GetSignedVarint(&o->generation);
  r.GetVarint(&o->size);
  r.GetFixed32(&o->crc32c);
}

}  // namespace

std::string EncodeDataTransfer(const DataTransfer& t) {
  WireWriter w;
  w.PutVarint(t.transfer_id);
  w.PutU8(static_cast<uint8_t>(t.purpose));
  PutRef(w, t.object);
  return w.Take();
}

Result<DataTransfer> DecodeDataTransfer(std::string_view bytes) {
  WireReader r(bytes);
  DataTransfer t;
  uint8_t purpose = 0;
  r.GetVarint(&t.transfer_id);
  r.GetU8(&purpose);
  GetRef(r, &t.object);
  if (!r.done() || purpose < 1 || purpose > 3) return Status::Invalid("malformed data transfer");
  t.purpose = static_cast<TransferPurpose>(purpose);
  return t;
}

std::string EncodeDataAck(const DataAck& a) {
  WireWriter w;
  w.PutVarint(a.transfer_id);
  return w.Take();
}

Result<DataAck> DecodeDataAck(std::string_view bytes) {
  WireReader r(bytes);
  DataAck a;
  r.GetVarint(&a.transfer_id);
  if (!r.done()) return Status::Invalid("malformed data ack");
  return a;
}

std::string EncodeDataFetch(const DataFetch& f) {
  WireWriter w;
  PutRef(w, f.object);
  return w.Take();
}

Result<DataFetch> DecodeDataFetch(std::string_view bytes) {
  WireReader r(bytes);
  DataFetch f;
  GetRef(r, &f.object);
  if (!r.done()) return Status::Invalid("malformed data fetch");
  return f;
}

}  // namespace estate
