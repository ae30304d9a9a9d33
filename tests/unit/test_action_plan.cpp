#include <doctest/doctest.h>

#include "data/action_status.hpp"
#include "load/action_plan.hpp"
#include "model/partial_date.hpp"

namespace unit_action_plan {

using namespace planpack;
using namespace planpack::data;
using model::Date;
using model::PartialDate;

namespace {

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format(x));
    return out;
}

const char* plan_head = R"(schema = "action-plan/1"
[plan]
id = "p"
title = "Plan"
period_start = 2023-04-01
period_end = 2024-03-31

[[group]]
id = "P1"
kind = "priority"
title = "One"
)";

std::optional<ActionPlan> parse(const std::string& actions, Diagnostics& d) {
    auto table = load::parse_toml(plan_head + actions, {"data/plan.toml", 0}, d);
    REQUIRE(table);
    return load::parse_action_plan(*table, {"data/plan.toml", 0}, "plan", d);
}

Milestone ms(Status s, std::string due = "tbc") {
    Milestone m;
    m.status = s;
    m.due = *model::parse_partial_date(due);
    return m;
}

Action action_with(std::vector<Milestone> milestones) {
    Action a;
    a.id = "A";
    a.milestones = std::move(milestones);
    return a;
}

}  // namespace

TEST_SUITE("action_plan") {
TEST_CASE("partial dates cover their span, leap years included") {
    auto month = model::parse_partial_date("2024-02");
    REQUIRE(month);
    CHECK(month->kind == PartialDate::Kind::month);
    CHECK(month->last == Date{2024, 2, 29});
    CHECK(model::parse_partial_date("2023-02")->last == Date{2023, 2, 28});
    CHECK(model::parse_partial_date("1900-02")->last == Date{1900, 2, 28});
    CHECK(model::parse_partial_date("2000-02")->last == Date{2000, 2, 29});
    auto q = model::parse_partial_date("2023-Q3");
    REQUIRE(q);
    CHECK(q->first == Date{2023, 7, 1});
    CHECK(q->last == Date{2023, 9, 30});
    CHECK(model::parse_partial_date("2024-02-29"));
    CHECK_FALSE(model::parse_partial_date("2023-02-29"));
    CHECK_FALSE(model::parse_partial_date("2023-13"));
    CHECK_FALSE(model::parse_partial_date("2023-Q5"));
    CHECK_FALSE(model::parse_partial_date("Sept 2023"));
    CHECK_FALSE(model::parse_partial_date("2023-7"));
    CHECK(model::parse_partial_date("ongoing")->kind == PartialDate::Kind::ongoing);
    CHECK(model::parse_partial_date("tbc")->kind == PartialDate::Kind::tbc);
    CHECK(model::format_partial(*q) == "July to September 2023");
    CHECK(model::format_partial(*month) == "February 2024");
    CHECK(model::format_partial(*model::parse_partial_date("2023-07-31")) == "31 July 2023");
}

TEST_CASE("overdue: judged on the last day of the due span, never for open-ended dates") {
    const Milestone july = ms(Status::in_progress, "2023-07");
    CHECK_FALSE(overdue(july, {2023, 7, 31}));  // due by the end of July: not late on the 31st
    CHECK(overdue(july, {2023, 8, 1}));
    CHECK_FALSE(overdue(ms(Status::complete, "2023-07"), {2024, 1, 1}));
    CHECK_FALSE(overdue(ms(Status::deferred, "2023-07"), {2024, 1, 1}));
    CHECK_FALSE(overdue(ms(Status::ongoing, "2023-07"), {2024, 1, 1}));
    CHECK_FALSE(overdue(ms(Status::not_started, "ongoing"), {2030, 1, 1}));
    CHECK_FALSE(overdue(ms(Status::not_started, "tbc"), {2030, 1, 1}));
    CHECK(overdue(ms(Status::planned, "2024-02-29"), {2024, 3, 1}));
    CHECK_FALSE(overdue(ms(Status::planned, "2024-02-29"), {2024, 2, 29}));
    CHECK_FALSE(overdue(ms(Status::planned, "2023-Q3"), {2023, 9, 30}));
    CHECK(overdue(ms(Status::planned, "2023-Q3"), {2023, 10, 1}));
}

TEST_CASE("status is derived from milestones, then updates, then the explicit value") {
    CHECK(derived_status(action_with({})) == Status::not_started);
    CHECK(derived_status(action_with({ms(Status::complete), ms(Status::complete)})) == Status::complete);
    CHECK(derived_status(action_with({ms(Status::complete), ms(Status::not_started)})) == Status::in_progress);
    CHECK(derived_status(action_with({ms(Status::ongoing), ms(Status::complete)})) == Status::ongoing);
    CHECK(derived_status(action_with({ms(Status::deferred), ms(Status::complete)})) == Status::deferred);
    CHECK(derived_status(action_with({ms(Status::planned), ms(Status::not_started)})) == Status::planned);
    CHECK(derived_status(action_with({ms(Status::in_progress), ms(Status::deferred)})) == Status::in_progress);
    Action a = action_with({ms(Status::not_started)});
    a.updates.push_back({{2023, 5, 1}, "Started", Status::in_progress, {}});
    a.updates.push_back({{2023, 6, 1}, "Note only", std::nullopt, {}});
    CHECK(derived_status(a) == Status::in_progress);
    a.updates.push_back({{2023, 7, 1}, "Paused", Status::deferred, {}});
    CHECK(derived_status(a) == Status::deferred);
    a.status = Status::complete;
    CHECK(derived_status(a) == Status::complete);
}

TEST_CASE("a plan as at a date leaves out later updates") {
    ActionPlan plan;
    Action a = action_with({ms(Status::not_started)});
    a.updates.push_back({{2023, 9, 1}, "Started", Status::in_progress, {}});
    a.updates.push_back({{2023, 10, 20}, "Done", Status::complete, {}});
    plan.actions.push_back(a);
    CHECK(derived_status(plan.actions[0]) == Status::complete);
    const ActionPlan before = as_at(plan, {2023, 10, 19});
    REQUIRE(before.actions[0].updates.size() == 1);
    CHECK(derived_status(before.actions[0]) == Status::in_progress);
    CHECK(as_at(plan, {2023, 10, 20}).actions[0].updates.size() == 2);  // on the day counts
    CHECK(changes_since(before, {2023, 9, 2}).empty());
}

// Dated progress: a plan published on 26 June whose record runs to 20 October.
const char* dated_head = R"(schema = "action-plan/1"
[plan]
id = "p"
title = "Plan"
period_start = 2023-04-01
period_end = 2024-03-31
published = 2023-06-26
as_at = 2023-10-20
[[group]]
id = "P1"
kind = "priority"
title = "One"
[[action]]
id = "A1"
group = "P1"
action = "a"
lead = "Lead"
)";

