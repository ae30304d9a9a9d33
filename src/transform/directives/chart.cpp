// ```planpack chart: figures from the indicator set as a model::Chart, with the same
// figures as a table. x = "period" (default) draws each indicator and area as a series
// over time; x = "indicator" compares indicators (categories) across areas for one period.
#include <set>

#include "diag/concat.hpp"
#include "transform/directives/directive.hpp"
#include "transform/indicator_selection.hpp"

namespace planpack::transform::directives {

namespace {

std::string period_axis(load::PeriodType t) {
    switch (t) {
        case load::PeriodType::calendar_year: return "Calendar year";
        case load::PeriodType::financial_year: return "Financial year";
        case load::PeriodType::cohort_year: return "Cohort year";
        case load::PeriodType::year_ending: return "Twelve months ending";
        case load::PeriodType::quarter: return "Quarter";
    }
    return "Period";
}

// The comparator a summary names: England first, then wider and nearer areas.
int comparator_rank(load::AreaKind k) {
    switch (k) {
        case load::AreaKind::england: return 0;
        case load::AreaKind::england_and_wales: return 1;
        case load::AreaKind::region: return 2;
        case load::AreaKind::family_group: return 3;
        case load::AreaKind::police_force_area: return 4;
        case load::AreaKind::service: return 5;
    }
    return 6;
}

}  // namespace

// Reads its own parameters (indicator_directive), as indicator-table does.
std::optional<model::Blocks> chart(Input& in) {
    const model::Directive& d = in.directive;
    Diagnostics& diags = in.diags;
    StatisticsWriter* stats = in.statistics;
    const std::optional<model::Date> as_of = in.context.as_of_for(in.document);
    auto input = indicator_directive(d, in.data, stats, "a chart", diags);
    if (!input) return std::nullopt;
    load::TableReader r(input->params, input->origin, diags, "the chart directive");
    const load::IndicatorSet& set = *input->set;

    auto title = r.string("title", true);
    auto id = r.string("id", false);
    auto kind = r.string("kind", false).value_or("line");
    auto x = r.string("x", false).value_or("period");
    auto x_label = r.string("x_label", false);
    auto y_label = r.string("y_label", false);
    auto selection = read_selection(r, set, as_of);
    r.finish();
    bool ok = title && selection;
    if (kind != "line" && kind != "bar") {
        diags.error(r.pos_of("kind"), "kind must be \"line\" or \"bar\", not \"" + kind + "\"");
        ok = false;
    }
    if (x != "period" && x != "indicator") {
        diags.error(r.pos_of("x"), "x must be \"period\" or \"indicator\", not \"" + x + "\"");
        ok = false;
    }
    if (!ok) return std::nullopt;
    const Selection& s = *selection;
    const load::IndicatorDef& first = set.indicators[s.indicators.front()];
    for (size_t i : s.indicators) {
        const load::IndicatorDef& other = set.indicators[i];
        if (other.measure != first.measure || other.number_format != first.number_format) {
            diags.error(r.pos_of("indicators"),
                        concat("one chart has one scale: ", first.id, " is a ", load::measure_name(first.measure),
                               " shown as ", first.number_format, " but ", other.id, " is a ",
                               load::measure_name(other.measure), " shown as ", other.number_format));
            return std::nullopt;
        }
        if (other.unit != first.unit && !y_label) {
            diags.error(r.pos_of("indicators"),
                        concat(first.id, " is in '", first.unit, "' but ", other.id, " in '", other.unit,
                               "': name the axis with y_label"));
            return std::nullopt;
        }
    }
    if (x == "indicator" && s.periods.size() != 1) {
        diags.error(r.pos_of("x"), "x = \"indicator\" compares one period: name it in 'periods'");
        return std::nullopt;
    }

    model::Chart c;
    c.id = id.value_or("");
    c.kind = kind == "bar" ? model::ChartKind::bar : model::ChartKind::line;
    c.title = *title;
    c.unit = first.unit;
    c.number_format = first.number_format;
    c.change = first.measure == load::Measure::percent ? model::ChangeKind::points
                                                       : model::ChangeKind::relative;
    c.time_series = x == "period";
    c.group = first.group;
    c.y_label = y_label.value_or(first.unit);
    const load::PeriodType type = set.periods[s.periods.front()].type;
    c.x_label = x_label.value_or(c.time_series ? period_axis(type) : "");

    // Series and the cells behind each of their points.
    struct SeriesSpec {
        std::string name;
        std::vector<const load::Observation*> points;
        load::AreaKind kind;
        size_t indicator;
    };
    std::vector<SeriesSpec> specs;
    if (c.time_series) {
        for (size_t p : s.periods) c.categories.push_back(set.periods[p].label);
        for (const auto& pair : s.pairs) {
            SeriesSpec spec{pair_label(set, s, pair), {}, set.areas[pair.second].kind, pair.first};
            for (size_t p : s.periods) spec.points.push_back(set.find(pair.first, pair.second, p));
            specs.push_back(std::move(spec));
        }
    } else {
        const size_t p = s.periods.front();
        for (size_t i : s.indicators) c.categories.push_back(set.indicators[i].title);
        std::set<size_t> areas;
        for (const auto& pair : s.pairs) areas.insert(pair.second);
        for (size_t a : s.areas) {
            if (!areas.count(a)) continue;
            SeriesSpec spec{set.areas[a].name, {}, set.areas[a].kind, s.indicators.front()};
            for (size_t i : s.indicators) spec.points.push_back(set.find(i, a, p));
            specs.push_back(std::move(spec));
        }
    }

    model::Table& t = c.data;
    t.caption = text("Figures for the chart: " + *title);
    t.row_headers = true;
    t.group = c.group;
    t.pos = d.pos;
    model::TableRow head;
    head.cells.push_back({text(c.time_series ? (s.indicators.size() == 1 ? "Area" : "Measure")
                                             : concat("Area, ", set.periods[s.periods.front()].label))});
    t.aligns.push_back(model::Align::left);
    for (const auto& cat : c.categories) {
        head.cells.push_back({text(cat)});
        t.aligns.push_back(model::Align::right);
    }
    t.head.push_back(std::move(head));
    std::vector<const load::Observation*> shown;
    for (const SeriesSpec& spec : specs) {
        model::ChartSeries series;
        series.name = spec.name;
        model::TableRow row;
        row.cells.push_back({text(spec.name)});
        for (const load::Observation* o : spec.points) {
            model::TableCell cell = figure_cell(set, o, *stats);
            series.values.push_back(o && o->marker.empty() ? o->value : std::nullopt);
            series.figures.push_back(cell.figure);
            series.markers.push_back(o ? o->marker : "");
            if (o) shown.push_back(o);
            row.cells.push_back(std::move(cell));
        }
        c.series.push_back(std::move(series));
        t.body.push_back(std::move(row));
    }
    t.notes = source_notes(set, shown);

    // Whom the summary is about, and whom it compares them with.
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].kind == load::AreaKind::service) {
            c.subject = i;
            break;
        }
    for (size_t i = 0; i < specs.size(); ++i) {
        if (i == c.subject || specs[i].kind == load::AreaKind::service) continue;
        if (c.time_series && specs[i].indicator != specs[c.subject].indicator) continue;
        if (!c.comparator || comparator_rank(specs[i].kind) < comparator_rank(specs[*c.comparator].kind))
            c.comparator = i;
    }
    return model::Blocks{model::Block{std::move(c)}};
}

}  // namespace planpack::transform::directives
