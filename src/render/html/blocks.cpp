#include "render/html/blocks.hpp"

#include <algorithm>

#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "model/url.hpp"
#include "render/html/chart_svg.hpp"
#include "render/html/escape.hpp"

namespace planpack::render::html {

namespace {

using namespace planpack::model;

// Counts what needs a unique id within one page (table captions).
struct PageState {
    int tables = 0;
    int charts = 0;
    std::string here;  // the page's site path: links and images are addressed from it
};

bool is_external(const std::string& url) {
    const auto scheme = model::url_scheme(url);
    return scheme && (*scheme == "http" || *scheme == "https" || *scheme == "mailto");
}

// Only schemes that cannot run code reach an href (the loader has warned about the rest),
// percent-encoded as cmark-gfm writes them; ready for the attribute, not to be escaped again.
std::string safe_url(const std::string& url) {
    return model::publishable_url(url) ? model::escape_href(url) : "#";
}

void inlines_to(std::string& out, const Inlines& inlines, const std::string& here);

template <typename Tag>
void wrap(std::string& out, const char* tag, const Tag& v, const std::string& here) {
    out += '<';
    out += tag;
    out += '>';
    inlines_to(out, v.content, here);
    out += "</";
    out += tag;
    out += '>';
}

void inlines_to(std::string& out, const Inlines& inlines, const std::string& here) {
    for (const Inline& in : inlines) {
        std::visit(
            [&](const auto& boxed) {
                const auto& v = model::unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Text>) append_escaped(out, v.text);
                else if constexpr (std::is_same_v<T, SoftBreak>) out += '\n';
                else if constexpr (std::is_same_v<T, LineBreak>) out += "<br>\n";
                else if constexpr (std::is_same_v<T, Code>) {
                    out += "<code>";
                    append_escaped(out, v.text);
                    out += "</code>";
                } else if constexpr (std::is_same_v<T, Emph>) wrap(out, "em", v, here);
                else if constexpr (std::is_same_v<T, Strong>) wrap(out, "strong", v, here);
                else if constexpr (std::is_same_v<T, Strikethrough>) wrap(out, "del", v, here);
                else if constexpr (std::is_same_v<T, Link>) {
                    out += "<a href=\"";
                    // A target in the address book is planpack's own path; any other URL is the
                    // author's, percent-encoded by safe_url.
                    if (v.target) append_escaped(out, model::href(here, *v.target));
                    else out += safe_url(v.url);
                    out += '"';
                    if (!v.title.empty()) {
                        out += " title=\"";
                        append_escaped(out, v.title);
                        out += '"';
                    }
                    if (is_external(v.url)) out += " rel=\"external\"";
                    out += '>';
                    inlines_to(out, v.content, here);
                    out += "</a>";
                } else if constexpr (std::is_same_v<T, Image>) {
                    // Local images are published under media/ at the site's root.
                    out += "<img src=\"";
                    out += v.asset.empty() ? safe_url(v.url)
                                           : model::escape_href(model::relative(here, model::media_path(v.asset)));
                    out += "\" alt=\"";
                    append_escaped(out, v.alt);
                    out += '"';
                    if (!v.title.empty()) {
                        out += " title=\"";
                        append_escaped(out, v.title);
                        out += '"';
                    }
                    out += '>';
                } else if constexpr (std::is_same_v<T, PageRange>) {
                    if (!v.text.empty()) {
                        out += " <span class=\"page-range\">";
                        append_escaped(out, v.text);
                        out += "</span>";
                    }
                } else if constexpr (std::is_same_v<T, FootnoteRef>) {
                    // The loader names each reference's anchor: "1", then "1-2" for the second.
                    const std::string n = std::to_string(v.number);
                    const std::string id = v.label.empty() ? n : v.label;
                    out += "<sup class=\"footnote-ref\"><a href=\"#fn-" + n + "\" id=\"fnref-" + escape(id) +
                           "\" aria-label=\"Note " + n + "\">" + n + "</a></sup>";
                }
            },
            in.value);
    }
}

const char* align_class(Align a) {
    switch (a) {
        case Align::left: return "left";
        case Align::center: return "center";
        case Align::right: return "num";
        case Align::none: break;
    }
    return "";
}

// id and class attributes of a cell: its anchor, its alignment and its semantic style.
void cell_attributes(std::string& out, const TableCell& cell, Align a) {
    if (!cell.id.empty()) {
        out += " id=\"";
        append_escaped(out, cell.id);
        out += '"';
    }
    std::string classes = align_class(a);
    if (!cell.style.empty()) classes += (classes.empty() ? "" : " ") + cell.style.str();
    if (!classes.empty()) {
        out += " class=\"";
        append_escaped(out, classes);
        out += '"';
    }
}

// labels: the column headers, given to each body cell of a stacked table as data-label so that
// on a phone, where the CSS stacks each row's cells, every value still says what it is.
void rows_to(std::string& out, const std::vector<TableRow>& rows, const Table& t, bool head,
             const std::string& here, const std::vector<std::string>& labels = {}) {
    for (const TableRow& row : rows) {
        out += "<tr>";
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const Align a = i < t.aligns.size() ? t.aligns[i] : Align::none;
            const bool header = head || (i == 0 && t.row_headers);
            out += header ? (head ? "<th scope=\"col\"" : "<th scope=\"row\"") : "<td";
            if (!head && i < labels.size() && !labels[i].empty()) {
                out += " data-label=\"";
                append_escaped(out, labels[i]);
                out += '"';
            }
            cell_attributes(out, row.cells[i], a);
            out += '>';
            inlines_to(out, row.cells[i].content, here);
            // A line per cell: the page looks the same, and the site's search (which reads
            // the text, not the table) sees "Role" and "Number", not "RoleNumber".
            out += header ? "</th>\n" : "</td>\n";
        }
        out += "</tr>\n";
    }
}

