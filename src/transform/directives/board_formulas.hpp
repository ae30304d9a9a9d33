#pragma once
// The attendance grid's derived figures as spreadsheet formulas over the grid's cells, so a
// workbook's rates, seats filled and quorum follow an officer's edit: Excel's words for
// data::seat_rate, meeting_rate, quorate and the statutory partners' measure. Each carries
// the figure data/board.cpp computes as its cached result.
//
// The grid (table id `grid`) has one body row per seat, in the board's order, and columns
// Seat, Agency, one per meeting, Attendance.
#include <string>

#include "data/board.hpp"
#include "model/document.hpp"

namespace planpack::transform::directives {

model::Formula seat_rate_formula(const data::Board& b, const std::string& grid, size_t seat);
model::Formula meeting_rate_formula(const data::Board& b, const std::string& grid, size_t meeting);
model::Formula overall_rate_formula(const data::Board& b, const std::string& grid);
model::Formula quorate_formula(const data::Board& b, const std::string& grid, size_t meeting);
// Meetings at which partner k was represented, of all meetings (k must hold a seat).
model::Formula statutory_rate_formula(const data::Board& b, const std::string& grid, data::Statutory k);
model::Formula statutory_overall_formula(const data::Board& b, const std::string& grid);

}  // namespace planpack::transform::directives
