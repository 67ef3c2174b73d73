#include "io/heap_tuning.hpp"

#include <cstdlib>  // defines __GLIBC__ with the GNU C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parsec::app {

void keep_large_blocks_in_heap() {
#if defined(__GLIBC__)
    // 32 MiB is glibc's upper bound for the mmap threshold (64-bit); a 100,000-event graph is ~29 MiB.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    // Freed memory at the heap's top is given back only beyond this.
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

}  // namespace parsec::app