std::optional<ActionPlan> parse_dated(const std::string& rest, Diagnostics& d) {
    auto table = load::parse_toml(dated_head + rest, {"data/plan.toml", 0}, d);
    REQUIRE(table);
    return load::parse_action_plan(*table, {"data/plan.toml", 0}, "plan", d);
}

TEST_CASE("a milestone's status is the one it had on the as-of day") {
    Diagnostics d;
    auto plan = parse_dated(R"(
[[action.milestone]]
text = "m"
due = 2023-09-30
status = "in_progress"
status_history = [{ date = 2023-07-20, status = "complete" },
                  { date = 2023-08-02, status = "in_progress", reason = "Form withdrawn." },
                  { date = 2023-10-20, status = "complete" }]
)", d);
    REQUIRE(plan);
    CHECK(messages(d).empty());
    auto status = [&](Date day) { return derived_status(as_at(*plan, day).actions[0]); };
    CHECK(status({2023, 6, 26}) == Status::in_progress);  // undated: as published
    CHECK(status({2023, 7, 19}) == Status::in_progress);  // the day before an event
    CHECK(status({2023, 7, 20}) == Status::complete);     // an event on the as-of day counts
    CHECK(status({2023, 8, 2}) == Status::in_progress);   // back from complete, with a reason
    CHECK(status({2023, 10, 19}) == Status::in_progress);  // an event after the as-of day does not
    CHECK(status({2023, 10, 20}) == Status::complete);
    // Overdue and RAG follow the status of the day: open and past due on 19 October.
    const ActionPlan oct19 = as_at(*plan, {2023, 10, 19});
    CHECK(overdue_count(oct19.actions[0], {2023, 10, 19}) == 1);
    CHECK(derived_rag(oct19.actions[0], {2023, 10, 19}) == Rag::red);
    CHECK(derived_rag(as_at(*plan, {2023, 10, 20}).actions[0], {2023, 10, 20}) == Rag::blue);
    CHECK(summarise(as_at(*plan, {2023, 7, 20}), {2023, 7, 20}).total.status(Status::complete) == 1);
}

