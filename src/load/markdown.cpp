#include "load/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "model/inline_text.hpp"
#include "model/url.hpp"

namespace planpack::load {

namespace {

using namespace planpack::model;

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

std::string_view ext_type(cmark_node* n) {
    const char* s = cmark_node_get_type_string(n);
    return s ? s : "";
}

class Converter {
public:
    Converter(std::string file, int first_line, Diagnostics& diags, const MarkdownLimits& limits)
        : file_(std::move(file)), offset_(first_line - 1), diags_(diags), limits_(limits) {}

    MarkdownBody convert(cmark_node* doc) {
        MarkdownBody out;
        // cmark-gfm has already numbered footnotes by first reference, moved their
        // definitions to the end in that order and dropped unreferenced ones; a
        // reference's literal is its number.
        int number = 0;
        for (cmark_node* c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION) {
                Footnote fn;
                fn.number = ++number;
                fn.label = std::to_string(fn.number);
                for (cmark_node* b = cmark_node_first_child(c); b; b = cmark_node_next(b))
                    block(b, fn.content, 1);
                out.footnotes.push_back(std::move(fn));
                continue;
            }
            block(c, out.blocks, 0);
        }
        return out;
    }

private:
    SourcePos pos(cmark_node* n) const {
        return {file_, cmark_node_get_start_line(n) + offset_, cmark_node_get_start_column(n)};
    }

    // A scheme that could run code (javascript:, data:) or that planpack does not know is
    // said out loud: the page links nowhere there, and the author should know why.
    void check_scheme(cmark_node* n, const std::string& url, const char* what) {
        if (model::publishable_url(url)) return;
        diags_.warning(pos(n), std::string(what) + " '" + url + "' uses the scheme '" + *model::url_scheme(url) +
                                   ":', which planpack does not publish, so it leads nowhere; use an "
                                   "http(s), mailto or tel address, or a relative one");
    }

    bool too_deep(cmark_node* n, int depth) {
        if (depth <= limits_.max_nesting) return false;
        if (!depth_reported_)
            diags_.error(pos(n), "content is nested more than " +
                                     std::to_string(limits_.max_nesting) +
                                     " levels deep (lists, quotes or emphasis); flatten it");
        depth_reported_ = true;
        return true;
    }

    // Nodes map nearly one to one onto model elements: sized once, a vector is neither
    // regrown nor its elements moved while a long section is converted.
    static size_t children(cmark_node* parent) {
        size_t n = 0;
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) ++n;
        return n;
    }

    Inlines inlines(cmark_node* parent, int depth) {
        Inlines out;
        out.reserve(children(parent));
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
            inline_node(c, out, depth + 1);
        return out;
    }

