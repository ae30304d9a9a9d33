#include "pipeline/assemble.hpp"

#include "model/paths.hpp"
#include "render/html/committee.hpp"

namespace planpack::pipeline {

namespace {

// The exempt papers' own pages, beside the whole packs and the images only they show.
output::OutputTree restricted_papers(const Settings& s, const Model& m, const output::Formats& formats,
                                     output::OutputTree printed, Diagnostics& diags) {
    output::OutputTree tree = std::move(printed);
    for (const auto& [asset, bytes] : m.exempt_images) tree[model::media_path(asset)] = bytes;
    if (formats.count(output::Format::html))
        if (auto templates = render::html::load_templates(templates_dir(s), diags))
            tree.merge(render::html::render_restricted(m.project.config, m.exempt, m.restricted_marker, *templates,
                                                       diags));
    attach(s, m.attachments, true, tree, diags);
    return tree;
}

}  // namespace

Publications assemble(const Settings& s, const Model& m, const output::Formats& formats,
                      const publish::Record& record, bool restricted, Diagnostics& diags) {
    auto wants = [&](output::Format f) { return formats.count(f) > 0; };
    Publications out;
    output::OutputTree withheld;  // whole restricted packs, from the PDF and Word renderers
    if (wants(output::Format::pdf)) {
        out.printed = render_pdfs(s, m, diags);
        add_files(out.site, std::move(out.printed.tree), diags);
        withheld = std::move(out.printed.restricted);
    }
    Workbooks workbooks;
    if (wants(output::Format::xlsx)) {
        workbooks = render_workbooks(s, m, diags);
        add_files(out.site, std::move(workbooks.tree), diags);
    }
    if (wants(output::Format::docx)) {
        auto word = render_docx(s, m, diags);
        add_files(out.site, std::move(word.tree), diags);
        for (auto& [path, bytes] : word.restricted) withheld[path] = std::move(bytes);
    }
    if (wants(output::Format::html))
        add_files(out.site, render_html(s, m, out.printed.downloads, workbooks.spreadsheets, diags), diags);
    attach(s, m.attachments, false, out.site, diags);
    if (wants(output::Format::html)) add_files(out.site, render_civic(s, m, out.site, record, diags), diags);

    for (const auto& d : m.exempt) out.exempt_sections += d.sections.size();
    if (restricted && out.exempt_sections > 0)
        out.restricted = restricted_papers(s, m, formats, std::move(withheld), diags);
    return out;
}

}  // namespace planpack::pipeline
