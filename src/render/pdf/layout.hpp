#pragma once
// A whole document laid out: cover, contents and body pages, the structure tree, the
// outline and where every anchor landed. Two passes: the body first, so the contents can
// print the pages its entries really fall on.
#include <map>
#include <string>
#include <vector>

#include "render/pdf/furniture.hpp"

namespace planpack::render::pdf {

struct AnchorPos {
    size_t page = 0;  // index into pages
    float y = 0;
};

struct LaidOutDocument {
    std::vector<LaidPage> pages;  // the cover, the contents pages, then the body
    size_t front_pages = 1;       // unnumbered pages first: the cover, or a pack's front sheet
    std::string front_label = "Cover";  // what a viewer calls them
    size_t contents_pages = 0;    // the next contents_pages pages are the contents
    size_t body_pages = 0;
    StructTree tree;
    std::vector<OutlineEntry> outline;
    std::map<std::string, AnchorPos> anchors;
    // Printed large and pale across every page, under the text ("DRAFT"); empty: none.
    // Decoration, not content: it is drawn outside the structure tree, as an artifact.
    std::string watermark;
};

LaidOutDocument layout_document(const model::Document& doc, const DocumentInfo& info,
                                const Style& style, const FontSet& fonts,
                                const std::map<std::string, ImageInfo>& images, Diagnostics& diags);


}  // namespace planpack::render::pdf
