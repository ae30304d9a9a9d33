#pragma once
// What every HTML page shares: a compiled Mustache template that escapes with planpack's
// one escape function, the site-wide context, links and breadcrumbs.
#include <string>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"

namespace planpack::render::html {

class Page {
public:
    Page(const std::string& name, const std::string& source, Diagnostics& diags);
    std::string render(const kainjow::mustache::data& d) { return tmpl_.render(d); }
    bool valid() const { return tmpl_.is_valid(); }

private:
    kainjow::mustache::mustache tmpl_;
};

// The whole page: layout around ctx's content, with the window title made from ctx's
// page_title, doc_title and service_name, each said once (a meeting's agenda page is
// titled as its meeting; the home page as the service).
std::string render_page(Page& layout, kainjow::mustache::data& ctx);
std::string window_title(const std::vector<std::string>& parts);

// lang, service, root ("../" back to the site's root) and base_url.
kainjow::mustache::data base_context(const load::Config& cfg, const std::string& root);
kainjow::mustache::data link(const std::string& url, const std::string& text);

// The trail after "Home": (url, text) pairs; an empty url marks the page itself
// (aria-current). Sets breadcrumbs and has_breadcrumbs.
void set_breadcrumbs(kainjow::mustache::data& ctx, const std::vector<std::pair<std::string, std::string>>& trail);

}  // namespace planpack::render::html
