#include "render/pdf/pdf.hpp"

#include <cstdio>

#include "model/dates.hpp"
#include "render/pdf/images.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/writer.hpp"

namespace planpack::render::pdf {

namespace {

// In UTC, so no time zone applies.
void set_utc(Metadata& m, std::int64_t epoch) {
    const model::DateTime t = model::utc(epoch);
    m.year = t.date.year, m.month = t.date.month, m.day = t.date.day;
    m.hour = t.hour, m.minute = t.minute, m.second = t.second;
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
    if (!style) return std::nullopt;
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
    info.published = model::format_long(doc.published);
    info.pos = pos;

    const auto probed = probe_images(images, diags);
    const LaidOutDocument laid = layout_document(doc, info, res.style, res.fonts, probed, diags);

    Metadata meta;
    meta.title = doc.title;
    meta.author = config.service_name;
    meta.subject = "Youth justice plan of " + config.local_authority + " for " + info.period;
    char years[16];
    std::snprintf(years, sizeof years, "%d/%02d", doc.period_start.year, doc.period_end.year % 100);
    meta.keywords = "youth justice; " + config.local_authority + "; " + config.service_name + "; " + years;
    meta.language = config.language;
    set_date(meta, options.source_date_epoch, doc.published);

    std::string error;
    auto bytes = write_pdf(laid, meta, res.fonts, images, error);
    if (!bytes) {
        diags.error(pos, "cannot write the PDF of document '" + doc.id + "': " + error);
        return std::nullopt;
    }
    return Rendered{std::move(*bytes), laid.pages.size()};
}

}  // namespace planpack::render::pdf
