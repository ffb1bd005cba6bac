#include "models/cache/huge_page_allocator.h"

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace estate {

void AdviseHugePages(void* p, size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Advice only: if the kernel has no huge pages to give, or refuses, nothing changes.
  (void)madvise(p, bytes, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace estate
