#pragma once
// The colours of the semantic cell styles the model carries (TableCell::style: a status,
// a RAG rating, "overdue", "suppressed", an attendance mark): one table,
// templates/cell-styles.toml, that every renderer reads, so a "Complete" cell is the same
// colour on the web page, in the PDF and in the workbook.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::load {

struct CellLook {
    std::optional<std::uint32_t> fill;  // 0xRRGGBB; none: the row's own background
    std::optional<std::uint32_t> text;  // none: the table's text colour
    bool bold = false;
};

struct NamedCellLook {
    std::string name;  // "status-complete"
    CellLook look;
};

// In the file's order: a cell with several styles ("status-complete rag-blue") takes each
// matching entry in turn, a later one over an earlier, as the generated CSS cascades.
using CellStyles = std::vector<NamedCellLook>;

std::optional<CellStyles> load_cell_styles(const std::filesystem::path& file, Diagnostics& diags);
std::optional<CellStyles> parse_cell_styles(std::string_view text, const std::string& shown, Diagnostics& diags);

// The look of a cell whose style is a space-separated list of names.
CellLook cell_look(const CellStyles& styles, std::string_view style);

// "#rrggbb"
std::string hex_colour(std::uint32_t rgb);

// The stylesheet rules that give HTML table cells these looks (td.NAME { ... }), in order.
std::string cell_styles_css(const CellStyles& styles);

}  // namespace planpack::load
