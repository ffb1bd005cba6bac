// Messages between engine nodes for client requests that must run elsewhere: a write
// forwarded to the strong-mode leader or a mount's primary site, or a read forwarded to a
// site fresh enough to serve it. The reply carries the full result, so the forwarding site
// answers its client without waiting to apply the change itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/message_types.h"
#include "engine/ns/object.h"
#include "engine/result.h"
#include "engine/status.h"

namespace estate {

constexpr uint32_t kForwardRequestMessage = kNodeMessageFirst;
constexpr uint32_t kForwardReplyMessage = kNodeMessageFirst + 1;

enum class ForwardKind : uint8_t {
  kMutation = 1,  // `mutation` holds an encoded Mutation to order and apply
  kGet = 2,       // read one object's metadata
  kList = 3,      // list one page
};

struct ReadSpec {
  std::string bucket;
  std::string name;
  std::optional<int64_t> generation;
  Preconditions preconditions;
  ListOptions list;  // kList only
};

struct ForwardRequest {
  uint64_t request_id = 0;  // unique at the forwarding site
  ForwardKind kind = ForwardKind::kMutation;
  std::string mutation;  // kMutation
  ReadSpec read;         // kGet, kList
};

struct ForwardReply {
  uint64_t request_id = 0;
  StatusCode code = StatusCode::kOk;
  std::string message;
  bool refused = false;              // the failure certainly had no effect (Status::Refused)
  std::optional<ObjectMeta> object;  // kMutation (insert, patch) and kGet
  std::optional<ListPage> page;      // kList

  Status status() const;
};

std::string EncodeForwardRequest(const ForwardRequest& r);
Result<ForwardRequest> DecodeForwardRequest(std::string_view bytes);
std::string EncodeForwardReply(const ForwardReply& r);
Result<ForwardReply> DecodeForwardReply(std::string_view bytes);

}  // namespace estate
