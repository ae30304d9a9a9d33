#pragma once
// How a sheet prints: A4, one page wide, portrait or landscape by its width, its table's
// header row repeated on every page, the workbook's and sheet's titles above and the page
// number below.
#include <cstdint>
#include <optional>
#include <string>
#include <xlsxwriter.h>

namespace planpack::render::xlsx {

struct PrintLayout {
    std::string title;  // the workbook's
    std::string sheet;
    double width = 0;  // of the used columns, in Excel's character widths
    std::optional<std::uint32_t> header_row;  // repeated on every page when set
};

// Wider than a portrait A4 page holds at a readable scale.
bool prints_landscape(double width);

// "&L" title "&R" sheet, with '&' doubled and the whole cut to Excel's 255 characters.
std::string print_header(const std::string& title, const std::string& sheet);

void set_up_printing(lxw_worksheet* ws, const PrintLayout& layout);

}  // namespace planpack::render::xlsx
