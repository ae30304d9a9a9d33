#include "render/docx/properties.hpp"

#include <cstdio>

#include "render/docx/xml.hpp"
#include "render/pdf/document_metadata.hpp"
#include "render/pdf/writer.hpp"

namespace planpack::render::docx {

namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil): no time zone applies.
std::int64_t properties_days(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// W3CDTF, UTC: "2023-06-26T00:00:00Z".
std::string properties_stamp(const pdf::Metadata& m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", m.year, m.month, m.day, m.hour, m.minute,
                  m.second);
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
    pdf::Metadata when;
    pdf::set_date(when, source_date_epoch, doc.published);
    p.stamp = properties_stamp(when);
    p.time = properties_days(when.year, when.month, when.day) * 86400 + when.hour * 3600 + when.minute * 60 +
             when.second;
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
