#include "engine/stream/origin_stream.h"

#include <algorithm>
#include <cstdio>

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {

OriginStream::OriginStream(Runtime& rt, std::vector<NodeId> followers, OriginStreamOptions options,
                           HlcSource hlc)
    : rt_(rt), options_(std::move(options)), hlc_(std::move(hlc)) {
  for (NodeId id : followers)
    followers_[id] = Follower{};
}

OriginStream::~OriginStream() {
  if (tick_timer_ != kNoTimer) rt_.Cancel(tick_timer_);
}

std::string OriginStream::KeyFor(uint64_t seq) const {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%020llu", static_cast<unsigned long long>(seq));
  return options_.storage_prefix + digits;
}

Status OriginStream::Recover() {
  uint64_t trimmed = 0;
  if (Result<std::string> mark = rt_.Storage().Get(options_.trimmed_key); mark.ok()) {
    WireReader r(*mark);
    if (!r.GetVarint(&trimmed))
      return Status::Internal("corrupt replication stream mark " + options_.trimmed_key);
  }
  std::vector<std::string> keys = rt_.Storage().Keys(options_.storage_prefix);
  for (const std::string& key : keys) {
    Result<std::string> bytes = rt_.Storage().Get(key);
    if (!bytes.ok()) return bytes.status();
    Result<StreamBatch> one = DecodeStreamBatch(*bytes);
    if (!one.ok() || one->entries.size() != 1) {
      return Status::Internal("corrupt replication stream entry " + key);
    }
    StreamEntry& e = one->entries.front();
    if (!entries_.empty() && e.seq != entries_.back().seq + 1) {
      return Status::Internal("gap in replication stream before entry " + key);
    }
    entries_.push_back(std::move(e));
  }
  if (!entries_.empty()) {
    first_retained_ = entries_.front().seq;
    last_seq_ = entries_.back().seq;
  } else {
    first_retained_ = trimmed + 1;
    last_seq_ = trimmed;
  }
  for (auto& [id, f] : followers_) {
    f.applied = f.durable = first_retained_ - 1;
    f.next_to_send = first_retained_;
    f.last_progress = rt_.Now();
  }
  return Status::Ok();
}

void OriginStream::Start() {
  if (tick_timer_ == kNoTimer) ScheduleTick(rt_.Now() + options_.tick_interval);
}

uint64_t OriginStream::Append(std::string mutation, bool durable) {
  StreamEntry e{++last_seq_, rt_.Now(), durable, std::move(mutation)};
  StreamBatch one;
  one.entries.push_back(e);
  // The origin's copy is the one a crash must not lose: receivers may already hold the entry,
  // and reusing its sequence number for something else would make them diverge.
  Status s = rt_.Storage().Put(KeyFor(e.seq), EncodeStreamBatch(one), /*sync=*/true);
  if (!s.ok()) rt_.Log(LogLevel::kError, "stream append not persisted: " + s.ToString());
  entries_.push_back(std::move(e));
  for (auto& [id, f] : followers_) {
    if (f.next_to_send == last_seq_ &&
        f.next_to_send - f.applied <= options_.max_inflight_entries) {
      if (f.applied + 1 == last_seq_) f.last_progress = rt_.Now();
      SendBatch(id, last_seq_, last_seq_);
      f.next_to_send = last_seq_ + 1;
    }
  }
  if (tick_timer_ != kNoTimer) ScheduleTick(rt_.Now() + options_.tick_interval);
  return last_seq_;
}

const StreamEntry* OriginStream::EntryAt(uint64_t seq) const {
  if (seq < first_retained_ || seq > last_seq_) return nullptr;
  return &entries_[seq - first_retained_];
}

void OriginStream::SendBatch(NodeId id, uint64_t from_seq, uint64_t to_seq) {
  if (auto it = followers_.find(id); it != followers_.end()) it->second.last_sent = rt_.Now();
  StreamBatch batch;
  for (uint64_t s = from_seq; s <= to_seq; ++s) {
    const StreamEntry* e = EntryAt(s);
    if (e == nullptr) break;
    batch.entries.push_back(*e);
  }
  batch.origin_last_seq = last_seq_;
  batch.origin_time = rt_.Now();
  batch.origin_hlc = hlc_();
  Message msg;
  msg.type = kStreamBatchMessage;
  msg.payload = EncodeStreamBatch(batch);
  rt_.Send(id, std::move(msg));
}

void OriginStream::Pump(NodeId id, Follower& f, bool heartbeat_due) {
  const TimeNs now = rt_.Now();
  if (f.applied < last_seq_ && now - f.last_progress >= options_.retransmit_after) {
    // No progress for a while: the batches or their acks were lost. Start again from the
    // first entry the follower lacks.
    f.next_to_send = f.applied + 1;
    f.last_progress = now;
  }
  bool sent = false;
  while (f.next_to_send <= last_seq_ &&
         f.next_to_send - f.applied <= options_.max_inflight_entries) {
    uint64_t to = std::min<uint64_t>(last_seq_, f.next_to_send + options_.max_batch_entries - 1);
    to = std::min<uint64_t>(to, f.applied + options_.max_inflight_entries);
    SendBatch(id, f.next_to_send, to);
    f.next_to_send = to + 1;
    sent = true;
  }
  if (!sent && heartbeat_due) SendBatch(id, last_seq_ + 1, last_seq_);  // empty: a heartbeat
}

void OriginStream::Tick() {
  tick_timer_ = kNoTimer;
  const TimeNs now = rt_.Now();
  // While a follower lacks entries, tick often (retransmission, window refills); when all
  // are caught up, sleep until the next heartbeat is due: an idle stream costs no wake-ups.
  TimeNs next = now + std::max(options_.heartbeat_interval, options_.tick_interval);
  for (auto& [id, f] : followers_) {
    // A follower with entries applied but not yet durable gets its heartbeat every tick:
    // heartbeats are its sync clock (StreamReceiver), which bounds what a crash there loses.
    const bool due = f.last_sent < 0 || now - f.last_sent >= options_.heartbeat_interval ||
                     f.durable < f.applied || f.applied < last_seq_;
    Pump(id, f, due);
    if (f.applied < last_seq_ || f.durable < f.applied) {
      next = now + options_.tick_interval;
    } else if (f.last_sent >= 0) {
      next = std::min(
          next, std::max(now + options_.tick_interval, f.last_sent + options_.heartbeat_interval));
    }
  }
  ScheduleTick(next);
}

void OriginStream::ScheduleTick(TimeNs at) {
  if (tick_timer_ != kNoTimer) {
    if (tick_at_ <= at) return;
    rt_.Cancel(tick_timer_);
  }
  tick_at_ = at;
  tick_timer_ = rt_.Schedule(at - rt_.Now(), [this] { Tick(); });
}

void OriginStream::OnAck(NodeId from, const StreamAck& ack) {
  auto it = followers_.find(from);
  if (it == followers_.end()) return;
  Follower& f = it->second;
  f.last_ack = rt_.Now();
  if (ack.applied_seq > last_seq_) return;  // from a previous life of this origin; ignore
  if (ack.applied_seq < f.applied) {
    // The follower restarted and lost what it had not synced: rewind to what it has.
    f.next_to_send = ack.applied_seq + 1;
  }
  if (ack.applied_seq != f.applied) f.last_progress = rt_.Now();
  f.applied = ack.applied_seq;
  f.durable = std::min(ack.durable_seq, ack.applied_seq);
  if (f.next_to_send <= f.applied) f.next_to_send = f.applied + 1;
  if (ack_listener_) ack_listener_(from, f.applied);
  Trim();
  Pump(from, f, /*heartbeat_due=*/false);
}

void OriginStream::Trim() {
  uint64_t min_durable = last_seq_;
  for (const auto& [id, f] : followers_)
    min_durable = std::min(min_durable, f.durable);
  if (entries_.empty() || first_retained_ > min_durable) return;
  // The mark goes first: a store that keeps writes in order never holds the deletions
  // without it.
  WireWriter mark;
  mark.PutVarint(min_durable);
  rt_.Storage().Put(options_.trimmed_key, mark.data(), /*sync=*/false);
  while (!entries_.empty() && first_retained_ <= min_durable) {
    rt_.Storage().Delete(KeyFor(first_retained_), /*sync=*/false);
    entries_.pop_front();
    ++first_retained_;
  }
}

uint64_t OriginStream::applied_seq(NodeId follower) const {
  auto it = followers_.find(follower);
  return it == followers_.end() ? 0 : it->second.applied;
}

uint64_t OriginStream::Backlog(NodeId follower) const {
  return last_seq_ - applied_seq(follower);
}

DurationNs OriginStream::Lag(NodeId follower, TimeNs now) const {
  const StreamEntry* oldest = EntryAt(applied_seq(follower) + 1);
  return oldest == nullptr ? 0 : now - oldest->origin_time;
}

TimeNs OriginStream::last_ack_time(NodeId follower) const {
  auto it = followers_.find(follower);
  return it == followers_.end() ? -1 : it->second.last_ack;
}

}  // namespace estate
