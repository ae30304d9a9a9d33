#pragma once
// Splitting a Markdown file at its +++ fences into TOML front matter and body.
#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace planpack::load {

// A Markdown file split at its +++ fences. Line numbers let diagnostics in either
// part point at the real line of the .md file.
struct FrontMatterSplit {
    std::string_view front_matter;  // TOML between the fences
    int front_matter_line = 0;      // 1-based line of its first line in the file
    std::string_view body;          // Markdown after the closing fence
    int body_line = 0;              // 1-based line of the body's first line
};

// The file must open with a "+++" line (after an optional UTF-8 BOM) and close it with
// another; otherwise an error names the file and line.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& file,
                                                   Diagnostics& diags);

}  // namespace planpack::load
