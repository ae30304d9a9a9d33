#pragma once
// The structure tree of a tagged PDF (ISO 32000-1, 14.7; ISO 14289-1, 7): the layout's
// StructTree becomes /StructTreeRoot with one /StructElem per node that holds content,
// each element's /K listing its children and its marked content in reading order, and a
// /ParentTree that maps every page's MCIDs and every link annotation back to its element.
// Written through libharu's object API, which has no call for any of it; the elements'
// entries are written as text (libharu's objects cost about a kilobyte an entry).
#include <hpdf.h>

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render/pdf/tagging/marked_content.hpp"

namespace planpack::render::pdf::tagging {

// A link annotation and the Link element it belongs to.
struct LinkAnnotation {
    int node = artifact;
    size_t page = 0;
    HPDF_Annotation annot = nullptr;
};

// A figure's bounding box on the page it starts on, in PDF coordinates (y up).
struct FigureBox {
    size_t page = 0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct TaggedContent {
    const std::vector<MarkedRun>& runs;
    const std::vector<int>& mcids_per_page;
    const std::vector<LinkAnnotation>& links;
    const std::map<int, FigureBox>& figure_boxes;
};

// The text of the elements' entries, which libharu copies into the file when it saves:
// keep it until then.
struct StructureText {
    std::deque<std::string> bodies;  // a deque: each body's address is fixed once made
};

// Adds /StructTreeRoot and /MarkInfo to the catalog, /StructParents to every page and
// /StructParent to every link annotation. Failures go to pdf's error handler.
[[nodiscard]] std::unique_ptr<StructureText> write_structure_tree(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages,
                                                                const StructTree& tree,
                                                                const TaggedContent& content);

}  // namespace planpack::render::pdf::tagging
