#pragma once
// How a sheet prints: A4, one page wide, portrait or landscape by its width, its columns
// narrowed to print at a readable size, its table's header row repeated on every page, a
// page break before a chart that would be cut, the workbook's and sheet's titles above and
// the page number below.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <xlsxwriter.h>

namespace planpack::render::xlsx {

struct PrintLayout {
    std::string title;  // the workbook's
    std::string sheet;
    double width = 0;  // of the used columns, in Excel's character widths
    std::optional<std::uint32_t> header_row;  // repeated on every page when set
    std::vector<std::uint32_t> breaks;        // rows (from 0) a new page begins at
};

// Wider than a portrait A4 page holds at a readable scale.
bool prints_landscape(double width);

// The widest a sheet is made, in Excel's character widths. LibreOffice fits a landscape A4
// page to about 109 of them at full size with DejaVu Sans in Calibri's place (the widest of
// the usual substitutes; measured: a sheet 171 wide printed at 63%, one 343 wide at 31%),
// so a sheet this wide prints at 70% or more, and in Excel, with Calibri, larger still.
inline constexpr double widest_sheet = 155;

// Column widths summing to no more than `budget` where they can: the widest columns give
// way first, down to a common width, none below its floor (its longest word, or what else
// cannot wrap) nor above its natural width. Unchanged when they already fit.
std::vector<double> fit_columns(const std::vector<double>& natural, const std::vector<double>& floor,
                                double budget);

// "&L" title "&R" sheet, with '&' doubled and the whole cut to Excel's 255 characters.
std::string print_header(const std::string& title, const std::string& sheet);

// The height of rows a page holds at full size, in points, between the margins
// set_up_printing sets, less a tenth for rows LibreOffice sizes to the font it has.
double page_height(bool landscape);

// A chart on a sheet, by rows (from 0): its data table begins at `first` and its picture,
// with the blank row above it, covers [picture, end).
struct ChartRows {
    std::uint32_t first = 0, picture = 0, end = 0;
};

// The rows before which a page is broken so that no chart is cut, given every row's height
// in points and the height a page holds. A sheet fitted to the page width prints at full
// size or smaller, so a page holds at least `page` points of rows: a chart that ends within
// that of the last break prints whole. One that would not begins a page, with its table
// when both fit on a page, else by itself.
std::vector<std::uint32_t> chart_breaks(const std::vector<double>& heights, const std::vector<ChartRows>& charts,
                                        double page);

void set_up_printing(lxw_worksheet* ws, const PrintLayout& layout);

}  // namespace planpack::render::xlsx
