// Meetings in time: notice periods counted in clear working days, attendance shown only
// for meetings a document's date has seen.
#include <doctest/doctest.h>

#include "data/board.hpp"
#include "data/working_days.hpp"
#include "load/report_template.hpp"
#include "model/inline_text.hpp"
#include "model_builders.hpp"
#include "transform/committee/parts.hpp"
#include "transform/transforms.hpp"

namespace unit_meetings_in_time {

using namespace planpack;
using model::Date;

namespace {

const std::set<Date> funeral = {{2022, 9, 19}};  // the bank holiday for the Queen's state funeral

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.all()) out.push_back(format(x));
    return out;
}

// Three meetings: 19 January, 20 April and 20 July 2023.
load::DataSet board_data() {
    data::Board b;
    b.name = "board";
    b.title = "Board";
    b.quorum = {1, 0};
    b.seats = {{"chair", "Council", "Chair", "", std::nullopt, "chair", "", {}}};
    b.meetings = {{"2023-01", {2023, 1, 19}, "", {}, "", "", {}, false, {}, {}, {}},
                  {"2023-04", {2023, 4, 20}, "", {}, "", "", {}, false, {}, {}, {}},
                  {"2023-07", {2023, 7, 20}, "", {}, "", "", {}, false, {}, {}, {}}};
    b.attendance = {{data::Presence::attended, data::Presence::apologies, data::Presence::attended}};
    load::DataSet data;
    data.boards.emplace("board", b);
    return data;
}

// The meetings an attendance grid shows (its header, less the seat, agency and rate columns).
std::vector<std::string> grid_meetings(model::DocumentKind kind, Date as_of, Diagnostics& d) {
    model::Document doc;
    doc.kind = kind;
    doc.as_of = as_of;
    model::Directive dir{"attendance-grid", "board = \"board\"\nagencies = false\nstatutory = false\n", {"c.md", 4, 1}, 5};
    doc.sections.push_back(testing::section("attendance", model::SectionKind::section, 1, {model::Block{dir}}));
    transform::expand_directives(doc, board_data(), {}, d);
    std::vector<std::string> out;
    if (doc.sections[0].blocks.empty()) return out;
    const auto* t = model::get_alternative<model::Table>(&doc.sections[0].blocks[0].value);
    REQUIRE(t);
    const auto& head = t->head.at(0).cells;
    for (size_t i = 2; i + 1 < head.size(); ++i) out.push_back(model::plain_text(head[i].content));
    return out;
}

data::CommitteeMeeting meeting(Date issued, Date day) {
    data::CommitteeMeeting m;
    m.id = "m";
    m.date = day;
    m.issued = issued;
    m.issued_pos = {"meetings/m/meeting.toml", 8, 10};
    return m;
}

}  // namespace

