// SortedPage: one fixed-size B+tree node holding sorted (key, value) entries as a slotted page.
// A slot per entry (key head, blob offset, key length; 8 bytes in leaves) grows from the front;
// blobs (value, then key bytes) grow from the back. A node is a single allocation with no per-entry
// pointers, which keeps the index near 120 bytes of payload per 60-byte name.
//
// Search is cache-conscious: every key in a page shares its first prefix_len() bytes, and each
// slot caches the 4 (leaves) or 8 (inner nodes) bytes after that prefix ("head", big-endian,
// zero-padded). A binary search compares heads within the dense slot array and reads a key's
// bytes only when heads tie.
// head(a) < head(b) implies a < b, so heads filter and never decide ties.
//
// Inner nodes (kInner) ignore slot 0's key: it stands for minus infinity.
// Keys compare as unsigned bytes (std::string_view order), which is GCS's listing order.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace estate {

template <typename V, size_t kPageBytes, bool kInner>
class SortedPage {
 public:
  SortedPage* next = nullptr;  // leaf chain, for ordered iteration
  SortedPage* prev = nullptr;

  // Largest key any page must accept; a split leaves room for at least two such entries.
  static constexpr size_t kMaxKeyBytes = 1024;

  SortedPage() = default;
  SortedPage(const SortedPage&) = delete;
  SortedPage& operator=(const SortedPage&) = delete;

  size_t count() const { return count_; }
  std::string_view key(size_t i) const {
    const Slot& s = slots()[i];
    return {reinterpret_cast<const char*>(data_) + s.off + sizeof(V), s.len};
  }
  V& value(size_t i) { return *reinterpret_cast<V*>(data_ + slots()[i].off); }
  const V& value(size_t i) const { return *reinterpret_cast<const V*>(data_ + slots()[i].off); }

  // False when key i cannot equal k, as its slot alone (length and head) shows; then a lookup
  // of an absent key, the usual case when inserting, reads no key bytes, which in a large
  // index are a cache miss away. True means: compare the keys. Leaves only.
  bool MayEqual(size_t i, std::string_view k) const {
    const Slot& s = slots()[i];
    return s.len == k.size() && s.head == HeadOf(k, prefix_len_);
  }

  // First index whose key is >= k (count() when none). Leaves only.
  size_t LowerBound(std::string_view k) const { return Bound(k, false); }

  // The child whose range holds k. Inner nodes only. REQUIRES: count() > 0.
  size_t ChildFor(std::string_view k) const { return Bound(k, true) - 1; }

  static constexpr size_t EntryBytes(size_t key_len) { return sizeof(Slot) + BlobBytes(key_len); }
  size_t UsedBytes() const { return count_ * sizeof(Slot) + (kDataBytes - heap_lo_) - garbage_; }
  static constexpr size_t Capacity() { return kDataBytes; }
  bool Fits(size_t key_len) const { return UsedBytes() + EntryBytes(key_len) <= kDataBytes; }

  // Inserts at index i. REQUIRES: i <= count(), Fits(k.size()), key order is preserved.
  void Insert(size_t i, std::string_view k, const V& v) {
    assert(i <= count_ && Fits(k.size()));
    const size_t blob = BlobBytes(k.size());
    if ((count_ + 1) * sizeof(Slot) + blob > heap_lo_) Compact();
    heap_lo_ = static_cast<uint16_t>(heap_lo_ - blob);
    std::memcpy(data_ + heap_lo_, &v, sizeof(V));
    if (!k.empty()) std::memcpy(data_ + heap_lo_ + sizeof(V), k.data(), k.size());
    Slot* s = slots();
    std::memmove(s + i + 1, s + i, (count_ - i) * sizeof(Slot));
    s[i] = Slot{0, heap_lo_, static_cast<uint16_t>(k.size())};
    ++count_;
    if (i < kFirst) return;  // an inner node's slot 0 takes no part in search
    if (count_ - kFirst == 1) {
      prefix_len_ = static_cast<uint16_t>(k.size());
    } else {
      const std::string_view other = key(i == kFirst ? kFirst + 1 : kFirst);
      const size_t lcp = CommonPrefix(k, other);
      if (lcp < prefix_len_) {
        prefix_len_ = static_cast<uint16_t>(lcp);
        RefreshHeads();
      }
    }
    s[i].head = HeadOf(k, prefix_len_);
  }

  // REQUIRES: i < count().
  void Erase(size_t i) {
    garbage_ = static_cast<uint16_t>(garbage_ + BlobBytes(slots()[i].len));
    Slot* s = slots();
    std::memmove(s + i, s + i + 1, (count_ - i - 1) * sizeof(Slot));
    --count_;
    if (count_ == 0) Reset();
  }

  // Drops the bytes of key i, leaving an empty key (an inner node's slot 0 needs none).
  void ClearKey(size_t i) {
    Slot& s = slots()[i];
    garbage_ = static_cast<uint16_t>(garbage_ + BlobBytes(s.len) - BlobBytes(0));
    s.len = 0;
  }

  // Appends entries [from, count()) to the end of dst and removes them here.
  // REQUIRES: dst's keys all sort before them, and dst has room.
  void MoveTailTo(size_t from, SortedPage& dst) {
    for (size_t i = from; i < count_; ++i)
      dst.Insert(dst.count_, key(i), value(i));
    for (size_t i = from; i < count_; ++i) {
      garbage_ = static_cast<uint16_t>(garbage_ + BlobBytes(slots()[i].len));
    }
    count_ = static_cast<uint16_t>(from);
    if (count_ == 0) {
      Reset();
    } else {
      RecomputePrefix();
    }
  }

