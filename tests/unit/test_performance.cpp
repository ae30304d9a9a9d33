#include <doctest/doctest.h>

#include "model/chart_axis.hpp"

#include "indicator_fixture.hpp"
#include "load/config.hpp"
#include "model/inline_text.hpp"
#include "model_builders.hpp"
#include "render/html/blocks.hpp"
#include "render/html/chart_svg.hpp"
#include "render/xlsx/workbook.hpp"
#include "transform/transforms.hpp"

namespace unit_performance {

using namespace planpack;
using namespace planpack::model;
using namespace planpack::testing;

namespace {

Block directive(std::string kind, std::string body, int line = 10) {
    return Block{Directive{std::move(kind), std::move(body), {"c.md", line, 1}, line + 1}};
}

// The fixture's indicators and values, read once.
const load::DataSet& indicators() {
    static load::DataSet data;
    static bool loaded = false;
    if (!loaded) {
        Diagnostics ignore;
        data = indicator_data(good_values, ignore);
        loaded = true;
    }
    return data;
}

// A document of the given directives run through every transform, as the build does.
Document run(std::vector<Block> blocks, Diagnostics& d, const load::Suppression& rules = {}) {
    Document doc;
    doc.sections.push_back(section("a", SectionKind::section, 1, std::move(blocks)));
    transform::Context context;
    context.suppression = rules;
    transform::run_all(doc, indicators(), context, d);
    return doc;
}

// The text of each block of a sheet: a table's or a chart's caption, else its words.
std::vector<std::string> block_text(const Blocks& blocks) {
    std::vector<std::string> out;
    for (const Block& b : blocks) {
        if (const auto* t = model::get_alternative<model::Table>(&b.value)) out.push_back("table: " + plain_text(t->caption));
        else if (const auto* c = model::get_alternative<model::Chart>(&b.value)) out.push_back("chart: " + c->title);
        else if (const auto* h = std::get_if<Heading>(&b.value)) out.push_back("# " + plain_text(h->content));
        else if (const auto* p = std::get_if<Paragraph>(&b.value)) out.push_back(plain_text(p->content));
    }
    return out;
}

std::vector<std::string> row_text(const TableRow& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(plain_text(c.content));
    return out;
}

std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& m : messages(d)) out += m + "\n";
    return out;
}

TableCell fig(std::string key) {
    TableCell c{text("raw")};
    c.value.value = 123456.0;
    c.figure = std::move(key);
    return c;
}

Statistic count(double v) {
    Statistic s;
    s.count = v;
    return s;
}

}  // namespace

TEST_SUITE("performance") {
TEST_CASE("indicator-table: periods across, change in per cent for counts") {
    Diagnostics d;
    Document doc = run({directive("indicator-table", "caption = \"FTE\"\nindicators = [\"fte\"]\n")}, d);
    CHECK(all(d) == "");
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    CHECK(row_text(t.head[0]) == std::vector<std::string>{"Area", "2021", "2022", "Change, 2021 to 2022"});
    CHECK(row_text(t.body[0]) == std::vector<std::string>{"Northtown", "26", "46", "+77%"});
    CHECK(row_text(t.body[1]) == std::vector<std::string>{"England", "", "8,300", ""});
    CHECK(std::get<double>(t.body[0].cells[2].value.value) == 46);
    CHECK(t.body[0].cells[2].value.number_format == "#,##0");
    CHECK(t.group == "First-time entrants");
    REQUIRE(t.notes.size() == 1);
    CHECK(plain_text(t.notes[0]) == "Source: YDS.");
    CHECK(doc.statistics.figures.empty());  // suppression consumed them
}

TEST_CASE("indicator-table: change in percentage points for percentages, from unrounded values") {
    Diagnostics d;
    Document doc = run({directive("indicator-table",
                                  "caption = \"R\"\nindicators = [\"cohort\", \"reoffenders\", \"rate\"]\n")},
                       d);
    CHECK(all(d) == "");
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    CHECK(row_text(t.head[0]) == std::vector<std::string>{"Measure", "2019/20", "2020/21", "Change, 2019/20 to 2020/21"});
    CHECK(row_text(t.body[0]) == std::vector<std::string>{"Children in the cohort", "74", "89", "+20%"});
    // 27/89 - 23/74 = -0.74 points (the rounded figures would say -0.8).
    CHECK(row_text(t.body[2]) == std::vector<std::string>{"Reoffending rate", "31.1%", "30.3%", "\u22120.7 pp"});
    CHECK(plain_text(t.notes.back()) == "pp: percentage points, the difference between two percentages.");
}

TEST_CASE("indicator-table: areas across for one period, and a total row") {
    Diagnostics d;
    Document doc = run({directive("indicator-table", "caption = \"A\"\nindicators = [\"fte\"]\nlayout = \"areas\"\n"
                                                     "periods = [\"2022\"]\n"),
                        directive("indicator-table", "caption = \"T\"\nindicators = [\"reoffenders\"]\n"
                                                     "total = \"cohort\"\nchange = false\n", 20)},
                       d);
    CHECK(all(d) == "");
    const auto& a = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    CHECK(row_text(a.head[0]) == std::vector<std::string>{"Indicator, 2022", "Northtown", "England"});
    CHECK(row_text(a.body[0]) == std::vector<std::string>{"First-time entrants", "46", "8,300"});
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(1).value);
    REQUIRE(t.foot.size() == 1);
    CHECK(row_text(t.foot[0]) == std::vector<std::string>{"Children in the cohort", "74", "89"});
}

