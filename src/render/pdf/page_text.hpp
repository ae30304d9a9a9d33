#pragma once
// The text of laid-out pages, line by line, as a reader sees it: what the publication
// record compares, read from the layout itself rather than parsed back out of the PDF.
#include <string>
#include <vector>

#include "render/pdf/layout.hpp"

namespace planpack::render::pdf {

// Per page, its lines: the body's text items, then the running lines and stamps.
std::vector<std::vector<std::string>> page_text(const LaidOutDocument& doc);

}  // namespace planpack::render::pdf
