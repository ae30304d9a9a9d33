#include "render/docx/docx.hpp"

#include "model/agenda.hpp"
#include "render/docx/body.hpp"
#include "render/docx/package.hpp"
#include "render/docx/properties.hpp"
#include "render/docx/xml.hpp"

namespace planpack::render::docx {

namespace {

std::string content_types(const Furniture& furniture) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n"
        "<Default Extension=\"png\" ContentType=\"image/png\"/>\n"
        "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\n"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\n"
        "<Override PartName=\"/word/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\n"
        "<Override PartName=\"/word/numbering.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\n"
        "<Override PartName=\"/word/footnotes.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\n"
        "<Override PartName=\"/word/settings.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\n"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\n"
        "<Override PartName=\"/docProps/app.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\n";
    for (const auto& [part, type] : furniture.content_types)
        out += "<Override PartName=\"" + xml(part) + "\" ContentType=\"" + xml(type) + "\"/>\n";
    return out + "</Types>\n";
}

const char* const package_relationships =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>\n"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>\n"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
    "Target=\"docProps/app.xml\"/>\n"
    "</Relationships>\n";

// Footnotes numbered through the document; even pages' own headers when the reference has them
// (evenAndOddHeaders stands between defaultTabStop and characterSpacingControl in the schema).
std::string settings(const Furniture& furniture) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                       "<w:defaultTabStop w:val=\"720\"/>") +
           (furniture.even_and_odd ? "<w:evenAndOddHeaders/>" : "") +
           "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
           "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
           "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
           "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n";
}

}  // namespace

std::optional<std::string> render_docx(const load::Config& config, const model::Document& doc, const Template& t,
                                       const std::map<std::string, std::string>& images, const Options& options,
                                       Diagnostics& diags) {
    Writer w(doc, t, images, diags);
    const bool pack = doc.kind == model::DocumentKind::meeting;
    const std::string title = doc.restricted_marker.empty() ? doc.title : doc.restricted_marker + ": " + doc.title;
    if (!pack) {
        // The cover's lines, then a board pack's agenda, as the PDF's front pages.
        std::vector<std::string> lines = {config.service_name};
        for (const auto& [label, value] : model::cover_details(doc)) lines.push_back(label + ": " + value);
        w.title(title, lines);
        if (doc.kind == model::DocumentKind::board_pack) {
            model::Table agenda = model::agenda_table(doc);
            agenda.caption = {model::Inline{model::Text{model::agenda_caption(doc)}}};
            w.table(agenda);
        }
    }
    for (const model::Section& s : doc.sections) w.section(s);

    const Properties props = properties(config, doc, options.source_date_epoch);
    std::vector<Part> parts = {
        {"[Content_Types].xml", content_types(t.furniture)},
        {"_rels/.rels", package_relationships},
        {"docProps/core.xml", core_xml(props)},
        {"docProps/app.xml", app_xml()},
        {"word/document.xml", w.document_xml()},
        {"word/_rels/document.xml.rels", w.relationships_xml()},
        {"word/styles.xml", t.styles},
        {"word/numbering.xml", w.numbering_xml()},
        {"word/footnotes.xml", w.footnotes_xml()},
        {"word/settings.xml", settings(t.furniture)},
    };
    parts.insert(parts.end(), t.furniture.parts.begin(), t.furniture.parts.end());
    for (const Part& m : w.media()) parts.push_back(m);
    std::string error;
    auto bytes = write_package(parts, props.time, error);
    if (!bytes) {
        diags.error(doc.sections.empty() ? SourcePos{"planpack.toml", 0, 0} : doc.sections.front().source,
                    "cannot write the Word file of '" + doc.id + "': " + error);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace planpack::render::docx
