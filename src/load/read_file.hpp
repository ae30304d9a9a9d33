#pragma once
// Reading one whole file, for every reader of source files: loaders and the template,
// style and font readers beside the renderers (which include this, not load/project.hpp).
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"

namespace planpack::load {

// Reads a whole file; reports (naming it as `shown`) and returns nullopt when it cannot.
std::optional<std::string> read_file(const std::filesystem::path& path, const std::string& shown,
                                     Diagnostics& diags);

}  // namespace planpack::load
