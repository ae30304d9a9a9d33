#include <doctest/doctest.h>

#include "load/markdown.hpp"
#include "model_builders.hpp"
#include "render/html/blocks.hpp"
#include "render/html/escape.hpp"
#include "render/html/site.hpp"
#include "transform/transforms.hpp"

namespace unit_html {

using namespace planpack;
using namespace planpack::model;
using namespace planpack::testing;

namespace {

// Markdown through the real loader and transforms to HTML, as the build does it.
std::string html_of(std::string_view md) {
    Diagnostics d;
    auto body = load::parse_markdown(md, "c.md", 1, d);
    REQUIRE(body);
    Document doc;
    doc.sections.push_back(section("a", SectionKind::section, 1, std::move(body->blocks)));
    transform::run_all(doc, {}, {}, d);
    CHECK_FALSE(d.has_errors());
    return render::html::render_blocks(doc.sections[0].blocks, "plan/page.html");
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_SUITE("html") {
TEST_CASE("escape covers text and attribute contexts") {
    CHECK(render::html::escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("inline markup") {
    CHECK(html_of("A *b* **c** `<d>` ~~e~~\n") ==
          "<p>A <em>b</em> <strong>c</strong> <code>&lt;d&gt;</code> <del>e</del></p>\n");
}

TEST_CASE("headings carry ids for anchors") {
    CHECK(html_of("## Local context\n") == "<h2 id=\"local-context\">Local context</h2>\n");
}

// A line per cell, so that text read from the page (the site's search) keeps the cells' words apart.
TEST_CASE("tables: caption, scoped headers, alignment, focusable scroll region") {
    const std::string h = html_of("| Agency | Cost |\n|---|--:|\n| Police | 58,336 |\n\nTable: Costs\n");
    CHECK(contains(h, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1\" tabindex=\"0\">"));
    CHECK(contains(h, "<caption id=\"table-1\">Costs</caption>"));
    CHECK(contains(h, "<th scope=\"col\">Agency</th>\n<th scope=\"col\" class=\"num\">Cost</th>\n"));
    CHECK(contains(h, "<td>Police</td>\n<td class=\"num\">58,336</td>\n</tr>"));
}

TEST_CASE("a table too wide for a 320 px phone is stacked there, each value labelled") {
    // Four columns whose longest words add up to more than a phone's 288 px: stacked.
    const std::string wide = html_of(
        "| Area | 2021 | 2022 | Change, 2021 to 2022 |\n|---|--:|--:|--:|\n"
        "| Lancashire police force area | 162 | 203 | +25% |\n\nTable: First-time entrants\n");
    CHECK(contains(wide, "<div class=\"table-wrap stack\" role=\"region\""));
    CHECK(contains(wide, "<td data-label=\"2021\" class=\"num\">162</td>"));
    // Two short columns fit: a table as usual, no labels.
    const std::string narrow = html_of("| Agency | Cost |\n|---|--:|\n| Police | 58,336 |\n\nTable: Costs\n");
    CHECK_FALSE(contains(narrow, "stack"));
    CHECK_FALSE(contains(narrow, "data-label"));
}

TEST_CASE("directive tables mark row headers") {
    Table t;
    t.caption = text("C");
    t.row_headers = true;
    t.head.push_back({{{text("Agency")}, {text("Cost")}}});
    t.body.push_back({{{text("Police")}, {text("1")}}});
    t.foot.push_back({{{text("Total")}, {text("1")}}});
    const std::string h = render::html::render_blocks({Block{t}}, "plan/page.html");
    CHECK(contains(h, "<tbody>\n<tr><th scope=\"row\">Police</th>\n<td>1</td>\n</tr>"));
    CHECK(contains(h, "<tfoot>\n<tr><th scope=\"row\">Total</th>\n<td>1</td>\n</tr>"));
}

TEST_CASE("raw HTML never reaches the output") {
    Diagnostics d;
    auto body = load::parse_markdown("x <script>alert(1)</script>\n\n<iframe src=x>\n", "c.md", 1, d);
    REQUIRE(body);
    const std::string h = render::html::render_blocks(body->blocks, "plan/page.html");
    CHECK_FALSE(contains(h, "<script"));
    CHECK_FALSE(contains(h, "<iframe"));
    CHECK(contains(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_CASE("unsafe link schemes are neutralised") {
    CHECK(contains(html_of("[x](javascript:alert(1))\n"), "<a href=\"#\">x</a>"));
    CHECK(contains(html_of("[x](https://a.example/?q=1&r=2)\n"),
                   "<a href=\"https://a.example/?q=1&amp;r=2\" rel=\"external\">x</a>"));
    CHECK(contains(html_of("[x](budget.html)\n"), "<a href=\"budget.html\">x</a>"));
}

TEST_CASE("lists, task lists and quotes") {
    CHECK(html_of("1. a\n2. b\n") == "<ol>\n<li>a\n</li>\n<li>b\n</li>\n</ol>\n");
    CHECK(html_of("3. c\n") == "<ol start=\"3\">\n<li>c\n</li>\n</ol>\n");
    const std::string tasks = html_of("- [x] done\n- [ ] open\n");
    CHECK(contains(tasks, "<ul class=\"tasks\">"));
    CHECK(contains(tasks, "<li class=\"task done\"><span class=\"visually-hidden\">Done: </span>done"));
    CHECK(contains(tasks, "<li class=\"task\"><span class=\"visually-hidden\">Not done: </span>open"));
    CHECK(html_of("> q\n") == "<blockquote>\n<p>q</p>\n</blockquote>\n");
}

TEST_CASE("figures keep alt text and caption") {
    CHECK(html_of("![Entrants fell](fte.png \"First-time entrants\")\n") ==
          "<figure>\n<img src=\"../media/content/fte.png\" alt=\"Entrants fell\">\n<figcaption>First-time "
          "entrants</figcaption>\n</figure>\n");
}

TEST_CASE("footnotes link both ways") {
    Diagnostics d;
    auto body = load::parse_markdown("A[^n].\n\n[^n]: The note.\n", "c.md", 1, d);
    REQUIRE(body);
    CHECK(contains(render::html::render_blocks(body->blocks, "plan/page.html"),
                   "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Note 1\">1</a></sup>"));
    const std::string notes = render::html::render_footnotes(body->footnotes, "plan/page.html");
    CHECK(contains(notes, "<li id=\"fn-1\">\n<p>The note.</p>\n<p><a href=\"#fnref-1\">Back to the text of note 1</a></p>"));
}

TEST_CASE("the site has a page per section, contents, navigation and the layout") {
    Diagnostics d;
    auto templates = render::html::load_templates(PLANPACK_SOURCE_DIR "/templates", d);
    REQUIRE(templates);
    load::Config cfg;
    cfg.service_name = "Example <YJS>";
    cfg.local_authority = "Example Council";
    Document doc;
    doc.id = "plan";
    doc.title = "Plan";
    doc.published = {2023, 6, 26};
    doc.sections.push_back(section("intro", SectionKind::section, 1, {para("Hello")}));
    doc.sections.push_back(section("budget", SectionKind::appendix, 1));
    transform::number_sections(doc);
    auto tree = render::html::render_site(cfg, {doc}, *templates, d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(tree.count("index.html"));
    REQUIRE(tree.count("plan/index.html"));
    REQUIRE(tree.count("plan/intro.html"));
    REQUIRE(tree.count("plan/budget.html"));
    REQUIRE(tree.count("assets/site.css"));
    const std::string& intro = tree["plan/intro.html"];
    CHECK(contains(intro, "<html lang=\"en-GB\">"));
    CHECK(contains(intro, "<h1>1. Title of intro</h1>"));
    CHECK(contains(intro, "Example &lt;YJS&gt;"));
    CHECK(contains(intro, "href=\"budget.html\" rel=\"next\""));
    CHECK(contains(intro, "href=\"index.html\" rel=\"prev\""));
    CHECK(contains(intro, "<time datetime=\"2023-06-26\">26 June 2023</time>"));
    CHECK(contains(tree["plan/budget.html"], "<h1>Appendix 1: Title of budget</h1>"));
    CHECK(contains(tree["plan/index.html"], "href=\"budget.html\""));
}
}

}  // namespace unit_html
