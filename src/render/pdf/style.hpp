#pragma once
// The PDF house style, read from templates/pdf/style.toml. Nothing about how the PDF looks
// is a constant in code: a council restyles its print edition by editing that file.
// Lengths are points (1/72 inch) unless a key ends in _mm.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/cell_styles.hpp"
#include "render/pdf/fonts.hpp"

namespace planpack::render::pdf {

struct Colour {
    float r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

// 0xRRGGBB, as load::CellLook holds a colour.
inline Colour rgb(std::uint32_t v) {
    return Colour{static_cast<float>((v >> 16) & 0xFF) / 255.0f, static_cast<float>((v >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(v & 0xFF) / 255.0f};
}

struct TextStyle {
    float size = 10;
    float leading = 1.4f;  // line height as a multiple of size
    Colour colour;
    bool bold = false;
    float space_before = 0, space_after = 0;
    float line_height() const { return size * leading; }
};


// Three slots of a running header or footer line; patterns hold {title}, {service},
// {section}, {page}, {pages}, {period}, {published}.
struct Running {
    std::string left, centre, right;
    float size = 8;
    Colour colour;
    bool rule = false;  // a hairline between it and the text block
};

struct Style {
    struct Page {
        float width = 0, height = 0;  // portrait; a landscape section swaps them
        float margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;
        float header_offset = 0;  // header baseline, down from the top edge
        float footer_offset = 0;  // footer baseline, up from the bottom edge
        bool sections_start_new_page = true;
    } page;

    FontFiles fonts;

    struct Colours {
        Colour text, muted, accent, link, rule;
    } colours;

    TextStyle body;
    int widows = 2, orphans = 2;
    bool link_underline = true;

    TextStyle title;  // the section title (H1)
    TextStyle h2, h3, h4;
    const TextStyle& heading(int level) const {
        return level <= 1 ? title : level == 2 ? h2 : level == 3 ? h3 : h4;
    }

    struct Lists {
        float indent = 0, item_space = 0;
        std::vector<std::string> bullets;  // by nesting depth, repeating
    } lists;

    struct Quote {
        float indent = 0, bar_width = 0;
        Colour bar, text;
        bool italic = false;
    } quote;

    struct Code {
        float size = 0, leading = 0, padding = 0;
        Colour text, background;
        std::optional<Colour> inline_background;
    } code;

    struct Rule {
        float width = 0, space = 0;
        Colour colour;
    } rule;

    struct Table {
        float size = 0, leading = 0, padding_x = 0, padding_y = 0, space_before = 0,
              space_after = 0;
        Colour text, header_fill, header_text, rule;
        std::optional<Colour> zebra;  // alternate body row fill; none: every row white
        bool row_rules = true;        // a hairline under every body row
        float rule_width = 0, heavy_rule_width = 0;
        TextStyle caption;
        TextStyle note;
        load::CellStyles cells;  // model cell style -> look: templates/cell-styles.toml
        float min_size = 0;         // smallest readable size a too-wide table may shrink to
        size_t keep_rows = 0;       // a table of up to this many body rows is never split
        float split_row_share = 0;  // a row taller than this share of the page may split
    } table;

    struct Chart {
        float height = 0, size = 0;
        std::vector<Colour> palette;  // series colours, repeating; markers and hatches
                                      // tell series apart in greyscale
        Colour axis, grid;
        bool data_table = true;       // print the figures under the chart, as the HTML does
    } chart;

    struct Figure {
        float max_height_share = 0.7f;  // of the text block
    } figure;

    Running header, footer, front_footer;  // front_footer: contents pages

    struct Cover {
        Colour band, band_text, text;
        float band_height = 0, title_size = 0, subtitle_size = 0, detail_size = 0;
    } cover;

    struct Contents {
        std::string title;
        int depth = 2;  // 1: sections and appendices; 2: and their ## headings
        TextStyle entry, sub_entry;
        float leader_gap = 0;  // between leader dots
        std::string appendices_heading;
    } contents;

    struct Notes {
        std::string title;
        TextStyle text;
    } notes;

    // Agenda packs: an unnumbered front sheet, then the items' papers numbered
    // continuously, each item on an odd page after a blank filler when needed.
    struct Pack {
        std::string marker;      // the front sheet's first line: "Public Document Pack"
        std::string blank_page;  // what a filler page says
        TextStyle stamp;         // "Agenda Item 7" at the top right of an item's first page
        Running footer;          // {page} is the pack's own page number
    } pack;
};

// Reads a style file strictly: a missing or unknown key, a wrong type or a bad colour is
// an error at file:line:col. shown is the path diagnostics print.
std::optional<Style> load_style(const std::filesystem::path& path, const std::string& shown,
                                Diagnostics& diags);
std::optional<Style> parse_style(std::string_view text, const std::string& shown,
                                 Diagnostics& diags);

}  // namespace planpack::render::pdf
