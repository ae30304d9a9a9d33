#pragma once
// Model blocks to strips: paragraphs, headings, lists, quotes, code, rules, figures and
// footnotes here; tables and charts in their own files, through the same builder.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "model/document.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/text.hpp"

namespace planpack::render::pdf {

// An image as layout sees it: its size, not its bytes.
struct ImageInfo {
    ImageKind kind = ImageKind::png;
    int width = 0, height = 0;  // pixels
};

struct OutlineEntry {
    int level = 1;  // 1: section or appendix; 2 to 6: its ## to ###### headings
    std::string title;
    std::string anchor;
};

// The sections of a document by the page of the site each prints (a section borrowed
// from another document prints that document's page), so that a link's model::Target
// becomes the named destination of the section printed in this PDF; and where this PDF
// is, so a link to a page it does not print can point into that page's own PDF.
struct PrintedPages {
    std::map<std::string, std::string> pages;  // model::site_path -> section id
    std::string pdf;                           // this PDF's site path
    // Where each named destination is printed ("priorities" -> "13"), once a layout has
    // fixed it: a cross-reference in the text then gives its page ("see Priorities,
    // page 13"). Empty on the first layout; see layout_document.
    std::map<std::string, std::string> page_numbers;
    // The names whose page a layout asked for: only they can change what it printed.
    mutable std::set<std::string> consulted;

    // The printed page of a named destination, if known; remembers the name as consulted.
    const std::string* page_number(const std::string& anchor) const;
    // Would a layout with `numbers` print what the last one did? True when each number it
    // consulted is the same there (or as absent); then laying it out again changes nothing.
    bool settled(const std::map<std::string, std::string>& numbers) const;
};
PrintedPages printed_pages(const model::Document& doc);

// What the layout of one section reads and appends to.
struct LayoutEnv {
    const Style& style;
    const FontSet& fonts;
    const std::map<std::string, ImageInfo>& images;  // by model::Image::asset
    Diagnostics& diags;
    StructTree& tree;
    std::vector<OutlineEntry>& outline;
    const model::Section* section = nullptr;
    int section_index = -1;
    float width = 0, height = 0;  // of the text block
    const PrintedPages* printed = nullptr;  // where links inside this document land
};

struct FrameBar {
    Bar bar;
    size_t first_strip = 0;  // strips before it do not join above
};

// Where blocks go: a column of the text block and the structure element they belong to.
struct Frame {
    float x = 0, width = 0;
    int node = StructTree::root;
    std::vector<FrameBar> bars;
    const TextStyle* text = nullptr;  // paragraph style; null: body
    std::optional<Colour> colour;     // overrides the paragraph colour (quotes)
    bool italic = false;
    bool tight = false;  // inside a tight list: no paragraph spacing
    int list_depth = 0;
};

class FlowBuilder {
public:
    explicit FlowBuilder(LayoutEnv& env);

    void section_title(const std::string& text, const std::string& anchor, const Frame& f);
    void blocks(const model::Blocks& blocks, const Frame& f);
    void footnotes(const std::vector<model::Footnote>& notes, const Frame& f);
    std::vector<Strip> take();

    // The pieces tables and charts are built from.
    LayoutEnv& env() { return env_; }
    void set_pos(const SourcePos& p) { pos_ = p; }
    MissingGlyph missing();
    RunStyle base_style(const TextStyle& t, const Frame& f) const;
    std::vector<Run> runs(const model::Inlines& inlines, const RunStyle& base);
    std::vector<Line> lines(const std::vector<Run>& runs, float width,
                            Spaces spaces = Spaces::collapse);
    // Baseline of a line of the given style, from the line box's top.
    float baseline(float line_height, float size, Face face) const;
    // Draws a line's fragments into s with the line box's top at top.
    void draw_line(Strip& s, const Line& line, const std::vector<Run>& runs, float x, float top,
                   float width, model::Align align, float line_height, int node);
    // Appends a strip, giving it the pending space (at least space_before) and the frame's bars.
    void add(Strip s, const Frame& f, float space_before = 0);
    void space_after(float space);
    // Lines of text as strips with widow and orphan control; returns the first strip's index.
    size_t text_strips(const std::vector<Run>& runs, const Frame& f, const TextStyle& ts,
                       int node, float space_before, bool keep_all = false,
                       model::Align align = model::Align::left);
    size_t strip_count() const { return strips_.size(); }
    Strip& strip(size_t i) { return strips_[i]; }

private:
    void block(const model::Block& b, const Frame& f);
    void paragraph(const model::Paragraph& p, const Frame& f);
    void heading(const model::Heading& h, const Frame& f);
    void list(const model::List& l, const Frame& f);
    void quote(const model::BlockQuote& q, const Frame& f);
    void numbered(const model::Numbered& n, const Frame& f);
    void code(const model::CodeBlock& c, const Frame& f);
    void rule(const Frame& f);
    void figure(const model::Figure& fig, const Frame& f);
    void flatten(const model::Inlines& inlines, const RunStyle& st, std::vector<Run>& out);
    int link_node(int parent, const std::string& target);

    LayoutEnv& env_;
    std::vector<Strip> strips_;
    float pending_space_ = 0;
    bool pending_break_ = false;
    SourcePos pos_;
    bool cite_pages_ = false;  // in running text: a link into this PDF gives its page
    std::set<std::tuple<std::string, int, char32_t>> reported_;
    struct OpenLink {
        int parent = -2;  // no node
        std::string target;
        int node = artifact;
    } link_;
};

// Tag of a heading level: 1 -> H1 ... 6 and deeper -> H6.
Tag heading_tag(int level);

// The anchor name of a heading, section or note inside section_id.
std::string anchor_name(const std::string& section_id, const std::string& fragment = {});

}  // namespace planpack::render::pdf
