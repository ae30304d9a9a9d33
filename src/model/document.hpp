#pragma once
// The one document type between loaders and renderers (after Pandoc's Block/Inline).
// Loaders only build it, transforms map it to itself, renderers only read it.
#include <compare>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/indirect.hpp"
#include "model/rare_string.hpp"

namespace planpack::model {

// Where a page of the site is, as a link carries it: transforms resolve a cross-reference
// to one, the HTML renderer turns it into an href (model::href), the PDF renderer into a
// named destination. No format parses it back out of a URL. Paths: model/paths.hpp.
struct Target {
    std::string document;  // the document's folder in the site (model::folder)
    std::string section;   // the page: a section id, "index" for a contents or agenda page
    std::string fragment;  // an anchor on that page; empty: its top
    std::string file;      // set instead of section for a file published in that folder
                           // (an appendix that is a PDF): its name

    friend bool operator==(const Target&, const Target&) = default;
};

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
    std::string url;  // as written: an external URL, "#anchor", or "xref:ID#anchor" until resolved
    std::string title;
    Inlines content;
    std::optional<Target> target;  // a page of the site: set by transform::resolve_xrefs
    // For a page of another document: the site path of that document's PDF, where a PDF
    // that does not print the page itself links instead ("plan/plan.pdf").
    std::string pdf;
    SourcePos pos;
    bool if_present = false;  // generated: drop the link, keep the words, if the target is absent
};
struct Image {
    std::string url;
    std::string title;
    std::string alt;
    std::string asset;  // the local file shown, relative to the service root (see locate_assets);
                        // empty for a remote image. Every output reads this, never url.
    SourcePos pos;      // where the Markdown names it, for errors about the file
};
struct FootnoteRef { int number = 0; std::string label; };
// The pages a bound pack prints an agenda item on, "(Pages 77 - 188)": known only once the
// pack is laid out, so a later pass (render::pdf::fill_page_ranges) writes text; until then,
// and in formats without pages, it prints nothing.
struct PageRange {
    int item = 0;      // the agenda item whose sections it spans (Section::binding.item)
    std::string text;  // printed as it is; empty until filled
};

// Links and images are boxed: they are few but large, and every run of text would
// otherwise be their size (model/indirect.hpp). Visitors see them through model::unbox.
struct Inline {
    std::variant<Text, SoftBreak, LineBreak, Code, Emph, Strong, Strikethrough, Indirect<Link>,
                 Indirect<Image>, FootnoteRef, PageRange>
        value;
};

// ---- blocks ---------------------------------------------------------------
struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
    Inlines content;
    SourcePos pos;  // where it starts, for messages about its text (e.g. a glyph no font has)
};
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
// A numbered paragraph of a committee report ("6.2") with what belongs to it: its text and
// any list or table that follows. Numbers are assigned by transform::number_report; the id
// ("para-6-2") is its anchor.
struct Numbered {
    std::string number;
    std::string id;
    Blocks content;
};
struct CodeBlock {
    std::string info;
    std::string text;
    SourcePos pos;
};
struct ThematicBreak {};
struct PageBreak {};

enum class Align { none, left, center, right };

// What a cell holds beneath its printed text, so XLSX writes real numbers and dates and
// charts plot values rather than parse strings.
// A count that a spreadsheet should keep live: the rows of the table with id `table`
// whose columns hold the given values (a board officer edits a status, the count follows).
// The cell's content is the count at build time; renderers that cannot compute print it.
struct CountIf {
    std::string table;
    std::vector<std::pair<std::string, std::string>> where;  // column header, value
};

// A figure a spreadsheet should keep live as a formula over the cells it is computed from
// (a rate over an attendance row, a total over a column). `excel` is the formula in Excel's
// syntax without the '=', in which {0}, {1}, ... stand for `ranges`: blocks of cells of
// tables of the same document, named by Table::id (empty: the table the cell is in) and
// counted within the table's body or foot, which the spreadsheet renderer places. `cached`
// is the figure planpack computed, stored beside the formula for readers that do not
// recalculate.
struct CellRange {
    enum class Part { body, foot };
    std::string table;
    Part part = Part::body;
    size_t row = 0, column = 0, last_row = 0, last_column = 0;  // inclusive
};
struct Formula {
    std::string excel;
    std::vector<CellRange> ranges;
    std::variant<double, std::string> cached;
};

