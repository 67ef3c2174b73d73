// Process-wide allocator settings, made once at start-up (main).
#pragma once

namespace parsec::app {

// Keeps large freed blocks in the heap for reuse instead of returning them to the system. A
// cluster grows several arrays per node side by side by doubling (the hash table, the meta-event
// index, the first event chunk): with glibc's defaults each step maps fresh pages and unmaps the old
// ones, and at 16 nodes x 100,000 events the page faults cost ~5% of a run. Does nothing where the
// C library has no such settings.
void keep_large_blocks_in_heap();

}  // namespace parsec::app
