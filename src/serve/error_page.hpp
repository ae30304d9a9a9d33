#pragma once
// What every page of the preview shows while the sources do not build: each error with
// its place, the source line with a caret under the column, and the advice, so the writer
// fixes it without switching to the terminal. Stale pages are never shown instead.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::serve {

// root: the service root the diagnostics' file names are relative to.
std::string error_page(const std::vector<Diagnostic>& diags, const std::filesystem::path& root,
                       std::uint64_t generation);

// The line (1-based) of a file, without its line ending; empty when it cannot be read.
std::string source_line(const std::filesystem::path& file, int line);

}  // namespace planpack::serve
