#include <doctest/doctest.h>

#include "load/csv_table.hpp"
#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "model/number_format.hpp"
#include "model_builders.hpp"
#include "transform/transforms.hpp"

namespace unit_transforms {

using namespace planpack;
using namespace planpack::model;
using namespace planpack::testing;

namespace {

Document two_part_document() {
    Document doc;
    doc.sections.push_back(section("budget", SectionKind::appendix, 3));
    doc.sections.push_back(section("context", SectionKind::section, 2));
    doc.sections.push_back(section("staffing", SectionKind::appendix, 1));
    doc.sections.push_back(section("intro", SectionKind::section, 1));
    return doc;
}

// The href a resolved link gets on the page of section i.
std::string href_from(const Document& doc, size_t i, const Link& l) {
    REQUIRE(l.target);
    return href(page_path(doc, doc.sections[i]), *l.target);
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format(x));
    return out;
}

}  // namespace

TEST_SUITE("transforms") {
TEST_CASE("sections then appendices, each numbered from 1 by order") {
    Document doc = two_part_document();
    transform::number_sections(doc);
    REQUIRE(doc.sections.size() == 4);
    CHECK(doc.sections[0].id == "intro");
    CHECK(doc.sections[0].number == 1);
    CHECK(doc.sections[1].id == "context");
    CHECK(doc.sections[1].number == 2);
    CHECK(doc.sections[2].id == "staffing");
    CHECK(label(doc.sections[2]) == "Appendix 1");
    CHECK(doc.sections[3].id == "budget");
    CHECK(label(doc.sections[3]) == "Appendix 2");
}

TEST_CASE("cross-references resolve to pages and generated labels") {
    Document doc = two_part_document();
    doc.sections[1].blocks.push_back(
        para({Inline{Text{"See "}}, xref("budget"), Inline{Text{" and "}},
              xref("intro", "the introduction")}));
    transform::number_sections(doc);
    Diagnostics d;
    transform::resolve_xrefs(doc, d);
    CHECK(messages(d).empty());
    const auto& p = std::get<Paragraph>(doc.sections[1].blocks[0].value);
    const auto& a = *model::get_alternative<model::Link>(&p.content[1].value);
    CHECK(href_from(doc, 1, a) == "budget.html");
    CHECK(plain_text(a.content) == "Appendix 2");
    const auto& b = *model::get_alternative<model::Link>(&p.content[3].value);
    CHECK(href_from(doc, 1, b) == "intro.html");
    CHECK(plain_text(b.content) == "the introduction");
}

TEST_CASE("renumbering appendices changes every reference to them") {
    Document doc = two_part_document();
    doc.sections[1].blocks.push_back(para({xref("budget")}));
    doc.sections[0].order = 0;  // budget now comes before staffing
    transform::number_sections(doc);
    Diagnostics d;
    transform::resolve_xrefs(doc, d);
    const auto& p = std::get<Paragraph>(doc.sections[1].blocks[0].value);
    CHECK(plain_text(model::get_alternative<model::Link>(&p.content[0].value)->content) == "Appendix 1");
}

TEST_CASE("a broken cross-reference is an error at the link") {
    Document doc = two_part_document();
    doc.sections[0].blocks.push_back(para({xref("budgett", "", 7)}));
    Diagnostics d;
    transform::resolve_xrefs(doc, d);
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] == "c.md:7:1: error: cross-reference 'xref:budgett' points at no section "
                            "or appendix (did you mean 'budget'?)");
}

TEST_CASE("fragments must name a heading on the target page") {
    Document doc = two_part_document();
    doc.sections[0].blocks.push_back(heading(2, "Police funding"));
    doc.sections[1].blocks.push_back(para({xref("budget#police-funding"), xref("budget#nope")}));
    Diagnostics d;
    transform::assign_heading_ids(doc, d);
    transform::resolve_xrefs(doc, d);
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0].find("has no heading with id 'nope'") != std::string::npos);
    const auto& p = std::get<Paragraph>(doc.sections[1].blocks[0].value);
    CHECK(href_from(doc, 1, *model::get_alternative<model::Link>(&p.content[0].value)) == "budget.html#police-funding");
}

