#include "cli/build.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <sstream>
#include <vector>

#include "cli/installed.hpp"
#include "cli/report.hpp"
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

bool wants(const Options& o, const std::string& format) {
    return std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end();
}

using Clock = std::chrono::steady_clock;
long ms_since(Clock::time_point start) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

// Committee papers as a build publishes them: with exempt sections taken out, and, kept
// apart, what was taken out, and the appendix files of both.
struct Built {
    std::vector<model::Document> papers;
    std::vector<model::Document> exempt;
    std::vector<model::Document> restricted_packs;  // meetings with exempt items, whole
    std::vector<transform::Attachment> attachments;
};

// What -v reports: per document, milliseconds to transform and to lay out its PDF.
struct Timing {
    long transform_ms = -1, pdf_ms = -1;
    int pages = 0;
};
using Timings = std::map<std::string, Timing>;

void print_timings(const Timings& timings, std::ostream& out) {
    for (const auto& [id, t] : timings) {
        out << "planpack: " << id << ":";
        if (t.transform_ms >= 0) out << " model " << t.transform_ms << " ms";
        if (t.pdf_ms >= 0) out << ", PDF " << t.pdf_ms << " ms (" << t.pages << " pages)";
        out << '\n';
    }
}

// The plans transformed, then committee papers (when the service has any) built from them;
// exempt information is removed before anything is rendered.
void build_model(const Options& o, load::Project& project, const transform::Context& context, Built& b,
                 Timings& timings, Diagnostics& diags) {
    for (auto& doc : project.documents) {
        const auto start = Clock::now();
        transform::run_all(doc, project.data, context, diags);
        timings[doc.id].transform_ms = ms_since(start);
    }
    if (project.data.committees.empty() && project.data.papers.meetings.empty()) return;
    auto templates = load::load_committee_templates(templates_dir(o), diags);
    if (!templates) return;
    auto built = transform::build_committee_papers(project, project.documents, *templates, context, diags);
    b.exempt = transform::exempt_only(built.documents);
    for (const auto& d : built.documents)
        if (d.kind == "meeting" && std::any_of(d.sections.begin(), d.sections.end(), [](const auto& s) { return s.exempt; }))
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
        if (o.verbosity != Verbosity::quiet)
            out << "planpack: " << papers << " exempt section(s) not rendered; give --restricted-out DIR "
            << "(outside the site) to render them\n";
        return true;
    }
    output::OutputTree tree = std::move(files);
    if (templates) tree.merge(render::html::render_restricted(config, b.exempt, *templates, diags));
    attach(o, b.attachments, true, tree, diags);
    if (diags.has_errors() || !output::publish(tree, o.restricted_out, o.root, diags)) return false;
    if (o.verbosity != Verbosity::quiet) out << "planpack: wrote " << tree.size() << " restricted files to " << o.restricted_out << '\n';
    return true;
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    transform::Context context;
    if (!o.as_of.empty()) context.as_of = model::parse_iso_date(o.as_of);
    const auto started = Clock::now();
    auto project = load::load_project(o.root, diags);
    const size_t loaded = diags.all().size();
    const long load_ms = ms_since(started);
    Built built;
    Timings timings;
    if (project) {
        context.suppression = project->config.suppression;
        context.privacy = project->config.privacy;
        build_model(o, *project, context, built, timings, diags);
    }
    if (!project || diags.has_errors()) {
        report(diags, loaded, err);
        err << "planpack: " << (o.command == Command::build ? "nothing was written" : "check failed")
            << '\n';
        return 1;
    }
    if (o.command == Command::check) {
        report(diags, loaded, err);
        if (o.verbosity == Verbosity::verbose) print_timings(timings, out);
        if (o.verbosity != Verbosity::quiet) out << "planpack: " << project->documents.size() + built.papers.size() << " document(s) checked, no errors\n";
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
    if (wants(o, "pdf")) {
        auto resources = render::pdf::load_resources(templates_dir(o), diags);
        render::pdf::Options options;
        options.source_date_epoch = source_date_epoch(diags);
        // Documents are independent: lay them out side by side, each with its own
        // diagnostics, then take the results in document order so output stays stable.
        struct Job {
            Diagnostics diags;
            std::optional<render::pdf::Rendered> pdf;
            long ms = 0;
        };
        std::vector<Job> jobs(resources ? project->documents.size() : 0);
        std::vector<std::future<void>> running;
        for (size_t i = 0; i < jobs.size(); ++i)
            running.push_back(std::async(std::launch::async, [&, i] {
                const auto start = Clock::now();
                jobs[i].pdf = render::pdf::render_document(project->config, project->documents[i],
                                                           *resources, images, options, jobs[i].diags);
                jobs[i].ms = ms_since(start);
            }));
        for (auto& r : running) r.get();
        for (size_t i = 0; i < jobs.size(); ++i) {
            diags.append(jobs[i].diags);
            if (!jobs[i].pdf) continue;
            const auto& doc = project->documents[i];
            timings[doc.id].pdf_ms = jobs[i].ms;
            timings[doc.id].pages = jobs[i].pdf->pages;
            downloads[doc.id] = {model::relative(model::index_path(doc), model::pdf_path(doc)), jobs[i].pdf->pages,
                                 jobs[i].pdf->bytes.size()};
            tree[model::pdf_path(doc)] = std::move(jobs[i].pdf->bytes);
        }
        // Each meeting's agenda pack; a restricted one, whole, for a meeting with exempt items.
        auto all_images = images;
        all_images.insert(exempt_images.begin(), exempt_images.end());
        for (const auto* list : {&built.papers, &built.restricted_packs})
            for (const auto& doc : *list) {
                if (!resources || doc.kind != "meeting") continue;
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
    if (wants(o, "xlsx")) {
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
    if (wants(o, "html")) {
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
    const fs::path out_dir = o.out.empty() ? fs::path(o.root) / "site" : fs::path(o.out);
    if (diags.has_errors() || !output::publish(tree, out_dir, o.root, diags)) {
        report(diags, loaded, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    std::ostringstream restricted;
    for (auto& [asset, bytes] : exempt_images) restricted_pdfs[model::media_path(asset)] = std::move(bytes);
    const bool ok = publish_restricted(o, project->config, built, templates ? &*templates : nullptr,
                                       std::move(restricted_pdfs), restricted, diags);
    report(diags, loaded, err);
    if (o.verbosity == Verbosity::verbose) {
        out << "planpack: loaded " << o.root << " in " << load_ms << " ms\n";
        print_timings(timings, out);
        out << "planpack: built in " << ms_since(started) << " ms\n";
    }
    if (o.verbosity != Verbosity::quiet)
        out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n';
    out << restricted.str();
    if (!ok) {
        err << "planpack: the restricted papers were not written; " << o.restricted_out << " is unchanged\n";
        return 1;
    }
    return 0;
}

}  // namespace planpack::cli
