#pragma once
// The parts of a publication around its text: the cover, the contents with dot leaders and
// real page numbers, and the running header and footer.
#include <map>
#include <string>
#include <vector>

#include "render/pdf/blocks.hpp"

namespace planpack::render::pdf {

// What the cover and the running lines print.
struct DocumentInfo {
    std::string title, service, local_authority, period, published;
    SourcePos pos;  // the document's entry in planpack.toml
    // The cover's labelled facts, in order (model::cover_details).
    std::vector<std::pair<std::string, std::string>> details;
};

struct ContentsEntry {
    int level = 1;          // 1: section or appendix; 2: one of its ## headings
    bool appendix = false;  // the first appendix opens an "Appendices" group
    std::string text;       // "3. Child First" or "Appendix 2: Board membership"
    std::string anchor;
    std::string page;  // the printed page number
};

PageGeometry page_geometry(const Style& style, bool landscape);

LaidPage cover_page(const DocumentInfo& info, const Style& style, const FontSet& fonts,
                    StructTree& tree, int node, Diagnostics& diags);

// The contents pages; the first carries the anchor "contents".
std::vector<LaidPage> contents_pages(const std::vector<ContentsEntry>& entries,
                                     LayoutEnv& env, int node);

// A board pack's agenda in place of its contents: a page title and the agenda as a table
// (model::agenda_table, its page numbers already filled); the first page carries the
// anchor "contents", so the outline and links to the pack's front reach it.
inline constexpr const char* agenda_title = "Agenda";
std::vector<LaidPage> agenda_pages(const model::Table& agenda, LayoutEnv& env, int node);

struct RunningFields {
    std::string section, page, pages;
};

// Adds a running header and footer to page.furniture, as artifacts.
void add_running(LaidPage& page, const Running& header, const Running& footer,
                 const DocumentInfo& info, const RunningFields& fields, const Style& style,
                 const FontSet& fonts, Diagnostics& diags);

std::string roman(int n);  // 4 -> "iv"

}  // namespace planpack::render::pdf