TEST_CASE("an explicit action status counts from publication until an update sets another") {
    Diagnostics d;
    auto plan = parse_dated(R"(status = "planned"
[[action.update]]
date = 2023-09-01
text = "Started after all."
status = "in_progress"
)", d);
    REQUIRE(plan);
    CHECK(derived_status(as_at(*plan, {2023, 6, 1}).actions[0]) == Status::not_started);
    CHECK(derived_status(as_at(*plan, {2023, 6, 26}).actions[0]) == Status::planned);
    CHECK(derived_status(as_at(*plan, {2023, 9, 1}).actions[0]) == Status::in_progress);
}

TEST_CASE("dated progress: errors for events after as_at, before publication, and going back silently") {
    Diagnostics d;
    CHECK_FALSE(parse_dated(R"(
[[action.milestone]]
text = "m"
status = "complete"
status_history = [{ date = 2023-06-01, status = "complete" },
                  { date = 2023-07-01, status = "in_progress" },
                  { date = 2023-10-21, status = "complete" }]
[[action.update]]
date = 2023-10-21
text = "Too late."
status = "complete"
)", d));
    const auto m = messages(d);
    REQUIRE(m.size() == 4);
    CHECK(m[0] == "data/plan.toml:22:19: error: a status change of a milestone of 'A1' is dated 1 June 2023, "
                  "not after the plan's publication on 26 June 2023: write the status it had then as the "
                  "milestone's status");
    CHECK(m[1] == "data/plan.toml:23:19: error: a milestone of 'A1' goes back from complete to in_progress "
                  "on 1 July 2023: say why with reason = \"...\"");
    CHECK(m[2] == "data/plan.toml:24:19: error: a status change of a milestone of 'A1' is dated 21 October "
                  "2023, after the plan's as_at 20 October 2023: a progress record cannot run ahead of its "
                  "own date (correct the date, or move as_at on)");
    CHECK(m[3] == "data/plan.toml:25:1: error: an update of 'A1' is dated 21 October 2023, after the plan's "
                  "as_at 20 October 2023: a progress record cannot run ahead of its own date (correct the "
                  "date, or move as_at on)");
}

TEST_CASE("RAG: blue complete, red overdue, amber deferred, green on track, explicit wins") {
    const Date as_of{2023, 10, 31};
    CHECK(derived_rag(action_with({ms(Status::complete, "2023-05")}), as_of) == Rag::blue);
    CHECK(derived_rag(action_with({ms(Status::not_started, "2023-09")}), as_of) == Rag::red);
    CHECK(derived_rag(action_with({ms(Status::deferred, "2023-09")}), as_of) == Rag::amber);
    CHECK(derived_rag(action_with({ms(Status::in_progress, "2023-12")}), as_of) == Rag::green);
    Action a = action_with({ms(Status::not_started, "2023-09")});
    a.rag = Rag::amber;
    CHECK(derived_rag(a, as_of) == Rag::amber);
    CHECK(overdue_count(a, as_of) == 1);
}

TEST_CASE("summaries count per group and overall") {
    Diagnostics d;
    auto plan = parse(R"(
[[group]]
id = "P2"
kind = "priority"
title = "Two"

[[action]]
id = "A1"
group = "P1"
action = "a"
lead = "Lead"
[[action.milestone]]
text = "m"
due = 2023-05-01
status = "planned"

[[action]]
id = "A2"
group = "P2"
action = "b"
lead = ["Lead"]
status = "complete"

[[action]]
id = "A3"
group = "P1"
action = "c"
lead = "Lead"
[[action.update]]
date = 2023-09-10
text = "Going well"
status = "in_progress"
[[action.update]]
date = 2023-06-01
text = "Started"
)", d);
    REQUIRE(plan);
    CHECK(messages(d).empty());
    const auto s = summarise(*plan, {2023, 10, 31});
    REQUIRE(s.groups.size() == 2);
    CHECK(s.groups[0].second.actions == 2);
    CHECK(s.groups[0].second.status(Status::planned) == 1);
    CHECK(s.groups[0].second.status(Status::in_progress) == 1);
    CHECK(s.groups[0].second.rag(Rag::red) == 1);
    CHECK(s.groups[0].second.overdue_milestones == 1);
    CHECK(s.groups[1].second.status(Status::complete) == 1);
    CHECK(s.total.actions == 3);
    CHECK(s.total.rag(Rag::blue) == 1);
    CHECK(s.total.rag(Rag::green) == 1);
    // Updates are kept in date order whatever order they were written in.
    CHECK(plan->actions[2].updates.front().text == "Started");
    const auto changes = changes_since(*plan, {2023, 9, 1});
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].action->id == "A3");
}

