// ```planpack indicator-table: figures from the indicator set as a table. By default
// periods are columns and each indicator and area a row, with the change from the
// previous period to the latest; layout = "areas" puts areas in columns for one period.
#include <set>

#include "diag/concat.hpp"
#include "transform/directives/directive.hpp"
#include "transform/indicator_selection.hpp"

namespace planpack::transform::directives {

// Reads its own parameters (indicator_directive), as chart does.
std::optional<model::Blocks> indicator_table(Input& in) {
    const model::Directive& d = in.directive;
    Diagnostics& diags = in.diags;
    StatisticsWriter* stats = in.statistics;
    const std::optional<model::Date> as_of = in.context.as_of_for(in.document);
    auto input = indicator_directive(d, in.data, stats, "an indicator-table", diags);
    if (!input) return std::nullopt;
    load::TableReader r(input->params, input->origin, diags, "the indicator-table directive");
    const load::IndicatorSet& set = *input->set;

    auto caption = r.string("caption", true);
    auto id = r.string("id", false);
    auto layout = r.string("layout", false).value_or("periods");
    const bool change = r.boolean("change", false).value_or(true);
    auto total = r.string("total", false);
    auto selection = read_selection(r, set, as_of);
    r.finish();
    if (layout != "periods" && layout != "areas") {
        diags.error(r.pos_of("layout"), "layout must be \"periods\" or \"areas\", not \"" + layout + "\"");
        return std::nullopt;
    }
    std::optional<size_t> total_indicator;
    if (total) {
        total_indicator = set.find_indicator(*total);
        if (!total_indicator) diags.error(r.pos_of("total"), "unknown indicator '" + *total + "'");
    }
    if (!caption || !selection || (total && !total_indicator)) return std::nullopt;
    const Selection& s = *selection;
    if (layout == "areas" && s.periods.size() != 1) {
        diags.error(r.pos_of("layout"), "layout = \"areas\" shows one period: name it in 'periods'");
        return std::nullopt;
    }

    model::Table t;
    t.caption = text(*caption);
    t.id = id.value_or("");
    t.row_headers = true;
    t.group = set.indicators[s.indicators.front()].group;
    t.pos = d.pos;
    std::vector<const load::Observation*> shown;
    auto cell = [&](size_t i, size_t a, size_t p) {
        const load::Observation* o = set.find(i, a, p);
        if (o) shown.push_back(o);
        return figure_cell(set, o, *stats);
    };
    bool points = false;

    if (layout == "areas") {
        const size_t p = s.periods.front();
        model::TableRow head;
        head.cells.push_back({text(concat("Indicator, ", set.periods[p].label))});
        t.aligns.push_back(model::Align::left);
        std::vector<size_t> areas;
        for (size_t a : s.areas)
            for (const auto& pair : s.pairs)
                if (pair.second == a) {
                    areas.push_back(a);
                    break;
                }
        for (size_t a : areas) {
            head.cells.push_back({text(set.areas[a].name)});
            t.aligns.push_back(model::Align::right);
        }
        t.head.push_back(std::move(head));
        for (size_t i : s.indicators) {
            model::TableRow row;
            row.cells.push_back({text(set.indicators[i].title)});
            for (size_t a : areas) row.cells.push_back(cell(i, a, p));
            t.body.push_back(std::move(row));
        }
    } else {
        const bool with_change = change && s.periods.size() >= 2;
        const size_t n = s.periods.size();
        model::TableRow head;
        head.cells.push_back({text(s.indicators.size() == 1 ? "Area" : "Measure")});
        t.aligns.push_back(model::Align::left);
        for (size_t p : s.periods) {
            head.cells.push_back({text(set.periods[p].label)});
            t.aligns.push_back(model::Align::right);
        }
        if (with_change) {
            head.cells.push_back({text(concat("Change, ", set.periods[s.periods[n - 2]].label, " to ",
                                              set.periods[s.periods[n - 1]].label))});
            t.aligns.push_back(model::Align::right);
        }
        t.head.push_back(std::move(head));
        // part and index: where the row goes, so its change can point at its own figures.
        auto row_of = [&](size_t i, size_t a, std::string label, model::CellRange::Part part, size_t index) {
            model::TableRow row;
            row.cells.push_back({text(std::move(label))});
            for (size_t p : s.periods) row.cells.push_back(cell(i, a, p));
            if (with_change) {
                model::TableCell change = change_cell(set, set.find(i, a, s.periods[n - 2]),
                                                      set.find(i, a, s.periods[n - 1]), *stats);
                const bool pp = set.indicators[i].measure == load::Measure::percent;
                points = points || pp;
                // Live in a spreadsheet: the change follows an edit of either figure.
                if (const auto* now = std::get_if<double>(&change.value.value)) {
                    const model::CellRange from{"", part, index, n - 1, index, n - 1}, to{"", part, index, n, index, n};
                    change.value.value = model::Formula{pp ? "({1}-{0})*100" : "{1}/{0}-1", {from, to}, *now};
                }
                row.cells.push_back(std::move(change));
            }
            return row;
        };
        for (const auto& pair : s.pairs)
            t.body.push_back(row_of(pair.first, pair.second, pair_label(set, s, pair), model::CellRange::Part::body,
                                    t.body.size()));
        if (total_indicator) {
            std::set<size_t> areas;
            for (const auto& pair : s.pairs) areas.insert(pair.second);
            for (size_t a : s.areas)
                if (areas.count(a))
                    t.foot.push_back(row_of(*total_indicator, a,
                                            areas.size() == 1 ? set.indicators[*total_indicator].title
                                                              : concat(set.indicators[*total_indicator].title,
                                                                       ": ", set.areas[a].name),
                                            model::CellRange::Part::foot, t.foot.size()));
        }
    }
    t.notes = source_notes(set, shown);
    if (points)
        t.notes.push_back(text("pp: percentage points, the difference between two percentages."));
    return model::Blocks{model::Block{std::move(t)}};
}

}  // namespace planpack::transform::directives