    void inline_node(cmark_node* n, Inlines& out, int depth) {
        if (too_deep(n, depth)) return;
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                if (std::string t = literal(n); !t.empty()) out.push_back({Text{std::move(t)}});
                return;
            case CMARK_NODE_SOFTBREAK: out.push_back({SoftBreak{}}); return;
            case CMARK_NODE_LINEBREAK: out.push_back({LineBreak{}}); return;
            case CMARK_NODE_CODE: out.push_back({Code{literal(n)}}); return;
            case CMARK_NODE_HTML_INLINE:
                // Raw HTML is never passed through: it stays visible as text.
                diags_.warning(pos(n), "raw HTML '" + literal(n) + "' is shown as text");
                out.push_back({Text{literal(n)}});
                return;
            case CMARK_NODE_EMPH: out.push_back({Emph{inlines(n, depth)}}); return;
            case CMARK_NODE_STRONG: out.push_back({Strong{inlines(n, depth)}}); return;
            case CMARK_NODE_LINK: {
                Link link;
                link.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                link.title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
                link.content = inlines(n, depth);
                link.pos = pos(n);
                if (link.url.rfind("xref:", 0) != 0) check_scheme(n, link.url, "link");
                out.push_back({std::move(link)});
                return;
            }
            case CMARK_NODE_IMAGE: {
                Image img;
                img.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                img.title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
                img.alt = plain_text(inlines(n, depth));
                img.pos = pos(n);
                check_scheme(n, img.url, "image");
                if (img.alt.empty())
                    diags_.error(pos(n), "image '" + img.url +
                                             "' has no alternative text: write ![what it shows](" +
                                             img.url + ")");
                out.push_back({std::move(img)});
                return;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                // The label is the reference's own anchor: "1", then "1-2" for the second
                // reference to note 1, as cmark-gfm's renderer numbers them.
                const std::string number = literal(n);
                const int count = ++footnote_refs_[number];
                out.push_back({FootnoteRef{std::atoi(number.c_str()),
                                           count == 1 ? number : number + "-" + std::to_string(count)}});
                return;
            }
            default: break;
        }
        if (ext_type(n) == "strikethrough") {
            out.push_back({Strikethrough{inlines(n, depth)}});
            return;
        }
        // Unknown inline: keep its text rather than lose words.
        out.push_back({Text{plain_text(inlines(n, depth))}});
    }

    Blocks blocks(cmark_node* parent, int depth) {
        Blocks out;
        out.reserve(children(parent));
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
            block(c, out, depth + 1);
        return out;
    }

    void block(cmark_node* n, Blocks& out, int depth) {
        if (too_deep(n, depth)) return;
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                Inlines content = inlines(n, depth);
                // A paragraph that is only an image is a figure; its title is the caption.
                if (content.size() == 1 && get_alternative<Image>(&content[0].value)) {
                    Image img = std::move(*get_alternative<Image>(&content[0].value));
                    Inlines caption;
                    if (!img.title.empty()) caption.push_back({Text{img.title}});
                    out.push_back({Figure{std::move(img), std::move(caption)}});
                    return;
                }
                out.push_back({Paragraph{std::move(content), pos(n)}});
                return;
            }
            case CMARK_NODE_HEADING:
                out.push_back({Heading{cmark_node_get_heading_level(n), inlines(n, depth), "", pos(n)}});
                return;
            case CMARK_NODE_BLOCK_QUOTE: out.push_back({BlockQuote{blocks(n, depth)}}); return;
            case CMARK_NODE_LIST: {
                List list;
                list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                list.start = list.ordered ? cmark_node_get_list_start(n) : 1;
                list.tight = cmark_node_get_list_tight(n) != 0;
                for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                    ListItem li;
                    if (ext_type(item) == "tasklist")
                        li.task = cmark_gfm_extensions_get_tasklist_item_checked(item);
                    li.content = blocks(item, depth + 1);
                    list.items.push_back(std::move(li));
                }
                out.push_back({std::move(list)});
                return;
            }
            case CMARK_NODE_CODE_BLOCK: {
                std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
                if (info == "planpack" || info.rfind("planpack ", 0) == 0) {
                    Directive d;
                    d.kind = info.size() > 9 ? info.substr(9) : "";
                    while (!d.kind.empty() && d.kind.back() == ' ') d.kind.pop_back();
                    d.body = literal(n);
                    d.pos = pos(n);
                    d.body_line = d.pos.line + 1;
                    out.push_back({std::move(d)});
                    return;
                }
                out.push_back({CodeBlock{std::move(info), literal(n), pos(n)}});
                return;
            }
            case CMARK_NODE_HTML_BLOCK:
                diags_.warning(pos(n), "raw HTML block is shown as text, not passed through");
                out.push_back({CodeBlock{"", literal(n), pos(n)}});
                return;
            case CMARK_NODE_THEMATIC_BREAK: out.push_back({ThematicBreak{}}); return;
            default: break;
        }
        if (ext_type(n) == "table") {
            out.push_back({table(n, depth)});
            return;
        }
        diags_.warning(pos(n), std::string("unsupported Markdown block '") +
                                   cmark_node_get_type_string(n) + "' is left out");
    }

    Table table(cmark_node* n, int depth) {
        Table t;
        t.pos = pos(n);
        const uint16_t cols = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
        for (uint16_t i = 0; i < cols; ++i) {
            switch (aligns ? aligns[i] : 0) {
                case 'l': t.aligns.push_back(Align::left); break;
                case 'c': t.aligns.push_back(Align::center); break;
                case 'r': t.aligns.push_back(Align::right); break;
                default: t.aligns.push_back(Align::none); break;
            }
        }
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            TableRow r;
            r.cells.reserve(cols);
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                r.cells.push_back({inlines(cell, depth + 1)});
            r.cells.resize(cols);  // GFM pads short rows and drops excess cells
            (cmark_gfm_extensions_get_table_row_is_header(row) ? t.head : t.body).push_back(std::move(r));
        }
        return t;
    }

    std::string file_;
    int offset_;
    Diagnostics& diags_;
    const MarkdownLimits& limits_;
    bool depth_reported_ = false;
    std::map<std::string, int> footnote_refs_;  // references seen so far, by note number
};

