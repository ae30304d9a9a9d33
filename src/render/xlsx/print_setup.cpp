#include "render/xlsx/print_setup.hpp"

#include <algorithm>
#include <numeric>

namespace planpack::render::xlsx {

namespace {

// A portrait A4 page between its margins holds about 100 character widths of
// Calibri 11 at full size; past that, fitting it to the width shrinks the text below
// what reads comfortably, where a landscape page keeps it near full size.
constexpr double portrait_width = 100;

// A4 in points, and the margins set_up_printing sets, in inches.
constexpr double a4_long = 841.89, a4_short = 595.28;
// Excel's "Narrow" margins: a landscape page holds 5% more of a wide sheet than between
// half-inch ones.
constexpr double side_margin = 0.25, end_margin = 0.75;

// Excel's paper code for A4 (ECMA-376 Part 1, 18.3.1.63 pageSetup, paperSize).
constexpr std::uint8_t paper_a4 = 9;

std::string header_text(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
    return out;
}

}  // namespace

bool prints_landscape(double width) { return width > portrait_width; }

std::vector<double> fit_columns(const std::vector<double>& natural, const std::vector<double>& floor,
                                double budget) {
    const auto at_level = [&](double level) {
        std::vector<double> out(natural.size());
        for (size_t c = 0; c < natural.size(); ++c)
            out[c] = std::max(std::min(natural[c], level), std::min(floor[c], natural[c]));
        return out;
    };
    const auto total = [](const std::vector<double>& w) { return std::accumulate(w.begin(), w.end(), 0.0); };
    if (total(natural) <= budget) return natural;
    // The common width by bisection: the total grows with it, from the floors' sum at 0.
    double low = 0, high = *std::max_element(natural.begin(), natural.end());
    for (int i = 0; i < 50; ++i) {
        const double mid = (low + high) / 2;
        (total(at_level(mid)) <= budget ? low : high) = mid;
    }
    return at_level(low);
}

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

double page_height(bool landscape) {
    return 0.9 * ((landscape ? a4_short : a4_long) - 2 * end_margin * 72);
}

std::vector<std::uint32_t> chart_breaks(const std::vector<double>& heights, const std::vector<ChartRows>& charts,
                                        double page) {
    const auto span = [&](std::uint32_t from, std::uint32_t to) {
        double h = 0;
        for (std::uint32_t r = from; r < to && r < heights.size(); ++r) h += heights[r];
        return h;
    };
    std::vector<std::uint32_t> out;
    std::uint32_t top = 0;  // the first row of the page the last break began
    for (const ChartRows& c : charts) {
        if (span(top, c.end) <= page) continue;
        const std::uint32_t at = span(c.first, c.end) <= page ? c.first : c.picture;
        if (at <= top) continue;  // already at the top of a page: too tall for any
        out.push_back(at);
        top = at;
    }
    return out;
}

void set_up_printing(lxw_worksheet* ws, const PrintLayout& layout) {
    worksheet_set_paper(ws, paper_a4);
    if (prints_landscape(layout.width)) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_margins(ws, side_margin, side_margin, end_margin, end_margin);
    worksheet_fit_to_pages(ws, 1, 0);
    if (layout.header_row) worksheet_repeat_rows(ws, *layout.header_row, *layout.header_row);
    if (!layout.breaks.empty()) {
        std::vector<lxw_row_t> breaks(layout.breaks.begin(), layout.breaks.end());
        breaks.push_back(0);  // the end of the list; a page never breaks before the first row
        worksheet_set_h_pagebreaks(ws, breaks.data());
    }
    const std::string header = print_header(layout.title, layout.sheet);
    worksheet_set_header(ws, header.c_str());
    worksheet_set_footer(ws, "&CPage &P of &N");
}

}  // namespace planpack::render::xlsx
