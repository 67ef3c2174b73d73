#include "io/heap_tuning.hpp"

#include <cstdlib>  // defines __GLIBC__ with the GNU C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parsec::app {

void keep_large_blocks_in_heap() {
#if defined(__GLIBC__)
    // Above glibc's own upper bound for the threshold (32 MiB on 64-bit): no block of a run is mapped apart.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    // Freed memory at the heap's top is given back only beyond this.
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

}  // namespace parsec::app
