#pragma once

namespace planpack::cli {

// Sets up the memory allocator before a build allocates much. A no-op unless the binary
// links mimalloc (Release builds; see CMakeLists.txt).
void tune_heap();

}  // namespace planpack::cli
