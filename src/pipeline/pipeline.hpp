#pragma once
// The build in stages, in memory: the model once, then one renderer per format. `build`
// runs every stage and publishes; `serve` runs HTML first and the slow PDF and workbook
// stages in the background, so a page never waits for a PDF.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/project.hpp"
#include "output/output_tree.hpp"
#include "publish/record.hpp"
#include "render/html/site.hpp"
#include "transform/committee/papers.hpp"
#include "transform/context.hpp"

namespace planpack::pipeline {

// What a build reads besides the service root.
struct Settings {
    std::filesystem::path root = ".";
    std::filesystem::path templates;  // empty: <root>/templates, else the installed ones
    std::string as_of;                // YYYY-MM-DD, already validated; empty: each publication date
    std::filesystem::path pagefind;   // the program that indexes the site; empty: no search
};

std::filesystem::path templates_dir(const Settings& s);

// Everything every renderer reads: the transformed documents and the committee papers as
// a build publishes them, with exempt sections taken out and, kept apart, what was taken out.
struct Model {
    load::Project project;
    transform::Context context;
    std::vector<model::Document> papers;
    std::vector<model::Document> exempt;
    std::vector<model::Document> restricted_packs;  // meetings with exempt items, whole and marked
    std::string restricted_marker;                  // what restricted output is headed by
    std::vector<transform::Attachment> attachments;
    model::Civic civic;  // the committees' public record: calendars, feeds, open data
    std::map<std::string, std::string> images;         // public: asset path -> bytes
    std::map<std::string, std::string> exempt_images;  // shown only by exempt papers
    size_t loaded_diagnostics = 0;                     // how many diagnostics loading gave
    // SOURCE_DATE_EPOCH (reproducible-builds.org), read once: it dates the PDFs, the Word
    // files and the calendars alike. Unset: each is dated by its publication.
    std::optional<std::int64_t> source_date_epoch;
    std::map<std::string, long> transform_ms;          // per document, for -v
};

// Loads, validates and transforms. nullopt when nothing could be loaded; callers also
// check diags for errors.
// cache: content files parsed by the last load, for rebuilds (may be null).
std::optional<Model> load_model(const Settings& s, Diagnostics& diags, load::SectionCache* cache = nullptr);

// Reads the images the documents show (what `check` does not need).
void load_media(const Settings& s, Model& m, Diagnostics& diags);

// The PDFs: public ones in tree, whole restricted agenda packs in restricted, and what the
// HTML contents pages say about each download.
struct Printed {
    output::OutputTree tree;
    output::OutputTree restricted;
    std::map<std::string, render::html::Download> downloads;
    struct Timing {
        long ms = 0;
        size_t pages = 0;
    };
    std::map<std::string, Timing> timings;  // per document's PDF, for -v
    // Each public PDF's text, page by page (by site path): what the publication record reads.
    std::map<std::string, std::vector<std::vector<std::string>>> text;
};
Printed render_pdfs(const Settings& s, const Model& m, Diagnostics& diags);

// The Word files: one per document and per meeting's agenda pack (as the PDFs), and the
// whole restricted pack of each meeting with exempt items, kept apart as for the PDF.
struct WordFiles {
    output::OutputTree tree;
    output::OutputTree restricted;
};
WordFiles render_docx(const Settings& s, const Model& m, Diagnostics& diags);

struct Workbooks {
    output::OutputTree tree;
    std::map<std::string, std::vector<render::html::Spreadsheet>> spreadsheets;
};
// Cell colours from templates/cell-styles.toml, as the web pages and PDFs take them.
Workbooks render_workbooks(const Settings& s, const Model& m, Diagnostics& diags);

// The HTML site and its media/. cache: section pages of the last build, for rebuilds.
output::OutputTree render_html(const Settings& s, const Model& m,
                               const std::map<std::string, render::html::Download>& downloads,
                               const std::map<std::string, std::vector<render::html::Spreadsheet>>& spreadsheets,
                               Diagnostics& diags, render::html::PageCache* cache = nullptr);

// ROOT/published.toml: an empty record when there is none, or when s.as_of builds papers
// as at another date than they were published on; nullopt when it is malformed (reported).
std::optional<publish::Record> read_record(const Settings& s, Diagnostics& diags);

// The committees' public record in the forms people take away: iCalendar files, Atom feeds
// and open data (JSON, CSV and its JSON Schema). tree: the site as built, whose meetings'
// files open data lists with their SHA-256; record: the publication record, which dates
// and fingerprints what it has recorded.
output::OutputTree render_civic(const Settings& s, const Model& m, const output::OutputTree& tree,
                                const publish::Record& record, Diagnostics& diags);

// Adds files to tree; two renderers writing the same path is an error, never a silent
// choice of one.
void add_files(output::OutputTree& tree, output::OutputTree files, Diagnostics& diags);

// Milliseconds since start, for -v's timings.
long ms_since(std::chrono::steady_clock::time_point start);

// Appendix files, each into the tree its exemption decides.
void attach(const Settings& s, const std::vector<transform::Attachment>& files, bool exempt,
            output::OutputTree& tree, Diagnostics& diags);

}  // namespace planpack::pipeline