// Counts and formulas are boxed: few cells hold one, and every cell of every table would
// otherwise take their room.
struct CellValue {
    std::variant<std::monostate, double, Date, std::string, Indirect<CountIf>, Indirect<Formula>> value;
    RareString number_format;  // Excel-style, e.g. "#,##0", "0.0%", "£#,##0"; empty: general
};

struct TableCell {
    TableCell() = default;
    TableCell(Inlines c) : content(std::move(c)) {}  // NOLINT: a cell is usually just text

    Inlines content;   // what HTML and PDF print
    CellValue value;   // what a spreadsheet stores; monostate: the printed text
    RareString style;   // semantic class: "rag-red", "status-complete", "overdue", "suppressed"
    RareString id;      // an anchor for links to this cell's row, empty if none
    RareString figure;  // key into Document::statistics when the cell holds a statistic
};
struct TableRow { std::vector<TableCell> cells; };
struct Table {
    std::string id;  // stable name for anchors and spreadsheet tables; empty if none
    Inlines caption;
    std::vector<Align> aligns;
    std::vector<TableRow> head;
    std::vector<TableRow> body;
    std::vector<TableRow> foot;  // totals rows
    bool row_headers = false;    // first cell of each body row is a row header
    std::vector<Inlines> notes;  // source lines and footnotes printed under the table
    std::string group;  // the set of figures it belongs to (a KPI group), empty if none
    // Who one of its counts is, in the singular ("member of staff"), for the note under a
    // table whose small counts are withheld; empty: a child, as for the indicators.
    std::string person;
    SourcePos pos;
    // For tables people edit in a spreadsheet: the values a column may take (a
    // drop-down list), and styles that follow a cell's value as it is edited.
    std::vector<std::vector<std::string>> choices;  // per column; empty: free
    struct ValueStyle {
        size_t column = 0;
        std::string equals;          // the cell's text, or
        std::optional<double> above; // a number greater than this
        std::string style;           // semantic, as TableCell::style
    };
    std::vector<ValueStyle> value_styles;
};

struct Figure {
    Image image;
    Inlines caption;
};

// A chart is data, not a picture: each renderer draws it (SVG, PDF vector graphics, a
// native Excel chart) from the same series, and every chart carries its data as a table
// and a one-sentence summary for readers who cannot see it.
enum class ChartKind { line, bar };
struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; nullopt: missing/suppressed
    std::vector<std::string> figures;  // per value: key into Document::statistics, or empty
    std::vector<std::string> markers;  // per value: what a suppressed value prints as, or empty
};
// How a change between two values is stated: relative (per cent, for counts and rates
// per head) or as a difference of percentages (percentage points).
enum class ChangeKind { relative, points };
struct Chart {
    std::string id;
    ChartKind kind = ChartKind::line;
    std::string title;
    std::string x_label, y_label;
    std::string unit;  // "%", "children", ... used on the axis and in the summary
    std::vector<std::string> categories;  // x axis, e.g. periods
    std::vector<ChartSeries> series;
    std::string summary;  // generated, e.g. "Blackpool's rate fell from 12.3% to 9.1% ..."
    // The same figures as an accessible table: first column the series names, then one
    // column per category, one body row per series in order (spreadsheet charts point at
    // these cells).
    Table data;
    std::string number_format;  // Excel-style format of the values ("#,##0", "0.0%")
    bool time_series = true;    // categories are periods in order (else: kinds of thing)
    ChangeKind change = ChangeKind::relative;
    size_t subject = 0;                 // the series the summary is about (the service)
    std::optional<size_t> comparator;   // the series it is compared with (England), if any
    std::string group;                  // as Table::group
};

// Bars with long category names (kinds of offence rather than years) read better on
// their side; every renderer asks this so the drawing and the spreadsheet agree.
bool horizontal_bars(const Chart& c);

// A data directive as written (```planpack KIND, TOML body). transform::expand_directives
// replaces it with model blocks; a renderer never sees one.
struct Directive {
    std::string kind;
    std::string body;  // TOML source
    SourcePos pos;     // the line of the opening fence
    int body_line = 0; // line of the body's first line in the .md file
};

