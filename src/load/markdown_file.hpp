#pragma once
// Reading a Markdown file with front matter: the first steps plan sections and committee
// reports share.
#include <filesystem>
#include <optional>
#include <string>

#include "load/toml_reader.hpp"

namespace planpack::load {

// A Markdown file read, checked for UTF-8, split at its +++ fences, its front matter
// parsed: what plan sections and committee reports share before their front matter differs.
struct MarkdownFile {
    std::string shown;  // the path as messages show it
    TomlOrigin origin;  // of the front matter
    toml::table front_matter;
    int front_matter_line = 0;
    std::string body;  // the Markdown after the closing fence
    int body_line = 0;
};

std::optional<MarkdownFile> read_markdown_file(const std::filesystem::path& root,
                                               const std::filesystem::path& path, Diagnostics& diags);

}  // namespace planpack::load
