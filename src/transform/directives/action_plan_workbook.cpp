// The action plan as a board officer works on it: one row per action and one per
// milestone, with statuses to pick from a list, and a summary whose counts are live
// formulas over those rows, so editing a status updates the summary.
#include "data/action_status.hpp"
#include "model/builders.hpp"
#include "model/inline_text.hpp"
#include "transform/directives/directive.hpp"
#include "diag/concat.hpp"

namespace planpack::transform::directives {

namespace {

using data::Action;
using model::text;

model::TableCell cell(std::string s) {
    model::TableCell c(text(s));
    c.value = {std::move(s), ""};
    return c;
}

model::TableCell number(int n) { return model::number_cell(n, std::to_string(n), "0"); }

model::TableCell date_cell(const model::PartialDate& due) {
    model::TableCell c(text(due.dated() ? model::format_iso(due.last) : ""));
    if (due.dated()) c.value = {due.last, "d mmm yyyy"};
    return c;
}

std::vector<std::string> status_labels() {
    std::vector<std::string> out;
    for (auto s : data::all_statuses) out.push_back(data::label(s));
    return out;
}

std::vector<std::string> rag_labels() {
    std::vector<std::string> out;
    for (auto r : data::all_rags) out.push_back(data::label(r));
    return out;
}

model::TableRow header(std::initializer_list<const char*> names) {
    model::TableRow r;
    for (const char* n : names) r.cells.push_back(model::TableCell(text(n)));
    return r;
}

// RAG words get their colours in the spreadsheet as they do on the page.
void rag_styles(model::Table& t, size_t column) {
    for (auto r : data::all_rags)
        t.value_styles.push_back({column, data::label(r), std::nullopt, std::string("rag-") + data::key(r)});
}

model::Table actions_table(const data::ActionPlan& plan, const model::Date& as_of) {
    model::Table t;
    t.id = "Actions";
    t.caption = text("Actions, as at " + model::format_long(as_of));
    t.head.push_back(header({"ID", "Priority", "Action", "Impact", "Outcomes", "Lead", "Support",
                             "Status", "RAG", "Overdue milestones", "Last update", "Notes"}));
    t.aligns.assign(12, model::Align::left);
    t.aligns[9] = model::Align::right;
    for (const Action& a : plan.actions) {
        model::TableRow r;
        const model::Date* last = a.updates.empty() ? nullptr : &a.updates.back().date;
        model::TableCell updated(text(last ? model::format_iso(*last) : ""));
        if (last) updated.value = {*last, "d mmm yyyy"};
        r.cells = {cell(a.id),
                   cell(a.group),
                   cell(a.action),
                   cell(a.impact),
                   cell(a.outcomes),
                   cell(join(a.lead, "; ")),
                   cell(join(a.support, "; ")),
                   cell(data::label(data::derived_status(a))),
                   cell(data::label(data::derived_rag(a, as_of))),
                   number(data::overdue_count(a, as_of)),
                   std::move(updated),
                   cell(a.updates.empty() ? a.notes : a.updates.back().text)};
        t.body.push_back(std::move(r));
    }
    t.choices.resize(12);
    t.choices[7] = status_labels();
    t.choices[8] = rag_labels();
    rag_styles(t, 8);
    t.value_styles.push_back({9, "", 0.0, "overdue"});
    t.notes.push_back(text("Status and RAG are derived from the milestones and updates in the plan's "
                           "data; pick a new status from the list to update the summary."));
    return t;
}

model::Table milestones_table(const data::ActionPlan& plan, const model::Date& as_of) {
    model::Table t;
    t.id = "Milestones";
    t.caption = text("Milestones, as at " + model::format_long(as_of));
    t.head.push_back(header({"Action", "Milestone", "Due by", "Due (as planned)", "Owner", "Status", "Overdue"}));
    t.aligns.assign(7, model::Align::left);
    for (const Action& a : plan.actions)
        for (const auto& m : a.milestones) {
            model::TableRow r;
            r.cells = {cell(a.id),        cell(m.text),
                       date_cell(m.due),  cell(model::format_partial(m.due)),
                       cell(m.owner),     cell(data::label(m.status)),
                       cell(data::overdue(m, as_of) ? "Yes" : "No")};
            t.body.push_back(std::move(r));
        }
    t.choices.resize(7);
    t.choices[5] = status_labels();
    t.choices[6] = {"Yes", "No"};
    t.value_styles.push_back({6, "Yes", std::nullopt, "overdue"});
    return t;
}

// Counts by status and RAG for each group, as formulas over the Actions table.
model::Table workbook_summary(const data::ActionPlan& plan, const model::Date& as_of) {
    const data::PlanSummary s = data::summarise(plan, as_of);
    model::Table t;
    t.id = "Summary";
    t.caption = text("Actions by status and RAG rating, as at " + model::format_long(as_of));
    model::TableRow head;
    head.cells.push_back(model::TableCell(text("Priority")));
    head.cells.push_back(model::TableCell(text("Actions")));
    for (auto st : data::all_statuses) head.cells.push_back(model::TableCell(text(data::label(st))));
    for (auto r : data::all_rags) head.cells.push_back(model::TableCell(text(data::label(r))));
    t.aligns.assign(head.cells.size(), model::Align::right);
    t.aligns[0] = model::Align::left;
    t.head.push_back(std::move(head));
    auto count = [](int n, model::CountIf formula) {
        model::TableCell c(text(std::to_string(n)));
        c.value = {std::move(formula), "0"};
        return c;
    };
    auto row = [&](const std::string& label, const data::Counts& c, const std::string& group) {
        model::TableRow r;
        r.cells.push_back(cell(label));
        auto where = [&](const char* column, const std::string& value) {
            model::CountIf f{"Actions", {}};
            if (!group.empty()) f.where.push_back({"Priority", group});
            if (column) f.where.push_back({column, value});
            return f;
        };
        r.cells.push_back(count(c.actions, where(nullptr, "")));
        for (auto st : data::all_statuses) r.cells.push_back(count(c.status(st), where("Status", data::label(st))));
        for (auto g : data::all_rags) r.cells.push_back(count(c.rag(g), where("RAG", data::label(g))));
        return r;
    };
    for (const auto& [group, counts] : s.groups) t.body.push_back(row(group->id, counts, group->id));
    t.foot.push_back(row("All priorities", s.total, ""));
    return t;
}

}  // namespace

model::Workbook action_plan_workbook(const data::ActionPlan& plan, const model::Date& as_of) {
    model::Workbook w;
    w.name = plan.name;
    w.title = plan.title;
    w.subject = "Action plan, as at " + model::format_long(as_of);
    model::Blocks summary;
    summary.push_back(model::paragraph(text(plan.title)));
    summary.push_back(model::Block{workbook_summary(plan, as_of)});
    model::List priorities;
    for (const auto& g : plan.groups)
        priorities.items.push_back({std::nullopt, {model::paragraph(text(g.id + ": " + g.title))}});
    summary.push_back(model::Block{std::move(priorities)});
    w.sheets.push_back({"Summary", std::move(summary)});
    w.sheets.push_back({"Actions", {model::Block{actions_table(plan, as_of)}}});
    w.sheets.push_back({"Milestones", {model::Block{milestones_table(plan, as_of)}}});
    return w;
}

}  // namespace planpack::transform::directives
