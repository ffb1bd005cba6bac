// ObjectIndex: the live objects of one bucket, keyed by name, in a compact form meant for tens
// of millions of entries (about 120 bytes of payload per object with 60-byte names; see
// name_tree.h). Content types are interned; md5, custom metadata and content types beyond the
// intern table's reach are kept out of line, only for objects that have them.
//
// The index stores exactly what ObjectMeta says about a live object except `bucket` (the
// owner knows it) and `delete_time` (live objects have none).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/ns/name_tree.h"
#include "engine/ns/object.h"

namespace estate {

class ObjectIndex {
 public:
  ObjectIndex();

  // Stores meta under name, replacing any previous entry. Returns true when name was new.
  // REQUIRES: name is a valid object name; meta.metageneration fits in 32 bits.
  bool Put(std::string_view name, const ObjectMeta& meta);

  // The entry for name (with `bucket` empty and no delete_time), or nullopt.
  std::optional<ObjectMeta> Get(std::string_view name) const;
  // The generation of name's entry, or nullopt; cheaper than Get().
  std::optional<int64_t> GenerationOf(std::string_view name) const;

  // Replaces the residency of name's entry. Returns false when absent.
  bool SetResidency(std::string_view name, SiteSet residency);

  // Removes name. Returns false when absent.
  bool Erase(std::string_view name);

  uint64_t size() const { return tree_.size(); }
  uint64_t total_bytes() const { return total_bytes_; }
  // Bytes of B+tree pages (not counting interned strings or extras).
  uint64_t page_bytes() const { return tree_.page_count() * NameTree::kPageBytes; }

  // Ordered iteration from an arbitrary name. Invalidated by any mutation of the index.
  class Iterator {
   public:
    bool Valid() const { return cursor_.Valid(); }
    // REQUIRES: Valid().
    std::string_view name() const { return cursor_.key(); }
    int64_t generation() const { return cursor_.record().generation; }
    uint64_t size() const { return cursor_.record().size; }
    ObjectMeta meta() const { return index_->Expand(cursor_.key(), cursor_.record()); }
    void Next() { cursor_.Next(); }

   private:
    friend class ObjectIndex;
    Iterator(const ObjectIndex* index, NameTree::Cursor cursor) : index_(index), cursor_(cursor) {}
    const ObjectIndex* index_;
    NameTree::Cursor cursor_;
  };

  // The first entry whose name is >= name.
  Iterator Seek(std::string_view name) const { return Iterator(this, tree_.Seek(name)); }
  Iterator Begin() const { return Seek(std::string_view()); }

 private:
  struct Extras {
    std::string md5;
    std::map<std::string, std::string> metadata;
    std::string content_type;  // used when the record says kContentTypeInExtras
  };

  CompactRecord Compact(const ObjectMeta& meta);
  ObjectMeta Expand(std::string_view name, const CompactRecord& rec) const;
  uint16_t InternContentType(const std::string& type);
  uint32_t AllocateExtras(Extras extras);
  void ReleaseExtras(uint32_t id);

  NameTree tree_;
  uint64_t total_bytes_ = 0;
  std::vector<std::string> content_types_;
  std::unordered_map<std::string, uint16_t> content_type_ids_;  // lookup only, never iterated
  std::vector<Extras> extras_;                                  // id k lives at extras_[k - 1]
  std::vector<uint32_t> free_extras_;  // ids to reuse, most recently freed last
};

}  // namespace estate
