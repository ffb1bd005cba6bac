// Raft RPCs (Ongaro & Ousterhout) plus the read-index exchange, and their wire encoding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/message_types.h"
#include "engine/result.h"
#include "engine/runtime.h"

namespace estate {

constexpr uint32_t kRaftRequestVote = kRaftMessageFirst;
constexpr uint32_t kRaftRequestVoteReply = kRaftMessageFirst + 1;
constexpr uint32_t kRaftAppendEntries = kRaftMessageFirst + 2;
constexpr uint32_t kRaftAppendEntriesReply = kRaftMessageFirst + 3;
constexpr uint32_t kRaftReadIndexRequest = kRaftMessageFirst + 4;
constexpr uint32_t kRaftReadIndexReply = kRaftMessageFirst + 5;

struct RaftEntry {
  uint64_t term = 0;
  std::string command;  // empty: the no-op a new leader appends

  friend bool operator==(const RaftEntry&, const RaftEntry&) = default;
};

struct RequestVote {
  uint64_t term = 0;
  uint64_t last_log_index = 0;
  uint64_t last_log_term = 0;
  bool pre_vote = false;
};

struct RequestVoteReply {
  uint64_t term = 0;
  bool granted = false;
  bool pre_vote = false;
};

struct AppendEntries {
  uint64_t term = 0;
  uint64_t prev_index = 0;
  uint64_t prev_term = 0;
  std::vector<RaftEntry> entries;
  uint64_t leader_commit = 0;
  uint64_t read_round = 0;  // read-index round this message confirms leadership for
};

struct AppendEntriesReply {
  uint64_t term = 0;
  bool success = false;
  uint64_t match_index = 0;     // on success: last index known to match the leader's log
  uint64_t conflict_index = 0;  // on failure: where the leader should retry from
  uint64_t conflict_term = 0;   // on failure: the term of the follower's conflicting entry
  uint64_t read_round = 0;      // echoed
};

struct ReadIndexRequest {
  uint64_t request_id = 0;
};

struct ReadIndexReply {
  uint64_t request_id = 0;
  bool ok = false;
  uint64_t index = 0;
};

Message EncodeRaft(const RequestVote& m);
Message EncodeRaft(const RequestVoteReply& m);
Message EncodeRaft(const AppendEntries& m);
Message EncodeRaft(const AppendEntriesReply& m);
Message EncodeRaft(const ReadIndexRequest& m);
Message EncodeRaft(const ReadIndexReply& m);

Result<RequestVote> DecodeRequestVote(std::string_view bytes);
Result<RequestVoteReply> DecodeRequestVoteReply(std::string_view bytes);
Result<AppendEntries> DecodeAppendEntries(std::string_view bytes);
Result<AppendEntriesReply> DecodeAppendEntriesReply(std::string_view bytes);
Result<ReadIndexRequest> DecodeReadIndexRequest(std::string_view bytes);
Result<ReadIndexReply> DecodeReadIndexReply(std::string_view bytes);

// Persisted forms.
std::string EncodeRaftEntry(const RaftEntry& e);
Result<RaftEntry> DecodeRaftEntry(std::string_view bytes);

}  // namespace estate
