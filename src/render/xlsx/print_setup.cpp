#include "render/xlsx/print_setup.hpp"

#include <algorithm>

namespace planpack::render::xlsx {

namespace {

// A portrait A4 page between 0.5 inch margins holds about 100 character widths of
// Calibri 11 at full size; past that, fitting it to the width shrinks the text below
// what reads comfortably, where a landscape page keeps it near full size.
constexpr double portrait_width = 100;

// Excel's paper code for A4 (ECMA-376 Part 1, 18.3.1.63 pageSetup, paperSize).
constexpr std::uint8_t paper_a4 = 9;

std::string header_text(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
    return out;
}

}  // namespace

bool prints_landscape(double width) { return width > portrait_width; }

std::string print_header(const std::string& title, const std::string& sheet) {
    std::string out = "&L" + header_text(title) + "&R" + header_text(sheet);
    if (out.size() <= 255) return out;
    // Cut the title, on a character boundary and never inside an escaped '&'.
    std::string t = header_text(title);
    const size_t keep = 255 - 4 - header_text(sheet).size();
    t.resize(std::min(t.size(), keep));
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
    size_t amps = 0;
    for (size_t i = t.size(); i > 0 && t[i - 1] == '&'; --i) ++amps;
    if (amps % 2) t.pop_back();
    return "&L" + t + "&R" + header_text(sheet);
}

void set_up_printing(lxw_worksheet* ws, const PrintLayout& layout) {
    worksheet_set_paper(ws, paper_a4);
    if (prints_landscape(layout.width)) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    worksheet_fit_to_pages(ws, 1, 0);
    if (layout.header_row) worksheet_repeat_rows(ws, *layout.header_row, *layout.header_row);
    const std::string header = print_header(layout.title, layout.sheet);
    worksheet_set_header(ws, header.c_str());
    worksheet_set_footer(ws, "&CPage &P of &N");
}

}  // namespace planpack::render::xlsx