TEST_CASE("indicator directives report bad names at the name, in the .md file") {
    Diagnostics d;
    run({directive("indicator-table", "caption = \"X\"\nindicators = [\"fte\", \"ftee\"]\n"),
         directive("indicator-table", "caption = \"X\"\nindicators = [\"fte\"]\nperiods = [\"2023\"]\n", 20),
         directive("chart", "title = \"X\"\nindicators = [\"fte\", \"rate\"]\n", 30),
         directive("chart", "title = \"X\"\nkind = \"pie\"\nindicators = [\"fte\"]\n", 40),
         directive("indicator-table", "caption = \"X\"\nindicators = [\"fte\"]\nareas = [\"Southtown\"]\n", 50)},
        d);
    CHECK(all(d) ==
          "c.md:12:22: error: unknown indicator 'ftee' (see data/indicators.toml)\n"
          "c.md:23:12: error: no figures for period '2023' (there are: 2021, 2022)\n"
          "c.md:32:14: error: fte is given by calendar_year but rate by cohort_year; one table or "
          "chart shows one kind of period\n"
          "c.md:42:8: error: kind must be \"line\" or \"bar\", not \"pie\"\n"
          "c.md:53:10: error: unknown area 'Southtown' (see data/indicators.toml)\n");
}

TEST_CASE("chart: series, data table, summary with change and comparator") {
    Diagnostics d;
    Document doc = run({directive("chart", "title = \"First-time entrants\"\nindicators = [\"fte\"]\n")}, d);
    CHECK(all(d) == "");
    const auto& c = *model::get_alternative<model::Chart>(&doc.sections[0].blocks.at(0).value);
    CHECK(c.categories == std::vector<std::string>{"2021", "2022"});
    REQUIRE(c.series.size() == 2);
    CHECK(c.series[0].name == "Northtown");
    CHECK(c.series[0].values == std::vector<std::optional<double>>{26.0, 46.0});
    CHECK(c.series[1].values == std::vector<std::optional<double>>{std::nullopt, 8300.0});
    CHECK(c.comparator == std::optional<size_t>{1});
    CHECK(c.y_label == "children");
    CHECK(c.x_label == "Calendar year");
    CHECK(row_text(c.data.head[0]) == std::vector<std::string>{"Area", "2021", "2022"});
    CHECK(row_text(c.data.body[1]) == std::vector<std::string>{"England", "", "8,300"});
    CHECK(c.summary == "In 2022, the figure for Northtown was 46, up 77% from 26 in 2021, compared with "
                       "8,300 for England.");
    Diagnostics d2;
    Document pct = run({directive("chart", "title = \"R\"\nindicators = [\"rate\"]\n")}, d2);
    CHECK(model::get_alternative<model::Chart>(&pct.sections[0].blocks.at(0).value)->summary ==
          "In 2020/21, the figure for Northtown was 30.3%, down 0.7 percentage points from 31.1% in 2019/20.");
}

