#include <doctest/doctest.h>

#include <algorithm>

#include "load/markdown.hpp"
#include "load/report_template.hpp"
#include "model/inline_text.hpp"
#include "transform/number_report.hpp"

namespace unit_report_numbering {

using namespace planpack;

namespace {

const data::ReportTemplate& standard() {
    static const data::ReportTemplate t = [] {
        Diagnostics d;
        auto all = load::load_committee_templates(std::string(PLANPACK_SOURCE_DIR) + "/templates", d);
        REQUIRE_MESSAGE(all, (d.all().empty() ? "" : format(d.all()[0])));
        return all->reports.at("standard");
    }();
    return t;
}

transform::ReportSpec spec() {
    transform::ReportSpec s;
    s.tmpl = &standard();
    s.answers = {{"contrary_to_plan", data::Answer::no},
                 {"within_budget", data::Answer::yes},
                 {"exempt", data::Answer::no}};
    for (const auto& [k, _] : s.answers) s.answer_pos[k] = {"r.md", 3, 1};
    s.front_matter = {"r.md", 1, 1};
    s.priorities = {"Communities: stronger communities"};
    return s;
}

model::Section report(const std::string& markdown, Diagnostics& d) {
    auto body = load::parse_markdown(markdown, "r.md", 10, d);
    REQUIRE(body);
    model::Section s;
    s.id = "r";
    s.title = "A report";
    s.source = {"r.md", 1, 1};
    s.blocks = std::move(body->blocks);
    return s;
}

// Each block as "h2 6.0 Background information|para-6-0", "6.2: words|para-6-2", ...
std::vector<std::string> outline(const model::Blocks& blocks) {
    std::vector<std::string> out;
    for (const auto& b : blocks) {
        if (const auto* h = std::get_if<model::Heading>(&b.value))
            out.push_back("h" + std::to_string(h->level) + " " + model::plain_text(h->content) + "|" + h->id);
        else if (const auto* n = std::get_if<model::Numbered>(&b.value)) {
            std::string text;
            for (const auto& c : n->content)
                if (const auto* p = std::get_if<model::Paragraph>(&c.value)) text += model::plain_text(p->content);
                else if (std::holds_alternative<model::List>(c.value)) text += "[list]";
                else if (model::get_alternative<model::Table>(&c.value)) text += "[table]";
            out.push_back(n->number + ": " + text + "|" + n->id);
        }
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a report is numbered in template order: N.0 headings, N.m paragraphs, N.m.k under ###") {
    Diagnostics d;
    auto r = report(R"(## Purpose of the report

To update the Committee.

## Background information

The service has improved.

Six recommendations were made:

- evaluate interventions;
- assess needs.

### Performance headlines

Custody: falling.

Reoffending: in line.

## Recommendations:

To note the update.
)",
                    d);
    // Recommendations written after Background is out of template order: an error (its
    // text is still read, so it is not also missing); Reasons is missing.
    transform::number_report(r, spec(), d);
    REQUIRE(d.all().size() == 2);
    CHECK(format(d.all()[0]).find("r.md:29:1: error: 'Recommendation(s)' comes before 'Background information'") == 0);
    CHECK(format(d.all()[1]) == "r.md:1:1: error: the report has no '## Reasons for recommendation(s)' section, "
                                "which the template requires");

    Diagnostics ok;
    auto good = report(R"(## Purpose of the report

To update the Committee.

## Recommendations:

To note the update.

## Reasons for recommendation(s)

Oversight.

## Background

The service has improved.

Six recommendations were made:

- evaluate interventions;
- assess needs.

### Performance headlines

Custody: falling.

Reoffending: in line.
)",
                       ok);
    transform::number_report(good, spec(), ok);
    CHECK_MESSAGE(ok.all().empty(), (ok.all().empty() ? "" : format(ok.all()[0])));
    const auto o = outline(good.blocks);
    CHECK(o[0] == "h2 1.0 Purpose of the report|para-1-0");
    CHECK(o[1] == "1.1: To update the Committee.|para-1-1");
    CHECK(has(o, "h2 2.0 Recommendation(s)|para-2-0"));  // printed as the template spells it
    CHECK(has(o, "h2 6.0 Background information|para-6-0"));
    CHECK(has(o, "6.1: The service has improved.|para-6-1"));
    CHECK(has(o, "6.2: Six recommendations were made:[list]|para-6-2"));  // the list stays with it
    CHECK(has(o, "h3 6.3 Performance headlines|para-6-3"));
    CHECK(has(o, "6.3.1: Custody: falling.|para-6-3-1"));
    CHECK(has(o, "6.3.2: Reoffending: in line.|para-6-3-2"));
    // The fixed questions: the last two paragraphs of section 3, the last of section 6.
    CHECK(has(o, "3.2: Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No|para-3-2"));
    CHECK(has(o, "3.3: Is the recommendation in accordance with the Council's approved budget? Yes|para-3-3"));
    CHECK(has(o, "6.4: Does the information submitted include any exempt information? No|para-6-4"));
    // Missing and empty sections say None.; generated ones are written from the front matter.
    CHECK(has(o, "4.1: None.|para-4-1"));
    CHECK(has(o, "5.1: The relevant Council priority is: \u201cCommunities: stronger communities\u201d|para-5-1"));
    CHECK(has(o, "7.1: None.|para-7-1"));
    CHECK(has(o, "14.1: None.|para-14-1"));
    CHECK(o.back() == "14.1: None.|para-14-1");
    size_t sections = 0;
    for (const auto& line : o) sections += line.rfind("h2 ", 0) == 0;
    CHECK(sections == 14);
}

TEST_CASE("a typed paragraph number is a warning at its paragraph, and is dropped") {
    Diagnostics d;
    auto r = report("## Purpose of the report\n\n1.1 To update.\n\n## Recommendation(s)\n\nNote it.\n\n"
                    "## Reasons for recommendation(s)\n\nOversight.\n\n"
                    "## Background information\n\n6.2. The service grew.\n\n1.5 million visitors came.\n",
                    d);
    transform::number_report(r, spec(), d);
    REQUIRE(d.all().size() == 2);
    CHECK(format(d.all()[0]) == "r.md:12:1: warning: typed paragraph number '1.1': planpack numbers "
                                "paragraphs itself; delete it");
    CHECK(format(d.all()[1]) == "r.md:24:1: warning: typed paragraph number '6.2.': planpack numbers "
                                "paragraphs itself; delete it");
    const auto o = outline(r.blocks);
    CHECK(has(o, "1.1: To update.|para-1-1"));
    CHECK(has(o, "6.1: The service grew.|para-6-1"));
    CHECK(has(o, "6.2: 1.5 million visitors came.|para-6-2"));  // prose about section 1's figure
}

TEST_CASE("the list of appendices is generated, linked and labelled from the agenda item") {
    Diagnostics d;
    auto r = report("## Purpose of the report\n\nTo update.\n\n## Recommendation(s)\n\nNote it.\n\n"
                    "## Reasons for recommendation(s)\n\nOversight.\n",
                    d);
    auto s = spec();
    s.appendices = {{"Appendix 7(a)", "Youth Justice Plan", "yjp"}, {"Appendix 7(b)", "Structure chart", "chart"}};
    s.background_papers = {"HMIP inspection report, 2021"};
    transform::number_report(r, s, d);
    CHECK(d.all().empty());
    const auto o = outline(r.blocks);
    CHECK(has(o, "7.1: Appendix 7(a) \u2013 Youth Justice Plan|para-7-1"));
    CHECK(has(o, "7.2: Appendix 7(b) \u2013 Structure chart|para-7-2"));
    CHECK(has(o, "14.1: HMIP inspection report, 2021|para-14-1"));
    // The label is a link for resolve_xrefs to point at the appendix.
    const model::Numbered* seven = nullptr;
    for (const auto& b : r.blocks)
        if (const auto* n = std::get_if<model::Numbered>(&b.value); n && n->number == "7.1") seven = n;
    REQUIRE(seven);
    const auto& p = std::get<model::Paragraph>(seven->content[0].value);
    CHECK(model::get_alternative<model::Link>(&p.content[0].value)->url == "xref:yjp");
}

TEST_CASE("report errors: unknown and repeated headings, text before the first, missing answers") {
    Diagnostics d;
    auto r = report("Stray words.\n\n## Purpose of the report\n\nTo update.\n\n## Purpose of the report\n\nAgain.\n\n"
                    "## Backgroud\n\nTypo.\n\n## Recommendation(s)\n\nNote it.\n",
                    d);
    auto s = spec();
    s.answers.erase("within_budget");
    s.answer_pos.erase("within_budget");
    s.answer_pos["contrary"] = {"r.md", 4, 1};
    transform::number_report(r, s, d);
    std::vector<std::string> m;
    for (const auto& x : d.sorted()) m.push_back(format(x));
    REQUIRE(m.size() == 6);
    CHECK(m[0] == "r.md:1:1: error: [answers] has no answer to 'within_budget' (Is the recommendation in "
                  "accordance with the Council's approved budget?)");
    CHECK(m[1] == "r.md:1:1: error: text before the first '## ' heading: a report starts with '## Purpose of the report'");
    CHECK(m[2] == "r.md:1:1: error: the report has no '## Reasons for recommendation(s)' section, which the "
                  "template requires");
    CHECK(m[3] == "r.md:4:1: error: the standard template asks no question 'contrary'");
    CHECK(m[4] == "r.md:16:1: error: 'Purpose of the report' is already written above, at line 12");
    CHECK(m[5].rfind("r.md:20:1: error: '## Backgroud' is not a section of the standard report template", 0) == 0);
}

TEST_CASE("headings match without case, a trailing colon or spaces around a slash") {
    CHECK(data::normalise_heading("Internal/ External Consultation undertaken:") ==
          "internal/external consultation undertaken");
    CHECK(data::normalise_heading("  Council   Priority: ") == "council priority");
    const auto& t = standard();
    CHECK(t.match("Background Information:") == t.match("Background"));
    CHECK(t.match("Equalities Considerations") == size_t{10});
    CHECK_FALSE(t.match("Background reading"));
}

TEST_CASE("a report template is checked: questions defined once, asked once, headings unambiguous") {
    Diagnostics d;
    CHECK_FALSE(load::parse_report_template(R"(title = "T"
[[question]]
key = "q"
text = "Q?"
[[section]]
key = "a"
heading = "Alpha"
questions = ["q", "nope"]
[[section]]
key = "b"
heading = "Beta"
accept = ["alpha:"]
questions = ["q"]
)",
                                            "t.toml", "t", d));
    std::vector<std::string> m;
    for (const auto& x : d.sorted()) m.push_back(format(x));
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "t.toml:5:1: error: section 'a' asks question 'nope', which no [[question]] defines");
    CHECK(m[1] == "t.toml:9:1: error: heading 'alpha:' matches two sections");
    CHECK(m[2] == "t.toml:9:1: error: question 'q' is asked twice");
}

}  // namespace unit_report_numbering