TEST_CASE("xref:#anchor finds the page that shows it, and generated links to nothing keep their words") {
    Document doc = two_part_document();
    Table t;
    t.id = "budget-table";
    doc.sections[0].blocks.push_back(Block{t});
    Inline optional = xref("#group-p9", "P9: a group");
    model::get_alternative<model::Link>(&optional.value)->if_present = true;
    doc.sections[1].blocks.push_back(para({xref("#budget-table", "the table"), optional}));
    doc.sections[1].blocks.push_back(para({xref("#nowhere", "", 9)}));
    Diagnostics d;
    transform::resolve_xrefs(doc, d);
    const auto& p = std::get<Paragraph>(doc.sections[1].blocks[0].value);
    CHECK(href_from(doc, 1, *model::get_alternative<model::Link>(&p.content[0].value)) == "budget.html#budget-table");
    REQUIRE(std::holds_alternative<Text>(p.content[1].value));
    CHECK(std::get<Text>(p.content[1].value).text == "P9: a group");
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] == "c.md:9:1: error: cross-reference 'xref:#nowhere': no heading or table "
                            "in this document has that id");
}

TEST_CASE("heading ids are unique slugs, and h1 and skipped levels are errors") {
    Document doc;
    doc.sections.push_back(section("a", SectionKind::section, 1,
                                   {heading(2, "Child First", 3), heading(3, "Child First", 5),
                                    heading(2, "Notes & more", 7), heading(4, "Too deep", 9),
                                    heading(1, "Second title", 11), heading(2, "Footnotes", 13)}));
    Diagnostics d;
    transform::assign_heading_ids(doc, d);
    const auto& b = doc.sections[0].blocks;
    CHECK(std::get<Heading>(b[0].value).id == "child-first");
    CHECK(std::get<Heading>(b[1].value).id == "child-first-2");
    CHECK(std::get<Heading>(b[2].value).id == "notes-more");
    CHECK(std::get<Heading>(b[5].value).id == "footnotes-2");  // the template's own id is taken
    const auto m = messages(d);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "c.md:9:1: error: heading level 4 follows level 2: use ### so no level is skipped");
    CHECK(m[1].rfind("c.md:11:1: error: a '#' heading in the body would be a second h1", 0) == 0);
}

TEST_CASE("a 'Table:' paragraph after or before a table becomes its caption") {
    Table t1, t2, t3;
    t3.pos = {"c.md", 20, 1};
    Document doc;
    doc.sections.push_back(section("a", SectionKind::section, 1,
                                   {Block{t1}, para("Table: After"), para("Table: Before"),
                                    Block{t2}, para("Plain"), Block{t3}}));
    Diagnostics d;
    transform::attach_table_captions(doc, d);
    const auto& b = doc.sections[0].blocks;
    REQUIRE(b.size() == 4);
    CHECK(plain_text(model::alternative<model::Table>(b[0].value).caption) == "After");
    CHECK(plain_text(model::alternative<model::Table>(b[1].value).caption) == "Before");
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0].rfind("c.md:20:1: error: this table has no caption", 0) == 0);
}

TEST_CASE("the table directive turns CSV into a captioned table with computed totals") {
    Diagnostics d;
    load::DataSet data;
    auto csv = load::parse_csv("Agency,Staffing,Other\nPolice,58336,0\nHealth,39974,15442\n",
                               "data/budget.csv", d);
    REQUIRE(csv);
    data.csv.emplace("budget", *csv);
    Document doc;
    Directive dir{"table",
                  "data = \"budget\"\ncaption = \"Costs\"\nmoney = [\"Staffing\", \"Other\"]\n"
                  "totals = true\nsource = \"YJB returns\"\n",
                  {"c.md", 4, 1}, 5};
    doc.sections.push_back(section("a", SectionKind::section, 1, {Block{dir}}));
    transform::expand_directives(doc, data, {}, d);
    CHECK(messages(d).empty());
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    CHECK(plain_text(t.caption) == "Costs");
    CHECK(t.row_headers);
    CHECK(t.aligns == std::vector<Align>{Align::left, Align::right, Align::right});
    CHECK(plain_text(t.body[0].cells[1].content) == "£58,336");
    REQUIRE(t.foot.size() == 1);
    CHECK(plain_text(t.foot[0].cells[0].content) == "Total");
    CHECK(plain_text(t.foot[0].cells[1].content) == "£98,310");
    CHECK(plain_text(t.foot[0].cells[2].content) == "£15,442");
    REQUIRE(t.notes.size() == 1);
    CHECK(plain_text(t.notes[0]) == "Source: YJB returns");
}

