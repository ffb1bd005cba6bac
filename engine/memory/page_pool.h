// PagePool: fixed-size pages for one B+tree. Pages are carved from chunks that double from
// 64 KiB up to 2 MiB, allocated by HugePageAllocator: 2 MiB chunks are 2 MiB-aligned and
// offered for transparent huge pages, because a large index is read at random and otherwise
// pays a TLB miss and, while it grows, a page fault for every 4 KiB (measured: about 6 us a
// fault on a VM). Small trees stay in small chunks, and untouched memory is never resident.
//
// Released pages are reused before new ones are carved; memory goes back to the system only
// when the pool is destroyed, so a tree that shrinks keeps its peak footprint. Under
// AddressSanitizer released pages are poisoned.
#pragma once

#include <cstddef>
#include <vector>

namespace estate {

class PagePool {
 public:
  // REQUIRES: page_bytes is a multiple of 64 and at most 64 KiB.
  explicit PagePool(size_t page_bytes);
  ~PagePool();
  PagePool(const PagePool&) = delete;
  PagePool& operator=(const PagePool&) = delete;

  // Uninitialised memory for one page, 64-byte aligned.
  void* Allocate();
  // REQUIRES: page came from this pool's Allocate() and is not in use.
  void Release(void* page);

 private:
  struct FreePage {
    FreePage* next;
  };
  struct Chunk {
    char* base;
    size_t bytes;
  };
  void AddChunk();

  size_t page_bytes_;
  std::vector<Chunk> chunks_;
  char* carve_ = nullptr;  // next uncarved page of the newest chunk
  char* carve_end_ = nullptr;
  FreePage* free_ = nullptr;
};

}  // namespace estate
