#include "load/action_plan.hpp"

#include <algorithm>
#include <set>

#include "data/action_status.hpp"
#include "diag/suggest.hpp"

namespace planpack::load {

namespace {

using data::ActionPlan;

constexpr const char* group_kinds[] = {"priority", "national_standard", "inspection", "board"};

// A string or an array of strings; both read as a list.
std::vector<std::string> strings(TableReader& r, std::string_view key) {
    std::vector<std::string> out;
    if (const toml::node* n = r.peek(key); n && n->is_string()) {
        out.push_back(*r.string(key, false));
        return out;
    }
    const toml::node* n = r.peek(key);
    r.allow(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        r.diags().error(r.origin().at(*n), "'" + std::string(key) +
                                               "' must be a string or an array of strings, not " +
                                               std::string(type_name(*n)));
        return out;
    }
    for (const toml::node& item : *arr) {
        if (item.is_string()) out.push_back(item.as_string()->get());
        else r.diags().error(r.origin().at(item), "'" + std::string(key) + "' must list strings, not " +
                                                      std::string(type_name(item)));
    }
    return out;
}

std::optional<data::Status> status(TableReader& r, std::string_view key) {
    auto s = r.string(key, false);
    if (!s) return std::nullopt;
    if (auto st = data::parse_status(*s)) return st;
    std::string hint = did_you_mean(*s, {"not_started", "planned", "in_progress", "ongoing", "complete", "deferred"});
    if (hint.empty()) hint = " (expected one of: not_started, planned, in_progress, ongoing, complete, deferred)";
    r.diags().error(r.pos_of(key), "unknown status '" + *s + "'" + hint);
    return std::nullopt;
}

std::vector<data::Reference> references(TableReader& r, std::string_view key) {
    std::vector<data::Reference> out;
    r.each_table(key, false, [&](const toml::table& t) {
        TableReader rr(t, r.origin(), r.diags(), "[[" + std::string(key) + "]]");
        data::Reference ref{rr.string("id", true).value_or(""), rr.string("text", true).value_or("")};
        rr.finish();
        for (const auto& other : out)
            if (!ref.id.empty() && other.id == ref.id)
                r.diags().error(rr.pos_of("id"), "duplicate " + std::string(key) + " id '" + ref.id + "'");
        out.push_back(std::move(ref));
    });
    return out;
}

void read_columns(TableReader& plan, data::ColumnLabels& c) {
    const toml::table* t = plan.table("columns", false);
    if (!t) return;
    TableReader r(*t, plan.origin(), plan.diags(), "[plan.columns]");
    c.action = r.string("action", false).value_or(c.action);
    c.impact = r.string("impact", false).value_or(c.impact);
    c.outcomes = r.string("outcomes", false).value_or(c.outcomes);
    c.accountable = r.string("accountable", false).value_or(c.accountable);
    c.milestones = r.string("milestones", false).value_or(c.milestones);
    c.notes = r.string("notes", false).value_or(c.notes);
    c.status = r.string("status", false).value_or(c.status);
    r.finish();
}

std::optional<model::PartialDate> due_date(TableReader& r) {
    const toml::node* n = r.peek("due");
    r.allow("due");
    if (!n) return model::PartialDate{};  // no date given: to be confirmed
    if (n->is_date()) {
        const toml::date d = n->as_date()->get();
        return model::from_date({d.year, d.month, d.day});
    }
    if (n->is_string())
        if (auto p = model::parse_partial_date(n->as_string()->get())) return p;
    r.diags().error(r.origin().at(*n),
                    "due must be a date (2023-07-31), a month (\"2023-07\"), a quarter "
                    "(\"2023-Q3\"), \"ongoing\" or \"tbc\"" +
                        std::string(n->is_string() ? ", not \"" + n->as_string()->get() + "\"" : ""));
    return std::nullopt;
}

data::Milestone read_milestone(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[action.milestone]]");
    data::Milestone m;
    m.pos = r.pos();
    m.text = r.string("text", true).value_or("");
    if (auto due = due_date(r)) m.due = *due;
    m.owner = r.string("owner", false).value_or("");
    m.status = status(r, "status").value_or(data::Status::not_started);
    r.each_table("status_history", false, [&](const toml::table& e) {
        TableReader er(e, origin, diags, "status_history");
        data::StatusEvent ev;
        ev.pos = er.pos();
        ev.date = er.date("date", true).value_or(model::Date{});
        ev.status = status(er, "status").value_or(data::Status::not_started);
        if (!er.peek("status")) er.string("status", true);  // reports it missing
        ev.reason = er.string("reason", false).value_or("");
        er.finish();
        m.history.push_back(std::move(ev));
    });
    std::stable_sort(m.history.begin(), m.history.end(),
                     [](const auto& x, const auto& y) { return x.date < y.date; });
    r.finish();
    return m;
}

data::Update read_update(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[action.update]]");
    data::Update u;
    u.pos = r.pos();
    u.date = r.date("date", true).value_or(model::Date{});
    u.text = r.string("text", true).value_or("");
    u.status = status(r, "status");
    r.finish();
    return u;
}