// Tables, figures and charts are boxed, as links are in Inline: each is several times the
// size of a paragraph, and every block of a section would otherwise take that much room.
// Visitors see them through model::unbox.
struct Block {
    std::variant<Paragraph, Heading, List, BlockQuote, CodeBlock, ThematicBreak, PageBreak, Indirect<Table>,
                 Indirect<Figure>, Indirect<Chart>, Directive, Numbered>
        value;
};

struct Footnote {
    int number = 0;
    std::string label;
    Blocks content;
};

// ---- documents ------------------------------------------------------------
enum class SectionKind { section, appendix };

// What a board is asked to do with an agenda item.
enum class Purpose { none, decision, discussion, information };

// The meeting a board pack is for, as its cover and agenda print it: from the board's
// [[meeting]] that the document's `meeting` names (load::resolve_board_packs).
struct MeetingDetails {
    std::string board;  // the board's or committee's name: "Youth Justice Executive Board"
    Date date;
    std::optional<Time> time;
    std::string venue;  // empty: not given
    // The day the meeting was called off. Its pages say so above the paper; the paper
    // itself stays as it was issued (it is on the publication record).
    std::optional<Date> cancelled;
};

// How a section is bound into an agenda pack; plain documents leave it as it is.
struct Binding {
    int item = 0;                 // the agenda item it belongs to; 0: none (the front sheet)
    bool odd_page_start = false;  // starts on an odd page, after a blank filler if need be
    std::string stamp;            // printed on its first page: "Agenda Item 7"
    bool unnumbered = false;      // outside the pack's page numbering (the front sheet)
};

struct Section {
    std::string id;
    SectionKind kind = SectionKind::section;
    int order = 0;
    int number = 0;  // assigned by transform::number_sections, never typed
    std::string title;
    std::string label;  // printed label when a pack gives one ("Appendix 7(a)"); else generated
    bool landscape = false;  // front matter `landscape = true`: its printed pages are landscape
    Blocks blocks;
    std::vector<Footnote> footnotes;
    SourcePos source;  // the .md file
    // Where its page is when it has none in this document (a section borrowed from another
    // document, an appendix that is a file). HTML links there and prints nothing; a pack
    // prints the section in place.
    std::optional<Target> elsewhere;
    bool exempt = false;  // exempt information: transform::remove_exempt keeps it out of public output
    // Restricted output prints this on every page of an exempt section, so a page read on
    // its own still says what it is ("NOT FOR PUBLICATION: Schedule 12A, paragraph 3").
    std::string exempt_stamp;
    bool draft = false;   // front matter `draft = true`: not yet agreed, and marked so
    Binding binding;
    // On a board pack's agenda (front matter `lead` and `purpose`): who presents the item,
    // as the seat's role (load::resolve_board_packs fills it from lead_seat, the seat id
    // written at lead_pos), and what the board is asked to do with it.
    std::string lead_seat;
    SourcePos lead_pos;
    std::string lead;
    Purpose purpose = Purpose::none;
    // How long the agenda gives the item, in minutes (front matter `duration`), from which
    // the agenda works out each item's start from the meeting's; 0: not given.
    int duration = 0;
    SourcePos duration_pos;
    // An item that asks the board to agree earlier minutes (front matter `minutes`): the
    // board's [[meeting]] whose minutes load::resolve_board_packs binds in after it.
    std::string minutes_of;
    SourcePos minutes_pos;
    // A paper bound in after the item before it rather than an item of its own (those
    // minutes): transform::number_sections leaves it unnumbered and labels it by that
    // item ("2(a)"); the agenda lists it under the item, with its page.
    bool enclosure = false;
};

// What transform::suppress_small_numbers needs to know about the figures behind table
// cells and chart values (TableCell::figure, ChartSeries::figures), keyed by a name that is
// the same wherever the figure appears. The pass empties it: no renderer reads it.
struct Statistic {
    std::optional<double> count;      // set when the figure is a count of children or events
    std::vector<std::string> inputs;  // keys of the figures it is computed from
    std::vector<double> counts_used;  // counts it is computed from that are not figures
                                      // themselves (a rate's numerator and denominator)
    std::string marker;               // suppressed before planpack saw it, printed as this
};
struct Statistics {
    std::unordered_map<std::string, Statistic> figures;
    std::vector<std::vector<std::string>> sums;  // each: a total's key, then its parts' keys
};

