#include "cli/build.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <vector>

#include "load/assets.hpp"
#include "load/project.hpp"
#include "model/partial_date.hpp"
#include "model/number_format.hpp"
#include "output/output_tree.hpp"
#include "render/html/site.hpp"
#include "render/pdf/pdf.hpp"
#include "render/xlsx/attached.hpp"
#include "render/xlsx/performance.hpp"
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

bool wants(const Options& o, const std::string& format) {
    return std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end();
}

int report(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.sorted()) err << format(d) << '\n';
    return diags.has_errors() ? 1 : 0;
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    transform::Context context;
    if (!o.as_of.empty()) context.as_of = model::parse_iso_date(o.as_of);
    auto project = load::load_project(o.root, diags);
    if (project) context.suppression = project->config.suppression;
    if (project)
        for (auto& doc : project->documents) transform::run_all(doc, project->data, context, diags);
    if (!project || diags.has_errors()) {
        report(diags, err);
        err << "planpack: " << (o.command == Command::build ? "nothing was written" : "check failed")
            << '\n';
        return 1;
    }
    if (o.command == Command::check) {
        report(diags, err);
        out << "planpack: " << project->documents.size() << " document(s) checked, no errors\n";
        return 0;
    }

    output::OutputTree tree;
    const auto images = load::load_images(o.root, project->documents, diags);
    // The PDF first, so the HTML contents page can say how long and how large it is.
    std::map<std::string, render::html::Download> downloads;
    if (wants(o, "pdf")) {
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
            downloads[doc.id] = {doc.id + ".pdf", jobs[i].pdf->pages, jobs[i].pdf->bytes.size()};
            tree[doc.id + "/" + doc.id + ".pdf"] = std::move(jobs[i].pdf->bytes);
        }
    }
    std::map<std::string, std::vector<render::html::Spreadsheet>> spreadsheets;
    if (wants(o, "xlsx")) {
        auto performance = render::xlsx::render_performance_workbooks(project->config, project->documents, diags);
        auto attached = render::xlsx::render_attached_workbooks(project->config, project->documents, diags);
        for (const auto& doc : project->documents) {
            auto& list = spreadsheets[doc.id];
            for (const auto& w : doc.workbooks)
                if (auto it = attached.find(doc.id + "/" + w.name + ".xlsx"); it != attached.end())
                    list.push_back({w.name + ".xlsx", w.title, it->second.size()});
            if (auto it = performance.find(doc.id + "/performance.xlsx"); it != performance.end())
                list.push_back({"performance.xlsx", "performance figures", it->second.size()});
        }
        add_files(tree, std::move(performance), diags);
        add_files(tree, std::move(attached), diags);
    }
    if (wants(o, "html")) {
        output::OutputTree media;
        for (const auto& [asset, bytes] : images) media["media/" + asset] = bytes;
        add_files(tree, std::move(media), diags);
        auto templates = render::html::load_templates(templates_dir(o), diags);
        if (templates)
            add_files(tree,
                      render::html::render_site(project->config, project->documents, *templates,
                                                diags, downloads, spreadsheets),
                      diags);
    }
    const fs::path out_dir = o.out.empty() ? fs::path(o.root) / "site" : fs::path(o.out);
    if (diags.has_errors() || !output::publish(tree, out_dir, o.root, diags)) {
        report(diags, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    report(diags, err);
    out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n';
    return 0;
}

}  // namespace planpack::cli
