#pragma once
// Files that content points at (images), found relative to the Markdown file that names
// them, as Markdown editors preview them.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::load {

// "content/img/chart.png" for url "img/chart.png" in "content/01-intro.md": the path
// relative to the service root. nullopt for URLs that are not local files (http:, data:,
// absolute paths) or that climb out of the root.
std::optional<std::string> asset_path(const std::string& md_file, const std::string& url);

// Reads every local image the documents show, wherever it stands (a figure, a sentence, a
// footnote, a table cell, a list item), keyed by model::Image::asset. A missing file is an
// error at the section's file. A section borrowed from another document (one shown
// elsewhere) is skipped: its images are that document's.
std::map<std::string, std::string> load_images(const std::filesystem::path& root,
                                               const std::vector<model::Document>& documents,
                                               Diagnostics& diags);

}  // namespace planpack::load
