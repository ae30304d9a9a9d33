#include "render/docx/properties.hpp"

#include <cstdio>

#include "render/docx/xml.hpp"
#include "render/pdf/document_metadata.hpp"

namespace planpack::render::docx {

namespace {

// W3CDTF, UTC: "2023-06-26T00:00:00Z".
std::string properties_stamp(const model::DateTime& m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", m.date.year, m.date.month, m.date.day, m.hour,
                  m.minute, m.second);
    return buf;
}

}  // namespace

Properties properties(const load::Config& config, const model::Document& doc,
                      const std::optional<std::int64_t>& source_date_epoch) {
    Properties p;
    p.title = doc.restricted_marker.empty() ? doc.title : doc.restricted_marker + ": " + doc.title;
    p.language = config.language;
    if (doc.kind == model::DocumentKind::meeting) {
        const model::Date on = doc.as_of.value_or(doc.published);
        p.author = config.local_authority;
        p.subject = "Agenda pack of the meeting on " + model::format_long(on);
        p.keywords = "committee; agenda; " + config.local_authority;
    } else {
        const auto about = pdf::describe(doc, config);
        p.author = config.service_name;
        p.subject = about.subject;
        p.keywords = about.keywords;
    }
    // Dated as the PDF is: SOURCE_DATE_EPOCH, else the published date.
    const model::DateTime when = model::dated(source_date_epoch, doc.published);
    p.stamp = properties_stamp(when);
    p.time = model::seconds_since_epoch(when);
    return p;
}

std::string core_xml(const Properties& p) {
    const std::string& stamp = p.stamp;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<dc:title>" + xml(p.title) + "</dc:title><dc:subject>" + xml(p.subject) + "</dc:subject><dc:creator>" +
           xml(p.author) + "</dc:creator><cp:keywords>" + xml(p.keywords) + "</cp:keywords><dc:language>" +
           xml(p.language) + "</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp +
           "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp +
           "</dcterms:modified></cp:coreProperties>\n";
}

std::string app_xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>planpack " PLANPACK_VERSION "</Application></Properties>\n";
}

}  // namespace planpack::render::docx
