#pragma once
// Charts as inline SVG for the HTML pages.
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::render::html {

// A model::Chart drawn as inline SVG: title, legend, axes with "nice" ticks and labels,
// series told apart by dash, marker shape or hatching as well as colour (so they survive
// greyscale printing), and <title>/<desc> naming it for assistive technology
// (role="img", aria-labelledby, aria-describedby). ids are prefixed with id. No script.
//
// Each chart is drawn twice, at two widths, and the stylesheet shows one of them (a
// container query on the room the chart has, not on the window): the wide drawing where it
// has its full 640 px, the narrow one (272 px: a 320 px window less the page's margins and
// a scrollbar) everywhere else. Neither is shown narrower than its own width on any page
// 320 px wide or more, so no text in it (12 units at least) renders below 12 CSS px. One
// drawing scaled down to a phone would shrink its labels to 6 px, and one drawn for the
// phone would look sparse and oversized on a desk. The narrow drawing is laid out for the
// phone rather than squeezed: bars on their side with full names wrapped, fewer value
// ticks, every other period labelled. The hidden drawing (display: none) is hidden from
// assistive technology too, so each carries its own name and description; the summary
// sentence and the figures table beside the chart stay the accessible source of its figures.
enum class ChartWidth { wide, narrow };
double chart_width(ChartWidth w);  // in SVG units, which are CSS px at scale 1
std::string render_chart_svg(const model::Chart& chart, const std::string& id,
                             ChartWidth w = ChartWidth::wide);

}  // namespace planpack::render::html