TEST_CASE("a table of counts of people withholds small counts and what would reveal them") {
    Diagnostics d;
    load::DataSet data;
    data.csv.emplace("staff", *load::parse_csv("Group,Women,Men\nOfficers,12,3\nManagers,7,9\n",
                                              "data/staff.csv", d));
    Document doc;
    Directive dir{"table", "data = \"staff\"\ncaption = \"Staff\"\ntotals = true\nrow_total = \"All\"\nsuppress = true\n",
                  {"c.md", 4, 1}, 5};
    doc.sections.push_back(section("a", SectionKind::section, 1, {Block{dir}}));
    transform::expand_directives(doc, data, {}, d);
    CHECK(messages(d).empty());
    transform::suppress_small_numbers(doc, load::Suppression{});
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    auto cell = [&](const TableRow& r, size_t i) { return plain_text(r.cells[i].content); };
    CHECK(cell(t.body[0], 2) == "<5");   // 3 men officers
    CHECK(cell(t.body[0], 1) == "[c]");  // 12 women officers would reveal it from the row total 15
    CHECK(cell(t.body[0], 3) == "15");
    // The men's column: 3 withheld, so its other part (9) goes too; the women's column then
    // has one withheld cell (12), so the smaller other part (7) goes as well.
    CHECK(cell(t.body[1], 2) == "[c]");
    CHECK(cell(t.body[1], 1) == "[c]");
    CHECK(cell(t.foot[0], 3) == "31");
    for (const auto* rows : {&t.body, &t.foot})
        for (const auto& r : *rows)
            for (size_t i = 1; i < r.cells.size(); ++i) CHECK(cell(r, i) != "3");
    CHECK(doc.statistics.figures.empty());
}

TEST_CASE("figures in a document's spreadsheets are withheld like those on its pages") {
    Document doc;
    Table t;
    TableCell small(text("3"));
    small.figure = "k";
    small.value = {3.0, "0"};
    t.body.push_back({{small}});
    doc.statistics.figures["k"].count = 3;
    doc.workbooks.push_back({"w", "W", "", {{"Sheet", {Block{t}}}}});
    transform::suppress_small_numbers(doc, load::Suppression{});
    const auto& cell = model::alternative<model::Table>(doc.workbooks[0].sheets[0].second[0].value).body[0].cells[0];
    CHECK(plain_text(cell.content) == "<5");
    CHECK(std::holds_alternative<std::string>(cell.value.value));
}

TEST_CASE("table directive errors point into the .md file") {
    load::DataSet data;
    Diagnostics d;
    data.csv.emplace("budget", *load::parse_csv("Agency,Cost\nPolice,1x\n", "data/budget.csv", d));
    Document doc;
    doc.sections.push_back(section(
        "a", SectionKind::section, 1,
        {Block{Directive{"table", "data = \"nope\"\ncaption = \"C\"\n", {"c.md", 4, 1}, 5}},
         Block{Directive{"table", "data = \"budget\"\ncaptoin = \"C\"\n", {"c.md", 9, 1}, 10}},
         Block{Directive{"table", "data = \"budget\"\ncaption = \"C\"\nmoney = [\"Cost\"]\n",
                         {"c.md", 14, 1}, 15}},
         Block{Directive{"gantt", "", {"c.md", 20, 1}, 21}}}));
    transform::expand_directives(doc, data, {}, d);
    const auto m = messages(d);
    // A misspelt required key is reported once, as the misspelling, not also as missing.
    REQUIRE(m.size() == 4);
    CHECK(m[0] == "c.md:5:8: error: no data/nope.csv for this table");
    CHECK(m[1].rfind("c.md:11:1: error: unknown key 'captoin' in the table directive", 0) == 0);
    CHECK(m[1].find("did you mean 'caption'") != std::string::npos);
    CHECK(m[2].rfind("c.md:20:1: error: unknown directive 'planpack gantt'", 0) == 0);
    CHECK(m[3].rfind("data/budget.csv:2:8: error: '1x' in money column 'Cost' is not a whole number "
                     "of pounds", 0) == 0);
}

TEST_CASE("number formatting") {
    CHECK(format_grouped(0) == "0");
    CHECK(format_grouped(999) == "999");
    CHECK(format_grouped(1000) == "1,000");
    CHECK(format_grouped(1081612) == "1,081,612");
    CHECK(format_grouped(-43260) == "\u221243,260");  // the minus sign, not a hyphen
    CHECK(format_money(885262) == "£885,262");
    CHECK(format_money(-5) == "\u2212£5");
    CHECK(parse_integer("885.262") == std::nullopt);
    CHECK(parse_integer("1,000") == std::nullopt);
    CHECK(parse_integer(" 5") == std::nullopt);
    CHECK(parse_integer("-12") == std::optional<std::int64_t>(-12));
    CHECK(slug("Voice of the Child") == "voice-of-the-child");
    CHECK(slug("Children’s services – 2023/24") == "childrens-services-2023-24");
    CHECK(slug("!!!") == "section");
}
}

}  // namespace unit_transforms
