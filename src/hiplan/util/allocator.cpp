#include "hiplan/util/allocator.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hiplan::util {

void tune_allocator_for_batches() {
#if defined(__GLIBC__)
    // Keep up to 256 MiB of freed memory per arena instead of trimming it, and serve
    // blocks below 32 MiB from the heap rather than from fresh mmap()s. A template is
    // limited to 8 MiB (LoadLimits), so one document never needs more than this.
    constexpr int k_keep_bytes = 256 << 20;
    constexpr int k_mmap_from_bytes = 32 << 20;
    mallopt(M_TRIM_THRESHOLD, k_keep_bytes);
    mallopt(M_MMAP_THRESHOLD, k_mmap_from_bytes);
#endif
}

}  // namespace hiplan::util
