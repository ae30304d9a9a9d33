// Tables as Word tables: the caption a Caption paragraph kept with the table, the head rows
// repeated on every page (w:tblHeader), the totals in bold, the notes beneath.
#include <algorithm>

#include "model/inline_text.hpp"
#include "model/table_shape.hpp"
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
// the table out from these widths, as every reader does not autofit. No column is narrower
// than its longest word when the words fit the width, nor much narrower when they do not: a
// wide summary table shared by text length alone broke "Planned" and "Accountable" mid-word.
// The size (half-points) comes down to 8 pt, if need be, for the words to fit.
struct Columns {
    std::vector<int> widths;  // twips
    int size = 0;             // half-points
    bool fit = true;          // every column as wide as its longest word
};

Columns column_widths(const model::Table& t, size_t columns, int width, int text_size) {
    std::vector<size_t> longest(columns, 0), words(columns, 0);
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& r : *rows)
            for (size_t c = 0; c < r.cells.size() && c < columns; ++c) {
                // Words wrap: a short text should fit on a line, a long one may take a few.
                const std::string text = model::plain_text(r.cells[c].content);
                size_t word = 0, run = 0, unbroken = 0, piece = 0;
                for (char ch : text) {
                    run = ch == ' ' ? 0 : run + 1, word = std::max(word, run);
                    // A line may break after a hyphen or slash too (an address, "out-of-court").
                    piece = ch == ' ' || ch == '-' || ch == '/' ? 0 : piece + 1, unbroken = std::max(unbroken, piece);
                }
                words[c] = std::max(words[c], std::min<size_t>(unbroken, 20));
                longest[c] = std::max({longest[c], word + 2, std::min<size_t>(text.size() + 1, 16),
                                       std::min<size_t>(text.size() / 2, 40)});
            }
    size_t total = 0;
    for (auto& l : longest) total += l = std::clamp<size_t>(l, 4, 40);
    Columns result;
    std::vector<int>& out = result.widths;
    for (size_t c = 0; c < columns; ++c) out.push_back(static_cast<int>(static_cast<long>(width) * longest[c] / total));
    // A character of bold Arial is about 0.6 em, of bold DejaVu Sans (which LibreOffice and
    // many machines put in Arial's place) about 0.7: words are measured at the wider, so they
    // stay whole in either (text_size is in half-points, a twip a twentieth of a point). Each
    // cell has 108 twips of margin each side (styles.xml).
    std::vector<int> least(columns);
    long need = 0;
    for (int size = text_size; size >= std::min(text_size, 16); --size) {
        result.size = size;
        need = 0;
        for (size_t c = 0; c < columns; ++c) need += least[c] = static_cast<int>(words[c]) * size * 7 + 216 + 40;
        if (need < width) break;
    }
    if (need >= width) {  // the words cannot all fit: each column as near its longest word as may be
        for (size_t c = 0; c < columns; ++c) out[c] = static_cast<int>(least[c] * static_cast<long>(width) / need);
        result.fit = false;
        return result;
    }
    long short_by = 0, spare = 0;
    for (size_t c = 0; c < columns; ++c) {
        if (out[c] < least[c]) short_by += least[c] - out[c];
        else spare += out[c] - least[c];
    }
    if (short_by == 0 || spare <= 0) return result;
    // The wider columns give up room in proportion to what they have beyond their words.
    for (size_t c = 0; c < columns; ++c)
        out[c] = std::max(least[c], out[c] - static_cast<int>(short_by * (out[c] - least[c]) / spare));
    return result;
}

}  // namespace

void Writer::table(const model::Table& table) {
    size_t columns = model::column_count(table);
    if (columns == 0) return;
    const int width = text_width() - indent_;
    Columns shape = column_widths(table, columns, width, template_.table_text_size);
    // Many columns of few rows whose words do not fit turn on their side, as in the PDF.
    std::optional<model::Table> side;
    if (!shape.fit && !table.head.empty() && table.body.size() + table.foot.size() + 1 < columns) {
        side = model::sideways(table);
        Columns turned = column_widths(*side, model::column_count(*side), width, template_.table_text_size);
        if (turned.fit) columns = model::column_count(*side), shape = std::move(turned);
        else side.reset();
    }
    // Still too wide: the table gets a landscape page of its own, as an officer would give
    // it in Word, rather than columns narrower than their words.
    const bool own_page = !shape.fit && !landscape_ && into_ == &out_;
    if (own_page) {
        turn_page(true);
        side.reset();
        columns = model::column_count(table);
        shape = column_widths(table, columns, text_width() - indent_, template_.table_text_size);
    }
    const model::Table& t = side ? *side : table;
    write_table(t, shape.widths, shape.size == template_.table_text_size ? 0 : shape.size);
    if (own_page) turn_page(false);
}

void Writer::write_table(const model::Table& t, const std::vector<int>& widths, int size) {
    const int width = text_width() - indent_;
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
    o += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" + std::to_string(width) +
         "\" w:type=\"dxa\"/>";
    if (indent_ > 0) o += "<w:tblInd w:w=\"" + std::to_string(indent_) + "\" w:type=\"dxa\"/>";
    o += "<w:tblLayout w:type=\"autofit\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"" +
         std::string(t.head.empty() ? "0" : "1") +
         "\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>";
    if (!t.caption.empty()) o += "<w:tblCaption w:val=\"" + xml(model::plain_text(t.caption)) + "\"/>";
    o += "</w:tblPr><w:tblGrid>";
    for (int w : widths) o += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    o += "</w:tblGrid>\n";
    table_rows(t, t.head, widths, true, true, size);
    table_rows(t, t.body, widths, false, false, size);
    table_rows(t, t.foot, widths, false, true, size);
    *into_ += "</w:tbl>\n";
    ParagraphStyle note;
    note.style = "TableNote";
    for (const auto& n : t.notes) paragraph(note, n);
    if (t.notes.empty()) *into_ += "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>\n";  // apart from what follows
}

void Writer::table_rows(const model::Table& t, const std::vector<model::TableRow>& rows,
                        const std::vector<int>& widths, bool head, bool bold, int size) {
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
                f.size = size;
                inlines(cell.content, f);
            }
            close_paragraph();
            *into_ += "</w:tc>";
        }
        *into_ += "</w:tr>\n";
    }
}

}  // namespace planpack::render::docx
