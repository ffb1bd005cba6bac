#include "engine/raft/raft_messages.h"

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {
namespace {

Message Wrap(uint32_t type, WireWriter& w) {
  Message m;
  m.type = type;
  m.payload = w.Take();
  return m;
}

Status Malformed(const char* what) {
  return Status::Invalid(std::string("malformed Raft message: ") + what);
}

}  // namespace

Message EncodeRaft(const RequestVote& m) {
  WireWriter w;
  w.PutVarint(m.term);
  w.PutVarint(m.last_log_index);
  w.PutVarint(m.last_log_term);
  w.PutBool(m.pre_vote);
  return Wrap(kRaftRequestVote, w);
}

Message EncodeRaft(const RequestVoteReply& m) {
  WireWriter w;
  w.PutVarint(m.term);
  w.PutBool(m.granted);
  w.PutBool(m.pre_vote);
  return Wrap(kRaftRequestVoteReply, w);
}

Message EncodeRaft(const AppendEntries& m) {
  WireWriter w;
  w.PutVarint(m.term);
  w.PutVarint(m.prev_index);
  w.PutVarint(m.prev_term);
  w.PutVarint(m.entries.size());
  for (const RaftEntry& e : m.entries) {
    w.PutVarint(e.term);
    w.PutString(e.command);
  }
  w.PutVarint(m.leader_commit);
  w.PutVarint(m.read_round);
  return Wrap(kRaftAppendEntries, w);
}

Message EncodeRaft(const AppendEntriesReply& m) {
  WireWriter w;
  w.PutVarint(m.term);
  w.PutBool(m.success);
  w.PutVarint(m.match_index);
  w.PutVarint(m.conflict_index);
  w.PutVarint(m.conflict_term);
  w.PutVarint(m.read_round);
  return Wrap(kRaftAppendEntriesReply, w);
}

Message EncodeRaft(const ReadIndexRequest& m) {
  WireWriter w;
  w.PutVarint(m.request_id);
  return Wrap(kRaftReadIndexRequest, w);
}

Message EncodeRaft(const ReadIndexReply& m) {
  WireWriter w;
  w.PutVarint(m.request_id);
  w.PutBool(m.ok);
  w.PutVarint(m.index);
  return Wrap(kRaftReadIndexReply, w);
}

Result<RequestVote> DecodeRequestVote(std::string_view bytes) {
  WireReader r(bytes);
  RequestVote m;
  r.GetVarint(&m.term);
  r.GetVarint(&m.last_log_index);
  r.GetVarint(&m.last_log_term);
  r.GetBool(&m.pre_vote);
  if (!r.done()) return Malformed("RequestVote");
  return m;
}

Result<RequestVoteReply> DecodeRequestVoteReply(std::string_view bytes) {
  WireReader r(bytes);
  RequestVoteReply m;
  r.GetVarint(&m.term);
  r.GetBool(&m.granted);
  r.GetBool(&m.pre_vote);
  if (!r.done()) return Malformed("RequestVoteReply");
  return m;
}

Result<AppendEntries> DecodeAppendEntries(std::string_view bytes) {
  WireReader r(bytes);
  AppendEntries m;
  uint64_t n = 0;
  r.GetVarint(&m.term);
  r.GetVarint(&m.prev_index);
  r.GetVarint(&m.prev_term);
  if (!r.GetVarint(&n) || n > bytes.size()) return Malformed("AppendEntries count");
  m.entries.resize(n);
  for (RaftEntry& e : m.entries) {
    r.GetVarint(&e.term);
    r.GetString(&e.command);
  }
  r.GetVarint(&m.leader_commit);
  r.GetVarint(&m.read_round);
  if (!r.done()) return Malformed("AppendEntries");
  return m;
}

Result<AppendEntriesReply> DecodeAppendEntriesReply(std::string_view bytes) {
  WireReader r(bytes);
  AppendEntriesReply m;
  r.GetVarint(&m.term);
  r.GetBool(&m.success);
  r.GetVarint(&m.match_index);
  r.GetVarint(&m.conflict_index);
  r.GetVarint(&m.conflict_term);
  r.GetVarint(&m.read_round);
  if (!r.done()) return Malformed("AppendEntriesReply");
  return m;
}

Result<ReadIndexRequest> DecodeReadIndexRequest(std::string_view bytes) {
  WireReader r(bytes);
  ReadIndexRequest m;
  r.GetVarint(&m.request_id);
  if (!r.done()) return Malformed("ReadIndexRequest");
  return m;
}

Result<ReadIndexReply> DecodeReadIndexReply(std::string_view bytes) {
  WireReader r(bytes);
  ReadIndexReply m;
  r.GetVarint(&m.request_id);
  r.GetBool(&m.ok);
  r.GetVarint(&m.index);
  if (!r.done()) return Malformed("ReadIndexReply");
  return m;
}

std::string EncodeRaftEntry(const RaftEntry& e) {
  WireWriter w;
  w.PutVarint(e.term);
  w.PutString(e.command);
  return w.Take();
}

Result<RaftEntry> DecodeRaftEntry(std::string_view bytes) {
  WireReader r(bytes);
  RaftEntry e;
  r.GetVarint(&e.term);
  r.GetString(&e.command);
  if (!r.done()) return Malformed("persisted entry");
  return e;
}

}  // namespace estate
