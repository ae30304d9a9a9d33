#include "render/html/search.hpp"

#include <array>
#include <optional>

#include "model/paths.hpp"
#include "render/html/page.hpp"

namespace planpack::render::html {

using kainjow::mustache::data;

namespace {

// Committee papers under a heading per kind, in the order a reader looks for them; a kind
// not named here is listed under the last, so a new kind of paper is never left out.
constexpr std::array<const char*, 5> paper_headings = {"Committees", "Agendas and reports", "Minutes", "Members",
                                                        "Other pages"};

size_t paper_heading(model::DocumentKind kind) {
    using K = model::DocumentKind;
    if (kind == K::committee) return 0;
    if (kind == K::meeting) return 1;
    if (kind == K::minutes) return 2;
    if (kind == K::members || kind == K::member) return 3;
    return 4;
}

data search_entry(const model::Document& doc) {
    data d = link(model::relative(model::search_path(), model::index_path(doc)), doc.title);
    d.set("has_pages", data::type::bool_false);
    return d;
}

// A committee paper's own pages (a plan bound into an agenda pack is listed as the plan):
// the first, its front page, under the paper's title; with_pages, the others below it.
std::optional<data> paper_entry(const model::Document& doc, bool with_pages) {
    std::vector<const model::Section*> own;
    for (const auto& s : doc.sections)
        if (!s.elsewhere) own.push_back(&s);
    if (own.empty()) return std::nullopt;
    data d = link(model::relative(model::search_path(), model::page_path(doc, *own.front())), doc.title);
    data pages{data::type::list};
    for (size_t i = 1; with_pages && i < own.size(); ++i)
        pages.push_back(link(model::relative(model::search_path(), model::page_path(doc, *own[i])), own[i]->title));
    d.set("has_pages", pages.list_value().empty() ? data::type::bool_false : data::type::bool_true);
    d.set("pages", pages);
    return d;
}

data search_group(const std::string& heading, data items) {
    data g;
    g.set("heading", heading);
    g.set("items", std::move(items));
    return g;
}

}  // namespace

std::string render_search_page(const load::Config& cfg, const std::vector<model::Document>& documents,
                               const std::vector<model::Document>& papers, const Templates& templates,
                               bool indexed, Diagnostics& diags) {
    Page layout("layout", templates.layout, diags), page("search", templates.search, diags);
    if (!layout.valid() || !page.valid()) return {};
    data groups{data::type::list};
    data plans{data::type::list};
    for (const auto& doc : documents) plans.push_back(search_entry(doc));
    if (!plans.list_value().empty()) groups.push_back(search_group("Plans and board packs", std::move(plans)));
    std::vector<data> by_kind(paper_headings.size(), data{data::type::list});
    for (const auto& doc : papers)
        if (auto entry = paper_entry(doc, doc.kind == model::DocumentKind::meeting)) by_kind[paper_heading(doc.kind)].push_back(*entry);
    for (size_t i = 0; i < paper_headings.size(); ++i)
        if (!by_kind[i].list_value().empty()) groups.push_back(search_group(paper_headings[i], by_kind[i]));

    data ctx = base_context(cfg, "");
    ctx.set("page_title", "Search");
    ctx.set("is_search", data::type::bool_true);
    ctx.set("indexed", indexed ? data::type::bool_true : data::type::bool_false);
    ctx.set("groups", groups);
    ctx.set("content", page.render(ctx));
    return render_page(layout, ctx);
}

}  // namespace planpack::render::html
