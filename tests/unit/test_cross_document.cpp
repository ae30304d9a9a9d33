// Documents addressed across documents: xref:DOC-ID/SECTION-ID#anchor resolves into the
// library of documents, a link to its own page is an error, and indicator tables can show
// the latest figures as at a document's date.
#include <doctest/doctest.h>

#include "indicator_fixture.hpp"
#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "model/walk.hpp"
#include "model_builders.hpp"
#include "transform/transforms.hpp"

namespace unit_cross_document {

using namespace planpack;
using namespace planpack::model;
using namespace planpack::testing;

namespace {

// The plan: a performance appendix with a "reoffending" heading.
Document plan() {
    Document d;
    d.id = "plan";
    d.title = "Youth Justice Plan 2023/24";
    d.published = {2023, 6, 26};
    Block h = heading(2, "Reoffending");
    std::get<Heading>(h.value).id = "reoffending";
    d.sections.push_back(section("intro", SectionKind::section, 1));
    d.sections.push_back(section("performance", SectionKind::appendix, 1, {h}));
    d.sections[1].title = "Performance";
    d.sections[1].number = 7;
    return d;
}

// A board pack whose "performance" item holds one paragraph with the given link.
Document pack(Inline link) {
    Document d;
    d.id = "pack";
    d.kind = model::DocumentKind::board_pack;
    d.title = "Board, 19 October 2023";
    d.published = {2023, 10, 12};
    d.sections.push_back(section("performance", SectionKind::section, 1, {para(Inlines{std::move(link)})}));
    d.sections[0].title = "Performance dashboard";
    return d;
}

const Link& first_link(const Document& d) {
    const Link* out = nullptr;
    for_each_inline(d.sections[0], [&](const Inline& in) {
        if (const auto* l = model::get_alternative<model::Link>(&in.value); l && !out) out = l;
    });
    REQUIRE(out);
    return *out;
}

Block directive(std::string kind, std::string body) {
    return Block{Directive{std::move(kind), std::move(body), {"c.md", 10, 1}, 11}};
}

}  // namespace

TEST_SUITE("cross-document") {
TEST_CASE("xref:DOC/SECTION points at the other document's page and PDF, with its label") {
    const Document p = plan();
    Document b = pack(xref("plan/performance"));
    Diagnostics d;
    transform::resolve_xrefs(b, d, {&p});
    CHECK(messages(d).empty());
    const Link& l = first_link(b);
    REQUIRE(l.target);
    CHECK(*l.target == Target{"plan", "performance", "", ""});
    CHECK(l.pdf == "plan/plan.pdf");
    CHECK(plain_text(l.content) == "Youth Justice Plan 2023/24, Appendix 7");
    CHECK(href(page_path(b, b.sections[0]), *l.target) == "../plan/performance.html");
}

TEST_CASE("xref:DOC/SECTION#anchor reaches a heading there, and a missing one is an error") {
    const Document p = plan();
    Document b = pack(xref("plan/performance#reoffending", "reoffending"));
    Diagnostics d;
    transform::resolve_xrefs(b, d, {&p});
    CHECK(messages(d).empty());
    CHECK(first_link(b).target->fragment == "reoffending");
    CHECK(plain_text(first_link(b).content) == "reoffending");

    Document wrong = pack(xref("plan/performance#custody", "", 4));
    transform::resolve_xrefs(wrong, d, {&p});
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] == "c.md:4:1: error: cross-reference 'xref:plan/performance#custody': "
                            "content/performance.md has no heading with id 'custody'");
}

TEST_CASE("an unknown document or section of another document is an error that says what there is") {
    const Document p = plan();
    Diagnostics d;
    Document typo = pack(xref("plna/performance"));
    transform::resolve_xrefs(typo, d, {&p});
    Document section = pack(xref("plan/performence", "", 2));
    transform::resolve_xrefs(section, d, {&p});
    REQUIRE(messages(d).size() == 2);
    CHECK(messages(d)[0] == "c.md:1:1: error: cross-reference 'xref:plna/performance': no document in "
                            "planpack.toml has the id 'plna' (did you mean 'plan'?)");
    CHECK(messages(d)[1] == "c.md:2:1: error: cross-reference 'xref:plan/performence' points at no section "
                            "or appendix of plan (did you mean 'performance'?)");
}

