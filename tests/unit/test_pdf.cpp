#include <doctest/doctest.h>

#include "model/chart_axis.hpp"

#include <hpdf.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "load/toml_reader.hpp"
#include "load/utf8.hpp"
#include "model_builders.hpp"
#include "render/pdf/chart.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/pdf.hpp"
#include "render/pdf/table.hpp"
#include "render/pdf/text.hpp"

namespace unit_pdf {

using namespace planpack;
using namespace planpack::render::pdf;
using namespace planpack::testing;

namespace {

const Resources& resources() {
    static const Resources r = [] {
        Diagnostics d;
        auto res = load_resources(std::string(PLANPACK_SOURCE_DIR) + "/templates", d);
        REQUIRE_MESSAGE(res, (d.all().empty() ? "" : format(d.all()[0])));
        return std::move(*res);
    }();
    return r;
}

const FontSet& fonts() { return resources().fonts; }

std::vector<Line> wrap(const std::string& text, float width, Face face = Face::regular,
                       std::vector<char32_t>* missing = nullptr) {
    RunStyle st;
    st.face = face;
    st.size = 10;
    return break_lines({{text, st, false}}, width, fonts(), [&](char32_t cp) {
        if (missing) missing->push_back(cp);
    });
}

std::string joined(const std::vector<Line>& lines, const char* sep = "\n") {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i) out += sep;
        for (const Frag& f : lines[i].frags) out += f.text;
    }
    return out;
}

