#include "cli/build.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <sstream>
#include <vector>

#include "load/assets.hpp"
#include "load/project.hpp"
#include "load/report_template.hpp"
#include "model/partial_date.hpp"
#include "model/number_format.hpp"
#include "model/paths.hpp"
#include "output/output_tree.hpp"
#include "render/html/committee.hpp"
#include "render/html/site.hpp"
#include "render/pdf/pack.hpp"
#include "render/pdf/pdf.hpp"
#include "render/xlsx/attached.hpp"
#include "render/xlsx/performance.hpp"
#include "transform/committee/papers.hpp"
#include "transform/exempt.hpp"
#include "transform/transforms.hpp"

#ifndef PLANPACK_TEMPLATES_DIR
#define PLANPACK_TEMPLATES_DIR "templates"
#endif

namespace planpack::cli {

namespace fs = std::filesystem;

namespace {

// Adds files to the output; two renderers writing the same path is an error, never a
// silent choice of one.
void add_files(output::OutputTree& tree, output::OutputTree files, Diagnostics& diags) {
    for (auto& [path, bytes] : files) {
        auto [it, added] = tree.emplace(path, std::move(bytes));
        if (!added)
            diags.error({path, 0, 0}, "two outputs would be written to the same file; rename a "
                                      "section, workbook or data file so their names differ");
    }
}

fs::path templates_dir(const Options& o) {
    if (!o.templates.empty()) return o.templates;
    const fs::path local = fs::path(o.root) / "templates";
    std::error_code ec;
    if (fs::is_directory(local / "html", ec)) return local;
    return PLANPACK_TEMPLATES_DIR;
}

// SOURCE_DATE_EPOCH (reproducible-builds.org) dates the PDF when set.
std::optional<std::int64_t> source_date_epoch(Diagnostics& diags) {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    auto n = model::parse_integer(v);
    if (!n || *n < 0) {
        diags.warning({"SOURCE_DATE_EPOCH", 0, 0},
                      std::string("'") + v + "' is not a number of seconds; the PDF is dated by "
                                              "the published date instead");
        return std::nullopt;
    }
    return n;
}

bool wants(const Options& o, Format format) {
    return std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end();
}

int report(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.sorted()) err << format(d) << '\n';
    return diags.has_errors() ? 1 : 0;
}

// Committee papers as a build publishes them: with exempt sections taken out, and, kept
// apart, what was taken out, and the appendix files of both.
struct Built {
    std::vector<model::Document> papers;
    std::vector<model::Document> exempt;
    std::vector<model::Document> restricted_packs;  // meetings with exempt items, whole
    std::vector<transform::Attachment> attachments;
};

// The plans transformed, then committee papers (when the service has any) built from them;
// exempt information is removed before anything is rendered.
void build_model(const Options& o, load::Project& project, const transform::Context& context, Built& b,
                 Diagnostics& diags) {
    for (auto& doc : project.documents) transform::run_all(doc, project.data, context, diags);
    if (project.data.committees.empty() && project.data.papers.meetings.empty()) return;
    auto templates = load::load_committee_templates(templates_dir(o), diags);
    if (!templates) return;
    auto built = transform::build_committee_papers(project, project.documents, *templates, context, diags);
    b.exempt = transform::exempt_only(built.documents);
    for (const auto& d : built.documents)
        if (d.kind == model::DocumentKind::meeting && std::any_of(d.sections.begin(), d.sections.end(), [](const auto& s) { return s.exempt; }))
            b.restricted_packs.push_back(d);
    transform::remove_exempt(built.documents);
    b.papers = std::move(built.documents);
    b.attachments = std::move(built.attachments);
}

// Appendix files, each into the tree its exemption decides.
void attach(const Options& o, const std::vector<transform::Attachment>& files, bool exempt, output::OutputTree& tree,
            Diagnostics& diags) {
    for (const auto& f : files)
        if (f.exempt == exempt)
            if (auto bytes = load::read_file(fs::path(o.root) / f.source, f.source, diags)) tree[f.site_path] = *bytes;
}

// Exempt papers go to --restricted-out, never under the public site; without it they are
// not rendered at all, and the build says so.
// files: what other renderers made for it (whole packs, the exempt papers' images).
bool publish_restricted(const Options& o, const load::Config& config, const Built& b,
                        const render::html::Templates* templates, output::OutputTree files, std::ostream& out,
                        Diagnostics& diags) {
    size_t papers = 0;
    for (const auto& d : b.exempt) papers += d.sections.size();
    if (papers == 0) return true;
    if (o.restricted_out.empty()) {
        out << "planpack: " << papers << " exempt section(s) not rendered; give --restricted-out DIR "
            << "(outside the site) to render them\n";
        return true;
    }
    output::OutputTree tree = std::move(files);
    if (templates) tree.merge(render::html::render_restricted(config, b.exempt, *templates, diags));
    attach(o, b.attachments, true, tree, diags);
    if (diags.has_errors() || !output::publish(tree, o.restricted_out, o.root, diags)) return false;
    out << "planpack: wrote " << tree.size() << " restricted files to " << o.restricted_out << '\n';
    return true;
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    transform::Context context;
    context.as_of = o.as_of;
    auto project = load::load_project(o.root, diags);
    Built built;
    if (project) {
        context.suppression = project->config.suppression;
        context.privacy = project->config.privacy;
        build_model(o, *project, context, built, diags);
    }
    if (!project || diags.has_errors()) {
        report(diags, err);
        err << "planpack: " << (o.command == Command::build ? "nothing was written" : "check failed")
            << '\n';
        return 1;
    }
    if (o.command == Command::check) {
        report(diags, err);
        out << "planpack: " << project->documents.size() + built.papers.size() << " document(s) checked, no errors\n";
        return 0;
    }

    output::OutputTree tree;
    auto images = load::load_images(o.root, project->documents, diags);
    images.merge(load::load_images(o.root, built.papers, diags));
    // Images only exempt papers show go to the restricted tree, never to media/.
    auto exempt_images = load::load_images(o.root, built.exempt, diags);
    for (const auto& [asset, _] : images) exempt_images.erase(asset);
    // The PDF first, so the HTML contents page can say how long and how large it is.
    std::map<std::string, render::html::Download> downloads;
    output::OutputTree restricted_pdfs;
    if (wants(o, Format::pdf)) {
        auto resources = render::pdf::load_resources(templates_dir(o), diags);
        render::pdf::Options options;
        options.source_date_epoch = source_date_epoch(diags);
        // Documents are independent: lay them out side by side, each with its own
        // diagnostics, then take the results in document order so output stays stable.
        struct Job {
            Diagnostics diags;
            std::optional<render::pdf::Rendered> pdf;
        };
        std::vector<Job> jobs(resources ? project->documents.size() : 0);
        std::vector<std::future<void>> running;
        for (size_t i = 0; i < jobs.size(); ++i)
            running.push_back(std::async(std::launch::async, [&, i] {
                jobs[i].pdf = render::pdf::render_document(project->config, project->documents[i],
                                                           *resources, images, options, jobs[i].diags);
            }));
        for (auto& r : running) r.get();
        for (size_t i = 0; i < jobs.size(); ++i) {
            diags.append(jobs[i].diags);
            if (!jobs[i].pdf) continue;
            const auto& doc = project->documents[i];
            downloads[doc.id] = {model::relative(model::index_path(doc), model::pdf_path(doc)), jobs[i].pdf->pages,
                                 jobs[i].pdf->bytes.size()};
            tree[model::pdf_path(doc)] = std::move(jobs[i].pdf->bytes);
        }
        // Each meeting's agenda pack; a restricted one, whole, for a meeting with exempt items.
        auto all_images = images;
        all_images.insert(exempt_images.begin(), exempt_images.end());
        for (const auto* list : {&built.papers, &built.restricted_packs})
            for (const auto& doc : *list) {
                if (!resources || doc.kind != model::DocumentKind::meeting) continue;
                const bool restricted = list == &built.restricted_packs;
                auto pdf = render::pdf::render_pack(project->config, doc, *resources, restricted ? all_images : images,
                                                    options, diags);
                if (!pdf) continue;
                const std::string path = model::pdf_path(doc);
                if (restricted) {
                    restricted_pdfs[path] = std::move(pdf->bytes);
                    continue;
                }
                downloads[doc.id] = {model::relative(model::index_path(doc), path), pdf->pages, pdf->bytes.size()};
                tree[path] = std::move(pdf->bytes);
            }
    }
    std::map<std::string, std::vector<render::html::Spreadsheet>> spreadsheets;
    if (wants(o, Format::xlsx)) {
        auto performance = render::xlsx::render_performance_workbooks(project->config, project->documents, diags);
        auto attached = render::xlsx::render_attached_workbooks(project->config, project->documents, diags);
        for (const auto& doc : project->documents) {
            auto& list = spreadsheets[doc.id];
            const std::string from = model::index_path(doc);
            for (const auto& w : doc.workbooks)
                if (auto it = attached.find(model::workbook_path(doc, w.name)); it != attached.end())
                    list.push_back({model::relative(from, it->first), w.title, it->second.size()});
            if (auto it = performance.find(model::workbook_path(doc, render::xlsx::performance_workbook));
                it != performance.end())
                list.push_back({model::relative(from, it->first), "performance figures", it->second.size()});
        }
        add_files(tree, std::move(performance), diags);
        add_files(tree, std::move(attached), diags);
    }
    std::optional<render::html::Templates> templates;
    if (wants(o, Format::html)) {
        output::OutputTree media;
        for (const auto& [asset, bytes] : images) media[model::media_path(asset)] = bytes;
        add_files(tree, std::move(media), diags);
        templates = render::html::load_templates(templates_dir(o), diags);
        if (templates)
            add_files(tree,
                      render::html::render_site(project->config, project->documents, *templates,
                                                diags, downloads, spreadsheets, built.papers),
                      diags);
    }
    attach(o, built.attachments, false, tree, diags);
    const fs::path out_dir = o.out;
    if (diags.has_errors() || !output::publish(tree, out_dir, o.root, diags)) {
        report(diags, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    std::ostringstream restricted;
    for (auto& [asset, bytes] : exempt_images) restricted_pdfs[model::media_path(asset)] = std::move(bytes);
    const bool ok = publish_restricted(o, project->config, built, templates ? &*templates : nullptr,
                                       std::move(restricted_pdfs), restricted, diags);
    report(diags, err);
    out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n' << restricted.str();
    if (!ok) {
        err << "planpack: the restricted papers were not written; " << o.restricted_out << " is unchanged\n";
        return 1;
    }
    return 0;
}

}  // namespace planpack::cli
