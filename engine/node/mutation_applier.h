// MutationApplier: the one place where mutations change a node's namespace. Two disciplines:
//
// - Strict: preconditions are evaluated against this node's state. Used for the strong-mode
//   log (every replica applies the committed log in the same order, so every replica reaches
//   the same verdict) and by an origin for its own writes in the other modes.
// - Replicated: a mutation from another site's stream is an effect that already happened at
//   its origin. It carries the complete resulting object, and is installed if its version is
//   newer than what this node holds for the object (last writer wins by HLC version, site id
//   breaking ties). With a single origin per mount (sync-sites, bounded-staleness) versions
//   only grow, so this is plain in-order replay; with several (session, eventual) it resolves
//   concurrent writes identically everywhere. A concurrent write that loses is a conflict,
//   counted once (by the losing write's origin) and recorded with its generation.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/ns/namespace.h"
#include "engine/repl/mutation.h"

namespace estate {

struct ConflictRecord {
  std::string bucket;
  std::string name;
  int64_t winner_generation = 0;
  int64_t loser_generation = 0;
  SiteId loser_site = 0;
  SiteId winner_site = 0;
  MutationKind loser_kind = MutationKind::kInsertObject;
  TimeNs detected_at = 0;
};

class MutationApplier {
 public:
  MutationApplier(Namespace& ns, SiteId self) : ns_(ns), self_(self) {}

  // Applies with preconditions. Returns the resulting object for inserts and patches, the
  // deleted object for deletes, and an empty ObjectMeta for bucket operations and no-ops.
  Result<ObjectMeta> ApplyStrict(const Mutation& m);

  // Applies a replicated effect (see the file comment). `now` stamps conflict records;
  // `record_conflicts` is false while replaying the journal, so conflicts count once.
  void ApplyReplicated(const Mutation& m, TimeNs now, bool record_conflicts);

  // Installs an insert of an object that predates the node's history, its bytes at GCS. It
  // leaves no version behind: any write made during the run is newer.
  Status ApplySeed(const Mutation& m);

  // Builds the effect to ship for a write that ApplyStrict accepted: the complete resulting
  // object, so any replica can install it whatever it has seen before.
  static Mutation EffectOf(const Mutation& request, const ObjectMeta& result);

  // Remembers the version of an object this node wrote itself, so that later replicated
  // writes are compared against it.
  void NoteLocalWrite(const Mutation& effect);

  // The version this node holds for an object: that of the last write or delete applied.
  Version LastVersion(const std::string& bucket, const std::string& name) const;

  const std::vector<ConflictRecord>& conflicts() const { return conflicts_; }

 private:
  struct Register {
    Version version;
    int64_t observed_generation = 0;
  };

  static std::string KeyOf(const std::string& bucket, const std::string& name);
  void RecordIfConcurrent(const Mutation& loser, const Register& winner, TimeNs now);

  Namespace& ns_;
  SiteId self_;
  std::map<std::string, Register> registers_;  // bucket '\0' name → last applied version
  std::vector<ConflictRecord> conflicts_;
};

}  // namespace estate
