// Message::type ranges, one per engine component, so components can share a node's single
// message handler without clashing.
#pragma once

#include <cstdint>

namespace estate {

constexpr uint32_t kRaftMessageFirst = 100;  // engine/raft: 100..119
constexpr uint32_t kRaftMessageLast = 119;
constexpr uint32_t kStreamMessageFirst = 200;  // engine/stream: 200..209
constexpr uint32_t kStreamMessageLast = 209;
constexpr uint32_t kNodeMessageFirst = 210;  // engine/node: 210..229
constexpr uint32_t kNodeMessageLast = 229;
constexpr uint32_t kDataMessageFirst = 230;  // engine/data: 230..249
constexpr uint32_t kDataMessageLast = 249;

}  // namespace estate