data::Action read_action(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[action]]");
    data::Action a;
    a.pos = r.pos();
    a.id = r.string("id", true).value_or("");
    a.group = r.string("group", true).value_or("");
    a.group_pos = r.pos_of("group");
    a.action = r.string("action", true).value_or("");
    a.impact = r.string("impact", false).value_or("");
    a.outcomes = r.string("outcomes", false).value_or("");
    a.lead = strings(r, "lead");
    a.support = strings(r, "support");
    a.notes = r.string("notes", false).value_or("");
    a.recommendations = strings(r, "recommendations");
    a.principles = strings(r, "principles");
    a.carried_from = r.string("carried_from", false).value_or("");
    a.carried_comment = r.string("carried_comment", false).value_or("");
    a.status = status(r, "status");
    if (auto rag = r.string("rag", false)) {
        a.rag = data::parse_rag(*rag);
        if (!a.rag) {
            std::string hint = did_you_mean(*rag, {"red", "amber", "green", "blue"});
            if (hint.empty()) hint = " (expected one of: red, amber, green, blue)";
            diags.error(r.pos_of("rag"), "unknown RAG rating '" + *rag + "'" + hint);
        }
    }
    r.each_table("milestone", false,
               [&](const toml::table& m) { a.milestones.push_back(read_milestone(m, origin, diags)); });
    r.each_table("update", false,
               [&](const toml::table& u) { a.updates.push_back(read_update(u, origin, diags)); });
    r.finish();
    if (!a.id.empty() && a.lead.empty() && !r.peek("lead"))
        diags.error(a.pos, "action '" + a.id +
                               "' has no accountable person: add lead = \"the role that owns it\"");
    std::stable_sort(a.updates.begin(), a.updates.end(),
                     [](const data::Update& x, const data::Update& y) { return x.date < y.date; });
    return a;
}

// Progress is a dated record: milestone events come after the plan's publication (before
// it, the undated status says where things stood), none is later than the day the file
// says its record runs to, and going back from complete needs a reason.
void check_dates(const ActionPlan& plan, Diagnostics& diags) {
    const model::Date published = data::publication(plan);
    auto after_as_at = [&](const model::Date& d, const SourcePos& pos, const std::string& what) {
        if (plan.as_at && *plan.as_at < d)
            diags.error(pos, what + " is dated " + model::format_long(d) + ", after the plan's as_at " +
                                 model::format_long(*plan.as_at) +
                                 ": a progress record cannot run ahead of its own date (correct the "
                                 "date, or move as_at on)");
    };
    for (const auto& a : plan.actions) {
        for (const auto& u : a.updates)
            if (u.status) after_as_at(u.date, u.pos, "an update of '" + a.id + "'");
        for (const auto& m : a.milestones) {
            data::Status before = m.status;
            for (const auto& e : m.history) {
                const std::string what = "a status change of a milestone of '" + a.id + "'";
                after_as_at(e.date, e.pos, what);
                if (!(published < e.date))
                    diags.error(e.pos, what + " is dated " + model::format_long(e.date) +
                                           ", not after the plan's publication on " +
                                           model::format_long(published) +
                                           ": write the status it had then as the milestone's status");
                if (before == data::Status::complete && e.status != data::Status::complete &&
                    e.reason.empty())
                    diags.error(e.pos, "a milestone of '" + a.id + "' goes back from complete to " +
                                           data::key(e.status) + " on " + model::format_long(e.date) +
                                           ": say why with reason = \"...\"");
                before = e.status;
            }
        }
    }
}