// A spreadsheet that travels with a document: data views of what the document shows
// (one row per action, per milestone), named sheets of tables and text.
struct Workbook {
    std::string name;   // file name without .xlsx, unique in the document
    std::string title;
    std::string subject;
    std::vector<std::pair<std::string, Blocks>> sheets;  // in order
    std::string label = {};  // what a page offering it calls it; empty: its title
};

// A correction to a published paper, stated in its source ([[correction]]): the paper
// prints it as an erratum, and the publication record lets the paper change for it
// (docs/publishing.md).
struct Correction {
    Date date;
    std::string reason;
    SourcePos pos;
    friend bool operator==(const Correction& a, const Correction& b) {
        return a.date == b.date && a.reason == b.reason;
    }
};

// A file that offers what a page shows in another form, to take away: an iCalendar file
// of its meetings or an Atom feed of its papers. HTML names feeds in each page's head and
// lists them all after the page's content (outside <main>, which the publication record
// compares, so offering one never changes a published paper).
struct Alternate {
    enum class Kind { calendar, feed };
    Kind kind = Kind::calendar;
    std::string path;  // its site path (model/paths.hpp)
    std::string text;  // the link's words: "Add this meeting to your calendar"
};

// What a document is: one of the two kinds planpack.toml states ([[document]] kind), or one
// of the committee papers transform::build_committee_papers makes.
enum class DocumentKind {
    annual_plan,
    board_pack,
    committee,  // a committee's own page
    meeting,    // a meeting's agenda pack
    minutes,
    member,     // a member's page
    members,    // the list of members
};
// Its name as planpack.toml and messages spell it: "annual_plan", "board_pack".
std::string_view to_string(DocumentKind k);

struct Document {
    std::string id;
    DocumentKind kind = DocumentKind::annual_plan;
    std::string path;  // its folder in the site; empty: the id
    std::string title;
    Date period_start, period_end, published;
    std::optional<Date> as_of;      // the date overdue and RAG are judged at, if not published
    std::vector<Section> sections;  // sections then appendices, in order
    Statistics statistics;          // for suppression only; empty once transforms have run
    std::vector<Workbook> workbooks;  // spreadsheets published with the document
    std::vector<Alternate> alternates;  // calendars and feeds offered on its pages
    // Set on restricted output only ("NOT FOR PUBLICATION"): its heading and title say so.
    std::string restricted_marker;
    // A draft: every page says so (an HTML banner, a PDF watermark), and it may not be
    // published. True when its [[document]] or any of its sections says draft = true.
    bool draft = false;
    // A draft with no published date yet: pages say "Draft" where the date would be, and
    // `published` holds the date figures are judged at instead (as_of, else period_start).
    bool undated = false;
    std::vector<Correction> corrections;  // oldest first
    // The meeting a paper is for: a board pack's, when it names one; a committee's agenda
    // pack and minutes always. Its date is the meeting's, never as_of (the date figures
    // are judged at, which may differ).
    std::optional<MeetingDetails> meeting;
    // Ids of sections whose files did not load (already reported): a cross-reference to
    // one is a consequence of that error, not another fault.
    std::set<std::string> unloaded_sections;
};

// "Appendix 3" or "Section 2" (or the label a pack gave it), as cross-references print it.
std::string label(const Section& s);
// The heading every format prints: "3. Local context", "Appendix 2: Budget", or just the
// title for an unnumbered section (a committee report).
std::string section_heading(const Section& s);
std::string folder(const Document& d);       // where its pages go: path, else id
std::string root_prefix(const Document& d);  // "../" per level of folder(d): back to the root
// An erratum as every format prints it: its heading ("Correction, 2 October 2023.") and its
// sentence ("This document was published on ... and corrected on ...: reason.").
std::string erratum_heading(const Correction& c);
std::string erratum_text(const Document& doc, const Correction& c);
// "For decision", "For discussion", "For information"; "" for none.
const char* purpose_text(Purpose p);

}  // namespace planpack::model
