// B+tree mechanics of NameTree: descent with a recorded path, splits that push shortest
// separators upwards, and erase-time merging and freeing.
#include "engine/ns/name_tree.h"

#include <algorithm>
#include <new>
#include <string>
#include <type_traits>

namespace estate {
namespace {

static_assert(sizeof(NameTree::Leaf) == NameTree::kPageBytes);
static_assert(sizeof(NameTree::Inner) == NameTree::kPageBytes);

// The shortest prefix of `right` that sorts after `left`. REQUIRES: left < right.
std::string_view ShortestSeparator(std::string_view left, std::string_view right) {
  size_t common = 0;
  const size_t n = std::min(left.size(), right.size());
  while (common < n && left[common] == right[common])
    ++common;
  return right.substr(0, common + 1);
}

}  // namespace

NameTree::NameTree() : pool_(kPageBytes) {
  root_ = NewPage<Leaf>();  // after the members that NewPage counts in
}

NameTree::~NameTree() = default;  // pages are trivially destructible; the pool frees them

template <typename Page>
Page* NameTree::NewPage() {
  static_assert(std::is_trivially_destructible_v<Page>);
  ++pages_;
  return new (pool_.Allocate()) Page;
}

void NameTree::FreePage(void* page) {
  pool_.Release(page);
  --pages_;
}

NameTree::Leaf* NameTree::Descend(std::string_view key, PathStep* path, int* depth) const {
  void* node = root_;
  int d = 0;
  for (int level = height_; level > 0; --level) {
    auto* inner = static_cast<Inner*>(node);
    const size_t child = inner->ChildFor(key);
    if (path != nullptr) path[d] = {inner, child};
    ++d;
    node = inner->value(child);
  }
  if (depth != nullptr) *depth = d;
  return static_cast<Leaf*>(node);
}

bool NameTree::Upsert(std::string_view key, const CompactRecord& rec, CompactRecord* old) {
  PathStep path[kMaxHeight];
  int depth = 0;
  Leaf* leaf = Descend(key, path, &depth);
  size_t i = leaf->LowerBound(key);
  if (i < leaf->count() && leaf->MayEqual(i, key) && leaf->key(i) == key) {
    if (old != nullptr) *old = leaf->value(i);
    leaf->value(i) = rec;
    return false;
  }
  if (!leaf->Fits(key.size())) {
    auto* right = NewPage<Leaf>();
    std::string_view sep;
    if (i == leaf->count()) {
      // Appending past the leaf's end: keep this leaf full and start the next one.
      sep = ShortestSeparator(leaf->key(leaf->count() - 1), key);
    } else {
      const size_t m = leaf->SplitPoint();
      leaf->MoveTailTo(m, *right);
      sep = ShortestSeparator(leaf->key(m - 1), right->key(0));
    }
    right->next = leaf->next;
    right->prev = leaf;
    if (leaf->next != nullptr) leaf->next->prev = right;
    leaf->next = right;
    // sep points into `right` or `key`, neither of which the parent update touches.
    const bool goes_right = !(key < sep);
    InsertIntoParent(path, depth, sep, right);
    if (goes_right) {
      leaf = right;
      i = right->LowerBound(key);
    }
  }
  leaf->Insert(i, key, rec);
  ++size_;
  return true;
}

void NameTree::InsertIntoParent(PathStep* path, int depth, std::string_view sep, void* right) {
  std::string carry;  // a separator pushed up out of a split inner node
  for (int d = depth - 1; d >= 0; --d) {
    Inner* parent = path[d].node;
    const size_t pos = path[d].child + 1;
    if (parent->Fits(sep.size())) {
      parent->Insert(pos, sep, right);
      return;
    }
    auto* sibling = NewPage<Inner>();
    const size_t m = parent->SplitPoint();
    std::string up(parent->key(m));
    parent->MoveTailTo(m, *sibling);
    sibling->ClearKey(0);
    if (pos <= m) {
      parent->Insert(pos, sep, right);
    } else {
      sibling->Insert(pos - m, sep, right);
    }
    carry = std::move(up);
    sep = carry;
    right = sibling;
  }
  auto* root = NewPage<Inner>();
  root->Insert(0, std::string_view(), root_);
  root->Insert(1, sep, right);
  root_ = root;
  ++height_;
}

const CompactRecord* NameTree::Find(std::string_view key) const {
  const Leaf* leaf = Descend(key, nullptr, nullptr);
  const size_t i = leaf->LowerBound(key);
  if (i < leaf->count() && leaf->MayEqual(i, key) && leaf->key(i) == key) return &leaf->value(i);
  return nullptr;
}

CompactRecord* NameTree::FindMutable(std::string_view key) {
  return const_cast<CompactRecord*>(Find(key));
}

bool NameTree::Erase(std::string_view key, CompactRecord* old) {
  PathStep path[kMaxHeight];
  int depth = 0;
  Leaf* leaf = Descend(key, path, &depth);
  const size_t i = leaf->LowerBound(key);
  if (i >= leaf->count() || !leaf->MayEqual(i, key) || leaf->key(i) != key) return false;
  if (old != nullptr) *old = leaf->value(i);
  leaf->Erase(i);
  --size_;
  if (height_ == 0) return true;
  if (leaf->count() == 0) {
    UnlinkAndFreeLeaf(leaf);
    RemoveFromParent(path, depth);
  } else if (leaf->UsedBytes() < Leaf::Capacity() / 4) {
    MaybeMergeLeaf(leaf, path, depth);
  }
  return true;
}

void NameTree::MaybeMergeLeaf(Leaf* leaf, PathStep* path, int depth) {
  Inner* parent = path[depth - 1].node;
  const size_t idx = path[depth - 1].child;
  const size_t limit = Leaf::Capacity() * 3 / 4;
  if (idx + 1 < parent->count()) {
    auto* right = static_cast<Leaf*>(parent->value(idx + 1));
    if (leaf->UsedBytes() + right->UsedBytes() <= limit) {
      right->MoveTailTo(0, *leaf);
      UnlinkAndFreeLeaf(right);
      path[depth - 1].child = idx + 1;
      RemoveFromParent(path, depth);
      return;
    }
  }
  if (idx > 0) {
    auto* left = static_cast<Leaf*>(parent->value(idx - 1));
    if (leaf->UsedBytes() + left->UsedBytes() <= limit) {
      leaf->MoveTailTo(0, *left);
      UnlinkAndFreeLeaf(leaf);
      RemoveFromParent(path, depth);
    }
  }
}

void NameTree::UnlinkAndFreeLeaf(Leaf* leaf) {
  if (leaf->prev != nullptr) leaf->prev->next = leaf->next;
  if (leaf->next != nullptr) leaf->next->prev = leaf->prev;
  FreePage(leaf);
}

void NameTree::RemoveFromParent(PathStep* path, int depth) {
  for (int d = depth - 1; d >= 0; --d) {
    Inner* parent = path[d].node;
    parent->Erase(path[d].child);
    if (parent->count() > 0 || d == 0) break;
    FreePage(parent);
  }
  CollapseRoot();
}

void NameTree::CollapseRoot() {
  while (height_ > 0 && static_cast<Inner*>(root_)->count() == 1) {
    auto* old = static_cast<Inner*>(root_);
    root_ = old->value(0);
    FreePage(old);
    --height_;
  }
}

NameTree::Cursor::Cursor(const Leaf* leaf, size_t idx) : leaf_(leaf), idx_(idx) {
  while (leaf_ != nullptr && idx_ >= leaf_->count()) {
    leaf_ = leaf_->next;
    idx_ = 0;
  }
}

void NameTree::Cursor::Next() {
  ++idx_;
  while (leaf_ != nullptr && idx_ >= leaf_->count()) {
    leaf_ = leaf_->next;
    idx_ = 0;
  }
}

NameTree::Cursor NameTree::Seek(std::string_view key) const {
  const Leaf* leaf = Descend(key, nullptr, nullptr);
  return Cursor(leaf, leaf->LowerBound(key));
}

}  // namespace estate
