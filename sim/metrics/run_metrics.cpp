#include "sim/metrics/run_metrics.h"

#include <algorithm>

namespace estate::sim {

const char* OpKindName(OpKind k) {
  switch (k) {
    case OpKind::kRead:
      return "read";
    case OpKind::kWrite:
      return "write";
    case OpKind::kList:
      return "list";
    case OpKind::kDelete:
      return "delete";
  }
  return "?";
}

IntervalRow& RunMetrics::RowAt(TimeNs at) {
  const size_t index = at <= 0 ? 0 : static_cast<size_t>((at - 1) / interval_);
  while (rows_.size() <= index) {
    IntervalRow row;
    row.start = static_cast<TimeNs>(rows_.size()) * interval_;
    rows_.push_back(std::move(row));
  }
  return rows_[index];
}

void RunMetrics::RecordOp(const OpSample& s) {
  OpStats& st = ops_[{s.op, s.site, s.mode}];
  IntervalRow& row = RowAt(s.completed);
  ++row.ops[static_cast<int>(s.op)];
  switch (s.outcome) {
    case Outcome::kOk:
      ++st.ok;
      st.latency.Record(s.completed - s.issued);
      break;
    case Outcome::kNotFound:
      ++st.not_found;
      st.latency.Record(s.completed - s.issued);
      break;
    case Outcome::kUnavailable:
      ++st.unavailable;
      ++row.failed;
      break;
    case Outcome::kError:
      ++st.errors;
      ++row.failed;
      break;
  }
  st.stale += s.stale;
  st.cache_hits += s.cache_hit;
  st.bytes += s.outcome == Outcome::kOk ? s.bytes : 0;
}

void RunMetrics::RecordRejected(OpKind op, SiteId site, ConsistencyMode mode, TimeNs at) {
  OpSample s;
  s.op = op;
  s.site = site;
  s.mode = mode;
  s.issued = s.completed = at;
  s.outcome = Outcome::kUnavailable;
  RecordOp(s);
}

void RunMetrics::RecordReplication(SiteId replica, bool data, DurationNs delay, TimeNs at) {
  IntervalRow& row = RowAt(at);
  if (data) {
    data_lag_.Record(delay);
    row.data_lag.Record(delay);
  } else {
    replication_lag_.Record(delay);
    lag_by_site_[replica].Record(delay);
    row.replication_lag.Record(delay);
  }
}

void RunMetrics::RecordRpo(TimeNs at, DurationNs rpo, DurationNs data_rpo) {
  rpo_.Record(rpo);
  data_rpo_.Record(data_rpo);
  IntervalRow& row = RowAt(at);
  row.rpo = std::max(row.rpo, rpo);
  row.data_rpo = std::max(row.data_rpo, data_rpo);
}

void RunMetrics::RecordLinkBytes(size_t direction, double bytes, TimeNs start, TimeNs end) {
  link_totals_[direction] += bytes;
  auto add = [&](TimeNs at, double b) {
    IntervalRow& row = RowAt(at);
    if (row.link_bytes.size() < link_totals_.size()) row.link_bytes.resize(link_totals_.size(), 0);
    row.link_bytes[direction] += b;
  };
  if (end <= start) return add(end, bytes);
  // Interval k covers (k * interval, (k + 1) * interval].
  for (TimeNs from = start; from < end;) {
    const TimeNs boundary = (from / interval_ + 1) * interval_;
    const TimeNs to = std::min(boundary, end);
    add(to, bytes * static_cast<double>(to - from) / static_cast<double>(end - start));
    from = to;
  }
}

void RunMetrics::CloseInterval(TimeNs end, std::vector<double> hit_ratio) {
  IntervalRow& row = RowAt(end);
  row.hit_ratio = std::move(hit_ratio);
}

void RunMetrics::NoteAcknowledged(const std::string& key, int64_t generation, bool deleted) {
  Expected& e = acknowledged_[key];
  if (generation >= e.generation) {
    e.generation = generation;
    e.deleted = deleted;
  }
}

RunMetrics::Expected RunMetrics::ExpectedAt(const std::string& key) const {
  auto it = acknowledged_.find(key);
  return it == acknowledged_.end() ? Expected{} : it->second;
}

bool RunMetrics::IsStale(const Expected& expected, bool found, int64_t generation) {
  if (expected.generation == 0) return false;
  if (expected.deleted) return found && generation <= expected.generation;
  return !found || generation < expected.generation;
}

}  // namespace estate::sim