// Text items of a page in drawing order, joined by spaces.
// A drawn run's text without the space the layout ends each line with (for extraction).
std::string_view run_text(const TextItem& t) {
    std::string_view s = t.text;
    if (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::string page_text(const LaidPage& p) {
    std::string out;
    for (const Item& i : p.items)
        if (const auto* t = std::get_if<TextItem>(&i.value)) out.append(run_text(*t)) += ' ';
    return out;
}

model::Document document(std::vector<model::Section> sections) {
    model::Document doc;
    doc.id = "d";
    doc.title = "A test plan";
    doc.published = {2023, 6, 26};
    for (size_t i = 0; i < sections.size(); ++i) sections[i].number = static_cast<int>(i) + 1;
    doc.sections = std::move(sections);
    return doc;
}

LaidOutDocument lay_out(const model::Document& doc, Diagnostics& d) {
    static const std::map<std::string, ImageInfo> no_images;
    return layout_document(doc, DocumentInfo{"A test plan", "Service", "Council", "2023", "2023", {}, {}},
                           resources().style, fonts(), no_images, d);
}

model::Table big_table(int rows) {
    model::Table t;
    t.caption = text("Caseload by month");
    t.aligns = {model::Align::left, model::Align::right, model::Align::left};
    t.head.push_back({{{text("Month")}, {text("Children")}, {text("Notes")}}});
    for (int i = 0; i < rows; ++i)
        t.body.push_back({{{text("Row " + std::to_string(i))}, {text(std::to_string(i * 7))},
                           {text(i % 10 == 3 ? std::string(60, 'w') + " a wrapped note that runs on "
                                                                    "and on over several lines of the cell"
                                             : "ok")}}});
    return t;
}

}  // namespace

TEST_SUITE("pdf") {
TEST_CASE("the house style loads and bad keys are reported at file:line:col") {
    CHECK(resources().style.page.width > 595 - 1);
    Diagnostics d;
    CHECK_FALSE(parse_style("[page]\nwidth_mm = 210\ncolour = 1\n", "style.toml", d));
    bool unknown = false, missing = false;
    for (const auto& x : d.all()) {
        unknown = unknown || format(x).rfind("style.toml:3:1: error: unknown key 'colour' in [page]", 0) == 0;
        missing = missing || x.message.find("missing the required key 'height_mm'") != std::string::npos;
    }
    CHECK(unknown);
    CHECK(missing);
    Diagnostics d2;
    parse_style("[header]\nleft = \"{titel}\"\n", "s.toml", d2);
    bool placeholder = false;
    for (const auto& x : d2.all())
        placeholder = placeholder || format(x).rfind("s.toml:2:8: error: unknown placeholder in \"{titel}\"", 0) == 0;
    CHECK(placeholder);
}

std::string without_hyphens(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

TEST_CASE("line breaking keeps UTF-8 words whole and every line within the width") {
    const std::string text = "Spend rose to £1,081,612 – café, naïve and Zoë’s ✓ items; "
                              "children’s services réported ✓ progress";
    for (float width : {40.0f, 73.5f, 120.0f, 300.0f}) {
        auto lines = wrap(text, width);
        REQUIRE(lines.size() >= 1);
        for (const Line& l : lines) {
            CHECK(l.width <= width + 0.02f);
            for (const Frag& f : l.frags) CHECK(load::valid_utf8(f.text));
        }
        // Only line ends replace spaces (and split words, adding a hyphen): the text
        // comes back in order.
        auto squash = [](std::string s) {
            s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
            return without_hyphens(s);
        };
        CHECK(squash(joined(lines, "")) == squash(text));
        if (width >= 120) CHECK(joined(lines, " ") == text);  // wide enough for every word
    }
    CHECK(wrap(text, 10000).size() == 1);
}

TEST_CASE("a word longer than the line is split between characters with a hyphen, never inside one") {
    const std::string word = "Überlänge-£££££-ééééééééééééééééééé✓✓✓✓✓✓✓✓✓";
    auto lines = wrap(word, 30);
    CHECK(lines.size() > 3);
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        CHECK_FALSE(l.frags.empty());
        CHECK(l.width <= 30.02f);
        for (const Frag& f : l.frags) CHECK(load::valid_utf8(f.text));
        // Every piece but the last tells the reader the word goes on.
        if (i + 1 < lines.size()) CHECK(l.frags.back().text.back() == '-');
    }
    CHECK(without_hyphens(joined(lines, "")) == without_hyphens(word));
    // Narrower than any character: one character a line, and no endless loop.
    auto one = wrap("abc", 0.5f);
    CHECK(one.size() == 3);
    CHECK(joined(one, "|") == "a-|b-|c");
    // A word that fits its line is never broken, however narrow the line around it.
    CHECK(joined(wrap("Burglary offences", 45), "|") == "Burglary|offences");
}

TEST_CASE("a zero-width first word and a first word that does not fit") {
    // A combining accent alone measures 0: it goes on the first line and breaking goes on.
    auto lines = wrap("\u0301 first words follow", 40);
    REQUIRE(lines.size() >= 2);
    CHECK(joined(lines, " ") == "\u0301 first words follow");
    // Where libharu's MeasureText answers 0, the first word is split and the rest follow.
    auto long_first = wrap("Incomprehensibilities are here", 35);
    CHECK(long_first.size() >= 3);
    CHECK(without_hyphens(joined(long_first, "")).find("Incomprehensibilities") == 0);
    // Zero-width spaces break without printing; empty input gives no lines.
    CHECK(joined(wrap("a\u200Bb", 5), "|") == "a|b");
    CHECK(wrap("", 100).empty());
    CHECK(wrap("   ", 100).empty());
}

TEST_CASE("breaks after hyphens and slashes between letters only") {
    CHECK(joined(wrap("co-operate and/or", 40), "|") == "co-|operate|and/or");
    CHECK(joined(wrap("2022/23 2022/23", 60), "|") == "2022/23|2022/23");
}

TEST_CASE("hard breaks and collapsed spaces") {
    RunStyle st;
    auto lines = break_lines({{"one   two", st, false}, {"", st, true}, {"three", st, false}}, 500, fonts(), {});
    CHECK(joined(lines) == "one two\nthree");
}

TEST_CASE("a character no font has is reported and printed as U+FFFD") {
    std::vector<char32_t> missing;
    auto lines = wrap("Plan 中 done", 500, Face::regular, &missing);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == 0x4E2D);
    CHECK(joined(lines) == "Plan \uFFFD done");
    // A character the face lacks but another face has is drawn in that face.
    missing.clear();
    auto mono = wrap("\u2713", 500, Face::mono, &missing);
    CHECK(missing.empty());
}

TEST_CASE("measured widths are the widths libharu writes") {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    REQUIRE(pdf);
    HPDF_UseUTFEncodings(pdf);
    const std::string path = fonts().file(Face::regular).string();
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    REQUIRE(font);
    for (std::string s : {"Hello world", "£1,081,612 – café’s ✓", "WAVY ffi"}) {
        HPDF_TextWidth tw = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                                static_cast<HPDF_UINT>(s.size()));
        CHECK(measure(s, Face::regular, 1000, fonts()) == doctest::Approx(static_cast<float>(tw.width)));
    }
    HPDF_Free(pdf);
}

