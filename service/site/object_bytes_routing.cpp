#include "service/site/object_bytes_routing.h"

#include "engine/data/data_messages.h"
#include "service/storage/content_address.h"

namespace estate::service {

Result<std::string> BodyKeyFor(const EngineNode& engine, const Message& msg) {
  if (msg.type != kDataTransferMessage) return std::string();
  Result<DataTransfer> t = DecodeDataTransfer(msg.payload);
  if (!t.ok()) return t.status();
  const ObjectRef& ref = t->object;
  Result<ObjectMeta> meta = engine.ns().GetObject(ref.bucket, ref.name, ref.generation);
  if (!meta.ok()) return meta.status();
  std::optional<ContentAddress> address = ContentAddress::Of(*meta);
  if (!address)
    return Status::NotFound("object " + ref.CacheKey() + " has no MD5 to find its bytes");
  return address->Key();
}

bool AcceptDelivery(const Message& msg, const std::string& body_key) {
  if (msg.type != kDataTransferMessage) return body_key.empty();
  Result<DataTransfer> t = DecodeDataTransfer(msg.payload);
  if (!t.ok()) return false;
  std::optional<ContentAddress> address = ContentAddress::FromKey(body_key);
  return address && address->size == t->object.size && address->crc32c == t->object.crc32c;
}

}  // namespace estate::service