TEST_CASE("suppression: primary, derived and secondary, in tables and charts") {
    Document doc;
    Statistics& s = doc.statistics;
    s.figures["a"] = count(3);
    s.figures["b"] = count(50);
    s.figures["c"] = count(60);
    s.figures["t"] = count(113);
    s.figures["share-a"].inputs = {"a", "t"};
    s.figures["share-c"].inputs = {"c", "t"};
    s.sums.push_back({"t", "a", "b", "c"});
    Table t;
    t.caption = text("T");
    t.body.push_back({{fig("a"), fig("b"), fig("c"), fig("t"), fig("share-a"), fig("share-c")}});
    Chart ch;
    ch.series.push_back({"S", {1.0, 2.0}, {"a", "c"}, {"", ""}});
    doc.sections.push_back(section("x", SectionKind::section, 1, {Block{t}, Block{ch}}));
    transform::suppress_small_numbers(doc, {});
    const auto& out = model::alternative<model::Table>(doc.sections[0].blocks[0].value);
    CHECK(row_text(out.body[0]) == std::vector<std::string>{"<5", "[c]", "raw", "raw", "[c]", "raw"});
    CHECK(std::get<std::string>(out.body[0].cells[0].value.value) == "<5");
    CHECK(out.body[0].cells[0].style == "suppressed");
    REQUIRE(out.notes.size() == 2);
    CHECK(plain_text(out.notes[0]) == "<5: fewer than 5. Small numbers are not published, so that no child can be identified.");
    CHECK(plain_text(out.notes[1]) == "[c]: not published, because it would reveal a number below 5.");
    const auto& chart = *model::get_alternative<model::Chart>(&doc.sections[0].blocks[1].value);
    CHECK(chart.series[0].values == std::vector<std::optional<double>>{std::nullopt, 2.0});
    CHECK(chart.series[0].markers[0] == "<5");
    CHECK(doc.statistics.figures.empty());
}

TEST_CASE("secondary suppression carries across breakdowns that share a figure") {
    Document doc;
    Statistics& s = doc.statistics;
    for (auto [k, v] : {std::pair{"t1", 40.0}, {"a", 2}, {"b", 38}, {"t2", 100}, {"d", 30}, {"e", 32}})
        s.figures[k] = count(v);
    s.sums.push_back({"t1", "a", "b"});       // a withheld: b is the only other part
    s.sums.push_back({"t2", "b", "d", "e"});  // now b alone is withheld here: d goes too
    Table t;
    t.body.push_back({{fig("t1"), fig("a"), fig("b"), fig("t2"), fig("d"), fig("e")}});
    doc.sections.push_back(section("x", SectionKind::section, 1, {Block{t}}));
    transform::suppress_small_numbers(doc, {});
    CHECK(row_text(model::alternative<model::Table>(doc.sections[0].blocks[0].value).body[0]) ==
          std::vector<std::string>{"raw", "<5", "[c]", "raw", "[c]", "raw"});
}

TEST_CASE("suppression: a threshold and markers from planpack.toml, zero, and source markers") {
    Document doc;
    doc.statistics.figures["z"] = count(0);
    doc.statistics.figures["nine"] = count(9);
    doc.statistics.figures["ten"] = count(10);
    doc.statistics.figures["src"].marker = "<10";
    Table t;
    t.body.push_back({{fig("z"), fig("nine"), fig("ten"), fig("src")}});
    doc.sections.push_back(section("x", SectionKind::section, 1, {Block{t}}));
    load::Suppression rules;
    rules.threshold = 10;
    rules.marker = "fewer than 10";
    transform::suppress_small_numbers(doc, rules);
    const auto& out = model::alternative<model::Table>(doc.sections[0].blocks[0].value);
    CHECK(row_text(out.body[0]) == std::vector<std::string>{"fewer than 10", "fewer than 10", "raw", "<10"});
    CHECK(plain_text(out.notes.back()) == "<10: fewer than 10, withheld by the source.");
}