void notes_to(std::string& out, const Table& t, const std::string& here) {
    for (const auto& note : t.notes) {
        out += "<p class=\"table-note\">";
        inlines_to(out, note, here);
        out += "</p>\n";
    }
}

// Whether a table would need scrolling sideways in a 320 px window (288 px inside the
// page's margins): its min-content width, as CSS's automatic table layout finds it (the
// longest word of each column, plus the cell's padding), estimated from an average glyph
// of 0.62 em at the table's 0.95rem. Such a table is stacked on a phone, one card per row
// (site.css), so that no value is off-screen and no row label is lost while scrolling.
bool stacks_on_phone(const Table& t, size_t columns) {
    if (columns >= 6) return true;
    std::vector<size_t> longest(columns, 0);
    auto measure = [&](const std::vector<TableRow>& rows) {
        for (const TableRow& row : rows)
            for (size_t i = 0; i < row.cells.size() && i < columns; ++i) {
                size_t word = 0;
                for (unsigned char ch : model::plain_text(row.cells[i].content)) {
                    if (ch == ' ' || ch == '-' || ch == '/') {
                        word = 0;
                        continue;
                    }
                    if ((ch & 0xC0) != 0x80) longest[i] = std::max(longest[i], ++word);
                }
            }
    };
    measure(t.head);
    measure(t.body);
    measure(t.foot);
    constexpr double glyph = 0.62 * 15.2, padding = 19.2, room = 288;
    double width = 0;
    for (size_t chars : longest) width += static_cast<double>(chars) * glyph + padding;
    return width > room;
}

