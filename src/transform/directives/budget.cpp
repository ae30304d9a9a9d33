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

// A figure kept live in a spreadsheet as the formula over the cells it is computed from.
model::TableCell live(model::TableCell c, std::string excel, std::vector<model::CellRange> ranges) {
    const double now = std::get<double>(c.value.value);
    c.value.value = model::Formula{std::move(excel), std::move(ranges), now};
    return c;
}

constexpr size_t total_column = 1 + data::budget_columns.size();

model::CellRange body_cells(const std::string& table, size_t row, size_t col, size_t last_row, size_t last_col) {
    return {table, model::CellRange::Part::body, row, col, last_row, last_col};
}
model::CellRange foot_cell(const std::string& table, size_t col) {
    return {table, model::CellRange::Part::foot, 0, col, 0, col};
}

// One year's costs and contributions, with row and column totals and, when prev is given,
// the change on it: each a formula over the amounts (and the table prev_id, which shows
// prev's amounts, for the change) in a spreadsheet.
model::Table year_table(const data::BudgetYear& y, const data::BudgetYear* prev, const std::string& id,
                        const std::string& prev_id) {
    model::Table t;
    t.id = id;
    t.row_headers = true;
    model::TableRow head;
    head.cells.push_back(model::TableCell(text("Agency")));
    for (const char* c : data::budget_columns) head.cells.push_back(model::TableCell(text(c)));
    head.cells.push_back(model::TableCell(text("Total")));
    if (prev) head.cells.push_back(model::TableCell(text("Change on " + prev->year)));
    t.aligns.assign(head.cells.size(), model::Align::right);
    t.aligns[0] = model::Align::left;
    t.head.push_back(std::move(head));
    for (size_t r = 0; r < y.lines.size(); ++r) {
        const data::BudgetLine& line = y.lines[r];
        model::TableRow row;
        row.cells.push_back(model::TableCell(text(line.agency)));
        for (auto a : line.amounts) row.cells.push_back(money(a));
        row.cells.push_back(live(money(line.total()), "SUM({0})", {body_cells(id, r, 1, r, total_column - 1)}));
        if (prev) {
            const data::BudgetLine* before = prev->find(line.agency);
            model::TableCell c = change(line.total(), before ? std::optional(before->total()) : std::nullopt);
            if (before) {
                const auto j = static_cast<size_t>(before - prev->lines.data());
                c = live(std::move(c), "{0}-{1}",
                         {body_cells(id, r, total_column, r, total_column),
                          body_cells(prev_id, j, total_column, j, total_column)});
            }
            row.cells.push_back(std::move(c));
        }
        t.body.push_back(std::move(row));
    }
    model::TableRow total;
    total.cells.push_back(model::TableCell(text("Total")));
    const auto totals = y.column_totals();
    const size_t last = y.lines.empty() ? 0 : y.lines.size() - 1;
    for (size_t c = 0; c <= data::budget_columns.size(); ++c) {
        model::TableCell cell = money(c < totals.size() ? totals[c] : y.total());
        if (!y.lines.empty()) cell = live(std::move(cell), "SUM({0})", {body_cells(id, 0, c + 1, last, c + 1)});
        total.cells.push_back(std::move(cell));
    }
    if (prev)
        total.cells.push_back(live(change(y.total(), prev->total()), "{0}-{1}",
                                   {foot_cell(id, total_column), foot_cell(prev_id, total_column)}));
    t.foot.push_back(std::move(total));
    return t;
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

    const std::string id = "budget-" + model::slug(*year);
    const std::string prev_id = prev ? id + "-previous-year" : "";
    model::Table t = year_table(*y, prev, id, prev_id);
    t.caption = text(caption.value_or("Costs and contributions by partner agency, " + *year));
    t.notes.push_back(text("Totals are calculated from the agencies' figures." +
                           (source ? " Source: " + *source + "." : std::string())));
    model::Workbook w;
    w.name = "budget";
    w.title = "Costs and contributions by partner agency";
    w.subject = "Budget";
    model::Blocks sheet{model::Block{t}};
    if (prev) {
        // The year before, so that the change is a formula over the figures it compares.
        model::Table before = year_table(*prev, nullptr, prev_id, "");
        before.caption = text("Costs and contributions by partner agency, " + prev->year +
                              " (the year the change is measured from)");
        sheet.push_back(model::Block{std::move(before)});
    }
    w.sheets.push_back({"Budget " + *year, std::move(sheet)});
    publish_sheets(in, std::move(w));
    return model::Blocks{model::Block{std::move(t)}};
}

}  // namespace planpack::transform::directives
