// libFuzzer target: every decoder of bytes that cross the network or come back from disk
// (mutations, stream batches and acks, forwarded requests and replies, Raft messages, data
// transfers, history lines) must reject garbage cleanly, never crash or over-read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/data/data_messages.h"
#include "engine/history/history_record.h"
#include "engine/node/node_messages.h"
#include "engine/raft/raft_messages.h"
#include "engine/repl/mutation.h"
#include "engine/stream/stream_messages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the decoder, so one corpus covers them all.
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 12) {
    case 0:
      (void)estate::DecodeMutation(bytes);
      break;
    case 1:
      (void)estate::DecodeStreamBatch(bytes);
      break;
    case 2:
      (void)estate::DecodeStreamAck(bytes);
      break;
    case 3:
      (void)estate::DecodeForwardRequest(bytes);
      break;
    case 4:
      (void)estate::DecodeForwardReply(bytes);
      break;
    case 5:
      (void)estate::DecodeAppendEntries(bytes);
      break;
    case 6:
      (void)estate::DecodeRequestVote(bytes);
      break;
    case 7:
      (void)estate::DecodeAppendEntriesReply(bytes);
      break;
    case 8:
      (void)estate::DecodeRaftEntry(bytes);
      break;
    case 9:
      (void)estate::DecodeDataTransfer(bytes);
      break;
    case 10:
      (void)estate::DecodeDataFetch(bytes);
      break;
    default:
      (void)estate::ParseHistoryLine(bytes);
      break;
  }
  return 0;
}
