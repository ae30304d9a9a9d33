#include "cli/build.hpp"

#include <filesystem>
#include <sstream>

#include "load/project.hpp"
#include "load/report_template.hpp"
#include "model/partial_date.hpp"
#include "output/output_tree.hpp"
#include "render/html/committee.hpp"
#include "render/html/site.hpp"
#include "transform/committee/papers.hpp"
#include "transform/exempt.hpp"
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

// What a build publishes: every document with exempt sections taken out, and, kept apart,
// what was taken out and the files of both.
struct Built {
    std::vector<model::Document> documents;
    std::vector<model::Document> exempt;
    std::vector<transform::Attachment> attachments;
};

// The plans transformed, then committee papers (when the service has any) built from them;
// exempt information is removed before anything is rendered.
Built build_model(const Options& o, load::Project& project, const transform::Context& context, Diagnostics& diags) {
    Built b;
    for (auto& doc : project.documents) transform::run_all(doc, project.data, context, diags);
    const auto& papers = project.data.papers;
    if (!project.data.committees.empty() || !papers.meetings.empty()) {
        if (auto templates = load::load_committee_templates(templates_dir(o), diags)) {
            auto built = transform::build_committee_papers(project, project.documents, *templates, context, diags);
            b.exempt = transform::exempt_only(built.documents);
            transform::remove_exempt(built.documents);
            b.attachments = std::move(built.attachments);
            b.documents = std::move(project.documents);
            for (auto& d : built.documents) b.documents.push_back(std::move(d));
            return b;
        }
    }
    b.documents = std::move(project.documents);
    return b;
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
bool publish_restricted(const Options& o, const load::Config& config, const Built& b,
                        const render::html::Templates* templates, std::ostream& out, Diagnostics& diags) {
    size_t papers = 0;
    for (const auto& d : b.exempt) papers += d.sections.size();
    if (papers == 0) return true;
    if (o.restricted_out.empty()) {
        out << "planpack: " << papers << " exempt section(s) not rendered; give --restricted-out DIR "
            << "(outside the site) to render them\n";
        return true;
    }
    if (!templates) return true;
    output::OutputTree tree = render::html::render_restricted(config, b.exempt, *templates, diags);
    attach(o, b.attachments, true, tree, diags);
    if (diags.has_errors() || !output::publish(tree, o.restricted_out, diags)) return false;
    out << "planpack: wrote " << tree.size() << " restricted files to " << o.restricted_out << '\n';
    return true;
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    transform::Context context;
    if (!o.as_of.empty()) context.as_of = model::parse_iso_date(o.as_of);
    auto project = load::load_project(o.root, diags);
    Built built;
    if (project) {
        context.privacy = project->config.privacy;
        built = build_model(o, *project, context, diags);
    }
    if (!project || diags.has_errors()) {
        report(diags, err);
        err << "planpack: " << (o.command == Command::build ? "nothing was written" : "check failed")
            << '\n';
        return 1;
    }
    if (o.command == Command::check) {
        report(diags, err);
        out << "planpack: " << built.documents.size() << " document(s) checked, no errors\n";
        return 0;
    }

    output::OutputTree tree;
    std::optional<render::html::Templates> templates;
    for (const auto& format : o.formats) {
        if (format == "html") {
            templates = render::html::load_templates(templates_dir(o), diags);
            if (templates) tree.merge(render::html::render_site(project->config, built.documents, *templates, diags));
        }
    }
    attach(o, built.attachments, false, tree, diags);
    const fs::path out_dir = o.out.empty() ? fs::path(o.root) / "site" : fs::path(o.out);
    if (diags.has_errors() || !output::publish(tree, out_dir, diags)) {
        report(diags, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    std::ostringstream restricted;
    const bool ok = publish_restricted(o, project->config, built, templates ? &*templates : nullptr, restricted, diags);
    report(diags, err);
    out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n' << restricted.str();
    if (!ok) {
        err << "planpack: the restricted papers were not written; " << o.restricted_out << " is unchanged\n";
        return 1;
    }
    return 0;
}

}  // namespace planpack::cli
