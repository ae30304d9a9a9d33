#include "render/html/accessibility.hpp"

#include <optional>

#include "model/paths.hpp"
#include "render/html/escape.hpp"

namespace planpack::render::html {

namespace {

std::string contact_link(const load::Config& cfg) {
    if (cfg.contact.empty()) return "contact " + escape(cfg.local_authority);
    return "contact us at <a href=\"" + escape(contact_href(cfg)) + "\">" + escape(cfg.contact) + "</a>";
}

std::optional<model::Date> latest_publication(const std::vector<model::Document>& documents,
                                              const std::vector<model::Document>& papers) {
    std::optional<model::Date> latest;
    for (const auto* docs : {&documents, &papers})
        for (const auto& doc : *docs)
            if (!doc.draft && !doc.undated && (!latest || *latest < doc.published)) latest = doc.published;
    return latest;
}

}  // namespace

std::string contact_href(const load::Config& cfg) {
    // planpack.toml allows only a web address (http:// or https://) or an email address.
    return cfg.contact.rfind("http", 0) == 0 ? cfg.contact : "mailto:" + cfg.contact;
}

std::string accessibility_url(const load::Config& cfg, const std::string& root) {
    return cfg.accessibility_statement.empty() ? root + model::accessibility_path() : cfg.accessibility_statement;
}

std::string accessibility_statement(const load::Config& cfg, const std::vector<model::Document>& documents,
                                    const std::vector<model::Document>& papers) {
    const std::string service = escape(cfg.service_name);
    std::string out;
    out += "<p>This statement covers the youth justice plans, board papers and committee papers that " + service +
           " publishes on this site, in each of their forms: web pages, PDF files and spreadsheets. "
           "All three are made from the same sources at the same time, so they say the same thing.</p>\n";

    out += "<h2>How accessible these publications are</h2>\n"
           "<p>We aim for the web pages and PDF files to meet the Web Content Accessibility Guidelines (WCAG) "
           "version 2.2 at level AA. That means, for example, that you can:</p>\n<ul>\n"
           "<li>use every page with a keyboard alone, and skip straight to its main content;</li>\n"
           "<li>move around a page and a document by its headings with a screen reader;</li>\n"
           "<li>have a table read with its row and column headings;</li>\n"
           "<li>read every chart as a one-sentence summary and a table of its figures;</li>\n"
           "<li>use a PDF with a screen reader: each is tagged, with its headings, lists, tables and figure "
           "descriptions in reading order, and its running headers and page numbers marked as decoration;</li>\n"
           "<li>zoom the web pages and change their colours and text size in your browser;</li>\n"
           "<li>read every web page on a phone without scrolling sideways: a wide table shows each row as "
           "a card with every value under its heading, and each chart is drawn for the width of the "
           "screen, its text never smaller than 12 pixels.</li>\n</ul>\n"
           "<p>Counts small enough to identify a child are not published in any form.</p>\n";

    out += "<h2>What does not work well yet</h2>\n<ul>\n"
           "<li>The spreadsheets are made for working with the figures; their sheets are not all set up for "
           "printing.</li>\n</ul>\n";

    out += "<h2>Asking for another format, or telling us about a problem</h2>\n"
           "<p>If you need any of these publications in another form, such as large print, easy read, audio "
           "or braille, or you find something here that you cannot use, " +
           contact_link(cfg) +
           ". Tell us which publication and which page, and the form you need.</p>\n";

    out += "<h2>Enforcement procedure</h2>\n"
           "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
           "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you "
           "are not happy with how we respond to a complaint, contact the "
           "<a href=\"https://www.equalityadvisoryservice.com/\">Equality Advisory and Support Service "
           "(EASS)</a>.</p>\n";

    out += "<h2>How this statement was prepared</h2>\n<p>";
    if (auto latest = latest_publication(documents, papers))
        out += "This statement was prepared on " + model::format_long(*latest) +
               ", the date of the latest publication on this site. ";
    out += "The tool that makes these publications is tested against the guidelines on every change: "
           "its web pages with axe-core in a browser, and its PDF files by reading their structure back "
           "with pdf.js and Poppler.</p>\n";
    return out;
}

}  // namespace planpack::render::html
