// Transparent huge pages for large structures read at random (the object index's B+tree
// pages, the miss-ratio-curve arrays): a 2 MiB page spares a TLB miss per line read and nearly
// all the page faults of growing them. Debian's THP mode is "madvise", so memory has to ask.
#pragma once

#include <cstddef>

namespace estate {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Offers [p, p + bytes) to the kernel for huge pages; a no-op where there are none.
void AdviseHugePages(void* p, size_t bytes);

}  // namespace estate
