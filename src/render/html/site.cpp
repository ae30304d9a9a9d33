#include "render/html/site.hpp"

#include <algorithm>

#include <kainjow/mustache.hpp>

#include "load/cell_styles.hpp"
#include "load/files.hpp"
#include "model/agenda.hpp"
#include "model/paths.hpp"
#include "render/html/accessibility.hpp"
#include "render/html/blocks.hpp"
#include "render/html/committee.hpp"
#include "render/html/escape.hpp"
#include "render/html/page.hpp"
#include "util/parallel_for.hpp"

namespace planpack::render::html {

namespace fs = std::filesystem;
using kainjow::mustache::data;

namespace {

// The home page's way in to the committees' public record: members' pages, the calendar
// and feed of every meeting, and the open data (render/ical, render/atom, render/opendata
// write them when there are committees and meetings).
void set_public_record(data& ctx, const std::vector<model::Document>& papers) {
    auto any = [&](model::DocumentKind kind) {
        return std::any_of(papers.begin(), papers.end(), [&](const model::Document& d) { return d.kind == kind; });
    };
    const std::string home = model::home_path();
    data links{data::type::list};
    for (const auto& d : papers)
        if (d.kind == model::DocumentKind::members) links.push_back(link(model::relative(home, model::index_path(d)), d.title));
    if (any(model::DocumentKind::meeting)) {
        links.push_back(link(model::relative(home, model::calendar_path()), "Every meeting, to add to your calendar (iCalendar)"));
        data feed = link(model::relative(home, model::feed_path()), "New agendas, minutes and decisions (Atom feed)");
        links.push_back(feed);
        data feeds{data::type::list};
        feeds.push_back(link(model::relative(home, model::feed_path()), "All committee papers (Atom feed)"));
        ctx.set("feeds", feeds);
    }
    if (any(model::DocumentKind::committee))
        links.push_back(link(model::relative(home, model::open_data_path("committee-papers.json")),
                             "Open data: committees, meetings, decisions and attendance (JSON; CSV and schema beside it)"));
    if (!links.list_value().empty()) {
        ctx.set("public_record", links);
        ctx.set("has_public_record", data::type::bool_true);
    }
}

constexpr const char* template_names[] = {"layout", "home", "contents", "section", "search"};

data document_entries(const model::Document& doc, model::SectionKind kind) {
    data list{data::type::list};
    for (const auto& s : doc.sections) {
        if (s.kind != kind) continue;
        data entry;
        entry.set("url", model::relative(model::index_path(doc), model::page_path(doc, s)));
        entry.set("number", kind == model::SectionKind::appendix || s.enclosure ? model::label(s)
                                                                 : std::to_string(s.number));
        entry.set("title", s.title);
        list.push_back(entry);
    }
    return list;
}

// here: the page's site path; is_contents: it is the document's contents (or agenda) page.
void set_document(data& d, const model::Document& doc, const std::string& here, bool is_contents) {
    d.set("doc_title", doc.title);
    const std::string contents = doc.title + ": " + (doc.kind == model::DocumentKind::board_pack ? "agenda" : "contents");
    set_breadcrumbs(d, is_contents ? std::vector<std::pair<std::string, std::string>>{{"", contents}}
                                   : std::vector<std::pair<std::string, std::string>>{
                                         {model::relative(here, model::index_path(doc)), contents}});
    d.set("has_pager", data::type::bool_true);
    if (!doc.undated) {
        d.set("published", model::format_long(doc.published));
        d.set("published_iso", model::format_iso(doc.published));
    }
    if (doc.draft) d.set("draft", doc.title + " is a draft. It has not been agreed and may change.");
    d.set("period", model::format_long(doc.period_start) + " to " +
                        model::format_long(doc.period_end));
}

// What a section page shows besides the templates and planpack.toml: everything the
// page's context below is made from, so equal inputs mean an equal page. A new value in
// that context must be added here too (the incremental test compares every page).
std::string section_inputs(const model::Document& doc, size_t i, const std::string& here,
                           const std::string& body, const std::string& notes) {
    const model::Section& s = doc.sections[i];
    std::string in;
    auto add = [&](const std::string& v) {
        in += v;
        in += '\x1f';
    };
    add(here), add(doc.id), add(doc.title), add(std::string(model::to_string(doc.kind))), add(model::format_iso(doc.published));
    add(model::format_iso(doc.period_start)), add(model::format_iso(doc.period_end));
    add(model::section_heading(s)), add(s.source.file), add(body), add(notes);
    add(i == 0 ? std::string() : doc.sections[i - 1].id + '\x1e' + model::section_heading(doc.sections[i - 1]));
    add(i + 1 < doc.sections.size() ? doc.sections[i + 1].id + '\x1e' + model::section_heading(doc.sections[i + 1])
                                    : std::string());
    return in;
}

}  // namespace

std::optional<Templates> load_templates(const fs::path& dir, Diagnostics& diags) {
    Templates t;
    std::string* slots[] = {&t.layout, &t.home, &t.contents, &t.section, &t.search};
    bool ok = true;
    for (size_t i = 0; i < std::size(template_names); ++i) {
        const fs::path p = dir / "html" / (std::string(template_names[i]) + ".mustache");
        auto text = load::read_file(p, p.string(), diags);
        if (text) *slots[i] = std::move(*text);
        ok = ok && text.has_value();
    }
    std::error_code ec;
    std::vector<fs::path> assets;
    for (const auto& e : fs::directory_iterator(dir / "css", ec))
        if (e.is_regular_file()) assets.push_back(e.path());
    std::sort(assets.begin(), assets.end());
    for (const auto& p : assets)
        if (auto text = load::read_file(p, p.string(), diags))
            t.assets.emplace_back(p.filename().string(), std::move(*text));
    // The cell colours are the table the PDF and the workbooks read: site.css gets them
    // as rules rather than a copy of its own.
    auto cells = load::load_cell_styles(dir / "cell-styles.toml", diags);
    ok = ok && cells.has_value();
    if (cells)
        for (auto& [name, bytes] : t.assets)
            if (name == "site.css") bytes += load::cell_styles_css(*cells);
    if (!ok) return std::nullopt;
    return t;
}

std::string format_size(size_t bytes) {
    if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
    const size_t tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

output::OutputTree render_site(const load::Config& cfg, const std::vector<model::Document>& documents,
                               const Templates& templates, Diagnostics& diags,
                               const std::map<std::string, Download>& downloads,
                               const std::map<std::string, std::vector<Spreadsheet>>& spreadsheets,
                               const std::vector<model::Document>& papers, PageCache* cache) {
    output::OutputTree tree;
    if (cache) cache->rendered = cache->reused = 0;
    Page layout("layout", templates.layout, diags), home("home", templates.home, diags),
        contents("contents", templates.contents, diags), section("section", templates.section, diags);
    if (!layout.valid() || !home.valid() || !contents.valid() || !section.valid()) return tree;

    auto wrap = [&](data& ctx, const std::string& body) {
        ctx.set("content", body);
        return render_page(layout, ctx);
    };

    {   // The service's home page lists its documents.
        data ctx = base_context(cfg, "");
        data docs{data::type::list};
        for (const auto& doc : documents) {
            data d = link(model::relative(model::home_path(), model::index_path(doc)), doc.title);
            d.set("published", model::format_long(doc.published));
            // Set either way: an item without it would see the page's banner text instead.
            d.set("is_draft", doc.draft ? data::type::bool_true : data::type::bool_false);
            d.set("undated", doc.undated ? data::type::bool_true : data::type::bool_false);
            docs.push_back(d);
        }
        // The site's home page carries the banner too when any of its documents is a draft.
        for (const auto& doc : documents)
            if (doc.draft) ctx.set("draft", "This site includes draft documents, marked as drafts. They have not been agreed and may change.");
        ctx.set("documents", docs);
        data committees{data::type::list};
        for (const auto& doc : papers)
            if (doc.kind == model::DocumentKind::committee)
                committees.push_back(link(model::relative(model::home_path(), model::index_path(doc)), doc.title));
        ctx.set("has_committees", committees.list_value().empty() ? data::type::bool_false : data::type::bool_true);
        ctx.set("committees", committees);
        set_public_record(ctx, papers);
        ctx.set("page_title", cfg.service_name);
        tree[model::home_path()] = wrap(ctx, home.render(ctx));
    }
    if (cfg.accessibility_statement.empty()) {
        data ctx = base_context(cfg, "");
        ctx.set("page_title", "Accessibility statement");
        ctx.set("heading", "Accessibility statement for " + cfg.service_name + " publications");
        ctx.set("body", accessibility_statement(cfg, documents, papers));
        tree[model::accessibility_path()] = wrap(ctx, section.render(ctx));
    }

    for (const auto& doc : documents) {
        {   // The document's contents page.
            const std::string here = model::index_path(doc);
            data ctx = base_context(cfg, model::root_prefix(doc));
            set_document(ctx, doc, here, true);
            const bool pack = doc.kind == model::DocumentKind::board_pack;
            ctx.set("page_title", pack ? "Agenda" : "Contents");
            ctx.set("contents_title", pack ? "Agenda" : "Contents");
            if (!pack)
                ctx.set("lede", "Plan period " + model::format_long(doc.period_start) + " to " +
                                    model::format_long(doc.period_end) + ".");
            else if (!doc.meeting)
                ctx.set("lede", "Papers for the meeting on " + model::format_long(doc.as_of.value_or(doc.published)) +
                                    ", issued " + model::format_long(doc.published) + ".");
            else
                ctx.set("lede", "The agenda and papers for the meeting.");
            if (pack) {
                // What the printed pack's cover says, and its agenda as a table of links.
                data details{data::type::list};
                for (const auto& [label, value] : model::cover_details(doc)) {
                    data d;
                    d.set("label", label);
                    d.set("value", value);
                    details.push_back(d);
                }
                ctx.set("details", details);
                ctx.set("has_details", data::type::bool_true);
                ctx.set("has_agenda", data::type::bool_true);
                ctx.set("agenda", render_blocks({model::Block{model::agenda_table(doc)}}, here));
            }
            // A corrected document says so where its readers arrive, as its first page does.
            data corrections{data::type::list};
            for (const auto& c : doc.corrections) {
                data d;
                d.set("heading", model::erratum_heading(c));
                d.set("text", model::erratum_text(doc, c));
                corrections.push_back(d);
            }
            ctx.set("corrections", corrections);
            ctx.set("sections", document_entries(doc, model::SectionKind::section));
            data appendices = document_entries(doc, model::SectionKind::appendix);
            // A board pack's agenda lists its appendices among its items.
            ctx.set("has_appendices", pack || appendices.list_value().empty() ? data::type::bool_false
                                                                              : data::type::bool_true);
            ctx.set("appendices", appendices);
            if (auto pdf = downloads.find(doc.id); pdf != downloads.end()) {
                data d;
                d.set("url", pdf->second.url);
                d.set("pages", std::to_string(pdf->second.pages));
                d.set("size", format_size(pdf->second.bytes));
                d.set("pdf_what", doc.kind == model::DocumentKind::board_pack ? "the papers" : "the plan");
                ctx.set("pdf", d);
            }
            if (auto xlsx = spreadsheets.find(doc.id); xlsx != spreadsheets.end()) {
                data list{data::type::list};
                for (const Spreadsheet& sheet : xlsx->second) {
                    data d = link(sheet.url, sheet.title);
                    d.set("size", format_size(sheet.bytes));
                    list.push_back(d);
                }
                ctx.set("spreadsheets", list);
            }
            if (!doc.sections.empty())
                ctx.set("next", link(model::relative(here, model::page_path(doc, doc.sections.front())),
                                     model::section_heading(doc.sections.front())));
            tree[here] = wrap(ctx, contents.render(ctx));
        }
    }
    // Section pages, the bulk of a site, on every core; each worker has its own compiled
    // templates, since a Mustache template keeps state while it renders.
    struct SectionPage {
        const model::Document* doc;
        size_t index;
        std::string path, inputs, bytes;
        bool reused = false;
    };
    std::vector<SectionPage> pages;
    for (const auto& doc : documents)
        for (size_t i = 0; i < doc.sections.size(); ++i)
            pages.push_back({&doc, i, model::page_path(doc, doc.sections[i]), {}, {}});
    std::vector<std::optional<std::pair<Page, Page>>> workers(util::worker_count(pages.size()));
    auto render_section = [&](SectionPage& page, std::pair<Page, Page>& tmpl) {
        const model::Document& doc = *page.doc;
        const size_t i = page.index;
        const model::Section& s = doc.sections[i];
        const std::string& here = page.path;
        std::string body = render_blocks(s.blocks, here), notes = render_footnotes(s.footnotes, here);
        if (cache) {
            page.inputs = section_inputs(doc, i, here, body, notes);
            if (auto it = cache->pages.find(here); it != cache->pages.end() && it->second.inputs == page.inputs) {
                page.bytes = it->second.bytes;
                page.reused = true;
                return;
            }
        }
        data ctx = base_context(cfg, model::root_prefix(doc));
        set_document(ctx, doc, here, false);
        ctx.set("page_title", model::section_heading(s));
        ctx.set("heading", model::section_heading(s));
        ctx.set("body", std::move(body));
        ctx.set("footnotes", std::move(notes));
        ctx.set("source", s.source.file);
        ctx.set("previous", i == 0 ? link(model::relative(here, model::index_path(doc)), "Contents")
                                   : link(model::relative(here, model::page_path(doc, doc.sections[i - 1])),
                                          model::section_heading(doc.sections[i - 1])));
        if (i + 1 < doc.sections.size())
            ctx.set("next", link(model::relative(here, model::page_path(doc, doc.sections[i + 1])),
                                 model::section_heading(doc.sections[i + 1])));
        ctx.set("content", tmpl.second.render(ctx));
        page.bytes = render_page(tmpl.first, ctx);
    };
    const size_t per_worker = (pages.size() + workers.size() - 1) / std::max<size_t>(workers.size(), 1);
    util::parallel_for(workers.size(), [&](size_t w) {
        Diagnostics checked;  // the same templates compiled cleanly above
        auto& tmpl = workers[w].emplace(Page("layout", templates.layout, checked),
                                        Page("section", templates.section, checked));
        for (size_t k = w * per_worker; k < std::min(pages.size(), (w + 1) * per_worker); ++k)
            render_section(pages[k], tmpl);
    });
    for (auto& page : pages) {
        if (page.reused) {
            ++cache->reused;
        } else if (cache) {
            cache->pages[page.path] = {std::move(page.inputs), page.bytes};
            ++cache->rendered;
        }
        tree[page.path] = std::move(page.bytes);
    }
    tree.merge(render_committee_papers(cfg, papers, templates, diags, downloads));
    for (const auto& [name, bytes] : templates.assets) tree["assets/" + name] = bytes;
    if (cache)  // pages that are gone are forgotten
        for (auto it = cache->pages.begin(); it != cache->pages.end();)
            it = tree.count(it->first) ? std::next(it) : cache->pages.erase(it);
    return tree;
}

}  // namespace planpack::render::html