TEST_CASE("column widths: minimums first, the rest shared by need, always the full width") {
    auto sum = [](const std::vector<float>& v) {
        float s = 0;
        for (float x : v) s += x;
        return s;
    };
    // Everything fits: each column at least its one-line width.
    auto fit = allocate_columns({{20, 50}, {10, 30}}, 200);
    CHECK(sum(fit) == doctest::Approx(200));
    CHECK(fit[0] >= 50);
    CHECK(fit[1] >= 30);
    // Squeezed: minimums kept, the rest by how much more each wants.
    auto squeezed = allocate_columns({{20, 220, 0}, {30, 40, 0}, {10, 110, 0}}, 160);
    CHECK(sum(squeezed) == doctest::Approx(160));
    CHECK(squeezed[0] >= 20);
    CHECK(squeezed[1] >= 30);
    CHECK(squeezed[2] >= 10);
    CHECK(squeezed[0] - 20 == doctest::Approx((squeezed[2] - 10) * 2).epsilon(0.01));
    // Not even the minimums fit: scaled down, words will break.
    auto tight = allocate_columns({{60, 80}, {60, 90}}, 100);
    CHECK(sum(tight) == doctest::Approx(100));
    CHECK(tight[0] == doctest::Approx(50));
    // ... but a short column keeps its minimum; the over-wide one gives way.
    auto hog = allocate_columns({{30, 30}, {25, 25}, {480, 900}}, 300);
    CHECK(sum(hog) == doctest::Approx(300));
    CHECK(hog[0] == doctest::Approx(30));
    CHECK(hog[1] == doctest::Approx(25));
    CHECK(allocate_columns({}, 100).empty());
    // The column with the most to say gets the room, none more than its one-line width:
    // Milestones (many lines of text) over Action (one sentence a row).
    auto plan = allocate_columns({{60, 300, 900}, {60, 280, 4000}, {40, 45, 2000}}, 400);
    CHECK(sum(plan) == doctest::Approx(400));
    CHECK(plan[1] > plan[0] * 2);
    CHECK(plan[2] == doctest::Approx(45));
}

TEST_CASE("a 500-row table: header on every page, rows moved whole, long rows split") {
    Diagnostics d;
    auto s = section("t", model::SectionKind::section, 1, {para("Before the table."), {big_table(500)}});
    model::Table tall = big_table(0);
    std::string huge;
    for (int i = 0; i < 1500; ++i) huge += "word" + std::to_string(i) + " ";
    tall.body.push_back({{{text("Tall")}, {text("1")}, {text(huge)}}});
    tall.body.push_back({{{text("After tall")}, {text("2")}, {text("ok")}}});
    s.blocks.push_back({tall});
    auto laid = lay_out(document({s}), d);
    const auto& pages = laid.pages;
    REQUIRE(laid.body_pages > 10);
    std::map<std::string, std::set<size_t>> row_pages;  // "Row N" -> pages its cells are on
    size_t pages_with_rows = 0;
    for (size_t p = 1 + laid.contents_pages; p < pages.size(); ++p) {
        bool rows = false;
        float header_y = -1, first_row_y = 1e9f;
        for (const Item& i : pages[p].items) {
            const auto* t = std::get_if<TextItem>(&i.value);
            if (!t) continue;
            if (run_text(*t) == "Month" && header_y < 0) header_y = t->baseline;
            if (t->text.rfind("Row ", 0) == 0) {
                rows = true;
                row_pages[t->text].insert(p);
                first_row_y = std::min(first_row_y, t->baseline);
            }
        }
        if (!rows) continue;
        ++pages_with_rows;
        CHECK_MESSAGE(header_y >= 0, "page " << p << " has rows but no header");
        CHECK(header_y < first_row_y);
    }
    CHECK(pages_with_rows >= 10);
    CHECK(row_pages.size() == 500);
    for (const auto& [row, on] : row_pages) CHECK_MESSAGE(on.size() == 1, row << " is split");
    // Every row's cells sit on the same page as its first cell.
    for (size_t p = 1 + laid.contents_pages; p < pages.size(); ++p) {
        std::set<std::string> labels;
        for (const Item& i : pages[p].items)
            if (const auto* t = std::get_if<TextItem>(&i.value); t && t->text.rfind("Row ", 0) == 0) labels.insert(t->text);
        for (const auto& l : labels) {
            const int n = std::stoi(l.substr(4));
            CHECK(page_text(pages[p]).find(" " + std::to_string(n * 7) + " ") != std::string::npos);
        }
    }
    // The row taller than a page spans pages, all of its words printed once, in order.
    std::string all;
    for (const auto& p : pages) all += page_text(p);
    size_t at = 0;
    for (int i = 0; i < 1500; i += 97) {
        const size_t found = all.find("word" + std::to_string(i) + " ", at);
        REQUIRE(found != std::string::npos);
        at = found;
    }
    CHECK(all.find("After tall") != std::string::npos);
}