TEST_CASE("a summary never reads a withheld figure") {
    Chart c;
    c.title = "T";
    c.number_format = "#,##0";
    c.categories = {"2020", "2021", "2022"};
    c.series.push_back({"Northtown", {26.0, 30.0, std::nullopt}, {}, {"", "", "<5"}});
    Document doc;
    doc.sections.push_back(section("x", SectionKind::section, 1, {Block{c}}));
    transform::summarise_charts(doc);
    CHECK(model::get_alternative<model::Chart>(&doc.sections[0].blocks[0].value)->summary ==
          "In 2022, the figure for Northtown is not published (<5), so that no child can be identified; "
          "the latest published figure is 30, for 2021.");
}

TEST_CASE("nice ticks") {
    auto t = model::nice_ticks(0, 46);
    CHECK(t.values == std::vector<double>{0, 10, 20, 30, 40, 50});
    t = model::nice_ticks(0, 480);
    CHECK(t.values == std::vector<double>{0, 100, 200, 300, 400, 500});
    t = model::nice_ticks(0, 0.518);
    CHECK(t.step == doctest::Approx(0.2));
    CHECK(t.hi == doctest::Approx(0.6));
    t = model::nice_ticks(-3, 7);
    CHECK(t.lo == -4);
    CHECK(t.hi == 8);
}

TEST_CASE("an SVG chart is labelled for assistive technology and has its figures beside it") {
    Diagnostics d;
    Document doc = run({directive("chart", "title = \"FTE & more\"\nkind = \"bar\"\nindicators = [\"fte\"]\n")}, d);
    const std::string html = render::html::render_blocks(doc.sections[0].blocks, "plan/page.html");
    auto has = [&](std::string_view s) { return html.find(s) != std::string::npos; };
    CHECK(has("role=\"img\" aria-labelledby=\"chart-1-title\" aria-describedby=\"chart-1-desc\""));
    // Drawn twice, for a phone and for a wide column, each named on its own (the stylesheet
    // hides one, and hidden means hidden from screen readers too).
    CHECK(has("<div class=\"chart-drawing\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-narrow\""));
    CHECK(has("role=\"img\" aria-labelledby=\"chart-1-narrow-title\" aria-describedby=\"chart-1-narrow-desc\""));
    CHECK(has("<title id=\"chart-1-narrow-title\">FTE &amp; more</title>"));
    CHECK_FALSE(has("chart-scroll"));  // nothing to scroll: a tab stop that does nothing
    CHECK(has("<title id=\"chart-1-title\">FTE &amp; more</title>"));
    CHECK(has("<desc id=\"chart-1-desc\">In 2022, the figure for Northtown was 46"));
    CHECK(has("<figcaption class=\"chart-summary\">In 2022"));
    CHECK(has("<details class=\"chart-data\">"));
    CHECK(has("<caption id=\"chart-1-data\">Figures for the chart: FTE &amp; more</caption>"));
    CHECK(has("<pattern id=\"chart-1-fill-1\""));  // the second series is hatched
    CHECK_FALSE(has("<script"));
}

// Every number after `name="` in svg, e.g. every font-size.
std::vector<double> attribute_values(const std::string& svg, const std::string& name) {
    std::vector<double> out;
    const std::string key = " " + name + "=\"";
    for (size_t at = svg.find(key); at != std::string::npos; at = svg.find(key, at + 1))
        out.push_back(std::stod(svg.substr(at + key.size())));
    return out;
}

Chart offence_chart(ChartKind kind, bool time_series) {
    Chart c;
    c.kind = kind;
    c.time_series = time_series;
    c.title = "Share of proven offences by type, Blackpool and England and Wales, 2021/22";
    c.x_label = "Type of offence";
    c.y_label = "Share of proven offences, per cent of all offences";
    c.number_format = "0%";
    c.categories = {"Breach of a statutory order", "Criminal damage", "Violence against the person",
                    "Robbery", "Motoring offences", "2022/23"};
    c.series = {{"Blackpool Youth Justice Service", {0.05, 0.12, 0.31, 0.02, 0.08, 0.1}, {}, {}},
                {"England and Wales, all youth offending teams", {0.06, 0.1, 0.28, std::nullopt, 0.07, 0.09}, {}, {"", "", "", "<5"}}};
    c.summary = "A summary.";
    return c;
}

