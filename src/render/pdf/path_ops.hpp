#pragma once
// PDF content-stream operators for shapes and graphics state, written as text directly.
// libharu's per-operator calls clear and format a 512-byte buffer for every number; a
// chart's markers and a table's rules made that a tenth of the PDF time.
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"
#include "render/pdf/style.hpp"

namespace planpack::render::pdf {

// A number as PDF content streams want it: at most three decimals, no trailing zeros.
void append_number(std::string& out, float v);

// "r g b rg" (fill) or "r g b RG" (stroke).
std::string colour_op(Colour c, bool stroke);
// "w" and, when given, "d": the line width and dash pattern (on, off, ...; empty: solid).
std::string line_ops(float width, const std::vector<float>& dash);
// The shape's path in PDF coordinates (y up from the foot of a page `page_height` tall),
// then the operator that paints it: fill, stroke, or both, as the shape has them.
std::string shape_ops(const ShapeItem& s, float page_height);

}  // namespace planpack::render::pdf