TEST_CASE("nothing is drawn outside the text block, and furniture stays on the page") {
    Diagnostics d;
    model::List inner{false, 1, true, {}};
    inner.items.push_back({std::nullopt, {para("A nested item with enough words to wrap onto a second line of text")}});
    model::List outer{true, 3, true, {}};
    outer.items.push_back({std::nullopt, {para("First"), {inner}}});
    outer.items.push_back({true, {para("A done task")}});
    model::Chart chart;
    chart.kind = model::ChartKind::bar;
    chart.title = "First-time entrants per 100,000";
    chart.y_label = "Rate";
    chart.unit = "%";
    chart.categories = {"2019", "2020", "2021 (provisional figures)", "2022"};
    chart.series = {{"Blackpool", {12.5, 9.1, std::nullopt, 14.2}, {}, {}},
                    {"England", {5, 4.2, 3.9, 4.1}, {}, {}},
                    {"North West", {6, 5.5, 5.1, 5.2}, {}, {}}};
    chart.summary = "Blackpool's rate is about twice England's.";
    model::Chart line = chart;
    line.kind = model::ChartKind::line;
    model::Blocks blocks = {heading(2, "Overview"), para(std::string(3000, 'x')),
                            {inner}, {outer}, {model::BlockQuote{{para("Quoted words, many of them, for a while.")}}},
                            {model::CodeBlock{"", "int main() { return 0; } // " + std::string(300, '-') + "\n\tindented\n", {}}},
                            {model::ThematicBreak{}}, {chart}, {line}, {big_table(60)}};
    for (int i = 0; i < 40; ++i) blocks.push_back(para("Paragraph " + std::to_string(i) + " with some words."));
    auto s1 = section("a", model::SectionKind::section, 1, blocks);
    auto s2 = section("b", model::SectionKind::appendix, 1, blocks);
    s2.landscape = true;
    s1.footnotes.push_back({1, "1", {para("A note.")}});
    auto laid = lay_out(document({s1, s2}), d);
    bool landscape = false;
    for (const LaidPage& p : laid.pages) {
        const Rect c = p.geometry.content;
        landscape = landscape || p.geometry.width > p.geometry.height;
        for (const Item& i : p.items) {
            const Rect b = bounds(i);
            CHECK(b.x >= c.x - 0.5f);
            CHECK(b.right() <= c.right() + 0.5f);
            CHECK(b.y >= c.y - 0.5f);
            CHECK(b.bottom() <= c.bottom() + 0.5f);
        }
        for (const Item& i : p.furniture) {
            const Rect b = bounds(i);
            CHECK((b.x >= 0 && b.right() <= p.geometry.width && b.y >= 0 && b.bottom() <= p.geometry.height));
        }
    }
    CHECK(landscape);
}

