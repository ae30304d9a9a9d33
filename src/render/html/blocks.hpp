#pragma once
#include <string>

#include "model/document.hpp"

namespace planpack::render::html {

// Model to HTML fragments: pure functions, no templates, no I/O.
std::string render_inlines(const model::Inlines& inlines);
// root: from the page back to the site's root ("../" for a document's page), where media/ is.
std::string render_blocks(const model::Blocks& blocks, const std::string& root = "../");
std::string render_footnotes(const std::vector<model::Footnote>& footnotes, const std::string& root = "../");

}  // namespace planpack::render::html
