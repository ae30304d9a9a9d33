#include "cli/build.hpp"

#include <filesystem>

#include "load/project.hpp"
#include "output/output_tree.hpp"
#include "render/html/site.hpp"
#include "render/xlsx/performance.hpp"
#include "transform/transforms.hpp"

#ifndef PLANPACK_TEMPLATES_DIR
#define PLANPACK_TEMPLATES_DIR "templates"
#endif

namespace planpack::cli {

namespace fs = std::filesystem;

namespace {

fs::path templates_dir(const Options& o) {
    if (!o.templates.empty()) return o.templates;
    const fs::path local = fs::path(o.root) / "templates";
    std::error_code ec;
    if (fs::is_directory(local / "html", ec)) return local;
    return PLANPACK_TEMPLATES_DIR;
}

int report(const Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.sorted()) err << format(d) << '\n';
    return diags.has_errors() ? 1 : 0;
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load::load_project(o.root, diags);
    if (project)
        for (auto& doc : project->documents)
            transform::run_all(doc, project->data, diags, project->config.suppression);
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
    for (const auto& format : o.formats) {
        if (format == "html") {
            auto templates = render::html::load_templates(templates_dir(o), diags);
            if (templates) tree.merge(render::html::render_site(project->config, project->documents,
                                                                *templates, diags));
        } else if (format == "xlsx") {
            tree.merge(render::xlsx::render_performance_workbooks(project->config, project->documents, diags));
        }
    }
    const fs::path out_dir = o.out.empty() ? fs::path(o.root) / "site" : fs::path(o.out);
    if (diags.has_errors() || !output::publish(tree, out_dir, diags)) {
        report(diags, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    report(diags, err);
    out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n';
    return 0;
}

}  // namespace planpack::cli