TEST_CASE("loader errors point at the key at fault") {
    Diagnostics d;
    CHECK_FALSE(parse(R"(
[[action]]
id = "A1"
group = "P9"
action = "a"
status = "done"
[[action.milestone]]
text = "m"
due = "Sept 2023"
)", d));
    const auto m = messages(d);
    REQUIRE(m.size() == 5);
    CHECK(m[0] == "data/plan.toml:8:1: warning: group 'P1' has no actions");
    CHECK(m[1] == "data/plan.toml:13:1: error: action 'A1' has no accountable person: add lead = \"the role that owns it\"");
    CHECK(m[2] == "data/plan.toml:15:9: error: action 'A1' names group 'P9', which no [[group]] defines");
    CHECK(m[3] == "data/plan.toml:17:10: error: unknown status 'done' (expected one of: not_started, "
                  "planned, in_progress, ongoing, complete, deferred)");
    CHECK(m[4].find("due must be a date (2023-07-31), a month (\"2023-07\"), a quarter (\"2023-Q3\"), "
                    "\"ongoing\" or \"tbc\", not \"Sept 2023\"") != std::string::npos);
}

TEST_CASE("warnings: due outside the period, complete with open milestones") {
    Diagnostics d;
    auto plan = parse(R"(
[[action]]
id = "A1"
group = "P1"
action = "a"
lead = "Lead"
status = "complete"
[[action.milestone]]
text = "m"
due = "2024-Q2"
)", d);
    REQUIRE(plan);
    const auto m = messages(d);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "data/plan.toml:13:1: warning: action 'A1' is complete but 1 of its milestones are still open");
    CHECK(m[1] == "data/plan.toml:19:1: warning: milestone of 'A1' is due April to June 2024, outside "
                  "the plan period 1 April 2023 to 31 March 2024");
}

TEST_CASE("carrying forward a completed action needs a comment") {
    Diagnostics d;
    auto previous = parse(R"(
[[action]]
id = "5.7"
group = "P1"
action = "Learning circle"
lead = "Lead"
status = "complete"
)", d);
    auto current = parse(R"(
[[action]]
id = "P5.2"
group = "P1"
action = "Learning circle again"
lead = "Lead"
carried_from = "5.7"

[[action]]
id = "P5.3"
group = "P1"
action = "x"
lead = "Lead"
carried_from = "9.9"
)", d);
    REQUIRE(previous);
    REQUIRE(current);
    Diagnostics d2;
    load::check_against_previous(*current, *previous, d2);
    const auto m = messages(d2);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "data/plan.toml:13:1: warning: action 'P5.2' carries forward '5.7', which was "
                  "complete in plan: say why in carried_comment");
    CHECK(m[1] == "data/plan.toml:20:1: error: action 'P5.3' is carried from '9.9', which is not an "
                  "action of plan");
}
}

}  // namespace unit_action_plan
