#pragma once
// Loading a partnership board (schema "board/1") into a data::Board record.
#include <map>
#include <optional>

#include "data/board.hpp"
#include "load/csv_table.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

// Reads a data file whose schema is "board/1": the board's seats and meetings in TOML,
// and its attendance grid from the CSV file it names (one row per seat, one column per
// meeting, cells are printed markers). TOML holds what has structure; the grid stays a
// grid, as officers keep it in a spreadsheet.
std::optional<data::Board> parse_board(const toml::table& root, const TomlOrigin& origin,
                                       const std::string& name,
                                       const std::map<std::string, CsvTable>& csv,
                                       Diagnostics& diags);

}  // namespace planpack::load