TEST_SUITE("meetings in time") {
TEST_CASE("clear working days leave out the day of issue, the meeting day, weekends and bank holidays") {
    CHECK(model::iso_weekday({2022, 9, 19}) == 1);
    CHECK(model::iso_weekday({2023, 10, 22}) == 7);
    // Tuesday 3 to Wednesday 11 January 2023: the 4th, 5th, 6th, 9th and 10th.
    CHECK(data::clear_working_days({2023, 1, 3}, {2023, 1, 11}, {}) == 5);
    CHECK(data::clear_working_days({2023, 1, 4}, {2023, 1, 11}, {}) == 4);
    // The same day, and the day before: none in between.
    CHECK(data::clear_working_days({2023, 1, 11}, {2023, 1, 11}, {}) == 0);
    CHECK(data::clear_working_days({2023, 1, 10}, {2023, 1, 11}, {}) == 0);
    // A bank holiday in between counts for nothing.
    CHECK(data::clear_working_days({2022, 9, 13}, {2022, 9, 22}, {}) == 6);
    CHECK(data::clear_working_days({2022, 9, 13}, {2022, 9, 22}, funeral) == 5);
    CHECK(data::clear_working_days({2022, 9, 14}, {2022, 9, 22}, funeral) == 4);
    // Across a month and a year end.
    const std::set<Date> christmas = {{2022, 12, 26}, {2022, 12, 27}, {2023, 1, 2}};
    CHECK(data::clear_working_days({2022, 12, 21}, {2023, 1, 4}, christmas) == 6);
    CHECK(data::clear_working_days({2022, 12, 22}, {2023, 1, 4}, christmas) == 5);
}

TEST_CASE("the latest issue date that still gives five clear working days") {
    CHECK(data::latest_issue({2022, 9, 22}, 5, {}) == Date{2022, 9, 14});
    CHECK(data::latest_issue({2022, 9, 22}, 5, funeral) == Date{2022, 9, 13});
    CHECK(data::clear_working_days(data::latest_issue({2023, 1, 11}, 5, {}), {2023, 1, 11}, {}) == 5);
    // For a Monday meeting the five are the week before; the Sunday before them would do,
    // but an agenda is issued on a working day: the Friday.
    CHECK(data::latest_issue({2023, 1, 16}, 5, {}) == Date{2023, 1, 6});
    CHECK(data::latest_issue({2023, 1, 5}, 5, {{2023, 1, 2}}) == Date{2022, 12, 27});
    CHECK(data::latest_issue({2023, 1, 5}, 5, {{2022, 12, 26}, {2022, 12, 27}, {2023, 1, 2}}) == Date{2022, 12, 23});
}

TEST_CASE("an agenda issued fewer than five clear working days ahead is a warning, exactly five is not") {
    data::BankHolidays holidays;
    holidays.days = {{{2022, 9, 19}, "State funeral", {}}};
    Diagnostics d;
    transform::committee::check_notice(meeting({2022, 9, 13}, {2022, 9, 22}), holidays, d);
    CHECK(messages(d).empty());
    transform::committee::check_notice(meeting({2022, 9, 14}, {2022, 9, 22}), holidays, d);
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] ==
          "meetings/m/meeting.toml:8:10: warning: the agenda is issued on 14 September 2022, 4 clear working days "
          "before the meeting on 22 September 2022: the Local Government Act 1972 (s100B) asks for five, not "
          "counting weekends, bank holidays (templates/committee/bank-holidays.toml), the day of issue or the day "
          "of the meeting; issue it by 13 September 2022, or say in the agenda why an item is urgent");
    CHECK_FALSE(d.has_errors());
    Diagnostics one;
    transform::committee::check_notice(meeting({2023, 1, 10}, {2023, 1, 12}), holidays, one);
    REQUIRE(messages(one).size() == 1);
    CHECK(messages(one)[0].find("1 clear working day before") != std::string::npos);
}

TEST_CASE("the shipped bank holidays parse, and a day listed twice is an error") {
    Diagnostics d;
    auto templates = load::load_committee_templates(std::string(PLANPACK_SOURCE_DIR) + "/templates", d);
    REQUIRE(templates);
    const auto days = templates->bank_holidays.dates();
    CHECK(days.count({2022, 9, 19}) == 1);
    CHECK(days.count({2023, 5, 8}) == 1);
    CHECK(days.count({2027, 12, 28}) == 1);
    for (const Date& day : days) CHECK(model::iso_weekday(day) <= 5);  // a holiday falls on a working day
    Diagnostics twice;
    auto h = load::parse_bank_holidays("[[holiday]]\ndate = 2023-12-25\nname = \"Christmas Day\"\n\n"
                                       "[[holiday]]\ndate = 2023-12-25\nname = \"Christmas\"\n",
                                       "bank-holidays.toml", twice);
    CHECK_FALSE(h);
    REQUIRE(messages(twice).size() == 1);
    CHECK(messages(twice)[0] ==
          "bank-holidays.toml:6:8: error: 25 December 2023 is listed twice: keep one [[holiday]] for it");
}

TEST_CASE("attendance shows meetings held by the document's date, and a board pack stops before its own") {
    Diagnostics d;
    // A plan dated the day of a meeting has seen it; one dated the day before has not.
    CHECK(grid_meetings(model::DocumentKind::annual_plan, {2023, 7, 20}, d) ==
          std::vector<std::string>{"January 2023", "April 2023", "July 2023"});
    CHECK(grid_meetings(model::DocumentKind::annual_plan, {2023, 7, 19}, d) == std::vector<std::string>{"January 2023", "April 2023"});
    CHECK(grid_meetings(model::DocumentKind::annual_plan, {2023, 7, 21}, d).size() == 3);
    // The pack for the July meeting is issued before it: attendance up to April.
    CHECK(grid_meetings(model::DocumentKind::board_pack, {2023, 7, 20}, d) == std::vector<std::string>{"January 2023", "April 2023"});
    // Dated the day after a meeting, a pack reports it.
    CHECK(grid_meetings(model::DocumentKind::board_pack, {2023, 7, 21}, d).size() == 3);
    CHECK(messages(d).empty());
    Diagnostics none;
    CHECK(grid_meetings(model::DocumentKind::board_pack, {2023, 1, 19}, none).empty());
    REQUIRE(messages(none).size() == 1);
    CHECK(messages(none)[0] == "c.md:4:1: error: board board has no meetings to show held before 19 January 2023, "
                               "this document's date");
}
}

}  // namespace unit_meetings_in_time
