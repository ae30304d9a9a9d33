#pragma once
#include <string>

#include "model/document.hpp"

namespace planpack::render::html {

// Model to HTML fragments: pure functions, no templates, no I/O.
std::string render_inlines(const model::Inlines& inlines);
std::string render_blocks(const model::Blocks& blocks);
std::string render_footnotes(const std::vector<model::Footnote>& footnotes);

}  // namespace planpack::render::html
