#include "engine/memory/page_pool.h"

#include <sanitizer/asan_interface.h>

#include <algorithm>
#include <cassert>
#include <new>

#include "engine/memory/huge_page_allocator.h"

namespace estate {
namespace {

constexpr size_t kFirstChunkBytes = size_t{64} << 10;

}  // namespace

PagePool::PagePool(size_t page_bytes) : page_bytes_(page_bytes) {
  assert(page_bytes % 64 == 0 && page_bytes <= kFirstChunkBytes);
}

PagePool::~PagePool() {
  for (const Chunk& c : chunks_)
    HugePageAllocator<char>().deallocate(c.base, c.bytes);
}

void PagePool::AddChunk() {
  const size_t bytes =
      chunks_.empty() ? kFirstChunkBytes : std::min(2 * chunks_.back().bytes, kHugePageBytes);
  char* base = HugePageAllocator<char>().allocate(bytes);
  chunks_.push_back({base, bytes});
  carve_ = base;
  carve_end_ = base + bytes / page_bytes_ * page_bytes_;
}

void* PagePool::Allocate() {
  if (free_ != nullptr) {
    FreePage* page = free_;
    ASAN_UNPOISON_MEMORY_REGION(page, page_bytes_);
    free_ = page->next;
    return page;
  }
  if (carve_ == carve_end_) AddChunk();
  void* page = carve_;
  carve_ += page_bytes_;
  return page;
}

void PagePool::Release(void* page) {
  free_ = new (page) FreePage{free_};
  // Under AddressSanitizer a released page is off limits until allocated again, as freed
  // memory would be: the pool must not hide the tree's use-after-free bugs from the asan suites.
  ASAN_POISON_MEMORY_REGION(page, page_bytes_);
}

}  // namespace estate
