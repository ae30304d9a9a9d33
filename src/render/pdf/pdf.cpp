#include "render/pdf/pdf.hpp"

#include <cstdio>

#include "model/agenda.hpp"
#include "render/pdf/document_metadata.hpp"
#include "render/pdf/images.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/page_text.hpp"
#include "render/pdf/writer.hpp"

namespace planpack::render::pdf {

std::optional<Resources> load_resources(const std::filesystem::path& templates_dir, Diagnostics& diags) {
    const std::filesystem::path path = templates_dir / "pdf" / "style.toml";
    const std::string shown = path.string();
    auto style = load_style(path, shown, diags);
    auto cells = load::load_cell_styles(templates_dir / "cell-styles.toml", diags);
    if (!style || !cells) return std::nullopt;
    style->table.cells = std::move(*cells);
    auto fonts = load_fonts(style->fonts, shown, diags);
    if (!fonts) return std::nullopt;
    return Resources{std::move(*style), std::move(*fonts)};
}

std::optional<Rendered> render_document(const load::Config& config, const model::Document& doc,
                                        const Resources& res, const std::map<std::string, std::string>& images,
                                        const Options& options, Diagnostics& diags) {
    SourcePos pos{"planpack.toml", 0, 0};
    for (const auto& d : config.documents)
        if (d.id == doc.id) pos = d.pos;
    DocumentInfo info;
    info.title = doc.title;
    info.service = config.service_name;
    info.local_authority = config.local_authority;
    info.period = model::format_long(doc.period_start) + " to " + model::format_long(doc.period_end);
    info.published = doc.undated ? "Draft, not yet published" : model::format_long(doc.published);
    info.details = model::cover_details(doc);
    info.pos = pos;

    const auto probed = probe_images(images, diags);
    const LaidOutDocument laid = layout_document(doc, info, res.style, res.fonts, probed, diags);

    Metadata meta;
    meta.title = doc.title;
    meta.author = config.service_name;
    const DocumentDescription about = describe(doc, config);
    meta.subject = about.subject;
    meta.keywords = about.keywords;
    meta.language = config.language;
    meta.created = model::dated(options.source_date_epoch, doc.published);
    meta.tagged = options.tagged;

    std::string error;
    auto bytes = write_pdf(laid, meta, res.fonts, images, error);
    if (!bytes) {
        diags.error(pos, "cannot write the PDF of document '" + doc.id + "': " + error);
        return std::nullopt;
    }
    return Rendered{std::move(*bytes), laid.pages.size(), page_text(laid)};
}

}  // namespace planpack::render::pdf
