#pragma once
// The model's blocks and inlines as WordprocessingML: one Writer per DOCX, which gathers
// what the body refers to besides its text (numbering, footnotes, hyperlinks, images,
// bookmarks) for the package's other parts.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "render/docx/numbering.hpp"
#include "render/docx/package.hpp"
#include "render/docx/styles.hpp"

namespace planpack::render::docx {

class Writer {
public:
    // images: file bytes by model::Image::asset. The document, template and images outlive it.
    Writer(const model::Document& doc, const Template& t, const std::map<std::string, std::string>& images,
           Diagnostics& diags);

    // Title page lines: the title (style Title) and lines beneath it (style Subtitle).
    void title(const std::string& title, const std::vector<std::string>& lines);
    // A section: its heading (Heading 1, a bookmark its cross-references reach), its
    // blocks and its footnotes as Word footnotes.
    void section(const model::Section& s);
    // A table outside any section (a board pack's agenda).
    void table(const model::Table& t);
    // The table as shaped: column widths in twips, text size in half-points (0: the style's).
    void write_table(const model::Table& t, const std::vector<int>& widths, int size);

    std::string document_xml();  // closes the last Word section with its page setup
    std::string footnotes_xml() const;
    std::string numbering_xml() const { return numbering_.xml(); }
    std::string relationships_xml() const;  // word/_rels/document.xml.rels
    const std::vector<Part>& media() const { return media_; }
    bool has_footnotes() const { return !footnotes_.empty(); }

private:
    struct Format {
        bool bold = false, italic = false, strike = false, code = false;
        std::string link_style;  // "Hyperlink" inside a link
        int size = 0;            // half-points, when not the style's (a tight table's)
    };
    struct ParagraphStyle {
        std::string style;  // style id; empty: Normal
        int num = 0, level = 0;  // numbering, if num
        int indent = -1;    // left indent in twips, if >= 0
        int hanging = 0;    // of the first line, with indent
        bool keep_next = false;
        std::string align;  // w:jc value, if any
    };

    // blocks.cpp
    void blocks(const model::Blocks& bs);
    void block(const model::Block& b);
    void heading(const model::Heading& h);
    void list(const model::List& l, int level);
    void numbered(const model::Numbered& n);
    void open_paragraph(const ParagraphStyle& p);
    void close_paragraph();
    void paragraph(const ParagraphStyle& p, const model::Inlines& content, const std::vector<std::string>& marks = {});
    void plain_paragraph(const ParagraphStyle& p, const std::string& text);
    void inlines(const model::Inlines& content, const Format& f);
    void run(const std::string& text, const Format& f);
    void bookmark(const std::string& section_id, const std::string& fragment);
    std::string anchor_of(const model::Link& l) const;
    int relationship(const std::string& type, const std::string& target, bool external);

    // table.cpp
    // size: the text's in half-points when smaller than Table Text's, else 0.
    void table_rows(const model::Table& t, const std::vector<model::TableRow>& rows, const std::vector<int>& widths,
                    bool head, bool bold, int size);

    // drawing.cpp
    void image(const model::Image& img);
    void chart(const model::Chart& c);
    void picture(const std::string& media_name, const std::string& bytes, int width_px, int height_px,
                 const std::string& alt, const std::string& name);

    void footnotes(const model::Section& s);
    // The width of the text in the Word section being written, in twips: a landscape
    // section's is its page's height less the side margins.
    int text_width() const {
        const PageSetup& p = template_.page;
        return (landscape_ ? p.height : p.width) - p.left - p.right;
    }
    std::string section_properties(bool landscape);
    // Ends the Word section being written if its orientation is not `landscape`.
    void turn_page(bool landscape);

    const model::Document& doc_;
    const Template& template_;
    const std::map<std::string, std::string>& images_;
    Diagnostics& diags_;

    std::string out_;             // the body so far
    std::string* into_ = &out_;   // where blocks are written: the body or a footnote
    Numbering numbering_;
    std::vector<Part> media_;
    std::map<std::string, std::string> media_by_asset_;  // asset -> media part name
    std::vector<std::string> relationships_;             // rId (index + 1) -> <Relationship .../>
    std::map<std::string, int> hyperlink_ids_;           // external URL -> rId
    std::map<std::string, std::string> pages_;           // site path of a printed page -> section id
    std::map<std::pair<std::string, std::string>, std::string> bookmarks_;  // (section, fragment) -> name
    std::set<std::string> bookmarked_;                   // names already placed
    int bookmark_ids_ = 0;
    int drawing_ids_ = 0;
    std::string footnotes_;                              // <w:footnote> elements
    std::map<int, int> footnote_ids_;                    // this section's note number -> Word id
    int next_footnote_ = 1;
    const model::Section* section_ = nullptr;
    bool landscape_ = false;  // of the Word section being written
    bool started_ = false;    // a Word section has content
    bool closed_section_ = false;  // a w:sectPr has been written
    int indent_ = 0;          // left indent of the blocks being written (inside a numbered paragraph)
    std::string body_style_;  // paragraph style of plain paragraphs: empty (Normal), or FootnoteText
};

}  // namespace planpack::render::docx
