#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::html {

// The restylable part of the site, read from templates/ (a council changes these
// without rebuilding planpack).
struct Templates {
    std::string layout, home, contents, section;  // Mustache
    std::vector<std::pair<std::string, std::string>> assets;  // "site.css" -> bytes
};

std::optional<Templates> load_templates(const std::filesystem::path& dir, Diagnostics& diags);

// Every page of every document, plus the home page and assets, as an output tree.
output::OutputTree render_site(const load::Config& config,
                               const std::vector<model::Document>& documents,
                               const Templates& templates, Diagnostics& diags);

}  // namespace planpack::render::html
