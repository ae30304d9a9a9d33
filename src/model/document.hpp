#pragma once
// The one document type between loaders and renderers (after Pandoc's Block/Inline).
// Loaders only build it, transforms map it to itself, renderers only read it.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::model {

// ---- inlines --------------------------------------------------------------
struct Inline;
using Inlines = std::vector<Inline>;

struct Text { std::string text; };
struct SoftBreak {};
struct LineBreak {};
struct Code { std::string text; };
struct Emph { Inlines content; };
struct Strong { Inlines content; };
struct Strikethrough { Inlines content; };
struct Link {
    std::string url;  // for cross-references, resolved by transform::resolve_xrefs
    std::string title;
    Inlines content;
    std::string xref;  // target id when the source said xref:ID; empty otherwise
    SourcePos pos;
};
struct Image { std::string url; std::string title; std::string alt; };
struct FootnoteRef { int number = 0; std::string label; };

struct Inline {
    std::variant<Text, SoftBreak, LineBreak, Code, Emph, Strong, Strikethrough, Link, Image,
                 FootnoteRef>
        value;
};

// ---- blocks ---------------------------------------------------------------
struct Block;
using Blocks = std::vector<Block>;

struct Paragraph { Inlines content; };
struct Heading {
    int level = 2;  // 1 is the page title; body headings start at 2
    Inlines content;
    std::string id;  // unique within its section, assigned by transform::assign_heading_ids
    SourcePos pos;
};
struct ListItem {
    std::optional<bool> task;  // GFM task list: checked or not; nullopt for a plain item
    Blocks content;
};
struct List {
    bool ordered = false;
    int start = 1;
    bool tight = true;
    std::vector<ListItem> items;
};
struct BlockQuote { Blocks content; };
struct CodeBlock { std::string info; std::string text; };
struct ThematicBreak {};
struct PageBreak {};

enum class Align { none, left, center, right };
struct TableCell { Inlines content; };
struct TableRow { std::vector<TableCell> cells; };
struct Table {
    Inlines caption;
    std::vector<Align> aligns;
    std::vector<TableRow> head;
    std::vector<TableRow> body;
    std::vector<TableRow> foot;  // totals rows
    bool row_headers = false;    // first cell of each body row is a row header
    std::vector<Inlines> notes;  // source lines and footnotes printed under the table
    SourcePos pos;
};

struct Figure {
    Image image;
    Inlines caption;
};

// A data directive as written (```planpack KIND, TOML body). transform::expand_directives
// replaces it with model blocks; a renderer never sees one.
struct Directive {
    std::string kind;
    std::string body;  // TOML source
    SourcePos pos;     // the line of the opening fence
    int body_line = 0; // line of the body's first line in the .md file
};

struct Block {
    std::variant<Paragraph, Heading, List, BlockQuote, CodeBlock, ThematicBreak, PageBreak, Table,
                 Figure, Directive>
        value;
};

struct Footnote {
    int number = 0;
    std::string label;
    Blocks content;
};

// ---- documents ------------------------------------------------------------
enum class SectionKind { section, appendix };

struct Section {
    std::string id;
    SectionKind kind = SectionKind::section;
    int order = 0;
    int number = 0;  // assigned by transform::number_sections, never typed
    std::string title;
    Blocks blocks;
    std::vector<Footnote> footnotes;
    SourcePos source;  // the .md file
};

struct Date {
    int year = 0, month = 0, day = 0;
};

struct Document {
    std::string id;
    std::string kind;
    std::string title;
    Date period_start, period_end, published;
    std::vector<Section> sections;  // sections then appendices, in order
};

// "Appendix 3" or "Section 2", the label cross-references print.
std::string label(const Section& s);
std::string format_long(const Date& d);  // "26 June 2023"
std::string format_iso(const Date& d);   // "2023-06-26"

}  // namespace planpack::model