TEST_CASE("a link to the top of its own page is an error that names the other document's section") {
    const Document p = plan();
    Diagnostics d;
    Document b = pack(xref("performance", "the plan's performance appendix", 8));
    transform::resolve_xrefs(b, d, {&p, &b});
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] == "c.md:8:1: error: cross-reference 'xref:performance' points at the page it is on "
                            "('Performance dashboard' in pack): to link to another document's section, write "
                            "xref:plan/performance");
    // Named with its own document's id, it is the same page.
    Diagnostics again;
    Document named = pack(xref("pack/performance"));
    transform::resolve_xrefs(named, again, {&p});
    REQUIRE(messages(again).size() == 1);
    CHECK(messages(again)[0].find("points at the page it is on") != std::string::npos);
    // An anchor on the same page is a jump within it, not an error.
    Diagnostics fine;
    Document jump = pack(xref("#x"));
    Block h = heading(2, "X");
    std::get<Heading>(h.value).id = "x";
    jump.sections[0].blocks.push_back(h);
    transform::resolve_xrefs(jump, fine, {&p});
    CHECK(messages(fine).empty());
}

TEST_CASE("a paper links only into documents published by its own date") {
    Document later = plan();
    later.published = {2023, 11, 1};
    Diagnostics d;
    Document b = pack(xref("plan/performance"));
    transform::resolve_xrefs(b, d, {&later});
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] == "c.md:1:1: error: cross-reference 'xref:plan/performance' points into plan, "
                            "published 1 November 2023, after this document (published 12 October 2023): link "
                            "to a document that was published by then");
}

TEST_CASE("indicator-table latest = N: the latest periods ended by the document's date") {
    Diagnostics ignore, d;
    const load::DataSet data = indicator_data(good_values, ignore);
    auto table_at = [&](Date as_of, const std::string& body) {
        Document doc;
        doc.as_of = as_of;
        doc.sections.push_back(section("a", SectionKind::section, 1, {directive("indicator-table", body)}));
        transform::run_all(doc, data, {}, d);
        std::vector<std::string> head;
        if (doc.sections[0].blocks.empty()) return head;
        for (const auto& c : model::alternative<model::Table>(doc.sections[0].blocks.at(0).value).head.at(0).cells)
            head.push_back(plain_text(c.content));
        return head;
    };
    const std::string fte = "caption = \"FTE\"\nindicators = [\"fte\"]\n";
    CHECK(table_at({2023, 10, 19}, fte + "latest = 1\n") == std::vector<std::string>{"Area", "2022"});
    CHECK(table_at({2023, 10, 19}, fte + "latest = 2\n") ==
          std::vector<std::string>{"Area", "2021", "2022", "Change, 2021 to 2022"});
    // On the last day of 2022 the year has ended; the day before, it has not.
    CHECK(table_at({2022, 12, 31}, fte + "latest = 1\n") == std::vector<std::string>{"Area", "2022"});
    CHECK(table_at({2022, 12, 30}, fte + "latest = 1\n") == std::vector<std::string>{"Area", "2021"});
    CHECK(messages(d).empty());
    CHECK(table_at({2021, 6, 1}, fte + "latest = 1\n").empty());
    CHECK(table_at({2023, 10, 19}, fte + "latest = 1\nfrom = \"2021\"\n").empty());
    REQUIRE(messages(d).size() == 2);
    CHECK(messages(d)[0] == "c.md:13:10: error: no period with figures had ended by 1 June 2021, this document's date");
    CHECK(messages(d)[1] == "c.md:13:10: error: give either 'latest' or the periods ('periods', 'from', 'to'), not both");
}
}

}  // namespace unit_cross_document
