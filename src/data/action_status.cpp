#include "data/action_status.hpp"

#include <algorithm>

namespace planpack::data {

namespace {

bool is_open(Status s) { return s != Status::complete && s != Status::deferred; }

Status from_milestones(const std::vector<Milestone>& ms) {
    if (ms.empty()) return Status::not_started;
    auto count = [&](auto pred) { return std::count_if(ms.begin(), ms.end(), pred); };
    const auto n = static_cast<long>(ms.size());
    const auto complete = count([](const Milestone& m) { return m.status == Status::complete; });
    const auto deferred = count([](const Milestone& m) { return m.status == Status::deferred; });
    const auto ongoing = count([](const Milestone& m) { return m.status == Status::ongoing; });
    const auto started = count([](const Milestone& m) { return m.status == Status::in_progress; });
    const auto planned = count([](const Milestone& m) { return m.status == Status::planned; });
    if (complete == n) return Status::complete;
    if (started > 0) return Status::in_progress;
    if (ongoing > 0 && ongoing + complete == n) return Status::ongoing;
    if (deferred > 0 && deferred + complete == n) return Status::deferred;
    if (complete > 0 || ongoing > 0) return Status::in_progress;
    if (planned > 0) return Status::planned;
    return Status::not_started;
}

}  // namespace

model::Date publication(const ActionPlan& plan) { return plan.published.value_or(plan.period_start); }

Status status_on(const Milestone& m, const model::Date& day) {
    Status s = m.status;
    for (const StatusEvent& e : m.history)
        if (!(day < e.date)) s = e.status;
    return s;
}

ActionPlan as_at(const ActionPlan& plan, const model::Date& as_of) {
    ActionPlan out = plan;
    const model::Date published = publication(plan);
    for (Action& a : out.actions) {
        a.updates.erase(std::remove_if(a.updates.begin(), a.updates.end(),
                                       [&](const Update& u) { return as_of < u.date; }),
                        a.updates.end());
        for (Milestone& m : a.milestones) {
            m.status = status_on(m, as_of);
            m.history.clear();  // already applied: the result is a plain snapshot
        }
        const bool superseded = std::any_of(a.updates.begin(), a.updates.end(), [&](const Update& u) {
            return u.status && published < u.date;
        });
        if (a.status && (as_of < published || superseded)) a.status.reset();
    }
    return out;
}

Status derived_status(const Action& a) {
    if (a.status) return *a.status;
    for (auto it = a.updates.rbegin(); it != a.updates.rend(); ++it)
        if (it->status) return *it->status;
    return from_milestones(a.milestones);
}

bool overdue(const Milestone& m, const model::Date& as_of) {
    return m.due.dated() && is_open(m.status) && m.status != Status::ongoing && m.due.last < as_of;
}

int overdue_count(const Action& a, const model::Date& as_of) {
    if (!is_open(derived_status(a))) return 0;
    return static_cast<int>(std::count_if(a.milestones.begin(), a.milestones.end(),
                                          [&](const Milestone& m) { return overdue(m, as_of); }));
}

Rag derived_rag(const Action& a, const model::Date& as_of) {
    if (a.rag) return *a.rag;
    const Status s = derived_status(a);
    if (s == Status::complete) return Rag::blue;
    if (overdue_count(a, as_of) > 0) return Rag::red;
    if (s == Status::deferred) return Rag::amber;
    return Rag::green;
}

PlanSummary summarise(const ActionPlan& plan, const model::Date& as_of) {
    PlanSummary out;
    for (const Group& g : plan.groups) out.groups.push_back({&g, Counts{}});
    for (const Action& a : plan.actions) {
        auto it = std::find_if(out.groups.begin(), out.groups.end(),
                               [&](const auto& e) { return e.first->id == a.group; });
        Counts* group = it == out.groups.end() ? nullptr : &it->second;  // loader checks groups
        for (Counts* c : {group, &out.total}) {
            if (!c) continue;
            ++c->by_status[static_cast<size_t>(derived_status(a))];
            ++c->by_rag[static_cast<size_t>(derived_rag(a, as_of))];
            c->overdue_milestones += overdue_count(a, as_of);
            ++c->actions;
        }
    }
    return out;
}

std::vector<Change> changes_since(const ActionPlan& plan, const model::Date& since) {
    std::vector<Change> out;
    for (const Action& a : plan.actions)
        for (const Update& u : a.updates)
            if (!(u.date < since)) out.push_back({&a, &u});
    std::stable_sort(out.begin(), out.end(), [](const Change& x, const Change& y) {
        return x.update->date < y.update->date;
    });
    return out;
}

}  // namespace planpack::data