TEST_CASE("headings keep with what follows and paragraphs leave no widows or orphans") {
    Diagnostics d;
    model::Blocks blocks;
    for (int i = 0; i < 120; ++i) {
        if (i % 7 == 0) blocks.push_back(heading(2, "Heading " + std::to_string(i)));
        blocks.push_back(para("Paragraph " + std::to_string(i) + " " + std::string(static_cast<size_t>(i % 5) * 90, 'y') +
                              " words words words words words words words words words words words words"));
    }
    auto laid = lay_out(document({section("a", model::SectionKind::section, 1, blocks)}), d);
    for (size_t p = 1 + laid.contents_pages; p < laid.pages.size(); ++p) {
        // The last text on a page is never a heading.
        const TextItem* last = nullptr;
        for (const Item& i : laid.pages[p].items)
            if (const auto* t = std::get_if<TextItem>(&i.value)) last = t;
        REQUIRE(last);
        CHECK(last->text.rfind("Heading", 0) != 0);
    }
    // Strip flags: a five-line paragraph may break after its second and third lines only.
    std::vector<OutlineEntry> outline;
    StructTree tree;
    auto s = section("a", model::SectionKind::section, 1);
    const std::map<std::string, ImageInfo> no_images;
    LayoutEnv env{resources().style, fonts(), no_images, d, tree, outline, &s, 0, 100, 600};
    FlowBuilder b(env);
    RunStyle st;
    b.text_strips({{std::string(50, 'w') + " " + std::string(50, 'w') + " " + std::string(50, 'w') + " " +
                        std::string(50, 'w') + " " + std::string(50, 'w'),
                    st, false}},
                  Frame{0, 100, 0, {}, nullptr, {}, false, false, 0}, resources().style.body, 0, 0);
    auto strips = b.take();
    REQUIRE(strips.size() >= 5);
    CHECK(strips[0].keep_with_next);
    CHECK_FALSE(strips[1].keep_with_next);
    CHECK(strips[strips.size() - 2].keep_with_next);
    CHECK_FALSE(strips.back().keep_with_next);
}

TEST_CASE("contents entries carry the pages their sections start on") {
    Diagnostics d;
    model::Blocks filler;
    for (int i = 0; i < 60; ++i) filler.push_back(para("Filler paragraph " + std::to_string(i) + " " + std::string(200, 'z')));
    auto laid = lay_out(document({section("one", model::SectionKind::section, 1, filler),
                                  section("two", model::SectionKind::section, 2, {para("Short.")})}),
                        d);
    const auto two = laid.anchors.at("two");
    const std::string contents = page_text(laid.pages[1]);
    const std::string expected = std::to_string(two.page - laid.contents_pages) + " ";
    const size_t at = contents.find("2. Title of two");
    REQUIRE(at != std::string::npos);
    CHECK(contents.substr(at + std::string("2. Title of two ").size(), expected.size()) == expected);
    CHECK(laid.outline.size() == 3);  // Contents and the two sections
}

TEST_CASE("nice axis ticks") {
    auto t = model::nice_ticks(0, 14.2).values;
    CHECK(t.front() == 0);
    CHECK(t.back() >= 14.2);
    CHECK(t.size() >= 4);
    CHECK(t.size() <= 9);
    auto n = model::nice_ticks(-3, 7).values;
    CHECK(n.front() <= -3);
    CHECK(n.back() >= 7);
}

TEST_CASE("the writer: same document, same bytes, dated by SOURCE_DATE_EPOCH or publication") {
    Diagnostics d;
    load::Config cfg;
    cfg.service_name = "Test Youth Justice Service";
    cfg.local_authority = "Test Council";
    auto doc = document({section("a", model::SectionKind::section, 1, {para("Spend: £5 – café’s ✓."), {big_table(30)}})});
    Options with_epoch;
    with_epoch.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
    auto a = render_document(cfg, doc, resources(), {}, with_epoch, d);
    auto b = render_document(cfg, doc, resources(), {}, with_epoch, d);
    auto c = render_document(cfg, doc, resources(), {}, Options{}, d);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(d.all().empty());
    CHECK(a->bytes == b->bytes);
    CHECK(a->bytes.rfind("%PDF-1.7", 0) == 0);
    CHECK(a->bytes.find("D:20231114221320Z") != std::string::npos);
    CHECK(c->bytes.find("D:20230626000000Z") != std::string::npos);
    CHECK(a->bytes.find("/ID [") != std::string::npos);
    CHECK(a->pages >= 2);  // the cover and the section: a contents of one entry is left out
}
}

}  // namespace unit_pdf