void table_to(std::string& out, const Table& t, PageState& page, bool with_notes = true) {
    // transform::assign_heading_ids gives every table a unique id; a hand-built model
    // without one still gets a usable page-local one.
    const std::string id = escape(t.id.empty() ? "table-" + std::to_string(++page.tables) : t.id);
    // A focusable, labelled region so keyboard users can scroll a wide table.
    // Tables of six or more columns (action plans, grids) may use the full window width.
    const size_t columns = t.head.empty() ? t.aligns.size() : t.head.front().cells.size();
    const bool stack = !t.head.empty() && stacks_on_phone(t, columns);
    out += std::string("<div class=\"table-wrap") + (columns >= 6 ? " wide" : "") + (stack ? " stack" : "") +
           "\" role=\"region\" aria-labelledby=\"" + id +
           "\" tabindex=\"0\">\n<table>\n<caption id=\"" + id + "\">";
    inlines_to(out, t.caption, page.here);
    out += "</caption>\n";
    if (!t.head.empty()) {
        out += "<thead>\n";
        rows_to(out, t.head, t, true, page.here);
        out += "</thead>\n";
    }
    std::vector<std::string> labels;
    if (stack)
        for (const TableCell& c : t.head.back().cells) labels.push_back(model::plain_text(c.content));
    out += "<tbody>\n";
    rows_to(out, t.body, t, false, page.here, labels);
    out += "</tbody>\n";
    if (!t.foot.empty()) {
        out += "<tfoot>\n";
        rows_to(out, t.foot, t, false, page.here, labels);
        out += "</tfoot>\n";
    }
    out += "</table>\n</div>\n";
    if (with_notes) notes_to(out, t, page.here);
}

// A chart is a drawing, its summary sentence and its figures as a table (behind a
// disclosure), then the table's notes (source, suppression markers) for everyone.
void chart_to(std::string& out, const Chart& c, PageState& page) {
    const std::string id = c.id.empty() ? "chart-" + std::to_string(++page.charts) : c.id;
    out += "<figure class=\"chart\" id=\"";
    append_escaped(out, id);
    out += "\">\n";
    // Drawn for a phone and for a wider column; the stylesheet shows the one that fits, so
    // nothing scrolls sideways and no text shrinks (see render_chart_svg).
    out += "<div class=\"chart-drawing\">\n";
    out += render_chart_svg(c, escape(id) + "-narrow", ChartWidth::narrow);
    out += render_chart_svg(c, escape(id), ChartWidth::wide);
    out += "</div>\n";
    out += "<figcaption class=\"chart-summary\">";
    append_escaped(out, c.summary);
    out += "</figcaption>\n<details class=\"chart-data\">\n<summary>Show the figures in this chart</summary>\n";
    Table data = c.data;
    if (data.id.empty()) data.id = id + "-data";
    table_to(out, data, page, false);
    out += "</details>\n";
    notes_to(out, c.data, page.here);
    out += "</figure>\n";
}

void blocks_to(std::string& out, const Blocks& blocks, PageState& page, bool tight);
void block_to(std::string& out, const Block& b, PageState& page, bool tight);

// "6.2" printed before the paragraph's first words, inside its <p> so it is read with
// them; the whole group (text, list, table) is the anchor's target.
void numbered_to(std::string& out, const Numbered& n, PageState& page) {
    out += "<div class=\"para\" id=\"";
    append_escaped(out, n.id);
    out += "\">\n";
    std::string number = "<span class=\"para-number\">";
    append_escaped(number, n.number);
    number += "</span> ";
    for (size_t i = 0; i < n.content.size(); ++i) {
        const auto* p = std::get_if<Paragraph>(&n.content[i].value);
        if (i == 0 && p) {
            out += "<p>" + number;
            inlines_to(out, p->content, page.here);
            out += "</p>\n";
            continue;
        }
        if (i == 0) out += "<p class=\"para-number-only\">" + number + "</p>\n";
        block_to(out, n.content[i], page, false);
    }
    out += "</div>\n";
}