TEST_CASE("both drawings of a chart keep every text at 12 px or more and inside the drawing") {
    using render::html::ChartWidth;
    for (ChartKind kind : {ChartKind::bar, ChartKind::line})
        for (bool time_series : {true, false})
            for (ChartWidth w : {ChartWidth::narrow, ChartWidth::wide}) {
                const std::string svg = render::html::render_chart_svg(offence_chart(kind, time_series), "c", w);
                const double width = render::html::chart_width(w);
                CAPTURE(svg);
                for (double size : attribute_values(svg, "font-size")) CHECK(size >= 12);
                for (double x : attribute_values(svg, "x")) {
                    CHECK(x >= 0);
                    CHECK(x <= width);
                }
            }
}

TEST_CASE("on a phone, bars lie on their side and the latest period is labelled") {
    using render::html::ChartWidth;
    Chart c = offence_chart(ChartKind::bar, true);
    c.categories = {"2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022"};
    c.series.resize(1);
    c.series[0].values.assign(9, 1.0);
    c.x_label.clear();
    const std::string narrow = render::html::render_chart_svg(c, "c", ChartWidth::narrow);
    const std::string wide = render::html::render_chart_svg(c, "c", ChartWidth::wide);
    CHECK(narrow.find("height=\"12\" fill") != std::string::npos);  // a bar 12 units thick
    CHECK(wide.find("height=\"12\" fill") == std::string::npos);    // columns on a desk
    c.kind = ChartKind::line;
    const std::string line = render::html::render_chart_svg(c, "c", ChartWidth::narrow);
    CHECK(line.find(">2022</text>") != std::string::npos);
    CHECK(line.find(">2021</text>") == std::string::npos);  // every other period, from the latest
}

TEST_CASE("an xlsx workbook is a zip, and the same spec gives the same bytes") {
    Diagnostics d;
    Document doc = run({directive("chart", "title = \"F\"\nindicators = [\"fte\"]\n"),
                        directive("indicator-table", "caption = \"R\"\nindicators = [\"rate\"]\n", 20)},
                       d);
    render::xlsx::WorkbookSpec spec;
    spec.file = "plan/performance.xlsx";
    spec.title = "T";
    spec.created = {2023, 6, 26};
    spec.sheets.push_back({"First-time entrants", {model::get_alternative<model::Chart>(&doc.sections[0].blocks[0].value)}});
    spec.sheets.push_back({"Reoffending", {render::xlsx::Text{"About", true},
                                           &model::alternative<model::Table>(doc.sections[0].blocks[1].value)}});
    auto a = render::xlsx::write_workbook(spec, d);
    auto b = render::xlsx::write_workbook(spec, d);
    CHECK(all(d) == "");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->substr(0, 2) == "PK");
    CHECK(*a == *b);
}

