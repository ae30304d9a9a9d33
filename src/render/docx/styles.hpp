#pragma once
// What a council may restyle without rebuilding planpack: templates/docx/styles.xml, a
// readable Word styles part, and, when it exists, templates/docx/reference.docx, whose
// styles, page setup, headers and footers win (the way Pandoc and Quarto take a reference
// document).
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "render/docx/furniture.hpp"

namespace planpack::render::docx {

// Page size and margins in twentieths of a point (A4 portrait is 11906 by 16838).
struct PageSetup {
    int width = 11906, height = 16838;
    int top = 1134, right = 1134, bottom = 1134, left = 1134, header = 567, footer = 567;
};

struct Template {
    std::string styles;  // word/styles.xml as written into every DOCX
    PageSetup page;      // portrait; a landscape section turns it
    Furniture furniture = own_furniture();  // every section's headers and footers
    int table_text_size = 20;  // Table Text's font size in half-points, for columns' widths
};

// Reads templates_dir/docx: styles.xml, and reference.docx if present. A style planpack
// writes that the reference lacks is taken from styles.xml, so every paragraph keeps a style.
std::optional<Template> load_template(const std::filesystem::path& templates_dir, Diagnostics& diags);

// Merges: reference's styles part with each of planpack's style definitions whose id it
// lacks appended. Exposed for tests.
std::string merge_styles(const std::string& reference, const std::string& own);

}  // namespace planpack::render::docx
