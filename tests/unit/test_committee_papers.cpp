#include <doctest/doctest.h>

#include <algorithm>

#include "data/tracker.hpp"
#include "load/project.hpp"
#include "load/report_template.hpp"
#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "render/pdf/pack.hpp"
#include "transform/committee/papers.hpp"
#include "transform/exempt.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace unit_committee_papers {

using namespace planpack;

namespace {

const std::string fixture = std::string(PLANPACK_SOURCE_DIR) + "/tests/fixtures/committee-service";

struct Built {
    load::Project project;
    transform::CommitteePapers papers;
    Diagnostics diags;
};

// The fixture loaded and built as the CLI builds it; change lets a test edit the sources first.
Built build(data::Privacy privacy = {}, void (*change)(load::Project&) = nullptr) {
    Built b;
    auto project = load::load_project(fixture, b.diags);
    REQUIRE(project);
    b.project = std::move(*project);
    if (change) change(b.project);
    auto templates = load::load_committee_templates(std::string(PLANPACK_SOURCE_DIR) + "/templates", b.diags);
    REQUIRE(templates);
    transform::Context ctx;
    ctx.privacy = privacy;
    for (auto& doc : b.project.documents) transform::run_all(doc, b.project.data, ctx, b.diags);
    b.papers = transform::build_committee_papers(b.project, b.project.documents, *templates, ctx, b.diags);
    for (const auto& d : b.diags.all()) MESSAGE(format(d));
    REQUIRE_FALSE(b.diags.has_errors());
    return b;
}

const model::Document& doc(const std::vector<model::Document>& docs, const std::string& id) {
    auto it = std::find_if(docs.begin(), docs.end(), [&](const auto& d) { return d.id == id; });
    REQUIRE(it != docs.end());
    return *it;
}

const model::Section& section(const model::Document& d, const std::string& id) {
    auto it = std::find_if(d.sections.begin(), d.sections.end(), [&](const auto& s) { return s.id == id; });
    REQUIRE(it != d.sections.end());
    return *it;
}

// Where a borrowed section is shown: a site path ("" for a section with its own page).
std::string shown(const model::Section& s) { return s.elsewhere ? model::site_path(*s.elsewhere) : ""; }

// Every word of a section, headings, lists, numbered paragraphs and tables included.
std::string words(model::Section s) {
    std::string out;
    model::for_each_inline(s, [&](model::Inline& in) {
        if (const auto* t = std::get_if<model::Text>(&in.value)) out += t->text + " ";
    });
    return out;
}

std::string words(const model::Document& d) {
    std::string out;
    for (const auto& s : d.sections) out += words(s);
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("an agenda pack binds each item's papers: odd-page starts, stamps, labels, borrowed pages") {
    Built b = build();
    const model::Document& pack = doc(b.papers.documents, "ctte-2023-01-12");
    CHECK(pack.kind == model::DocumentKind::meeting);
    CHECK(pack.path == "committees/scrutiny/ctte-2023-01-12");
    std::vector<std::string> order;
    for (const auto& s : pack.sections) order.push_back(s.id);
    CHECK(order == std::vector<std::string>{"index", "minutes", "minutes-exempt", "youth-justice", "plan",
                                            "plan-introduction", "caseload", "tender", "scores"});
    const auto& front = section(pack, "index");
    CHECK(front.binding.unnumbered);
    CHECK(front.binding.item == 0);
    // The first paper of each item starts an odd page with its stamp; the rest follow it.
    CHECK(section(pack, "minutes").binding.stamp == "Agenda Item 1");
    CHECK(section(pack, "minutes").binding.odd_page_start);
    CHECK_FALSE(section(pack, "minutes-exempt").binding.odd_page_start);
    CHECK(section(pack, "youth-justice").binding.stamp == "Agenda Item 2");
    CHECK(section(pack, "plan-introduction").binding.item == 2);
    CHECK_FALSE(section(pack, "plan").binding.odd_page_start);
    // Appendices take the item's number; a document's pages stay on its own site.
    CHECK(model::label(section(pack, "plan")) == "Appendix 2(a)");
    CHECK(section(pack, "plan").title == "Youth Justice Plan 2022/23");
    CHECK(shown(section(pack, "plan")) == "plan/index.html");
    CHECK(shown(section(pack, "plan-introduction")) == "plan/introduction.html");
    CHECK(model::label(section(pack, "caseload")) == "Appendix 2(b)");
    CHECK(shown(section(pack, "caseload")) == "committees/scrutiny/ctte-2023-01-12/caseload-caseload.txt");
    CHECK(model::label(section(pack, "scores")) == "Appendix 3(a)");
    CHECK(shown(section(pack, "minutes")) == "committees/scrutiny/ctte-2022-11-10/minutes.html");
    const auto& attachments = b.papers.attachments;
    REQUIRE(attachments.size() == 2);
    CHECK(attachments[0].source == "meetings/ctte-2023-01-12/appendices/caseload.txt");
    CHECK_FALSE(attachments[0].exempt);
    CHECK(attachments[1].exempt);
}

TEST_CASE("appendix labels follow the agenda when items are reordered") {
    auto reorder = [](load::Project& p) {
        auto& m = p.data.papers.meetings.back();
        std::swap(m.items[1], m.items[2]);  // the tender becomes item 2, the update item 3
    };
    Built b = build({}, reorder);
    const model::Document& pack = doc(b.papers.documents, "ctte-2023-01-12");
    CHECK(model::label(section(pack, "plan")) == "Appendix 3(a)");
    CHECK(model::label(section(pack, "caseload")) == "Appendix 3(b)");
    CHECK(model::label(section(pack, "scores")) == "Appendix 2(a)");
    CHECK(section(pack, "youth-justice").binding.stamp == "Agenda Item 3");
    // The report's list of appendices and its references are rebuilt with the new labels.
    std::vector<std::string> links;
    model::Section yj = section(pack, "youth-justice");
    model::for_each_inline(yj, [&](model::Inline& in) {
        if (const auto* l = model::get_alternative<model::Link>(&in.value)) links.push_back(model::plain_text(l->content));
    });
    CHECK(std::count(links.begin(), links.end(), "Appendix 3(a)") == 2);  // prose and 7.1
    CHECK(std::count(links.begin(), links.end(), "Appendix 3(b)") == 2);
    CHECK(std::count(links.begin(), links.end(), "Appendix 2(a)") == 0);
}

TEST_CASE("exempt papers leave the public model whole, and the restricted model holds only them") {
    Built b = build();
    auto all = b.papers.documents;
    const auto restricted = transform::exempt_only(all);
    transform::remove_exempt(all);
    std::string published;
    for (const auto& d : all) published += words(d);
    for (const char* secret : {"Quillfeather", "£71,993", "complainant", "written apology", "Tender scores"})
        CHECK_MESSAGE(!contains(published, secret), secret);
    std::string kept;
    for (const auto& d : restricted) kept += words(d);
    for (const char* secret : {"Quillfeather", "£71,993", "complainant", "written apology"})
        CHECK_MESSAGE(contains(kept, secret), secret);
    // What stays public of an exempt item: its title and the notice, on the agenda and in
    // the minutes.
    const std::string agenda = words(section(doc(all, "ctte-2023-01-12"), "index"));
    CHECK(contains(agenda, "Tender for mentoring"));
    CHECK(contains(agenda, "paragraph 3 of Part 1 of Schedule 12A"));
    const std::string minutes = words(doc(all, "ctte-2022-11-10-minutes"));
    CHECK(contains(minutes, "3. A complaint about the service"));
    CHECK(contains(minutes, "paragraph 1 of Part 1 of Schedule 12A"));
    CHECK(doc(restricted, "ctte-2022-11-10-minutes").sections.size() == 1);
    // The tracker leaves out an exempt item's action.
    const auto rows = data::tracker_rows("scrutiny", b.project.data.papers.meetings, b.project.data.papers.minutes,
                                         &b.project.data.trackers.begin()->second, {2023, 1, 12});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == "remand-figures");
    CHECK(rows[0].status == data::TrackerStatus::overdue);  // due December, only an update in progress
    CHECK(rows[0].update == "Figures being gathered.");
}

TEST_CASE("the restricted pack is marked: its heading, its front sheet, each exempt paper") {
    Built b = build();
    REQUIRE(b.papers.restricted_packs.size() == 2);  // both meetings have an exempt item
    const model::Document& restricted = doc(b.papers.restricted_packs, "ctte-2023-01-12");
    const model::Document& pub = doc(b.papers.documents, restricted.id);
    CHECK(restricted.restricted_marker == "NOT FOR PUBLICATION");
    CHECK(pub.restricted_marker.empty());
    // The front sheet names the paragraph in the restricted words and links the bound papers.
    const std::string sheet = words(section(restricted, "index"));
    CHECK(contains(sheet, "NOT FOR PUBLICATION. This item's papers are bound in this restricted pack"));
    CHECK(contains(sheet, "paragraph 3 of Part 1 of Schedule 12A"));
    CHECK_FALSE(contains(sheet, "are not published"));
    CHECK(contains(words(section(pub, "index")), "are not published"));
    // Every exempt section carries its stamp; no other does.
    int exempt = 0;
    for (const auto& s : restricted.sections) {
        CHECK_MESSAGE(s.exempt == !s.exempt_stamp.empty(), s.id);
        if (s.exempt) ++exempt;
    }
    CHECK(exempt >= 2);
    CHECK(section(restricted, "minutes-exempt").exempt_stamp == "NOT FOR PUBLICATION: Schedule 12A, paragraph 1");
}

TEST_CASE("a link to an exempt section keeps its words and loses its target") {
    model::Document d;
    d.id = "m";
    model::Section pub, secret;
    pub.id = "a";
    model::Link link;
    link.url = "xref:secret";
    link.target = model::Target{"m", "secret", {}, {}};
    link.content = {model::Inline{model::Text{"the exempt report"}}};
    pub.blocks.push_back(model::Block{model::Paragraph{{model::Inline{std::move(link)}}, {}}});
    secret.id = "secret";
    secret.exempt = true;
    d.sections = {pub, secret};
    std::vector<model::Document> docs{d};
    transform::remove_exempt(docs);
    REQUIRE(docs[0].sections.size() == 1);
    const auto& p = std::get<model::Paragraph>(docs[0].sections[0].blocks[0].value);
    CHECK(std::get<model::Text>(p.content[0].value).text == "the exempt report");
}

TEST_CASE("page ranges are written from a layout, and stay empty for items without pages") {
    model::Document pack;
    model::Section sheet;
    sheet.id = "index";
    for (int item : {1, 2, 3})
        sheet.blocks.push_back(model::Block{model::Paragraph{{model::Inline{model::PageRange{item, ""}}}, {}}});
    pack.sections.push_back(sheet);
    render::pdf::fill_page_ranges(pack, {{1, {1, 6}}, {3, {7, 7}}});
    auto text = [&](size_t i) {
        return std::get<model::PageRange>(std::get<model::Paragraph>(pack.sections[0].blocks[i].value).content[0].value).text;
    };
    CHECK(text(0) == "(Pages 1 - 6)");
    CHECK(text(1) == "");
    CHECK(text(2) == "(Page 7)");
}

TEST_CASE("minutes: attendance, resolutions and members leaving, in either privacy mode") {
    data::Privacy full{data::NameMode::full, data::ContactMode::all};
    const std::string named = words(doc(build(full).papers.documents, "ctte-2022-11-10-minutes"));
    CHECK(contains(named, "Councillor Chair (in the Chair)"));
    CHECK(contains(named, "Councillor B Member"));
    CHECK(contains(named, "Mr Cal Coopt, Parent Governor Co-opted Member"));
    CHECK(contains(named, "Mr Ben Head, Service Manager"));  // his role on the day of the meeting
    CHECK(contains(named, "A member of the public"));       // a private person is never named
    CHECK(!contains(named, "Rita"));
    CHECK(contains(named, "Councillor Bea Member left the meeting during this item."));
    CHECK(contains(named, "The Committee agreed that figures on remands be sent to members."));
    CHECK(contains(named, "(The meeting ended at 7.45 pm)"));
    CHECK(contains(named, "Ms Ada Clerk, Democratic Services Officer, Tel: 01632 960001, e-mail "
                          "committees@northtown.example, www.northtown.example"));
    // Minutes follow the agenda's order, whatever order they were written in.
    CHECK(named.find("1. Apologies") < named.find("2. Youth justice update"));

    // members-only: councillors and co-optees by name, officers by role, private people never.
    const std::string members = words(doc(build({data::NameMode::members_only, data::ContactMode::generic_only})
                                              .papers.documents, "ctte-2022-11-10-minutes"));
    CHECK(contains(members, "Councillor Chair (in the Chair)"));
    CHECK(contains(members, "Councillor B Member"));
    CHECK(contains(members, "Mr Cal Coopt, Parent Governor Co-opted Member"));
    CHECK(contains(members, "Councillor Bea Member left the meeting during this item."));
    for (const char* name : {"Ben Head", "Ada Clerk", "01632 960001", "Rita"})
        CHECK_MESSAGE(!contains(members, name), name);
    CHECK(contains(members, "Service Manager"));

    const std::string roles = words(doc(build().papers.documents, "ctte-2022-11-10-minutes"));
    for (const char* name : {"Chair (in", "Bea", "Coopt", "Ben Head", "Ada Clerk", "01632 960001"})
        CHECK_MESSAGE(!contains(roles, name), name);
    CHECK(contains(roles, "A member of the Committee (in the Chair)"));
    CHECK(contains(roles, "One other councillor of the Committee"));
    CHECK(contains(roles, "A member of the Committee left the meeting during this item."));
    CHECK(contains(roles, "the Democratic Services Officer, e-mail committees@northtown.example, www.northtown.example"));
}

TEST_CASE("the committee page groups meetings by municipal year and lists who sits on it") {
    const Built b = build();
    const model::Document& page = doc(b.papers.documents, "scrutiny");
    const std::string w = words(page);
    CHECK(page.path == "committees/scrutiny");
    CHECK(contains(w, "Municipal year 2022/2023"));
    CHECK(contains(w, "Councillors: two, one of whom chairs the Committee"));
    CHECK(contains(w, "Parent Governor Co-opted Member: one"));
}

}  // namespace unit_committee_papers