void block_to(std::string& out, const Block& b, PageState& page, bool tight) {
    std::visit(
        [&](const auto& boxed) {
            const auto& v = model::unbox(boxed);
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
                if (!tight) out += "<p>";
                inlines_to(out, v.content, page.here);
                out += tight ? "\n" : "</p>\n";
            } else if constexpr (std::is_same_v<T, Heading>) {
                const std::string tag = "h" + std::to_string(v.level);
                out += '<' + tag + " id=\"";
                append_escaped(out, v.id);
                out += "\">";
                inlines_to(out, v.content, page.here);
                out += "</" + tag + ">\n";
            } else if constexpr (std::is_same_v<T, List>) {
                const char* tag = v.ordered ? "ol" : "ul";
                out += '<';
                out += tag;
                if (v.ordered && v.start != 1) out += " start=\"" + std::to_string(v.start) + '"';
                bool tasks = false;
                for (const auto& item : v.items) tasks = tasks || item.task.has_value();
                if (tasks) out += " class=\"tasks\"";
                out += ">\n";
                for (const auto& item : v.items) {
                    if (item.task)
                        out += *item.task ? "<li class=\"task done\"><span class=\"visually-hidden\">Done: </span>"
                                          : "<li class=\"task\"><span class=\"visually-hidden\">Not done: </span>";
                    else
                        out += "<li>";
                    blocks_to(out, item.content, page, v.tight);
                    out += "</li>\n";
                }
                out += "</";
                out += tag;
                out += ">\n";
            } else if constexpr (std::is_same_v<T, BlockQuote>) {
                out += "<blockquote>\n";
                blocks_to(out, v.content, page, false);
                out += "</blockquote>\n";
            } else if constexpr (std::is_same_v<T, CodeBlock>) {
                // The info string's first word names the language, as cmark-gfm writes it.
                const std::string language = v.info.substr(0, v.info.find_first_of(" \t"));
                out += language.empty() ? "<pre><code>" : "<pre><code class=\"language-" + escape(language) + "\">";
                append_escaped(out, v.text);
                out += "</code></pre>\n";
            } else if constexpr (std::is_same_v<T, ThematicBreak>) {
                out += "<hr>\n";
            } else if constexpr (std::is_same_v<T, PageBreak>) {
                out += "<div class=\"page-break\"></div>\n";
            } else if constexpr (std::is_same_v<T, Table>) {
                table_to(out, v, page);
            } else if constexpr (std::is_same_v<T, Figure>) {
                out += "<figure>\n";
                // The title is the caption below; as an attribute too it would be read twice.
                Image image = v.image;
                image.title.clear();
                inlines_to(out, {Inline{std::move(image)}}, page.here);
                if (!v.caption.empty()) {
                    out += "\n<figcaption>";
                    inlines_to(out, v.caption, page.here);
                    out += "</figcaption>";
                }
                out += "\n</figure>\n";
            } else if constexpr (std::is_same_v<T, Chart>) {
                chart_to(out, v, page);
            } else if constexpr (std::is_same_v<T, Numbered>) {
                numbered_to(out, v, page);
            } else if constexpr (std::is_same_v<T, Directive>) {
                // transform::expand_directives removes every directive before rendering.
            }
        },
        b.value);
}

void blocks_to(std::string& out, const Blocks& blocks, PageState& page, bool tight) {
    for (const Block& b : blocks) block_to(out, b, page, tight);
}

}  // namespace

std::string render_inlines(const Inlines& inlines, const std::string& here) {
    std::string out;
    inlines_to(out, inlines, here);
    return out;
}

std::string render_blocks(const Blocks& blocks, const std::string& here) {
    std::string out;
    PageState page;
    page.here = here;
    blocks_to(out, blocks, page, false);
    return out;
}

std::string render_footnotes(const std::vector<Footnote>& footnotes, const std::string& here) {
    if (footnotes.empty()) return "";
    std::string out = "<section class=\"footnotes\" aria-labelledby=\"footnotes\">\n"
                      "<h2 id=\"footnotes\">Notes</h2>\n<ol>\n";
    PageState page;
    page.here = here;
    for (const Footnote& fn : footnotes) {
        const std::string n = std::to_string(fn.number);
        out += "<li id=\"fn-" + n + "\">\n";
        blocks_to(out, fn.content, page, false);
        out += "<p><a href=\"#fnref-" + n + "\">Back to the text of note " + n + "</a></p>\n</li>\n";
    }
    out += "</ol>\n</section>\n";
    return out;
}

}  // namespace planpack::render::html
