#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::html {

// The restylable part of the site, read from templates/ (a council changes these
// without rebuilding planpack).
struct Templates {
    std::string layout, home, contents, section, search;  // Mustache
    std::vector<std::pair<std::string, std::string>> assets;  // "site.css" -> bytes
};

std::optional<Templates> load_templates(const std::filesystem::path& dir, Diagnostics& diags);

// A file of a document offered for download from its contents page (the PDF).
struct Download {
    std::string url;  // relative to the document's folder
    size_t pages = 0;
    size_t bytes = 0;
};

// A spreadsheet published with a document.
struct Spreadsheet {
    std::string url;    // relative to the document's folder
    std::string title;  // what it holds
    size_t bytes = 0;
};

// Section pages kept from one build to the next with what each was made from, so a
// rebuild renders again only the pages whose inputs changed (planpack serve). Every page
// is still checked: numbering, cross-references, suppression and the previous/next links
// change pages whose own file did not change, and they show in the inputs compared.
// Valid only while the templates and planpack.toml stay as they were: whoever keeps one
// starts a new one when those change.
struct PageCache {
    struct Entry {
        std::string inputs;  // everything the page shows that is not in the templates
        std::string bytes;
    };
    std::map<std::string, Entry> pages;  // by output path
    size_t rendered = 0, reused = 0;     // the last build's counts
};

// Every page of every document, plus the home page and assets, as an output tree.
// papers: committee papers (render/html/committee), listed on the home page by committee.
// downloads: by document id, for the documents that have one.
output::OutputTree render_site(const load::Config& config,
                               const std::vector<model::Document>& documents,
                               const Templates& templates, Diagnostics& diags,
                               const std::map<std::string, Download>& downloads = {},
                               const std::map<std::string, std::vector<Spreadsheet>>& spreadsheets = {},
                               const std::vector<model::Document>& papers = {},
                               PageCache* cache = nullptr);

// "412 KB", "1.3 MB"
std::string format_size(size_t bytes);

}  // namespace planpack::render::html
