// Tables as Word tables: the caption a Caption paragraph kept with the table, the head rows
// repeated on every page (w:tblHeader), the totals in bold, the notes beneath.
#include <algorithm>

#include "model/inline_text.hpp"
#include "render/docx/body.hpp"
#include "render/docx/xml.hpp"

namespace planpack::render::docx {

namespace {

const char* cell_alignment(model::Align a) {
    switch (a) {
        case model::Align::center: return "center";
        case model::Align::right: return "right";
        case model::Align::left:
        case model::Align::none: break;
    }
    return "";
}

// Each column's share of the width, after the longest text in it (within bounds, so a
// column of long sentences does not squeeze the others to a letter a line): Word then lays
// the table out from these widths, as every reader does not autofit.
std::vector<int> column_widths(const model::Table& t, size_t columns, int width) {
    std::vector<size_t> longest(columns, 0);
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& r : *rows)
            for (size_t c = 0; c < r.cells.size() && c < columns; ++c) {
                // Words wrap: a short text should fit on a line, a long one may take a few.
                const std::string text = model::plain_text(r.cells[c].content);
                size_t word = 0, run = 0;
                for (char ch : text) run = ch == ' ' ? 0 : run + 1, word = std::max(word, run);
                longest[c] = std::max({longest[c], word + 2, std::min<size_t>(text.size() + 1, 16),
                                       std::min<size_t>(text.size() / 2, 40)});
            }
    size_t total = 0;
    for (auto& l : longest) total += l = std::clamp<size_t>(l, 4, 40);
    std::vector<int> out;
    for (size_t c = 0; c < columns; ++c) out.push_back(static_cast<int>(static_cast<long>(width) * longest[c] / total));
    return out;
}

}  // namespace

void Writer::table(const model::Table& t) {
    size_t columns = 0;
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& r : *rows) columns = std::max(columns, r.cells.size());
    if (columns == 0) return;
    ParagraphStyle cap;
    cap.style = "Caption";
    cap.keep_next = true;
    if (!t.caption.empty()) {
        open_paragraph(cap);
        if (section_) bookmark(section_->id, t.id);
        inlines(t.caption, {});
        close_paragraph();
    }
    std::string& o = *into_;
    const int width = text_width() - indent_;
    o += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" + std::to_string(width) +
         "\" w:type=\"dxa\"/>";
    if (indent_ > 0) o += "<w:tblInd w:w=\"" + std::to_string(indent_) + "\" w:type=\"dxa\"/>";
    o += "<w:tblLayout w:type=\"autofit\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"" +
         std::string(t.head.empty() ? "0" : "1") +
         "\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>";
    if (!t.caption.empty()) o += "<w:tblCaption w:val=\"" + xml(model::plain_text(t.caption)) + "\"/>";
    o += "</w:tblPr><w:tblGrid>";
    const std::vector<int> widths = column_widths(t, columns, width);
    for (int w : widths) o += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    o += "</w:tblGrid>\n";
    table_rows(t, t.head, widths, true, true);
    table_rows(t, t.body, widths, false, false);
    table_rows(t, t.foot, widths, false, true);
    *into_ += "</w:tbl>\n";
    ParagraphStyle note;
    note.style = "TableNote";
    for (const auto& n : t.notes) paragraph(note, n);
    if (t.notes.empty()) *into_ += "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>\n";  // apart from what follows
}

void Writer::table_rows(const model::Table& t, const std::vector<model::TableRow>& rows,
                        const std::vector<int>& widths, bool head, bool bold) {
    const size_t columns = widths.size();
    for (const model::TableRow& r : rows) {
        std::string& o = *into_;
        o += "<w:tr>";
        // A body row may run on overleaf, under the repeated head: an action with many
        // milestones kept whole would leave most of a page empty before it.
        if (head) o += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
        for (size_t c = 0; c < columns; ++c) {
            *into_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) + "\" w:type=\"dxa\"/></w:tcPr>";
            ParagraphStyle p;
            p.style = "TableText";
            p.indent = 0;
            if (c < t.aligns.size()) p.align = cell_alignment(t.aligns[c]);
            open_paragraph(p);
            if (c < r.cells.size()) {
                const model::TableCell& cell = r.cells[c];
                if (section_ && !cell.id.empty()) bookmark(section_->id, cell.id);
                Format f;
                f.bold = bold || (c == 0 && t.row_headers);
                inlines(cell.content, f);
            }
            close_paragraph();
            *into_ += "</w:tc>";
        }
        *into_ += "</w:tr>\n";
    }
}

}  // namespace planpack::render::docx
