// Messages that move object bytes between sites, separate from metadata: a transfer (its
// wire size is the object's size, sent on a data stream), its acknowledgement, and a
// request to fetch an object that is not resident (read-through).
#pragma once

#include <cstdint>
#include <string>

#include "engine/message_types.h"
#include "engine/result.h"

namespace estate {

constexpr uint32_t kDataTransferMessage = kDataMessageFirst;
constexpr uint32_t kDataAckMessage = kDataMessageFirst + 1;
constexpr uint32_t kDataFetchMessage = kDataMessageFirst + 2;

// Why bytes move: decides priority and what the receiver does with them.
enum class TransferPurpose : uint8_t {
  kReplicate = 1,  // push to a replica site on write (prefetch)
  kWriteBack = 2,  // on-prem write copied to GCS, the system of record
  kFetch = 3,      // read-through: the answer to a DataFetch
};

struct ObjectRef {
  std::string bucket;
  std::string name;
  int64_t generation = 0;
  uint64_t size = 0;
  uint32_t crc32c = 0;

  std::string CacheKey() const { return bucket + "/" + name + "#" + std::to_string(generation); }
};

struct DataTransfer {
  uint64_t transfer_id = 0;
  TransferPurpose purpose = TransferPurpose::kReplicate;
  ObjectRef object;
};

struct DataAck {
  uint64_t transfer_id = 0;
};

struct DataFetch {
  ObjectRef object;
};

std::string EncodeDataTransfer(const DataTransfer& t);
Result<DataTransfer> DecodeDataTransfer(std::string_view bytes);
std::string EncodeDataAck(const DataAck& a);
Result<DataAck> DecodeDataAck(std::string_view bytes);
std::string EncodeDataFetch(const DataFetch& f);
Result<DataFetch> DecodeDataFetch(std::string_view bytes);

}  // namespace estate
