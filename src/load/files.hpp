#pragma once
// Finding source files under a service root, naming them as messages show them, and
// reading them.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::load {

// Every regular file under dir (recursively) with the extension, sorted: directory order
// is arbitrary and output must not be. A folder that cannot be read, a symbolic link that
// loops or leads nowhere, and a special file (a pipe, a device) with the extension are
// errors named relative to root, never silently skipped or thrown.
std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& root,
                                                        const std::filesystem::path& dir,
                                                        std::string_view ext, Diagnostics& diags);

// p relative to root with '/' separators: "content/01-introduction.md"; p as it is when
// root is empty (installed templates, named in full).
std::string shown_path(const std::filesystem::path& root, const std::filesystem::path& p);

// Reads a whole file; reports and returns nullopt when it cannot. Renderers read their
// templates and fonts through this, without the project's records.
std::optional<std::string> read_file(const std::filesystem::path& path, const std::string& shown,
                                     Diagnostics& diags);

// "03-child-first.md" -> "child-first": the file name without a leading "NN-" and extension.
std::string default_id(const std::filesystem::path& p);

}  // namespace planpack::load
