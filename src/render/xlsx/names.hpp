#pragma once
// Names and addresses in a workbook: sheet names, Excel table names, cell ranges and the
// formulas that point at them. Pure functions, so each rule is testable on its own.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::render::xlsx {

// "Budget 2022/23" -> "Budget 2022-23": a valid sheet name (at most 31 characters; a '/'
// or '\' becomes '-', and '[', ']', ':', '*' and '?' are dropped; no leading or trailing
// apostrophe), unique among used as Excel compares names (ignoring case).
std::string sheet_name(const std::string& wanted, const std::vector<std::string>& used);

// The Excel table name for a table on the sheet named sheet: "Budget 2022-23" ->
// "Budget_2022_23", then "Budget_2022_23_2" for the next table on that sheet. Letters,
// digits and '_', never one that reads as a cell address ("Q3", "R1C1"), unique among
// used (ignoring case, as Excel does). The one function that names tables.
std::string table_name(const std::string& sheet, const std::vector<std::string>& used);

// "A1" addresses: "C5", or "C5:H5" for a block of more than one cell.
std::string cell_address(std::uint32_t row, std::uint32_t column);
std::string range_address(std::uint32_t row, std::uint32_t column, std::uint32_t last_row,
                          std::uint32_t last_column);

// Where a table with an id landed in the workbook: its sheet and the sheet rows (from 0)
// of its first body row and first foot row; its first column is A.
struct PlacedTable {
    std::string sheet;
    std::uint32_t first_body = 0, first_foot = 0;
    std::string name;  // its Excel table name, empty if it has none
    std::string first_column;  // its first column's header
};
using Placements = std::map<std::string, PlacedTable>;  // by model::Table::id

// The formula text ("=..."), its {N} placeholders replaced by the addresses of its ranges
// (with "'Sheet'!" before those on another sheet than `sheet`), or nullopt when a range
// names a table that is not in the workbook.
std::optional<std::string> formula_text(const model::Formula& f, const std::string& sheet,
                                        const Placements& placed);

// A CountIf as COUNTIFS over the named table's columns (the ROWS of its first column when
// it has no conditions: LibreOffice reads a bare table name as including the header row),
// or nullopt when its table is not in the workbook or has no Excel table.
std::optional<std::string> countifs_text(const model::CountIf& f, const Placements& placed);

}  // namespace planpack::render::xlsx
