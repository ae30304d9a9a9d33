#pragma once
// Pagination: a section becomes a column of strips (a line of text, a table row, a chart),
// each unbreakable, and strips are poured onto pages. Keep-with-next links a heading to
// what follows and holds paragraph lines together for widow and orphan control; a table
// row carries the table's header rows, which are drawn again on every page it continues.
#include <memory>
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"

namespace planpack::render::pdf {

// A vertical bar beside a run of strips (a block quote's rule), drawn through the space
// between strips too when join_above is set.
struct Bar {
    float x = 0, width = 0;
    Colour colour;
    bool join_above = false;
};

struct Strip {
    float height = 0;
    float space_before = 0;  // dropped at the top of a page
    bool keep_with_next = false;
    bool break_before = false;  // starts a page (a Markdown page break)
    // Part of a table too wide for the portrait measure, laid out for a page turned on its
    // side: poured onto landscape pages of its own (paginate with a turned geometry).
    bool landscape = false;
    float first_baseline = 0;   // of its first text line, for list markers
    std::vector<Item> items;    // x from the text block's left, y from the strip's top
    std::vector<LinkArea> links;
    std::vector<std::string> anchors;  // names of this strip's top
    std::vector<Bar> bars;
    int section = -1;  // index of the model section it belongs to
    // Drawn first when this strip starts a page: a table's header rows.
    std::shared_ptr<const std::vector<Strip>> repeat;
    // A line of a table row poured line by line: where each cell's items start in items
    // (and where the last ends), so that the pieces on one page are drawn cell by cell, in
    // reading order, rather than line by line across the row. continues_row: not the first.
    std::vector<size_t> cell_starts;
    bool continues_row = false;
};

struct PageGeometry {
    float width = 0, height = 0;
    Rect content;  // the text block
    bool landscape = false;
};

struct Anchor {
    std::string name;
    float y = 0;  // from the page's top
};

struct LaidPage {
    PageGeometry geometry;
    std::vector<Item> items;      // absolute page coordinates, inside the text block
    std::vector<Item> furniture;  // running header and footer, cover decoration: artifacts
                                  // that may sit in the margins
    std::vector<LinkArea> links;
    std::vector<Anchor> anchors;
    int section = -1;  // the section at the top of the page; -1 for cover and contents
};

// Pours strips onto pages of one geometry. A page ends before a strip that does not fit,
// or earlier, after the last strip that is not kept with its successor; a strip that is
// alone and still too tall is placed anyway (callers split what can be split first).
std::vector<LaidPage> paginate(const std::vector<Strip>& strips, const PageGeometry& geometry);
// The same, with the strips of a turned table (Strip::landscape) on pages of the turned
// geometry, starting a page and ending one. What is kept with such a table turns with it:
// the heading above it, never left alone at the foot of the page before, and the notes
// that keep the section's last lines with them, never alone on the page after.
std::vector<LaidPage> paginate(const std::vector<Strip>& strips, const PageGeometry& geometry,
                               const PageGeometry& turned);

// Places a strip's contents at (x, y) of page.
void place_strip(LaidPage& page, const Strip& s, float x, float y, float space_above,
                 bool as_artifact);

}  // namespace planpack::render::pdf