// Cheap pre-parse checks for the shapes that make this cmark-gfm slow.
bool within_limits(std::string_view text, const std::string& file, int first_line,
                   Diagnostics& diags, const MarkdownLimits& limits) {
    if (text.size() > limits.max_bytes) {
        diags.error({file, first_line, 1}, "the Markdown body is " + std::to_string(text.size()) +
                                               " bytes; the limit is " +
                                               std::to_string(limits.max_bytes));
        return false;
    }
    int line = first_line;
    std::string_view fence;  // the open code fence, if inside one: pipes there are code
    for (size_t start = 0; start < text.size(); ++line) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view l = text.substr(start, end - start);
        start = end + 1;
        const size_t indent = l.find_first_not_of(' ');
        const std::string_view rest = indent == std::string_view::npos ? "" : l.substr(indent);
        if (indent != std::string_view::npos && indent < 4 &&
            (rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0)) {
            const std::string_view marker = rest.substr(0, 3);
            if (fence.empty()) fence = marker;
            else if (marker == fence) fence = {};
            continue;
        }
        if (!fence.empty()) continue;
        int pipes = 0, quotes = 0;
        bool leading = true;
        for (size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (c == '\\') ++i;  // an escaped pipe is text, not a column
            else if (c == '|') ++pipes;
            if (leading && c == '>') ++quotes;
            else if (c != ' ') leading = false;
        }
        if (pipes > limits.max_table_columns + 1) {
            diags.error({file, line, 1}, "a table row here has more than " +
                                             std::to_string(limits.max_table_columns) +
                                             " columns; put wide data in a CSV file under data/");
            return false;
        }
        if (quotes > limits.max_nesting) {
            diags.error({file, line, 1}, "block quotes are nested more than " +
                                             std::to_string(limits.max_nesting) + " levels deep");
            return false;
        }
    }
    return true;
}

}  // namespace

// cmark-gfm 0.29 keeps state that every parser shares: the extension registry, and the
// table of inline special characters, which finishing a parse switches the extensions'
// characters into and back out of (blocks.c, process_inlines). Files are parsed on every
// core, so those two steps take turns; block parsing and conversion run side by side.
namespace {
std::mutex& cmark_shared_state() {
    static std::mutex lock;
    return lock;
}
}  // namespace

int cmark_options() { return CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART; }

std::optional<MarkdownBody> parse_markdown(std::string_view text, const std::string& file,
                                           int first_line, Diagnostics& diags,
                                           const MarkdownLimits& limits) {
    if (!within_limits(text, file, first_line, diags, limits)) return std::nullopt;
    {
        std::lock_guard lock(cmark_shared_state());
        cmark_gfm_core_extensions_ensure_registered();
    }
    ParserPtr parser(cmark_parser_new(cmark_options()));
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    NodePtr doc;
    {
        std::lock_guard lock(cmark_shared_state());
        doc.reset(cmark_parser_finish(parser.get()));
    }
    if (!doc) {
        diags.error({file, first_line, 1}, "cmark-gfm could not parse this file");
        return std::nullopt;
    }
    const size_t before = diags.all().size();
    Converter conv(file, first_line, diags, limits);
    MarkdownBody body = conv.convert(doc.get());
    for (size_t i = before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return body;
}

}  // namespace planpack::load
