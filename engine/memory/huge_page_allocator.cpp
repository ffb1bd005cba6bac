#include "engine/memory/huge_page_allocator.h"

#include <sys/mman.h>

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
