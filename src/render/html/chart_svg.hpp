#pragma once
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::render::html {

// A model::Chart drawn as inline SVG: title, legend, axes with "nice" ticks and labels,
// series told apart by dash, marker shape or hatching as well as colour (so they survive
// greyscale printing), and <title>/<desc> naming it for assistive technology
// (role="img", aria-labelledby, aria-describedby). ids are prefixed with id. No script.
std::string render_chart_svg(const model::Chart& chart, const std::string& id);

// Tick values from lo to hi at a 1, 2, 2.5 or 5 × 10^n step, covering both ends.
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> values;
};
Ticks nice_ticks(double lo, double hi, int target = 5);

}  // namespace planpack::render::html