TEST_CASE("the performance workbook is a model workbook: About, then a sheet per group in document order") {
    Document doc;
    doc.title = "Youth justice plan";
    doc.published = {2023, 6, 26};
    doc.sections.push_back(section(
        "a", SectionKind::section, 1,
        {directive("chart", "title = \"Entrants\"\nindicators = [\"fte\"]\n"),
         para("Between the figures."),
         directive("indicator-table", "caption = \"Rate\"\nindicators = [\"rate\"]\n", 20),
         directive("indicator-table", "caption = \"Entrants by year\"\nindicators = [\"fte\"]\n", 30)}));
    transform::Context context;
    context.suppression.threshold = 10;
    context.suppression.marker = "<10";
    context.service_name = "Northtown Youth Justice Service";
    context.local_authority = "Northtown Council";
    Diagnostics d;
    transform::run_all(doc, indicators(), context, d);
    CHECK(all(d) == "");
    REQUIRE(doc.workbooks.size() == 1);
    const Workbook& w = doc.workbooks[0];
    CHECK(w.name == "performance");
    CHECK(w.title == "Youth justice plan: performance figures");
    CHECK(w.label == "performance figures");
    REQUIRE(w.sheets.size() == 3);
    CHECK(w.sheets[0].first == "About");
    CHECK(block_text(w.sheets[0].second) ==
          std::vector<std::string>{"# Youth justice plan: performance figures",
                                   "Northtown Youth Justice Service, Northtown Council",
                                   "Published 26 June 2023",
                                   "The figures in the tables and charts of the plan, one sheet for each group of "
                                   "indicators. Each table gives its source.",
                                   "Counts below 10 are shown as <10, and figures that would reveal one as [c], so "
                                   "that no child can be identified.",
                                   "# Sheets", "First-time entrants", "Reoffending"});
    CHECK(w.sheets[1].first == "First-time entrants");
    CHECK(block_text(w.sheets[1].second) == std::vector<std::string>{"chart: Entrants", "table: Entrants by year"});
    CHECK(w.sheets[2].first == "Reoffending");
    CHECK(block_text(w.sheets[2].second) == std::vector<std::string>{"table: Rate"});
    // Copies of the figures as the document shows them, withheld where it withholds them.
    const auto& shown = model::alternative<model::Table>(doc.sections[0].blocks.at(3).value);
    const auto& copy = model::alternative<model::Table>(w.sheets[1].second.at(1).value);
    REQUIRE(copy.body.size() == shown.body.size());
    for (size_t r = 0; r < shown.body.size(); ++r) CHECK(row_text(copy.body[r]) == row_text(shown.body[r]));
    CHECK(copy.notes.size() == shown.notes.size());

    // No grouped figures, no workbook: prose, and a table of the author's own.
    Table own;
    own.caption = text("Staff");
    Document plain;
    plain.sections.push_back(section("a", SectionKind::section, 1, {para("Words."), Block{own}}));
    Diagnostics d2;
    transform::run_all(plain, indicators(), context, d2);
    CHECK(plain.workbooks.empty());
}

TEST_CASE("sheet names are valid and unique") {
    using render::xlsx::sheet_name;
    CHECK(sheet_name("Offences: by type [2022/23]", {}) == "Offences by type 2022-23");
    CHECK(sheet_name("A very long name for a group of indicators", {}) == "A very long name for a group of");
    CHECK(sheet_name("Reoffending", {"reoffending"}) == "Reoffending 2");
    CHECK(sheet_name("", {}) == "Sheet");
}

TEST_CASE("[suppression] in planpack.toml") {
    const std::string base = "[service]\nname = \"S\"\nlocal_authority = \"L\"\n[[document]]\nid = \"p\"\n"
                             "kind = \"annual_plan\"\ntitle = \"P\"\nperiod_start = 2023-04-01\n"
                             "period_end = 2024-03-31\npublished = 2023-06-26\n";
    Diagnostics d;
    auto cfg = load::parse_config(base, "planpack.toml", d);
    REQUIRE(cfg);
    CHECK(cfg->suppression.threshold == 5);
    CHECK(cfg->suppression.marker == "<5");
    CHECK(cfg->suppression.secondary_marker == "[c]");
    cfg = load::parse_config(base + "[suppression]\nthreshold = 10\n", "planpack.toml", d);
    REQUIRE(cfg);
    CHECK(cfg->suppression.marker == "<10");
    CHECK(all(d) == "");
    CHECK_FALSE(load::parse_config(base + "[suppression]\nthreshold = \"5\"\nmarker = \"5-\"\nhide = true\n",
                                   "planpack.toml", d));
    CHECK(all(d) == "planpack.toml:12:13: error: 'threshold' must be an integer, not a string\n"
                    "planpack.toml:13:10: error: marker must not be empty or start with a digit, so it "
                    "cannot be read as a figure\n"
                    "planpack.toml:14:1: error: unknown key 'hide' in [suppression] (expected one of: "
                    "threshold, marker, secondary_marker)\n");
}
}

}  // namespace unit_performance
