#pragma once
// Model blocks and inlines to HTML fragments, addressed from the page they appear on.
#include <string>

#include "model/document.hpp"

namespace planpack::render::html {

// Model to HTML fragments: pure functions, no templates, no I/O.
// here: the site path of the page they go on (model::page_path), from which links and
// images are addressed.
std::string render_inlines(const model::Inlines& inlines, const std::string& here);
std::string render_blocks(const model::Blocks& blocks, const std::string& here);
std::string render_footnotes(const std::vector<model::Footnote>& footnotes, const std::string& here);

}  // namespace planpack::render::html
