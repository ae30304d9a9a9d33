#pragma once
// The search page. With the site's Pagefind index (src/search) it holds a search form that
// queries the index in the reader's browser; always, and all a reader without JavaScript
// sees, every published document as a list of links.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "render/html/site.hpp"

namespace planpack::render::html {

// documents: plans and board packs; papers: the committees' pages, agendas with their
// reports, minutes and members, as published (exempt papers already taken out).
// indexed: the build makes a search index, so the page offers the form.
std::string render_search_page(const load::Config& cfg, const std::vector<model::Document>& documents,
                               const std::vector<model::Document>& papers, const Templates& templates,
                               bool indexed, Diagnostics& diags);

}  // namespace planpack::render::html
