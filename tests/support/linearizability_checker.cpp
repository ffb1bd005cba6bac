#include "tests/support/linearizability_checker.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace estate::testing {
namespace {

struct State {
  int64_t generation = 0;  // 0: absent; kUnknownGeneration: written by an unanswered insert
  std::string digest;
  bool operator==(const State&) const = default;
};

// An insert that never answered has no known generation; its content digest identifies it.
constexpr int64_t kUnknownGeneration = -1;

// Whether ifGenerationMatch=want can hold, and can fail, in state s. An unknown generation
// allows both: it cannot be ruled either way.
bool CanHold(const State& s, int64_t want) {
  if (want == 0) return s.generation == 0;
  return s.generation == want || s.generation == kUnknownGeneration;
}
bool CanFail(const State& s, int64_t want) {
  if (want == 0) return s.generation != 0;
  return s.generation != want;
}

// Whether some failed precondition on the same key returned after r was called: r might be
// what made it fail, so r must stay in the search.
bool ExplainsAFailedPrecondition(const HistoryRecord& r, const std::vector<HistoryRecord>& all) {
  for (const HistoryRecord& o : all) {
    if (o.outcome == "conditionNotMet" && o.object == r.object && o.bucket == r.bucket &&
        o.return_ns > r.call_ns) {
      return true;
    }
  }
  return false;
}

// One operation of a single key's history, reduced to what the model needs.
struct Op {
  const HistoryRecord* record;
  TimeNs call;
  TimeNs ret;  // +inf for indeterminate operations
  bool indeterminate;
};

bool Indeterminate(const HistoryRecord& r) {
  return r.outcome == "backendError" || r.outcome == "unavailable" || r.outcome == "timeout" ||
         r.outcome == "rateLimitExceeded";
}

// Applies op to s. Returns false when op cannot take effect (or be observed) in state s.
// `effect` selects, for an indeterminate op, whether it takes effect.
bool Step(const Op& op, const State& s, bool effect, State* out) {
  const HistoryRecord& r = *op.record;
  *out = s;
  if (op.indeterminate) {
    if (!effect) return true;
    if (r.op == "insert") {
      if (r.if_generation_match && !CanHold(s, *r.if_generation_match)) {
        return false;  // it could not have taken effect here
      }
      *out = {r.generation != 0 ? r.generation : kUnknownGeneration, r.digest};
    } else if (r.op == "delete") {
      if (s.generation == 0) return false;
      *out = State{};
    }
    return true;
  }
  if (r.outcome == "conditionNotMet") {
    if (!r.if_generation_match) return false;
    const int64_t want = *r.if_generation_match;
    return CanFail(s, want);
  }
  if (r.outcome == "notFound") return s.generation == 0;
  if (r.outcome != "ok") return true;  // other failures change nothing
  if (r.op == "get") {
    if (r.generation == 0) return s.generation == 0;
    return (s.generation == r.generation || s.generation == kUnknownGeneration) &&
           s.digest == r.digest;
  }
  if (r.op == "insert") {
    if (r.if_generation_match) {
      const int64_t want = *r.if_generation_match;
      if (!CanHold(s, want)) return false;
    }
    *out = {r.generation, r.digest};
    return true;
  }
  if (r.op == "delete") {
    if (s.generation == 0) return false;
    if (r.if_generation_match && !CanHold(s, *r.if_generation_match)) return false;
    // The removed object, when recorded, must be the one present.
    if (!r.digest.empty() && s.digest != r.digest) return false;
    if (r.generation != 0 && s.generation != kUnknownGeneration && s.generation != r.generation) {
      return false;
    }
    *out = State{};
    return true;
  }
  if (r.op == "patch") return s.generation == r.generation;
  return true;
}

struct Bits {
  std::vector<uint64_t> words;
  explicit Bits(size_t n) : words((n + 63) / 64) {}
  void Set(size_t i) { words[i / 64] |= uint64_t{1} << (i % 64); }
  void Clear(size_t i) { words[i / 64] &= ~(uint64_t{1} << (i % 64)); }
};

struct CacheKey {
  std::vector<uint64_t> bits;
  State state;
  bool operator==(const CacheKey&) const = default;
};

struct CacheHash {
  size_t operator()(const CacheKey& k) const {
    uint64_t h = 0xcbf29ce484222325ull ^ static_cast<uint64_t>(k.state.generation);
    for (uint64_t w : k.bits)
      h = (h ^ w) * 0x100000001b3ull;
    for (char c : k.state.digest)
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
  }
};

LinearizabilityResult CheckKey(const std::string& key, std::vector<Op> ops,
                               const LinearizabilityOptions& options) {
  LinearizabilityResult result;
  result.key = key;
  // Just-in-time linearization: order by call; an op may be linearized next only if its call
  // precedes the earliest return among the ops not yet linearized.
  std::sort(ops.begin(), ops.end(), [](const Op& a, const Op& b) {
    return a.call != b.call ? a.call < b.call : a.ret < b.ret;
  });
  const size_t n = ops.size();
  size_t determinate = 0;
  for (const Op& op : ops)
    determinate += !op.indeterminate;

  struct Frame {
    size_t op;
    bool effect;
    State before;
  };
  std::vector<Frame> stack;
  std::vector<bool> done(n, false);
  Bits bits(n);
  State state;
  std::unordered_set<CacheKey, CacheHash> seen;
  size_t done_determinate = 0;

  // Candidate scan position: we try ops in order; `next` is the first op index to try.
  size_t next = 0;
  bool next_effect = true;
  // The deepest point the search reached, and the operation that could not be placed there:
  // the most useful thing to show when the history is not linearizable.
  size_t deepest = 0;
  const Op* blocked = nullptr;
  while (done_determinate < determinate) {
    if (++result.states_explored > options.max_states_per_key) {
      result.verdict = LinearizabilityResult::kUnknown;
      result.explanation = "search budget exhausted";
      return result;
    }
    // The earliest return among pending ops bounds which calls may go next.
    TimeNs min_ret = std::numeric_limits<TimeNs>::max();
    for (size_t i = 0; i < n; ++i) {
      if (!done[i]) min_ret = std::min(min_ret, ops[i].ret);
    }
    bool advanced = false;
    for (size_t i = next; i < n && ops[i].call <= min_ret; ++i) {
      if (done[i]) continue;
      for (bool effect : {true, false}) {
        if (i == next && !next_effect && effect) continue;
        if (!effect && !ops[i].indeterminate) continue;
        State after;
        if (!Step(ops[i], state, effect, &after)) continue;
        bits.Set(i);
        CacheKey ck{bits.words, after};
        if (!seen.insert(std::move(ck)).second) {
          bits.Clear(i);
          continue;
        }
        stack.push_back({i, effect, state});
        done[i] = true;
        if (!ops[i].indeterminate) ++done_determinate;
        state = after;
        advanced = true;
        break;
      }
      if (advanced) break;
    }
    if (advanced) {
      next = 0;
      next_effect = true;
      continue;
    }
    // Dead end: undo the last choice and try the next alternative after it.
    if (stack.size() >= deepest) {
      deepest = stack.size();
      for (size_t i = 0; i < n; ++i) {
        if (!done[i] && !ops[i].indeterminate && ops[i].ret == min_ret) blocked = &ops[i];
      }
    }
    if (stack.empty()) {
      result.verdict = LinearizabilityResult::kNotLinearizable;
      if (blocked != nullptr) {
        const HistoryRecord& r = *blocked->record;
        result.explanation =
            r.op + " by client " + std::to_string(r.client) + " at site " + std::to_string(r.site) +
            " (generation " + std::to_string(r.generation) + ", outcome " + r.outcome +
            ", returned at " + std::to_string(r.return_ns) + " ns) cannot be linearized";
      }
      return result;
    }
    Frame f = stack.back();
    stack.pop_back();
    done[f.op] = false;
    bits.Clear(f.op);
    if (!ops[f.op].indeterminate) --done_determinate;
    state = f.before;
    if (f.effect && ops[f.op].indeterminate) {
      next = f.op;  // try the same op without effect
      next_effect = false;
    } else {
      next = f.op + 1;
      next_effect = true;
    }
  }
  return result;
}

}  // namespace

