#pragma once
// A chart's value axis, shared by every renderer so the SVG, the PDF and any other drawing
// of one chart show the same ticks printed the same way.
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::model {

// Tick values from lo to hi at a 1, 2, 2.5 or 5 × 10^n step, covering both ends.
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> values;
};
Ticks nice_ticks(double lo, double hi, int target = 5);

// The tick labels' number format: the chart's own (a percentage stays a percentage), with
// as many decimal places as the step needs.
std::string tick_format(const Chart& c, double step);

}  // namespace planpack::model
