#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <cstdlib>
#include <future>

#include "load/assets.hpp"
#include "load/stray_files.hpp"
#include "load/report_template.hpp"
#include "model/number_format.hpp"
#include "model/paths.hpp"
#include "model/partial_date.hpp"
#include "render/pdf/pack.hpp"
#include "render/atom/feed.hpp"
#include "render/ical/calendar.hpp"
#include "render/opendata/open_data.hpp"
#include "render/pdf/pdf.hpp"
#include "render/docx/docx.hpp"
#include "render/html/search.hpp"
#include "render/xlsx/attached.hpp"
#include "transform/exempt.hpp"
#include "transform/print_erratum.hpp"
#include "transform/transforms.hpp"


namespace planpack::pipeline {

namespace fs = std::filesystem;

fs::path templates_dir(const Settings& s) {
    if (!s.templates.empty()) return s.templates;
    const fs::path local = s.root / "templates";
    std::error_code ec;
    // The CLI resolves the installed templates into Settings; a caller that gives none
    // gets the service's own.
    return local;
}

long ms_since(std::chrono::steady_clock::time_point start) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

void add_files(output::OutputTree& tree, output::OutputTree files, Diagnostics& diags) {
    for (auto& [path, bytes] : files) {
        auto [it, added] = tree.emplace(path, std::move(bytes));
        if (!added)
            diags.error({path, 0, 0}, "two outputs would be written to the same file; rename a "
                                      "section, workbook or data file so their names differ");
    }
}

void attach(const Settings& s, const std::vector<transform::Attachment>& files, bool exempt,
            output::OutputTree& tree, Diagnostics& diags) {
    for (const auto& f : files)
        if (f.exempt == exempt)
            if (auto bytes = load::read_file(s.root / f.source, f.source, diags)) tree[f.site_path] = *bytes;
}

namespace {

// SOURCE_DATE_EPOCH (reproducible-builds.org), when set, dates every output that carries
// a build date; a value that is not a number of seconds is a warning, given once.
std::optional<std::int64_t> source_date_epoch(Diagnostics& diags) {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    auto n = model::parse_integer(v);
    if (!n || *n < 0) {
        diags.warning({"SOURCE_DATE_EPOCH", 0, 0}, std::string("'") + v +
                                                       "' is not a number of seconds; the PDF is dated by "
                                                       "the published date instead");
        return std::nullopt;
    }
    return n;
}

// Each meeting's agenda pack, public then restricted (a meeting with exempt items, whole),
// with the images it may show: a public pack only public ones.
template <typename F>
void for_each_pack(const Model& m, F&& render) {
    auto all_images = m.images;
    all_images.insert(m.exempt_images.begin(), m.exempt_images.end());
    for (const auto* list : {&m.papers, &m.restricted_packs})
        for (const auto& doc : *list) {
            if (doc.kind != model::DocumentKind::meeting) continue;
            const bool restricted = list == &m.restricted_packs;
            render(doc, restricted ? all_images : m.images, restricted);
        }
}

// Plans transformed, then committee papers (when the service has any) built from them;
// exempt information is removed before anything is rendered.
void build_papers(const Settings& s, Model& m, Diagnostics& diags) {
    auto& project = m.project;
    for (auto& doc : project.documents) {
        const auto start = std::chrono::steady_clock::now();
        transform::prepare(doc, project.data, m.context, diags);
        m.transform_ms[doc.id] = ms_since(start);
    }
    // Every document's anchors exist before any cross-reference is followed, so a board
    // pack may point into the plan whatever order planpack.toml lists them in.
    transform::Library library;
    for (const auto& doc : project.documents) library.push_back(&doc);
    for (auto& doc : project.documents) {
        const auto start = std::chrono::steady_clock::now();
        transform::resolve_xrefs(doc, diags, library);
        // Before any pack binds it, so a bound copy carries its erratum too.
        transform::print_erratum(doc);
        m.transform_ms[doc.id] += ms_since(start);
    }
    if (project.data.committees.empty() && project.data.papers.meetings.empty()) return;
    auto templates = load::load_committee_templates(templates_dir(s), diags);
    if (!templates) return;
    auto built = transform::build_committee_papers(project, project.documents, *templates, m.context, diags);
    // An agenda pack corrected after it was issued says so on its front sheet.
    for (auto* docs : {&built.documents, &built.restricted_packs})
        for (auto& doc : *docs)
            for (const auto& meeting : project.data.papers.meetings)
                if (doc.kind == model::DocumentKind::meeting && doc.id == meeting.id && !meeting.corrections.empty()) {
                    doc.corrections = meeting.corrections;
                    transform::print_erratum(doc);
                }
    m.exempt = transform::exempt_only(built.documents);
    m.restricted_packs = std::move(built.restricted_packs);
    m.restricted_marker = templates->exemptions.restricted_marker;
    transform::remove_exempt(built.documents);
    m.papers = std::move(built.documents);
    m.attachments = std::move(built.attachments);
    m.civic = std::move(built.civic);
}

// Every file in the source folders is read or named by what was read; any other is an
// error, in check as in build, so nothing is left out of a plan without a word.
void report_unused_files(const Settings& s, const Model& m, Diagnostics& diags) {
    std::set<std::string> used = load::named_assets(m.project.documents);
    for (const auto* docs : {&m.papers, &m.exempt}) used.merge(load::named_assets(*docs));
    for (const auto& a : m.attachments) used.insert(std::filesystem::path(a.source).lexically_normal().generic_string());
    for (const auto& [name, board] : m.project.data.boards)  // the minutes a board's meetings name
        for (const auto& meeting : board.meetings)
            if (!meeting.minutes_file.empty()) used.insert(meeting.minutes_file);
    load::report_stray_files(s.root, used, diags);
    // After an error, what went unread may only be what failed to build: say nothing then.
    if (!diags.has_errors()) load::report_unused_data(m.project.data, diags);
}

}  // namespace

std::optional<Model> load_model(const Settings& s, Diagnostics& diags, load::SectionCache* cache) {
    auto project = load::load_project(s.root, diags, cache);
    if (!project) return std::nullopt;
    Model m;
    m.loaded_diagnostics = diags.all().size();
    m.project = std::move(*project);
    if (!s.as_of.empty()) m.context.as_of = model::parse_iso_date(s.as_of);
    m.context.suppression = m.project.config.suppression;
    m.context.privacy = m.project.config.privacy;
    m.context.service_name = m.project.config.service_name;
    m.context.local_authority = m.project.config.local_authority;
    build_papers(s, m, diags);
    report_unused_files(s, m, diags);
    m.source_date_epoch = source_date_epoch(diags);
    return m;
}

void load_media(const Settings& s, Model& m, Diagnostics& diags) {
    m.images = load::load_images(s.root, m.project.documents, diags);
    m.images.merge(load::load_images(s.root, m.papers, diags));
    // Images only exempt papers show go to the restricted tree, never to media/.
    m.exempt_images = load::load_images(s.root, m.exempt, diags);
    for (const auto& [asset, _] : m.images) m.exempt_images.erase(asset);
}

Printed render_pdfs(const Settings& s, const Model& m, Diagnostics& diags) {
    Printed out;
    const auto& project = m.project;
    auto resources = render::pdf::load_resources(templates_dir(s), diags);
    render::pdf::Options options;
    options.source_date_epoch = m.source_date_epoch;
    // Documents are independent: lay them out side by side, each with its own
    // diagnostics, then take the results in document order so output stays stable.
    struct Job {
        Diagnostics diags;
        std::optional<render::pdf::Rendered> pdf;
        long ms = 0;
    };
    std::vector<Job> jobs(resources ? project.documents.size() : 0);
    std::vector<std::future<void>> running;
    for (size_t i = 0; i < jobs.size(); ++i)
        running.push_back(std::async(std::launch::async, [&, i] {
            const auto start = std::chrono::steady_clock::now();
            jobs[i].pdf = render::pdf::render_document(project.config, project.documents[i], *resources,
                                                       m.images, options, jobs[i].diags);
            jobs[i].ms = ms_since(start);
        }));
    // Meanwhile, on this thread, each meeting's agenda pack; a restricted one, whole, for a
    // meeting with exempt items. Their results and diagnostics are taken after the
    // documents', as when the packs were made after them.
    struct Pack {
        const model::Document* doc;
        bool restricted;
        render::pdf::Rendered pdf;
    };
    std::vector<Pack> packs;
    Diagnostics pack_diags;
    if (resources)
        for_each_pack(m, [&](const model::Document& doc, const auto& images, bool restricted) {
            if (auto pdf = render::pdf::render_pack(project.config, doc, *resources, images, options, pack_diags))
                packs.push_back({&doc, restricted, std::move(*pdf)});
        });
    for (auto& r : running) r.get();
    for (size_t i = 0; i < jobs.size(); ++i) {
        diags.append(jobs[i].diags);
        if (!jobs[i].pdf) continue;
        const auto& doc = project.documents[i];
        out.timings[doc.id] = {jobs[i].ms, jobs[i].pdf->pages};
        out.downloads[doc.id] = {model::relative(model::index_path(doc), model::pdf_path(doc)), jobs[i].pdf->pages,
                                 jobs[i].pdf->bytes.size()};
        out.text[model::pdf_path(doc)] = std::move(jobs[i].pdf->text);
        out.tree[model::pdf_path(doc)] = std::move(jobs[i].pdf->bytes);
    }
    diags.append(pack_diags);
    for (Pack& p : packs) {
        const std::string path = model::pdf_path(*p.doc);
        if (p.restricted) {
            out.restricted[path] = std::move(p.pdf.bytes);
            continue;
        }
        out.downloads[p.doc->id] = {model::relative(model::index_path(*p.doc), path), p.pdf.pages, p.pdf.bytes.size()};
        out.text[path] = std::move(p.pdf.text);
        out.tree[path] = std::move(p.pdf.bytes);
    }
    return out;
}

WordFiles render_docx(const Settings& s, const Model& m, Diagnostics& diags) {
    WordFiles out;
    auto word = render::docx::load_template(templates_dir(s), diags);
    if (!word) return out;
    render::docx::Options options;
    options.source_date_epoch = m.source_date_epoch;
    const auto& config = m.project.config;
    for (const auto& doc : m.project.documents)
        if (auto bytes = render::docx::render_docx(config, doc, *word, m.images, options, diags))
            out.tree[model::docx_path(doc)] = std::move(*bytes);
    for_each_pack(m, [&](const model::Document& doc, const auto& images, bool restricted) {
        if (auto bytes = render::docx::render_docx(config, doc, *word, images, options, diags))
            (restricted ? out.restricted : out.tree)[model::docx_path(doc)] = std::move(*bytes);
    });
    return out;
}

Workbooks render_workbooks(const Settings& s, const Model& m, Diagnostics& diags) {
    Workbooks out;
    const auto& project = m.project;
    const auto cells = load::load_cell_styles(templates_dir(s) / "cell-styles.toml", diags);
    if (!cells) return out;
    auto attached = render::xlsx::render_attached_workbooks(project.config, project.documents, *cells, diags);
    // A committee's attendance workbook, linked from its page.
    add_files(attached, render::xlsx::render_attached_workbooks(project.config, m.papers, *cells, diags), diags);
    for (const auto& doc : project.documents) {
        auto& list = out.spreadsheets[doc.id];
        const std::string from = model::index_path(doc);
        for (const auto& w : doc.workbooks)
            if (auto it = attached.find(model::workbook_path(doc, w.name)); it != attached.end())
                list.push_back({model::relative(from, it->first), w.label.empty() ? w.title : w.label,
                                it->second.size()});
    }
    add_files(out.tree, std::move(attached), diags);
    return out;
}

std::optional<publish::Record> read_record(const Settings& s, Diagnostics& diags) {
    const fs::path path = s.root / publish::record_file;
    std::error_code ec;
    if (!s.as_of.empty() || !fs::exists(path, ec)) return publish::Record{};
    auto text = load::read_file(path, publish::record_file, diags);
    if (!text) return std::nullopt;
    const size_t mark = diags.all().size();
    auto record = publish::parse_record(*text, publish::record_file, diags);
    if (diags.errors_since(mark)) return std::nullopt;
    return record;
}

output::OutputTree render_civic(const Settings& s, const Model& m, const output::OutputTree& tree,
                                const publish::Record& record, Diagnostics& diags) {
    output::OutputTree out;
    if (m.civic.committees.empty()) return out;
    std::map<std::string, model::Date> published;
    for (const auto& p : record.publications) published[p.id] = p.published;
    add_files(out, render::ical::render_calendars(m.project.config, m.civic, published, m.source_date_epoch, diags),
              diags);
    add_files(out, render::atom::render_feeds(m.project.config, m.civic, published), diags);
    // The schema is published beside the data it describes; it lives with the templates
    // so an installed planpack finds it, though it is not for restyling.
    const fs::path schema = templates_dir(s) / "open-data" / "schema-v1.json";
    std::error_code ec;
    std::string text;
    if (fs::exists(schema, ec))
        if (auto bytes = load::read_file(schema, "templates/open-data/schema-v1.json", diags)) text = std::move(*bytes);
    add_files(out, render::opendata::render_open_data(m.project.config, m.civic, tree, record, text), diags);
    return out;
}

output::OutputTree render_html(const Settings& s, const Model& m,
                               const std::map<std::string, render::html::Download>& downloads,
                               const std::map<std::string, std::vector<render::html::Spreadsheet>>& spreadsheets,
                               Diagnostics& diags, render::html::PageCache* cache) {
    output::OutputTree tree;
    for (const auto& [asset, bytes] : m.images) tree[model::media_path(asset)] = bytes;
    if (auto templates = render::html::load_templates(templates_dir(s), diags)) {
        add_files(tree,
                  render::html::render_site(m.project.config, m.project.documents, *templates, diags, downloads,
                                            spreadsheets, m.papers, cache),
                  diags);
        tree[model::search_path()] = render::html::render_search_page(
            m.project.config, m.project.documents, m.papers, *templates, !s.pagefind.empty(), diags);
    }
    return tree;
}

}  // namespace planpack::pipeline