// Links that must resolve, duplicates, and the warnings the issue asks for.
void check(const ActionPlan& plan_as_written, Diagnostics& diags) {
    check_dates(plan_as_written, diags);
    // The remaining checks judge the plan as its record now stands.
    const ActionPlan plan = data::as_at(plan_as_written, model::Date{9999, 12, 31});
    std::set<std::string> groups, actions;
    for (const auto& g : plan.groups)
        if (!groups.insert(g.id).second) diags.error(g.pos, "duplicate group id '" + g.id + "'");
    auto known = [](const std::vector<data::Reference>& refs, const std::string& id) {
        return std::any_of(refs.begin(), refs.end(), [&](const auto& r) { return r.id == id; });
    };
    for (const auto& a : plan.actions) {
        if (!actions.insert(a.id).second) diags.error(a.pos, "duplicate action id '" + a.id + "'");
        if (!a.group.empty() && !groups.count(a.group))
            diags.error(a.group_pos, "action '" + a.id + "' names group '" + a.group +
                                   "', which no [[group]] defines");
        for (const auto& id : a.recommendations)
            if (!known(plan.recommendations, id))
                diags.error(a.pos, "action '" + a.id + "' links to recommendation '" + id +
                                       "', which no [[recommendation]] defines");
        for (const auto& id : a.principles)
            if (!known(plan.principles, id))
                diags.error(a.pos, "action '" + a.id + "' links to principle '" + id +
                                       "', which no [[principle]] defines");
        for (const auto& m : a.milestones)
            if (m.due.dated() && (m.due.last < plan.period_start || plan.period_end < m.due.first))
                diags.warning(m.pos, "milestone of '" + a.id + "' is due " +
                                         model::format_partial(m.due) +
                                         ", outside the plan period " +
                                         model::format_long(plan.period_start) + " to " +
                                         model::format_long(plan.period_end));
        if (data::derived_status(a) == data::Status::complete) {
            const auto open = std::count_if(a.milestones.begin(), a.milestones.end(), [](const auto& m) {
                return m.status != data::Status::complete && m.status != data::Status::deferred;
            });
            if (open > 0)
                diags.warning(a.pos, "action '" + a.id + "' is complete but " + std::to_string(open) +
                                         " of its milestones are still open");
        }
    }
    for (const auto& g : plan.groups)
        if (std::none_of(plan.actions.begin(), plan.actions.end(),
                         [&](const auto& a) { return a.group == g.id; }))
            diags.warning(g.pos, "group '" + g.id + "' has no actions");
}

}  // namespace

std::optional<ActionPlan> parse_action_plan(const toml::table& root, const TomlOrigin& origin,
                                            const std::string& name, Diagnostics& diags) {
    const size_t before = diags.all().size();
    ActionPlan plan;
    plan.name = name;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    plan.pos = top.pos();
    if (const toml::table* p = top.table("plan", true)) {
        TableReader r(*p, origin, diags, "[plan]");
        plan.id = r.string("id", true).value_or("");
        plan.title = r.string("title", true).value_or("");
        plan.period_start = r.date("period_start", true).value_or(model::Date{});
        plan.period_end = r.date("period_end", true).value_or(model::Date{});
        plan.preamble = r.string("preamble", false).value_or("");
        plan.previous = r.string("previous", false).value_or("");
        plan.previous_pos = r.pos_of("previous");
        plan.published = r.date("published", false);
        plan.as_at = r.date("as_at", false);
        read_columns(r, plan.columns);
        r.finish();
    }
    plan.principles = references(top, "principle");
    plan.recommendations = references(top, "recommendation");
    top.each_table("group", true, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[group]]");
        data::Group g;
        g.pos = r.pos();
        g.id = r.string("id", true).value_or("");
        g.kind = r.string("kind", true).value_or("priority");
        g.title = r.string("title", true).value_or("");
        g.lead = r.string("lead", false).value_or("");
        g.statutory_guidance = strings(r, "statutory_guidance");
        r.finish();
        if (std::find(std::begin(group_kinds), std::end(group_kinds), g.kind) == std::end(group_kinds))
            diags.error(r.pos_of("kind"), "unknown group kind '" + g.kind +
                                              "' (expected one of: priority, national_standard, "
                                              "inspection, board)");
        plan.groups.push_back(std::move(g));
    });
    top.each_table("action", true,
               [&](const toml::table& t) { plan.actions.push_back(read_action(t, origin, diags)); });
    top.finish();
    check(plan, diags);  // also on a partly read plan, so its link errors come in the same run
    for (size_t i = before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return plan;
}

void check_against_previous(const ActionPlan& plan, const ActionPlan& previous_as_written,
                            Diagnostics& diags) {
    const ActionPlan previous = data::as_at(previous_as_written, model::Date{9999, 12, 31});
    for (const auto& a : plan.actions) {
        if (a.carried_from.empty()) continue;
        auto it = std::find_if(previous.actions.begin(), previous.actions.end(),
                               [&](const auto& p) { return p.id == a.carried_from; });
        if (it == previous.actions.end()) {
            diags.error(a.pos, "action '" + a.id + "' is carried from '" + a.carried_from +
                                   "', which is not an action of " + previous.name);
            continue;
        }
        if (data::derived_status(*it) == data::Status::complete && a.carried_comment.empty())
            diags.warning(a.pos, "action '" + a.id + "' carries forward '" + a.carried_from +
                                     "', which was complete in " + previous.name +
                                     ": say why in carried_comment");
    }
}

}  // namespace planpack::load
