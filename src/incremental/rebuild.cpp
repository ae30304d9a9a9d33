#include "incremental/rebuild.hpp"

namespace planpack::incremental {

namespace fs = std::filesystem;

Rebuilder::Rebuilder(pipeline::Settings settings) : settings_(std::move(settings)) {}
Rebuilder::~Rebuilder() = default;

Result Rebuilder::build(const std::set<fs::path>& changed,
                        const std::map<std::string, render::html::Download>& downloads,
                        const std::map<std::string, std::vector<render::html::Spreadsheet>>& spreadsheets) {
    Result r;
    r.full = !sections_ || !pages_ || !graph_ || changed.empty();
    if (!r.full)
        for (const auto& path : changed) {
            const std::string rel = path.is_absolute() ? path.lexically_relative(settings_.root).generic_string()
                                                       : path.generic_string();
            if (!DependencyGraph::local(rel)) r.full = true;
            for (auto& page : graph_->readers(rel)) r.predicted.insert(page);
            sections_->changed(settings_.root / rel);
        }
    if (r.full) {
        sections_ = std::make_unique<load::SectionCache>();
        pages_ = std::make_unique<render::html::PageCache>();
        graph_.reset();
    }
    sections_->watched = !r.full;
    r.model = pipeline::load_model(settings_, r.diags, sections_.get());
    r.parsed = sections_->parsed;
    if (!r.model || r.diags.has_errors()) return r;
    pipeline::load_media(settings_, *r.model, r.diags);
    r.pages = pipeline::render_html(settings_, *r.model, downloads, spreadsheets, r.diags, pages_.get());
    pipeline::attach(settings_, r.model->attachments, false, r.pages, r.diags);
    r.rendered = pages_->rendered;
    graph_ = DependencyGraph::of(*r.model);
    return r;
}

}  // namespace planpack::incremental
