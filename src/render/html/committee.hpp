#pragma once
// The HTML pages of committee papers: committees, agendas, reports and minutes, and the
// restricted tree of exempt papers.
#include <vector>

#include "render/html/site.hpp"

namespace planpack::render::html {

// Their pages, each in its document's folder: a committee's page; a meeting's agenda
// (index.html, its front sheet) and one page per paper it prints itself; the pages of a
// meeting's minutes. A section whose page is elsewhere (a borrowed plan, a file) gets none.
// downloads: a meeting's agenda pack PDF, by the meeting's document id, offered on its page.
output::OutputTree render_committee_papers(const load::Config& config,
                                           const std::vector<model::Document>& papers,
                                           const Templates& templates, Diagnostics& diags,
                                           const std::map<std::string, Download>& downloads = {});

// The restricted tree: the pages of exempt papers only (exempt_only's documents), an
// index listing them, and the assets. Never written under the public site. Every page
// carries a banner (its section's exempt stamp, else marker), so a page saved or printed
// on its own still says it is not for publication.
output::OutputTree render_restricted(const load::Config& config, const std::vector<model::Document>& exempt,
                                     const std::string& marker, const Templates& templates, Diagnostics& diags);

}  // namespace planpack::render::html
