#pragma once
// model::Chart as vector graphics: line and (grouped) bar charts with axes, gridlines,
// category labels and a legend. Series differ by marker and dash (lines) or hatching
// (bars) as well as colour, so the chart reads in greyscale.
#include <vector>

#include "model/document.hpp"
#include "render/pdf/blocks.hpp"

namespace planpack::render::pdf {

// Tick values for an axis spanning lo..hi: round steps (1, 2, 2.5, 5 x 10^n), about
// `target` of them, starting at or below lo and ending at or above hi.

void layout_chart(FlowBuilder& b, const model::Chart& chart, const Frame& f);

}  // namespace planpack::render::pdf
