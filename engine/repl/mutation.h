// Mutation: one change to the namespace, as it travels through a replicated log or an
// asynchronous replication stream. Every replica applies the same mutations in its mode's
// order and reaches the same state, so a mutation carries everything the apply needs: the
// version (and hence generation) chosen by its origin, the origin's time, and the GCS
// preconditions, which are evaluated at apply time against the replica's state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/clock/hlc.h"
#include "engine/ns/object.h"
#include "engine/result.h"

namespace estate {

enum class MutationKind : uint8_t {
  kCreateBucket = 1,
  kDeleteBucket = 2,
  kInsertObject = 3,
  kPatchObject = 4,
  kDeleteObject = 5,
  kNoop = 6,  // a Raft leader's first entry of its term; changes nothing
};

const char* MutationKindName(MutationKind k);

struct Mutation {
  MutationKind kind = MutationKind::kNoop;
  std::string bucket;
  std::string name;
  // Patch or delete of one specific generation; nullopt targets the live object.
  std::optional<int64_t> target_generation;
  Preconditions preconditions;
  bool versioning = false;  // kCreateBucket
  ObjectWrite write;        // kInsertObject
  ObjectPatch patch;        // kPatchObject
  Version version;          // origin's HLC version; the generation of an insert
  // Multi-master modes: the live generation the origin saw when it issued this write (0 when
  // none). A receiver whose live generation differs has a concurrent write: a conflict.
  int64_t observed_generation = 0;
  // Multi-master patches carry the complete resulting metadata so that replicas converge
  // whatever order patches arrive in; this is the metageneration that state had.
  int64_t metageneration = 0;
  // Replicated patches: when the patched generation was created.
  TimeNs create_time = 0;
  TimeNs time = 0;          // origin's clock when the mutation was issued
  uint64_t client_id = 0;   // for histories and request de-duplication
  uint64_t request_id = 0;

  friend bool operator==(const Mutation&, const Mutation&) = default;
};

std::string EncodeMutation(const Mutation& m);
// Returns Invalid("malformed mutation: ...") on truncated or corrupt bytes.
Result<Mutation> DecodeMutation(std::string_view bytes);

}  // namespace estate
