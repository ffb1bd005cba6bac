// NameTree: an ordered map from object name to CompactRecord, as a B+tree of 8 KiB slotted
// pages (see sorted_page.h). Leaves are chained for ordered scans; inner nodes hold the
// shortest separators that split their children. Point operations cost O(log n); a scan seeks
// in O(log n) and then walks the leaf chain.
//
// Space: an entry costs a 56-byte slot plus its key bytes. Leaves split in half, except when a
// key lands past a leaf's last entry, where the full leaf is kept and a new one started, so
// ascending loads fill pages completely. Erases merge a leaf that falls under a quarter full
// into a sibling and free empty pages. Pages come from the tree's own PagePool, in huge pages
// once the tree passes a few MiB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/memory/page_pool.h"
#include "engine/ns/compact_record.h"
#include "engine/ns/sorted_page.h"

namespace estate {

class NameTree {
 public:
  static constexpr size_t kPageBytes = 8192;
  using Leaf = SortedPage<CompactRecord, kPageBytes, false>;
  using Inner = SortedPage<void*, kPageBytes, true>;

  NameTree();
  ~NameTree();
  NameTree(const NameTree&) = delete;
  NameTree& operator=(const NameTree&) = delete;

  // Inserts key -> rec, or replaces the record of an existing key. On replacement, *old (when
  // non-null) receives the previous record. Returns true when the key was new.
  // REQUIRES: key.size() <= Leaf::kMaxKeyBytes.
  bool Upsert(std::string_view key, const CompactRecord& rec, CompactRecord* old);

  // The record of key, or nullptr. The pointer is valid until the next mutation.
  const CompactRecord* Find(std::string_view key) const;
  CompactRecord* FindMutable(std::string_view key);

  // Removes key; *old (when non-null) receives its record. Returns false when absent.
  bool Erase(std::string_view key, CompactRecord* old);

  size_t size() const { return size_; }
  size_t page_count() const { return pages_; }

  // A position in key order. Invalidated by any mutation of the tree.
  class Cursor {
   public:
    bool Valid() const { return leaf_ != nullptr; }
    // REQUIRES: Valid().
    std::string_view key() const { return leaf_->key(idx_); }
    const CompactRecord& record() const { return leaf_->value(idx_); }
    void Next();

   private:
    friend class NameTree;
    Cursor(const Leaf* leaf, size_t idx);
    const Leaf* leaf_;
    size_t idx_;
  };

  // The first entry whose key is >= key.
  Cursor Seek(std::string_view key) const;
  Cursor Begin() const { return Seek(std::string_view()); }

 private:
  static constexpr int kMaxHeight = 32;
  struct PathStep {
    Inner* node;
    size_t child;
  };

  Leaf* Descend(std::string_view key, PathStep* path, int* depth) const;
  // Links `right` (whose keys are >= sep) after the child at path[depth-1], splitting
  // ancestors as needed.
  void InsertIntoParent(PathStep* path, int depth, std::string_view sep, void* right);
  // Removes the child at path[depth-1] from its parent, freeing ancestors left empty.
  void RemoveFromParent(PathStep* path, int depth);
  void CollapseRoot();
  void MaybeMergeLeaf(Leaf* leaf, PathStep* path, int depth);
  void UnlinkAndFreeLeaf(Leaf* leaf);
  template <typename Page>
  Page* NewPage();
  void FreePage(void* page);

  PagePool pool_;
  void* root_ = nullptr;
  int height_ = 0;  // 0: the root is a leaf
  size_t size_ = 0;
  size_t pages_ = 0;
};

}  // namespace estate
