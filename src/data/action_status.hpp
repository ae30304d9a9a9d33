#pragma once
// Figures derived from an action plan, never typed: statuses, overdue milestones, RAG
// ratings and counts. Pure functions of the plan and the date they are judged at.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "data/action_plan.hpp"

namespace planpack::data {

// The plan as it stood on as_of: updates dated later are left out and each milestone takes
// the status of its latest event on or before as_of, so a pack issued for an October
// meeting never reports November's news, however late it is rebuilt. An action's explicit
// status counts from the plan's publication until a later update sets another.
ActionPlan as_at(const ActionPlan& plan, const model::Date& as_of);

// A milestone's status on a day: its latest event on or before it, else its undated status.
Status status_on(const Milestone& m, const model::Date& day);

// The day undated statuses are read as of.
model::Date publication(const ActionPlan& plan);

// Explicit status, else the latest update that set one, else what the milestones say.
Status derived_status(const Action& a);

// A milestone is overdue when its whole due span has passed and it is still open.
// Ongoing and to-be-confirmed milestones are never overdue.
bool overdue(const Milestone& m, const model::Date& as_of);
int overdue_count(const Action& a, const model::Date& as_of);

// Explicit RAG, else: complete is blue, an overdue milestone is red, deferred is amber,
// anything else is on track (green).
Rag derived_rag(const Action& a, const model::Date& as_of);

struct Counts {
    std::array<int, std::size(all_statuses)> by_status{};
    std::array<int, std::size(all_rags)> by_rag{};
    int overdue_milestones = 0;
    int actions = 0;

    int status(Status s) const { return by_status[static_cast<size_t>(s)]; }
    int rag(Rag r) const { return by_rag[static_cast<size_t>(r)]; }
};

// Counts per group id (in plan order) and overall.
struct PlanSummary {
    std::vector<std::pair<const Group*, Counts>> groups;
    Counts total;
};
PlanSummary summarise(const ActionPlan& plan, const model::Date& as_of);

// What changed on or after since: the actions with an update dated since then, latest
// update last. What a quarterly board pack reports.
struct Change {
    const Action* action;
    const Update* update;
};
std::vector<Change> changes_since(const ActionPlan& plan, const model::Date& since);

}  // namespace planpack::data
