#pragma once
// Tables as council reports print them: columns sized from their content, cells wrapped,
// header rows repeated on every page, a row moved whole to the next page (and split only
// when it is taller than a page), numbers right-aligned, zebra or ruled rows.
#include <vector>

#include "model/document.hpp"
#include "render/pdf/blocks.hpp"

namespace planpack::render::pdf {

struct ColumnNeed {
    float min = 0;  // the widest word, plus padding
    float max = 0;  // the content on one line, plus padding
    float text = 0; // all its cells' text set on one line: how much it has to say
};

// Widths summing to width, after CSS automatic table layout: every column gets its
// minimum (min-content) and none more than its maximum (max-content) unless all fit; the
// rest goes in proportion to how much text each column holds, so the long-text column
// gets the room. When even the minimums do not fit they are scaled down and long words
// break, with a hyphen.
std::vector<float> allocate_columns(const std::vector<ColumnNeed>& needs, float width);

void layout_table(FlowBuilder& b, const model::Table& table, const Frame& f);

}  // namespace planpack::render::pdf
