#pragma once
// The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 ask
// of a public body's web publications, for the site planpack writes: what the formats
// do for readers, what is known not to work yet, how to ask for another format, and the
// enforcement procedure. A council with its own statement names it in planpack.toml
// instead ([service] accessibility_statement).
#include <string>
#include <vector>

#include "load/config.hpp"
#include "model/document.hpp"

namespace planpack::render::html {

// The statement's body (HTML, below its h1), dated by the latest publication among the
// documents and papers, so the same sources give the same page.
std::string accessibility_statement(const load::Config& cfg, const std::vector<model::Document>& documents,
                                    const std::vector<model::Document>& papers);

// Where the [service] contact links: mailto: for an email address, else the web address.
std::string contact_href(const load::Config& cfg);

// Where a page at root ("../" back to the site's root) links for the statement.
std::string accessibility_url(const load::Config& cfg, const std::string& root);

}  // namespace planpack::render::html