  // The index at which to split so that each side holds about half of the bytes.
  // REQUIRES: count() >= 2. Returns a value in [1, count()).
  size_t SplitPoint() const {
    const size_t half = UsedBytes() / 2;
    size_t acc = 0;
    for (size_t i = 0; i + 1 < count_; ++i) {
      acc += EntryBytes(slots()[i].len);
      if (acc >= half) return i + 1;
    }
    return count_ - 1;
  }

  size_t prefix_len() const { return prefix_len_; }

 private:
  // Inner nodes hold shortest separators, which often agree for 4 bytes past their common
  // prefix (a directory's date, say); 8 bytes of head there spare the search reading keys.
  // Leaves, which hold nearly all entries, keep 4 to keep slots at 8 bytes.
  using Head = std::conditional_t<kInner, uint64_t, uint32_t>;
  struct Slot {
    Head head;     // sizeof(Head) key bytes after the common prefix
    uint16_t off;  // blob offset in data_: value, then key bytes
    uint16_t len;  // key length
  };

  static constexpr size_t kFirst = kInner ? 1 : 0;
  static constexpr size_t kHeaderBytes = 2 * sizeof(void*) + 8;
  static constexpr size_t kDataBytes = kPageBytes - kHeaderBytes;
  static_assert(kDataBytes < 65536);
  static_assert(kDataBytes >= 4 * (sizeof(Slot) + sizeof(V) + kMaxKeyBytes + alignof(V)));

  static constexpr size_t BlobBytes(size_t key_len) {
    return (sizeof(V) + key_len + alignof(V) - 1) / alignof(V) * alignof(V);
  }

  static size_t CommonPrefix(std::string_view a, std::string_view b) {
    const size_t n = std::min(a.size(), b.size());
    size_t i = 0;
    while (i < n && a[i] == b[i])
      ++i;
    return i;
  }

  static Head HeadOf(std::string_view k, size_t from) {
    Head h = 0;
    for (size_t j = 0; j < sizeof(Head); ++j) {
      const size_t at = from + j;
      h = (h << 8) | (at < k.size() ? static_cast<unsigned char>(k[at]) : 0u);
    }
    return h;
  }

  size_t Bound(std::string_view k, bool upper) const {
    if (count_ <= kFirst) return count_;
    // Cache misses, not comparisons, dominate a search in a large index. Fetch the dense slot
    // array and the reference key together so that their misses overlap, rather than letting
    // the binary search take them one after another.
    const auto* bytes = reinterpret_cast<const char*>(data_);
    const Slot* s = slots();
    __builtin_prefetch(bytes + s[kFirst].off + sizeof(V));
    for (size_t at = 64; at < count_ * sizeof(Slot); at += 64)
      __builtin_prefetch(bytes + at);

    const size_t p = prefix_len_;
    const std::string_view ref = key(kFirst);
    const size_t n = std::min(k.size(), p);
    int c = n == 0 ? 0 : std::memcmp(k.data(), ref.data(), n);
    if (c == 0 && k.size() < p) c = -1;  // k is a proper prefix of every key here
    if (c < 0) return kFirst;
    if (c > 0) return count_;

    // Heads alone place k within the run of slots whose head equals k's.
    const Head kh = HeadOf(k, p);
    size_t lo = kFirst, hi = count_;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (s[mid].head < kh) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    size_t end = lo;
    while (end < count_ && s[end].head == kh)
      ++end;
    if (end - lo > 1) {
      for (size_t i = lo; i < end && i < lo + 16; ++i)
        __builtin_prefetch(bytes + s[i].off + sizeof(V));
    }
    // Within the run, compare the bytes after the prefix.
    const std::string_view k_rest = k.substr(p);
    hi = end;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      const int cmp = key(mid).substr(p).compare(k_rest);
      if (upper ? cmp <= 0 : cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  void RefreshHeads() {
    Slot* s = slots();
    for (size_t i = kFirst; i < count_; ++i)
      s[i].head = HeadOf(key(i), prefix_len_);
  }

  void RecomputePrefix() {
    if (count_ <= kFirst) return;
    prefix_len_ = static_cast<uint16_t>(CommonPrefix(key(kFirst), key(count_ - 1)));
    RefreshHeads();
  }

  void Reset() {
    heap_lo_ = kDataBytes;
    garbage_ = 0;
    prefix_len_ = 0;
  }

  // Rewrites the blob heap without the garbage.
  void Compact() {
    unsigned char tmp[kDataBytes];
    size_t lo = kDataBytes;
    Slot* s = slots();
    for (size_t i = 0; i < count_; ++i) {
      const size_t blob = BlobBytes(s[i].len);
      lo -= blob;
      std::memcpy(tmp + lo, data_ + s[i].off, blob);
      s[i].off = static_cast<uint16_t>(lo);
    }
    std::memcpy(data_ + lo, tmp + lo, kDataBytes - lo);
    heap_lo_ = static_cast<uint16_t>(lo);
    garbage_ = 0;
  }

  Slot* slots() { return reinterpret_cast<Slot*>(data_); }
  const Slot* slots() const { return reinterpret_cast<const Slot*>(data_); }

  uint16_t count_ = 0;
  uint16_t heap_lo_ = kDataBytes;  // blobs occupy [heap_lo_, kDataBytes)
  uint16_t garbage_ = 0;           // bytes of erased blobs still inside the heap
  uint16_t prefix_len_ = 0;        // every searchable key shares this many leading bytes
  alignas(8) unsigned char data_[kDataBytes];
};

}  // namespace estate
