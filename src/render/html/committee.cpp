#include "render/html/committee.hpp"

#include "model/paths.hpp"
#include "render/html/blocks.hpp"
#include "render/html/escape.hpp"
#include "render/html/page.hpp"

namespace planpack::render::html {

using kainjow::mustache::data;

namespace {

using Trail = std::vector<std::pair<std::string, std::string>>;

// The pages one document prints itself, in order.
std::vector<const model::Section*> own_pages(const model::Document& doc) {
    std::vector<const model::Section*> out;
    for (const auto& s : doc.sections)
        if (!s.elsewhere) out.push_back(&s);
    return out;
}

std::string parent_folder(const std::string& folder) {
    const size_t slash = folder.rfind('/');
    return slash == std::string::npos ? "" : folder.substr(0, slash);
}

class Renderer {
public:
    // marker: non-empty for the restricted tree, whose every page says what it is.
    Renderer(const load::Config& cfg, const Templates& t, Diagnostics& diags, std::string marker,
             const std::map<std::string, Download>* downloads)
        : cfg_(cfg), layout_("layout", t.layout, diags), section_("section", t.section, diags),
          restricted_(!marker.empty()), marker_(std::move(marker)), downloads_(downloads) {}

    bool valid() const { return layout_.valid() && section_.valid(); }

    // trail: the breadcrumbs from the site's root, as site paths.
    void document(const model::Document& doc, const Trail& trail, output::OutputTree& tree) {
        const auto pages = own_pages(doc);
        const std::string root = model::root_prefix(doc);
        for (size_t i = 0; i < pages.size(); ++i) {
            const model::Section& s = *pages[i];
            const std::string here = model::page_path(doc, s);
            const bool front = model::page(doc, s) == model::contents(doc);
            data ctx = base_context(cfg_, root);
            ctx.set("doc_title", doc.title);
            ctx.set("page_title", front ? doc.title : s.title);
            ctx.set("heading", front ? doc.title : s.title);
            if (!s.binding.stamp.empty()) ctx.set("stamp", s.binding.stamp);
            if (restricted_) ctx.set("banner", s.exempt_stamp.empty() ? marker_ : s.exempt_stamp);
            if (doc.meeting && doc.meeting->cancelled)
                ctx.set("cancelled", "This meeting was cancelled on " + model::format_long(*doc.meeting->cancelled) +
                                         ". The agenda and papers are kept as they were issued.");
            ctx.set("body", render_blocks(s.blocks, here));
            ctx.set("footnotes", render_footnotes(s.footnotes, here));
            ctx.set("published", model::format_long(doc.published));
            ctx.set("published_iso", model::format_iso(doc.published));
            if (front && downloads_)
                if (auto pdf = downloads_->find(doc.id); pdf != downloads_->end())
                    ctx.set("pdf", link(pdf->second.url, "Download the agenda pack (PDF, " +
                                                             std::to_string(pdf->second.pages) + " pages, " +
                                                             format_size(pdf->second.bytes) + ")"));
            Trail crumbs;
            // Up to the root and down, even to the page's own folder, as they always were.
            for (const auto& [path, text] : trail) crumbs.emplace_back(path.empty() ? "" : root + path, text);
            if (front || restricted_) crumbs.back().first.clear();  // the page itself
            set_breadcrumbs(ctx, crumbs);
            if (pages.size() > 1) {
                ctx.set("has_pager", data::type::bool_true);
                if (i > 0) ctx.set("previous", link(model::relative(here, model::page_path(doc, *pages[i - 1])),
                                                    title_of(doc, *pages[i - 1])));
                if (i + 1 < pages.size())
                    ctx.set("next", link(model::relative(here, model::page_path(doc, *pages[i + 1])),
                                         title_of(doc, *pages[i + 1])));
            }
            set_alternates(ctx, doc, here);
            ctx.set("content", section_.render(ctx));
            tree[here] = render_page(layout_, ctx);
        }
    }

    void index(const std::vector<model::Document>& docs, output::OutputTree& tree) {
        data ctx = base_context(cfg_, "");
        ctx.set("page_title", "Exempt papers");
        ctx.set("heading", "Exempt papers: not for publication");
        ctx.set("banner", marker_);
        std::string body = "<p>These papers contain exempt information. They are not part of the public site "
                           "and must not be published.</p>\n<ul>\n";
        for (const auto& doc : docs)
            for (const auto* s : own_pages(doc))
                body += "<li><a href=\"" + escape(model::relative(model::home_path(), model::page_path(doc, *s))) + "\">" +
                        escape(doc.title + ": " + s->title) + "</a></li>\n";
        body += "</ul>\n";
        ctx.set("body", body);
        ctx.set("content", section_.render(ctx));
        tree[model::home_path()] = render_page(layout_, ctx);
    }

private:
    // Feeds in the head (rel="alternate"), and every calendar and feed after the content.
    void set_alternates(data& ctx, const model::Document& doc, const std::string& here) const {
        if (restricted_ || doc.alternates.empty()) return;
        data feeds{data::type::list}, all{data::type::list};
        for (const auto& a : doc.alternates) {
            data d = link(model::relative(here, a.path), a.text);
            d.set("type", a.kind == model::Alternate::Kind::feed ? "application/atom+xml" : "text/calendar");
            if (a.kind == model::Alternate::Kind::feed) feeds.push_back(d);
            all.push_back(d);
        }
        ctx.set("feeds", feeds);
        ctx.set("alternates", all);
        ctx.set("has_alternates", data::type::bool_true);
    }

    static std::string title_of(const model::Document& doc, const model::Section& s) {
        return model::page(doc, s) == model::contents(doc) ? "Agenda" : s.title;
    }

    const load::Config& cfg_;
    Page layout_, section_;
    bool restricted_;
    std::string marker_;
    const std::map<std::string, Download>* downloads_;
};

}  // namespace

output::OutputTree render_committee_papers(const load::Config& config, const std::vector<model::Document>& papers,
                                           const Templates& templates, Diagnostics& diags,
                                           const std::map<std::string, Download>& downloads) {
    output::OutputTree tree;
    Renderer r(config, templates, diags, "", &downloads);
    if (!r.valid()) return tree;
    auto by_folder = [&](const std::string& folder) -> const model::Document* {
        for (const auto& d : papers)
            if (model::folder(d) == folder && d.kind != model::DocumentKind::minutes) return &d;
        return static_cast<const model::Document*>(nullptr);
    };
    // Home, then the committee, then the meeting: a meeting's pages and its minutes' pages
    // share the meeting's folder, under the committee's.
    for (const auto& d : papers) {
        const model::Document* doc = &d;
        Trail trail;
        const std::string folder = model::folder(*doc);
        if (doc->kind != model::DocumentKind::committee)
            if (const auto* c = by_folder(parent_folder(folder))) trail.emplace_back(model::index_path(*c), c->title);
        if (const auto* own = by_folder(folder)) trail.emplace_back(model::index_path(*own), own->title);
        r.document(*doc, trail, tree);
    }
    return tree;
}

output::OutputTree render_restricted(const load::Config& config, const std::vector<model::Document>& exempt,
                                     const std::string& marker, const Templates& templates, Diagnostics& diags) {
    output::OutputTree tree;
    Renderer r(config, templates, diags, marker.empty() ? "NOT FOR PUBLICATION" : marker, nullptr);
    if (!r.valid()) return tree;
    for (const auto& doc : exempt) r.document(doc, {{"", doc.title}}, tree);
    r.index(exempt, tree);
    for (const auto& [name, bytes] : templates.assets) tree["assets/" + name] = bytes;
    return tree;
}

}  // namespace planpack::render::html
