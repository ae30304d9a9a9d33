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
};

// Widths summing to width. Every column gets its minimum and the rest is shared in
// proportion to how much more each would take (the HTML auto layout); when even the
// minimums do not fit they are scaled down and long words break between characters.
std::vector<float> allocate_columns(const std::vector<ColumnNeed>& needs, float width);

void layout_table(FlowBuilder& b, const model::Table& table, const Frame& f);

}  // namespace planpack::render::pdf
