// The action-plan directives: the plan's tables by group, its summary of counts, what
// changed since a date, and progress on the previous plan. Every figure is derived here
// from the plan data (data/action_status), never read from the narrative.
#include <algorithm>

#include "data/action_status.hpp"
#include "model/builders.hpp"
#include "model/inline_text.hpp"
#include "transform/directives/directive.hpp"
#include "diag/concat.hpp"

namespace planpack::transform::directives {

namespace {

using data::Action;
using data::ActionPlan;
using model::Inlines;
using model::text;

// The named plan as it stood on the document's as-of date.
std::optional<ActionPlan> plan_as_at(Input& in);

const ActionPlan* find_plan(Input& in) {
    auto name = in.params.string("plan", true);
    if (!name) return nullptr;
    in.data.used.insert(*name);
    if (in.data.broken.count(*name)) return nullptr;  // its own errors say why
    auto it = in.data.action_plans.find(*name);
    if (it != in.data.action_plans.end()) return &it->second;
    in.diags.error(in.params.pos_of("plan"), "no action plan data/" + *name + ".toml (a TOML file "
                                             "with schema = \"action-plan/1\")");
    return nullptr;
}

std::optional<ActionPlan> plan_as_at(Input& in) {
    const ActionPlan* plan = find_plan(in);
    if (!plan) return std::nullopt;
    return data::as_at(*plan, in.context.as_of_for(in.document));
}

std::string anchor(const Action& a) { return "action-" + model::slug(a.id); }
std::string group_anchor(const data::Group& g) { return "group-" + model::slug(g.id); }

void append(Inlines& out, Inlines more) {
    for (auto& i : more) out.push_back(std::move(i));
}

// Status as words and as a style, so colour is never the only carrier.
model::TableCell status_cell(const Action& a, const model::Date& as_of) {
    const data::Status s = data::derived_status(a);
    const data::Rag rag = data::derived_rag(a, as_of);
    Inlines content = {model::strong(data::label(s))};
    append(content, text(" (" + std::string(data::label(rag)) + ")"));
    if (int n = data::overdue_count(a, as_of); n > 0) {
        content.push_back(model::line_break());
        append(content, text(std::to_string(n) + (n == 1 ? " milestone overdue" : " milestones overdue")));
    }
    model::TableCell c(std::move(content));
    c.style = "status-" + std::string(data::key(s)) + " rag-" + data::key(rag);
    c.value = {std::string(data::label(s)), ""};
    return c;
}

model::TableCell milestones_cell(const Action& a, const model::Date& as_of) {
    Inlines out;
    for (const auto& m : a.milestones) {
        if (!out.empty()) out.push_back(model::line_break());
        append(out, text("• " + m.text + " "));
        std::string when = m.due.kind == model::PartialDate::Kind::ongoing ? "ongoing"
                           : m.due.kind == model::PartialDate::Kind::tbc
                               ? "date to be confirmed"
                               : "due " + model::format_partial(m.due);
        if (!m.owner.empty()) when += ", " + m.owner;
        append(out, text("(" + when + "; " + data::label(m.status) + ")"));
        if (data::overdue(m, as_of)) {
            out.push_back(model::Inline{model::Text{" "}});
            out.push_back(model::strong("Overdue"));
        }
    }
    model::TableCell c(std::move(out));
    if (data::overdue_count(a, as_of) > 0) c.style = "overdue";
    return c;
}

// Principles are known to readers by number (1 to 4), not by id.
std::vector<std::string> principle_numbers(const ActionPlan& plan, const Action& a) {
    std::vector<std::string> out;
    for (const auto& id : a.principles)
        for (size_t i = 0; i < plan.principles.size(); ++i)
            if (plan.principles[i].id == id) out.push_back(std::to_string(i + 1));
    return out;
}

model::TableCell action_cell(const ActionPlan& plan, const Action& a) {
    Inlines out = {model::strong(a.id)};
    append(out, text(" " + a.action));
    if (!a.principles.empty() || !a.recommendations.empty() || !a.carried_from.empty())
        out.push_back(model::line_break());
    std::vector<std::string> links;
    if (!a.principles.empty())
        links.push_back((a.principles.size() == 1 ? "Child First principle " : "Child First principles ") +
                        join(principle_numbers(plan, a)));
    if (!a.recommendations.empty()) links.push_back("Inspection recommendations: " + join(a.recommendations));
    if (!a.carried_from.empty()) links.push_back("Carried from " + a.carried_from);
    append(out, text(join(links, "; ")));
    model::TableCell c(std::move(out));
    c.id = anchor(a);
    return c;
}

model::TableCell notes_cell(const Action& a) {
    Inlines out;
    if (!a.notes.empty()) append(out, text(a.notes));
    for (const auto& u : a.updates) {
        if (!out.empty()) out.push_back(model::line_break());
        out.push_back(model::strong(model::format_long(u.date) + ":"));
        append(out, text(" " + u.text));
    }
    if (!a.carried_comment.empty()) {
        if (!out.empty()) out.push_back(model::line_break());
        append(out, text(a.carried_comment));
    }
    return model::TableCell(std::move(out));
}

model::TableCell accountable_cell(const Action& a) {
    Inlines out = text("Lead: " + join(a.lead));
    if (!a.support.empty()) {
        out.push_back(model::line_break());
        append(out, text("Support: " + join(a.support)));
    }
    return model::TableCell(std::move(out));
}

model::Table group_table(const ActionPlan& plan, const data::Group& g, const model::Date& as_of) {
    const auto& c = plan.columns;
    model::Table t;
    t.id = "actions-" + model::slug(g.id);
    t.caption = text("Actions for " + g.title);
    t.row_headers = true;
    model::TableRow head;
    for (const auto* label : {&c.action, &c.impact, &c.outcomes, &c.accountable, &c.milestones,
                              &c.notes, &c.status})
        head.cells.push_back(model::TableCell(text(*label)));
    t.head.push_back(std::move(head));
    t.aligns.assign(7, model::Align::left);
    for (const Action& a : plan.actions) {
        if (a.group != g.id) continue;
        model::TableRow row;
        row.cells = {action_cell(plan, a),        model::TableCell(text(a.impact)),
                     model::TableCell(text(a.outcomes)), accountable_cell(a),
                     milestones_cell(a, as_of), notes_cell(a), status_cell(a, as_of)};
        t.body.push_back(std::move(row));
    }
    return t;
}

const data::Group* find_group(Input& in, const ActionPlan& plan) {
    auto id = in.params.string("group", false);
    if (!id) return nullptr;
    for (const auto& g : plan.groups)
        if (g.id == *id) return &g;
    std::string known;
    for (const auto& g : plan.groups) known += (known.empty() ? "" : ", ") + g.id;
    in.diags.error(in.params.pos_of("group"), "data/" + plan.name + ".toml has no group '" + *id +
                                                  "' (it has: " + known + ")");
    return nullptr;
}

int heading_level(Input& in) {
    const auto level = in.params.integer("heading_level", false).value_or(2);
    if (level >= 2 && level <= 5) return static_cast<int>(level);
    in.diags.error(in.params.pos_of("heading_level"), "heading_level must be 2 to 5");
    return 2;
}

// A link to the group's table wherever this document shows it; plain words if it does not.
model::Inline group_link(const data::Group& g) {
    model::Inline in = model::link("xref:#" + group_anchor(g), text(g.id + ": " + g.title));
    model::get_alternative<model::Link>(&in.value)->if_present = true;
    return in;
}

model::Block summary_table(const ActionPlan& plan, const model::Date& as_of) {
    const data::PlanSummary summary = data::summarise(plan, as_of);
    model::Table t;
    t.id = "action-summary";
    t.caption = text("Actions by status and RAG rating for each priority, as at " +
                     model::format_long(as_of));
    t.row_headers = true;
    model::TableRow head;
    head.cells.push_back(model::TableCell(text("Priority")));
    head.cells.push_back(model::TableCell(text("Actions")));
    for (auto s : data::all_statuses) head.cells.push_back(model::TableCell(text(data::label(s))));
    for (auto r : data::all_rags) head.cells.push_back(model::TableCell(text(data::label(r))));
    head.cells.push_back(model::TableCell(text("Overdue milestones")));
    t.aligns.assign(head.cells.size(), model::Align::right);
    t.aligns[0] = model::Align::left;
    t.head.push_back(std::move(head));
    auto row = [&](Inlines label, const data::Counts& c) {
        model::TableRow r;
        r.cells.push_back(model::TableCell(std::move(label)));
        auto number = [&](int n, const std::string& style) {
            model::TableCell cell = model::number_cell(n, std::to_string(n));
            cell.style = n > 0 ? style : "";
            return cell;
        };
        r.cells.push_back(number(c.actions, ""));
        for (auto s : data::all_statuses) r.cells.push_back(number(c.status(s), "status-" + std::string(data::key(s))));
        for (auto g : data::all_rags) r.cells.push_back(number(c.rag(g), "rag-" + std::string(data::key(g))));
        r.cells.push_back(number(c.overdue_milestones, "overdue"));
        return r;
    };
    for (const auto& [group, counts] : summary.groups)
        t.body.push_back(row({group_link(*group)}, counts));
    t.foot.push_back(row(text("All priorities"), summary.total));
    t.notes.push_back(text("Counts are derived from the plan's milestones and updates. "
                           "RAG: blue complete, red a milestone overdue, amber deferred, green on track."));
    return model::Block{std::move(t)};
}

// Wherever a document shows a plan, it publishes the plan's workbook.
void publish_workbook(Input& in, const ActionPlan& plan, const model::Date& as_of) {
    publish_sheets(in, action_plan_workbook(plan, as_of));
}

}  // namespace

// ```planpack action-plan: plan = "NAME", optional group = "ID", heading_level = 2
std::optional<model::Blocks> action_plan(Input& in) {
    const std::optional<ActionPlan> plan = plan_as_at(in);
    const data::Group* only = plan ? find_group(in, *plan) : nullptr;
    const int level = heading_level(in);
    const bool summary = in.params.boolean("summary", false).value_or(!only);
    if (!plan || in.diags.has_errors()) return std::nullopt;
    const model::Date as_of = in.context.as_of_for(in.document);
    model::Blocks out;
    if (!only) {
        if (!plan->preamble.empty()) out.push_back(model::paragraph(text(plan->preamble)));
        if (!plan->principles.empty()) {
            model::List list;
            list.ordered = true;
            for (const auto& p : plan->principles)
                list.items.push_back({std::nullopt, {model::paragraph(text(p.text))}});
            out.push_back(model::Block{std::move(list)});
        }
    }
    if (summary) out.push_back(summary_table(*plan, as_of));
    publish_workbook(in, *plan, as_of);
    for (const auto& g : plan->groups) {
        if (only && &g != only) continue;
        out.push_back(model::heading(level, g.title, group_anchor(g)));
        if (!g.lead.empty()) out.push_back(model::paragraph(text("Lead: " + g.lead)));
        out.push_back(model::Block{group_table(*plan, g, as_of)});
    }
    return out;
}

// ```planpack action-summary: plan = "NAME"
std::optional<model::Blocks> action_summary(Input& in) {
    const std::optional<ActionPlan> plan = plan_as_at(in);
    if (!plan) return std::nullopt;
    publish_workbook(in, *plan, in.context.as_of_for(in.document));
    return model::Blocks{summary_table(*plan, in.context.as_of_for(in.document))};
}

// ```planpack action-changes: plan = "NAME", since = 2023-09-04
std::optional<model::Blocks> action_changes(Input& in) {
    const std::optional<ActionPlan> plan = plan_as_at(in);
    auto since = in.params.date("since", true);
    if (!plan || !since) return std::nullopt;
    const model::Date as_of = in.context.as_of_for(in.document);
    publish_workbook(in, *plan, as_of);
    model::Table t;
    t.caption = text("Progress on the action plan since " + model::format_long(*since));
    t.row_headers = true;
    t.head.push_back({{model::TableCell(text("Action")), model::TableCell(text("Date")),
                       model::TableCell(text("Update")), model::TableCell(text("Status now"))}});
    t.aligns.assign(4, model::Align::left);
    for (const auto& change : data::changes_since(*plan, *since)) {
        model::TableCell date(text(model::format_long(change.update->date)));
        date.value = {change.update->date, "d mmmm yyyy"};
        t.body.push_back({{model::TableCell({model::strong(change.action->id),
                                             model::Inline{model::Text{" " + change.action->action}}}),
                           std::move(date), model::TableCell(text(change.update->text)),
                           status_cell(*change.action, as_of)}});
    }
    if (t.body.empty())
        return model::Blocks{model::paragraph(text("No action has been updated since " +
                                                   model::format_long(*since) + "."))};
    return model::Blocks{model::Block{std::move(t)}};
}

// ```planpack previous-progress: plan = "NAME" (the current plan; its previous is read)
std::optional<model::Blocks> previous_progress(Input& in) {
    const ActionPlan* plan = find_plan(in);
    if (!plan) return std::nullopt;
    auto prev = in.data.action_plans.find(plan->previous);
    in.data.used.insert(plan->previous);
    if (plan->previous.empty() || prev == in.data.action_plans.end()) {
        in.diags.error(in.directive.pos, "plan " + plan->name +
                                             " names no previous plan (set previous in its [plan])");
        return std::nullopt;
    }
    // The previous plan as it stood on this document's as-of date, like the current one.
    const ActionPlan previous = data::as_at(prev->second, in.context.as_of_for(in.document));
    model::List list;
    for (const Action& a : previous.actions) {
        if (data::derived_status(a) != data::Status::complete) continue;
        Inlines item = text(a.action);
        if (!a.updates.empty())
            append(item, text(" (" + a.updates.back().text + ")"));
        list.items.push_back({std::nullopt, {model::paragraph(std::move(item))}});
    }
    if (list.items.empty())
        return model::Blocks{model::paragraph(text("No action of the previous plan is complete yet."))};
    return model::Blocks{model::Block{std::move(list)}};
}

}  // namespace planpack::transform::directives
