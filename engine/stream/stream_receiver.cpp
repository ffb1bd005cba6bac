#include "engine/stream/stream_receiver.h"

namespace estate {

void StreamReceiver::SetRecoveredPosition(NodeId origin, uint64_t applied_seq) {
  OriginState& st = origins_[origin];
  st.progress.applied_seq = applied_seq;
  st.progress.durable_seq = applied_seq;
  if (st.progress.known_last_seq < applied_seq) st.progress.known_last_seq = applied_seq;
}

void StreamReceiver::OnBatch(NodeId from, const StreamBatch& batch) {
  OriginState& st = origins_[from];
  OriginProgress& p = st.progress;
  p.last_heard = rt_.Now();
  if (batch.origin_last_seq > p.known_last_seq) p.known_last_seq = batch.origin_last_seq;
  for (const StreamEntry& e : batch.entries) {
    if (e.seq > p.applied_seq && st.early.size() < kMaxEarlyEntries) st.early.emplace(e.seq, e);
  }
  bool needs_sync = false;
  ApplyInOrder(from, st, &needs_sync);

  if (st.pending.size() >= kMaxPendingClaims) st.pending.pop_front();
  st.pending.push_back({batch.origin_last_seq, batch.origin_time, batch.origin_hlc});
  PromoteFreshness(st);

  // Heartbeats double as the sync clock: unsynced applies stay at risk for one tick at most.
  if (batch.entries.empty() && p.durable_seq < p.applied_seq) needs_sync = true;
  if (needs_sync) {
    Status s = rt_.Storage().Sync();
    if (s.ok()) {
      for (auto& [id, other] : origins_)
        other.progress.durable_seq = other.progress.applied_seq;
    }
  }
  StreamAck ack{p.applied_seq, p.durable_seq, batch.origin_time};
  Message msg;
  msg.type = kStreamAckMessage;
  msg.payload = EncodeStreamAck(ack);
  rt_.Send(from, std::move(msg));
}

void StreamReceiver::ApplyInOrder(NodeId origin, OriginState& st, bool* needs_sync) {
  OriginProgress& p = st.progress;
  while (!st.early.empty()) {
    auto it = st.early.begin();
    if (it->first <= p.applied_seq) {
      st.early.erase(it);  // a duplicate of something already applied
      continue;
    }
    if (it->first != p.applied_seq + 1) break;
    apply_(origin, it->second);
    if (it->second.durable) *needs_sync = true;
    p.applied_seq = it->first;
    st.early.erase(it);
  }
}

void StreamReceiver::PromoteFreshness(OriginState& st) {
  // Claims can arrive out of order, so every satisfied one is consumed, not just a prefix.
  OriginProgress& p = st.progress;
  std::erase_if(st.pending, [&p](const Freshness& f) {
    if (f.last_seq > p.applied_seq) return false;
    if (f.origin_time > p.fresh_as_of) p.fresh_as_of = f.origin_time;
    if (f.hlc > p.fresh_hlc) p.fresh_hlc = f.hlc;
    return true;
  });
}

OriginProgress StreamReceiver::progress(NodeId origin) const {
  auto it = origins_.find(origin);
  return it == origins_.end() ? OriginProgress{} : it->second.progress;
}

size_t StreamReceiver::buffered_entries() const {
  size_t n = 0;
  for (const auto& [id, st] : origins_)
    n += st.early.size();
  return n;
}

}  // namespace estate
