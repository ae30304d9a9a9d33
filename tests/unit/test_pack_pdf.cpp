#include <doctest/doctest.h>

#include "model_builders.hpp"
#include "render/pdf/pack.hpp"

namespace unit_pack_pdf {

using namespace planpack;
using namespace planpack::render::pdf;
using namespace planpack::testing;

namespace {

const Resources& resources() {
    static const Resources r = [] {
        Diagnostics d;
        auto res = load_resources(std::string(PLANPACK_SOURCE_DIR) + "/templates", d);
        REQUIRE(res);
        return std::move(*res);
    }();
    return r;
}

// Content and furniture text of a page.
std::string page_text(const LaidPage& p) {
    std::string out;
    for (const auto* list : {&p.items, &p.furniture})
        for (const Item& i : *list)
            if (const auto* t = std::get_if<TextItem>(&i.value)) out += t->text + " ";
    return out;
}

model::Section paper(const std::string& id, int item, int paragraphs, bool first) {
    model::Section s;
    s.id = id;
    s.title = "Paper " + id;
    s.binding.item = item;
    s.binding.odd_page_start = first;
    if (first) s.binding.stamp = "Agenda Item " + std::to_string(item);
    for (int i = 0; i < paragraphs; ++i)
        s.blocks.push_back(model::Block{model::Numbered{
            "6." + std::to_string(i + 1), "para-6-" + std::to_string(i + 1),
            {para("Paragraph " + std::to_string(i + 1) + " of " + id + ", which says a little about the service "
                  "and its work with children and families over the year, at some length.")}}});
    return s;
}

// A front sheet and three items: one short paper, a long report with an appendix, one short paper.
model::Document pack() {
    model::Document d;
    d.id = "m";
    d.kind = model::DocumentKind::meeting;
    d.title = "Scrutiny Committee, 12 January 2023";
    model::Section sheet;
    sheet.id = "index";
    sheet.title = "Scrutiny Committee";
    sheet.binding.unnumbered = true;
    for (int item : {1, 2, 3})
        sheet.blocks.push_back(model::Block{model::Paragraph{
            {model::Inline{model::Text{"Item " + std::to_string(item)}}, model::Inline{model::PageRange{item, ""}}}, {}}});
    d.sections = {sheet, paper("a", 1, 3, true), paper("b", 2, 60, true), paper("b-appendix", 2, 3, false),
                  paper("c", 3, 3, true)};
    return d;
}

}  // namespace

TEST_SUITE("pdf") {

TEST_CASE("an agenda pack: odd-page starts, fillers, stamps, Page N, and ranges from the layout") {
    Diagnostics d;
    static const std::map<std::string, ImageInfo> no_images;
    const LaidOutPack laid = layout_pack(pack(), DocumentInfo{"Pack", "Service", "Council", "", "", {}, {}},
                                         resources().style, resources().fonts, no_images, d);
    CHECK(d.all().empty());
    const auto& pages = laid.doc.pages;
    const size_t front = laid.doc.front_pages;
    CHECK(front % 2 == 0);
    CHECK(laid.doc.front_label == "Front sheet");
    CHECK(laid.doc.body_pages == pages.size() - front);
    CHECK(laid.doc.body_pages % 2 == 0);
    REQUIRE(laid.items.size() == 3);
    const auto [a1, b1] = laid.items.at(1);
    const auto [a2, b2] = laid.items.at(2);
    const auto [a3, b3] = laid.items.at(3);
    CHECK(a1 == 1);
    CHECK(b1 == 2);  // one page of paper, one filler
    CHECK(a2 == 3);
    CHECK(b2 + 1 == a3);
    CHECK(b3 == static_cast<int>(laid.doc.body_pages));
    for (const auto& [item, range] : laid.items) {
        CHECK(range.first % 2 == 1);
        CHECK(range.second % 2 == 0);
        CHECK(page_text(pages[front + static_cast<size_t>(range.first) - 1]).find("Agenda Item " + std::to_string(item)) !=
              std::string::npos);
    }
    CHECK(page_text(pages[front + 1]).find("This page is intentionally left blank") != std::string::npos);
    // The footer counts the pack's own pages; the front sheet has none.
    for (size_t k = 0; k < laid.doc.body_pages; ++k)
        CHECK(page_text(pages[front + k]).find("Page " + std::to_string(k + 1) + " ") != std::string::npos);
    CHECK(page_text(pages[0]).find("Page ") == std::string::npos);
    // The front sheet prints the ranges the layout found, and the marker.
    const std::string sheet = page_text(pages[0]);
    CHECK(sheet.find("Public Document Pack") != std::string::npos);
    CHECK(sheet.find("(Pages 1 - 2)") != std::string::npos);
    CHECK(sheet.find("(Pages " + std::to_string(a2) + " - " + std::to_string(b2) + ")") != std::string::npos);
    // A numbered paragraph is an anchor; bookmarks give the agenda, then each item.
    CHECK(laid.doc.anchors.count("b#para-6-60") == 1);
    REQUIRE(laid.doc.outline.size() >= 4);
    CHECK(laid.doc.outline[0].title == "Agenda");
    CHECK(laid.doc.outline[1].title == "Agenda Item 1: Paper a");
    CHECK(laid.doc.outline[2].level == 2);
}

}

}  // namespace unit_pack_pdf
