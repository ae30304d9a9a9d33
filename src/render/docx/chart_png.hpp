#pragma once
// A chart as a PNG for Word: the HTML renderer's SVG drawing (render_chart_svg, wide)
// rasterised by librsvg and cairo at twice its size, on white. The same chart and fonts
// give the same bytes: cairo's PNG carries no time or other varying field.
#include <optional>
#include <string>

#include "model/document.hpp"

namespace planpack::render::docx {

struct ChartImage {
    std::string png;
    int width = 0, height = 0;  // in CSS px: the size to show it at (the PNG has twice as many pixels)
};

// nullopt with error set when librsvg cannot draw it.
std::optional<ChartImage> chart_png(const model::Chart& chart, std::string& error);

}  // namespace planpack::render::docx
