#include "render/html/page.hpp"

#include "render/html/accessibility.hpp"
#include "render/html/escape.hpp"

#include <algorithm>

namespace planpack::render::html {

using kainjow::mustache::data;

Page::Page(const std::string& name, const std::string& source, Diagnostics& diags) : tmpl_(source) {
    tmpl_.set_custom_escape([](const std::string& s) { return escape(s); });
    if (!tmpl_.is_valid())
        diags.error({"templates/html/" + name + ".mustache", 0, 0}, "template error: " + tmpl_.error_message());
}

data base_context(const load::Config& cfg, const std::string& root) {
    data d;
    d.set("lang", cfg.language);
    d.set("service_name", cfg.service_name);
    d.set("local_authority", cfg.local_authority);
    d.set("root", root);
    d.set("base_url", cfg.base_url);
    d.set("accessibility_url", accessibility_url(cfg, root));
    if (!cfg.contact.empty()) d.set("contact", link(contact_href(cfg), cfg.contact));
    return d;
}

std::string window_title(const std::vector<std::string>& parts) {
    std::string out;
    std::vector<const std::string*> said;
    for (const auto& part : parts) {
        if (part.empty() || std::any_of(said.begin(), said.end(), [&](const auto* p) { return *p == part; })) continue;
        if (!out.empty()) out += " \u2013 ";
        out += part;
        said.push_back(&part);
    }
    return out;
}

std::string render_page(Page& layout, data& ctx) {
    auto text = [&](const char* key) {
        const data* d = ctx.get(key);
        return d && d->is_string() ? d->string_value() : std::string();
    };
    ctx.set("window_title", window_title({text("page_title"), text("doc_title"), text("service_name")}));
    return layout.render(ctx);
}

data link(const std::string& url, const std::string& text) {
    data d;
    d.set("url", url);
    d.set("text", text);
    return d;
}

void set_breadcrumbs(data& ctx, const std::vector<std::pair<std::string, std::string>>& trail) {
    data list{data::type::list};
    for (const auto& [url, text] : trail) {
        data crumb = link(url, text);
        crumb.set("current", url.empty() ? data::type::bool_true : data::type::bool_false);
        list.push_back(crumb);
    }
    ctx.set("breadcrumbs", list);
    ctx.set("has_breadcrumbs", trail.empty() ? data::type::bool_false : data::type::bool_true);
}

}  // namespace planpack::render::html
