#include "cli/heap.hpp"

#ifdef PLANPACK_MIMALLOC
#include <mimalloc.h>
#endif

namespace planpack::cli {

// A build touches most of its memory once: the model, then every page and PDF stream,
// about 165 MB for a 300-page PDF. Each first touch of a 4 KiB page is a page fault, and
// on a virtual machine a fault costs about 10 µs: 40,000 of them were a third of that
// PDF's time. Backed by 2 MiB pages (transparent huge pages, where the system allows them
// when asked), committed as soon as they are reserved, and kept rather than handed back
// when freed, the same build takes about 3,500 faults. Kept memory is what the next
// rebuild of `serve` reuses; a build ends soon after its peak. Memory taken before main()
// (by the C++ runtime) is not covered; it is little.
void tune_heap() {
#ifdef PLANPACK_MIMALLOC
    mi_option_enable(mi_option_large_os_pages);
    mi_option_set(mi_option_eager_commit_delay, 0);
    mi_option_disable(mi_option_allow_decommit);
#endif
}

}  // namespace planpack::cli