LinearizabilityResult CheckLinearizable(const std::vector<HistoryRecord>& history,
                                        LinearizabilityOptions options) {
  // Digests some read observed: an unanswered insert whose content nobody ever read, and
  // which no later failed precondition could depend on, is taken not to have happened; each
  // one kept doubles the search.
  std::set<std::pair<std::string, std::string>> observed;
  for (const HistoryRecord& r : history) {
    // A get shows the content it read; a delete, the content it removed.
    if ((r.op == "get" || r.op == "delete") && r.outcome == "ok") {
      observed.emplace(r.bucket + "/" + r.object, r.digest);
    }
  }
  std::map<std::string, std::vector<Op>> by_key;
  for (const HistoryRecord& r : history) {
    if (r.op == "list") continue;          // a list spans keys; it is checked elsewhere
    if (r.outcome == "refused") continue;  // turned away before it could take effect
    const bool indeterminate = Indeterminate(r);
    if (indeterminate && (r.op == "get")) continue;  // an unanswered read constrains nothing
    if (indeterminate && r.op == "insert" &&
        !observed.count({r.bucket + "/" + r.object, r.digest}) &&
        !ExplainsAFailedPrecondition(r, history)) {
      continue;
    }
    Op op{&r, r.call_ns, indeterminate ? std::numeric_limits<TimeNs>::max() : r.return_ns,
          indeterminate};
    by_key[r.bucket + "/" + r.object].push_back(op);
  }
  LinearizabilityResult total;
  for (auto& [key, ops] : by_key) {
    LinearizabilityResult r = CheckKey(key, std::move(ops), options);
    total.states_explored += r.states_explored;
    if (!r.ok()) {
      r.states_explored = total.states_explored;
      return r;
    }
  }
  return total;
}

}  // namespace estate::testing
