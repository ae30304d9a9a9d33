#pragma once
// Loading the board (schema "board/1"): its seats, meetings and attendance grid, and the
// minutes its meetings name.
#include <filesystem>
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

// Reads the minutes each of the board's meetings names (minutes = "...", relative to
// data/): a missing file is an error at that line, and a meeting whose minutes did not
// load is left without them (minutes_read false), so nothing binds a broken file.
void read_board_minutes(const std::filesystem::path& root, data::Board& board, Diagnostics& diags);

}  // namespace planpack::load
