#include <doctest/doctest.h>

#include "model/paths.hpp"
#include "model/walk.hpp"
#include <algorithm>

namespace unit_paths {

using namespace planpack;
using namespace planpack::model;

namespace {

Document plan() {
    Document d;
    d.id = "plan";
    Section s;
    s.id = "context";
    d.sections.push_back(s);
    return d;
}

Document meeting() {
    Document d;
    d.id = "m1";
    d.path = "committees/cyp/m1";
    Section s;
    s.id = "index";
    d.sections.push_back(s);
    return d;
}

}  // namespace

TEST_CASE("every output has one address") {
    const Document p = plan(), m = meeting();
    CHECK(page_path(p, p.sections[0]) == "plan/context.html");
    CHECK(index_path(p) == "plan/index.html");
    CHECK(index_path(m) == "committees/cyp/m1/index.html");
    CHECK(home_path() == "index.html");
    CHECK(pdf_path(p) == "plan/plan.pdf");
    CHECK(pdf_path(m) == "committees/cyp/m1/m1.pdf");
    CHECK(workbook_path(p, "actions") == "plan/actions.xlsx");
    CHECK(media_path("content/img/x.png") == "media/content/img/x.png");
    CHECK(site_path(Target{"committees/cyp/m1", {}, {}, "a1-budget.pdf"}) == "committees/cyp/m1/a1-budget.pdf");
}

TEST_CASE("links go down from the same folder and up to the root from anywhere else") {
    const Document p = plan(), m = meeting();
    const std::string here = page_path(p, p.sections[0]);
    CHECK(href(here, page(p, p.sections[0], "a-table")) == "#a-table");
    CHECK(href(here, page(p, p.sections[0])) == "context.html");
    CHECK(href(here, contents(p)) == "index.html");
    CHECK(href(here, contents(m)) == "../committees/cyp/m1/index.html");
    CHECK(href("committees/cyp/index.html", contents(m)) == "m1/index.html");
    CHECK(href(index_path(m), page(p, p.sections[0], "x")) == "../../../plan/context.html#x");
    CHECK(relative(home_path(), index_path(p)) == "plan/index.html");
    CHECK(relative(here, media_path("content/a.png")) == "../media/content/a.png");
}

TEST_CASE("a borrowed section is shown on its own document's page") {
    const Document p = plan();
    Document m = meeting();
    Section copy = p.sections[0];
    copy.id = "item-3";
    copy.elsewhere = page(p, p.sections[0]);
    m.sections.push_back(copy);
    CHECK(site_path(shown_at(m, m.sections[1])) == "plan/context.html");
    CHECK(site_path(shown_at(m, m.sections[0])) == "committees/cyp/m1/index.html");
}

TEST_CASE("the walker finds images wherever they stand") {
    Section s;
    auto image = [](std::string url) { return Inline{Image{std::move(url), {}, "alt", {}, {}}}; };
    s.blocks.push_back(Block{Paragraph{{Inline{Text{"a "}}, image("inline.png")}, {}}});
    s.blocks.push_back(Block{Figure{Image{"figure.png", {}, "alt", {}, {}}, {}}});
    Table t;
    t.body.push_back(TableRow{{TableCell{{image("cell.png")}}}});
    s.blocks.push_back(Block{t});
    List l;
    l.items.push_back({std::nullopt, {Block{Paragraph{{Inline{Emph{{image("item.png")}}}}, {}}}}});
    s.blocks.push_back(Block{l});
    s.footnotes.push_back({1, "1", {Block{Paragraph{{image("note.png")}, {}}}}});
    std::vector<std::string> seen;
    const Section& read_only = s;
    for_each_image(read_only, [&](const Image& img) { seen.push_back(img.url); });
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{"cell.png", "figure.png", "inline.png", "item.png", "note.png"});
    for_each_image(s, [](Image& img) { img.asset = "content/" + img.url; });
    CHECK(model::alternative<model::Figure>(s.blocks[1].value).image.asset == "content/figure.png");
}

}  // namespace unit_paths

namespace unit_paths_media {

TEST_CASE("every file a build writes is served with its media type") {
    namespace model = planpack::model;
    CHECK(model::media_type("plan/plan.docx") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK(model::media_type("plan/performance.xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(model::media_type("committees/x/calendar.ics") == "text/calendar");
    CHECK(model::media_type("plan/index.html") == "text/html");
}

}  // namespace unit_paths_media
