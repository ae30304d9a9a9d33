// ```planpack budget: costs and contributions by agency for one year, with computed
// totals and the change on the year before when the data has it.
#include "data/budget.hpp"
#include "model/builders.hpp"
#include "model/inline_text.hpp"
#include "model/number_format.hpp"
#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

namespace {

using model::text;

model::TableCell money(std::int64_t v) {
    return model::number_cell(static_cast<double>(v), model::format_money(v), "\u00A3#,##0");
}

model::TableCell change(std::int64_t now, std::optional<std::int64_t> before) {
    if (!before) return model::TableCell(text("New"));
    const std::int64_t d = now - *before;
    std::string shown = d == 0 ? "No change" : (d > 0 ? "+" : "") + model::format_money(d);
    return model::number_cell(static_cast<double>(d), shown, "+\u00A3#,##0;-\u00A3#,##0;0");
}

}  // namespace

std::optional<model::Blocks> budget(Input& in) {
    auto name = in.params.string("data", true);
    auto year = in.params.string("year", true);
    auto caption = in.params.string("caption", false);
    const bool show_change = in.params.boolean("change", false).value_or(true);
    auto source = in.params.string("source", false);
    if (name) in.data.used.insert(*name);
    if (!name || !year || in.data.broken.count(*name)) return std::nullopt;
    auto csv = in.data.csv.find(*name);
    if (csv == in.data.csv.end()) {
        in.diags.error(in.params.pos_of("data"), "no data/" + *name + ".csv for this budget");
        return std::nullopt;
    }
    auto parsed = data::parse_budget(csv->second, in.diags);
    if (!parsed) return std::nullopt;
    const data::BudgetYear* y = parsed->find(*year);
    if (!y) {
        in.diags.error(in.params.pos_of("year"), "data/" + *name + ".csv has no rows for " + *year);
        return std::nullopt;
    }
    const data::BudgetYear* prev = show_change ? parsed->before(*year) : nullptr;

    model::Table t;
    t.id = "budget-" + model::slug(*year);
    t.caption = text(caption.value_or("Costs and contributions by partner agency, " + *year));
    t.row_headers = true;
    model::TableRow head;
    head.cells.push_back(model::TableCell(text("Agency")));
    for (const char* c : data::budget_columns) head.cells.push_back(model::TableCell(text(c)));
    head.cells.push_back(model::TableCell(text("Total")));
    if (prev) head.cells.push_back(model::TableCell(text("Change on " + prev->year)));
    t.aligns.assign(head.cells.size(), model::Align::right);
    t.aligns[0] = model::Align::left;
    t.head.push_back(std::move(head));
    for (const auto& line : y->lines) {
        model::TableRow row;
        row.cells.push_back(model::TableCell(text(line.agency)));
        for (auto a : line.amounts) row.cells.push_back(money(a));
        row.cells.push_back(money(line.total()));
        if (prev) {
            const data::BudgetLine* before = prev->find(line.agency);
            row.cells.push_back(change(line.total(), before ? std::optional(before->total()) : std::nullopt));
        }
        t.body.push_back(std::move(row));
    }
    model::TableRow total;
    total.cells.push_back(model::TableCell(text("Total")));
    for (auto a : y->column_totals()) total.cells.push_back(money(a));
    total.cells.push_back(money(y->total()));
    if (prev) total.cells.push_back(change(y->total(), prev->total()));
    t.foot.push_back(std::move(total));
    t.notes.push_back(text("Totals are calculated from the agencies' figures." +
                           (source ? " Source: " + *source + "." : std::string())));
    model::Workbook w;
    w.name = "budget";
    w.title = "Costs and contributions by partner agency";
    w.subject = "Budget";
    w.sheets.push_back({"Budget " + *year, {model::Block{t}}});
    publish_sheets(in, std::move(w));
    return model::Blocks{model::Block{std::move(t)}};
}

}  // namespace planpack::transform::directives
