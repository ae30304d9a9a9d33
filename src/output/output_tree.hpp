#pragma once
// The output of a build as a tree in memory, and its atomic publication to disk.
#include <filesystem>
#include <map>
#include <string>

#include "diag/diagnostic.hpp"

namespace planpack::output {

// What a build produces: relative path ("plan/index.html") to bytes. Renderers return
// trees; only publish() touches the disk, so no renderer can leave a half-written site.
using OutputTree = std::map<std::string, std::string>;

// Writes tree into a fresh sibling of out_dir, then swaps it into place. On any failure
// the previous out_dir is left exactly as it was.
// Refuses an out_dir that holds root, or an existing non-empty directory that no earlier
// build wrote (it has no .planpack-site marker): replacing it would delete someone's files.
bool publish(const OutputTree& tree, const std::filesystem::path& out_dir,
             const std::filesystem::path& root, Diagnostics& diags);

}  // namespace planpack::output
