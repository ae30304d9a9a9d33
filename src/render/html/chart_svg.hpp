#pragma once
// Charts as accessible inline SVG for the HTML site.
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::render::html {

// A model::Chart drawn as inline SVG: title, legend, axes with "nice" ticks and labels,
// series told apart by dash, marker shape or hatching as well as colour (so they survive
// greyscale printing), and <title>/<desc> naming it for assistive technology
// (role="img", aria-labelledby, aria-describedby). ids are prefixed with id. No script.
std::string render_chart_svg(const model::Chart& chart, const std::string& id);

}  // namespace planpack::render::html
