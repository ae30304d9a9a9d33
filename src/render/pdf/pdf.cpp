#include "render/pdf/pdf.hpp"

#include <cstdio>

#include "model/agenda.hpp"
#include "render/pdf/document_metadata.hpp"
#include "render/pdf/images.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/page_text.hpp"
#include "render/pdf/writer.hpp"

namespace planpack::render::pdf {

namespace {

// Civil date from days since 1970-01-01 (H. Hinnant's algorithm), so no time zone applies.
void set_utc(Metadata& m, std::int64_t epoch) {
    std::int64_t days = epoch / 86400, secs = epoch % 86400;
    if (secs < 0) secs += 86400, --days;
    const std::int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    m.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    m.year = static_cast<int>(yoe + era * 400 + (m.month <= 2));
    m.hour = static_cast<int>(secs / 3600);
    m.minute = static_cast<int>(secs / 60 % 60);
    m.second = static_cast<int>(secs % 60);
}

}  // namespace

void set_date(Metadata& meta, const std::optional<std::int64_t>& epoch, const model::Date& published) {
    if (epoch) set_utc(meta, *epoch);
    else meta.year = published.year, meta.month = published.month, meta.day = published.day;
}

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
    set_date(meta, options.source_date_epoch, doc.published);
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
