#include "transform/indicator_selection.hpp"

#include <algorithm>
#include <set>

#include "diag/concat.hpp"
#include "model/number_format.hpp"

namespace planpack::transform {

namespace {

struct Named {
    std::string name;
    SourcePos pos;
};

std::vector<Named> names(load::TableReader& r, std::string_view key, bool required) {
    std::vector<Named> out;
    const toml::array* arr = r.array(key, required);
    if (!arr) return out;
    for (const toml::node& n : *arr) {
        if (auto s = n.value<std::string>(); s && n.is_string()) out.push_back({*s, r.origin().at(n)});
        else r.diags().error(r.origin().at(n), concat("'", key, "' must list strings"));
    }
    if (arr->empty()) r.diags().error(r.pos_of(key), concat("'", key, "' lists nothing"));
    return out;
}

}  // namespace

model::Inlines text(std::string s) { return {model::Inline{model::Text{std::move(s)}}}; }

std::optional<IndicatorDirective> indicator_directive(const model::Directive& d,
                                                      const load::DataSet& data,
                                                      const StatisticsWriter* stats,
                                                      std::string_view needs, Diagnostics& diags) {
    const load::TomlOrigin origin{d.pos.file, d.body_line - 1};
    auto params = load::parse_toml(d.body, origin, diags);
    if (!params) return std::nullopt;
    if (!data.indicators || !stats) {
        if (!data.indicators_broken)
            diags.error(d.pos, concat(needs, " needs data/indicators.toml (see docs/format.md)"));
        return std::nullopt;
    }
    if (!data.indicators->values_ok) return std::nullopt;  // the values' own errors say why
    return IndicatorDirective{std::move(*params), origin, &*data.indicators};
}

std::optional<Selection> read_selection(load::TableReader& r, const load::IndicatorSet& set,
                                        std::optional<model::Date> as_of) {
    Diagnostics& diags = r.diags();
    const size_t errors_before = diags.all().size();
    auto indicator_names = names(r, "indicators", true);
    auto area_names = names(r, "areas", false);
    auto period_names = names(r, "periods", false);
    auto from = r.string("from", false);
    auto to = r.string("to", false);
    auto latest = r.integer("latest", false);
    if (!period_names.empty() && (from || to))
        diags.error(r.pos_of(from ? "from" : "to"), "give either 'periods' or 'from' and 'to', not both");
    if (latest && (!period_names.empty() || from || to))
        diags.error(r.pos_of("latest"), "give either 'latest' or the periods ('periods', 'from', 'to'), not both");
    if (latest && *latest < 1) diags.error(r.pos_of("latest"), "latest is a number of periods, 1 or more");

    Selection s;
    for (const Named& n : indicator_names) {
        if (auto i = set.find_indicator(n.name)) s.indicators.push_back(*i);
        else diags.error(n.pos, "unknown indicator '" + n.name + "' (see data/indicators.toml)");
    }
    for (const Named& n : area_names) {
        if (auto a = set.find_area(n.name)) s.areas.push_back(*a);
        else diags.error(n.pos, "unknown area '" + n.name + "' (see data/indicators.toml)");
    }
    if (diags.all().size() != errors_before) return std::nullopt;

    // One kind of period per table or chart: columns must be comparable.
    std::optional<std::pair<size_t, load::PeriodType>> kind;
    for (size_t i : s.indicators) {
        if (set.by_indicator[i].empty()) {
            diags.error(r.pos_of("indicators"), "there are no figures for " + set.indicators[i].id);
            return std::nullopt;
        }
        const load::PeriodType t = set.periods[set.observations[set.by_indicator[i].front()].period].type;
        if (!kind) kind = {i, t};
        else if (kind->second != t) {
            diags.error(r.pos_of("indicators"),
                        concat(set.indicators[kind->first].id, " is given by ",
                               load::period_type_name(kind->second), " but ", set.indicators[i].id,
                               " by ", load::period_type_name(t),
                               "; one table or chart shows one kind of period"));
            return std::nullopt;
        }
    }
    const bool all_areas = s.areas.empty();
    if (all_areas)
        for (size_t a = 0; a < set.areas.size(); ++a) s.areas.push_back(a);

    // The periods with figures for the chosen indicators and areas, in date order.
    std::set<size_t> area_set(s.areas.begin(), s.areas.end());
    std::set<size_t> candidate;
    for (size_t i : s.indicators)
        for (size_t o : set.by_indicator[i])
            if (area_set.count(set.observations[o].area)) candidate.insert(set.observations[o].period);
    std::vector<size_t> ordered(candidate.begin(), candidate.end());
    std::sort(ordered.begin(), ordered.end(), [&](size_t a, size_t b) {
        const auto& pa = set.periods[a];
        const auto& pb = set.periods[b];
        if (pa.end != pb.end) return pa.end < pb.end;
        return pa.start < pb.start;
    });
    std::vector<std::string> labels;
    for (size_t p : ordered) labels.push_back(set.periods[p].label);
    auto position = [&](const std::string& label, const SourcePos& pos) -> std::optional<size_t> {
        auto it = std::find(labels.begin(), labels.end(), label);
        if (it != labels.end()) return static_cast<size_t>(it - labels.begin());
        diags.error(pos, concat("no figures for period '", label, "' (there are: ", join(labels), ")"));
        return std::nullopt;
    };
    if (latest) {
        std::vector<size_t> ended;
        for (size_t p : ordered)
            if (!as_of || !(*as_of < set.periods[p].end)) ended.push_back(p);
        if (ended.empty())
            diags.error(r.pos_of("latest"), "no period with figures had ended by " +
                                                (as_of ? model::format_long(*as_of) : std::string("now")) +
                                                ", this document's date");
        const size_t n = std::min(ended.size(), static_cast<size_t>(*latest));
        s.periods.assign(ended.end() - static_cast<std::ptrdiff_t>(n), ended.end());
    } else if (!period_names.empty()) {
        for (const Named& n : period_names)
            if (auto i = position(n.name, n.pos)) s.periods.push_back(ordered[*i]);
    } else {
        size_t first = 0, last = ordered.empty() ? 0 : ordered.size() - 1;
        if (from)
            if (auto i = position(*from, r.pos_of("from"))) first = *i;
        if (to)
            if (auto i = position(*to, r.pos_of("to"))) last = *i;
        if (from && to && first > last)
            diags.error(r.pos_of("to"), "'to' = \"" + *to + "\" comes before 'from' = \"" + *from + "\"");
        for (size_t i = first; i <= last && i < ordered.size(); ++i) s.periods.push_back(ordered[i]);
    }
    if (diags.all().size() != errors_before) return std::nullopt;

    for (size_t i : s.indicators)
        for (size_t a : s.areas) {
            const bool any = std::any_of(s.periods.begin(), s.periods.end(),
                                         [&](size_t p) { return set.find(i, a, p) != nullptr; });
            if (any) s.pairs.push_back({i, a});
            else if (!all_areas)
                diags.error(r.pos_of("areas"), concat("there are no figures for ", set.indicators[i].id,
                                                      " in ", set.areas[a].name, " for these periods"));
        }
    if (s.pairs.empty() && diags.all().size() == errors_before)
        diags.error(r.pos(), "there are no figures to show for these indicators, areas and periods");
    if (diags.all().size() != errors_before) return std::nullopt;
    return s;
}

std::string pair_label(const load::IndicatorSet& set, const Selection& s,
                       std::pair<size_t, size_t> pair) {
    std::set<size_t> areas;
    for (const auto& p : s.pairs) areas.insert(p.second);
    if (s.indicators.size() == 1) return set.areas[pair.second].name;
    if (areas.size() == 1) return set.indicators[pair.first].title;
    return set.indicators[pair.first].title + ": " + set.areas[pair.second].name;
}

model::TableCell figure_cell(const load::IndicatorSet& set, const load::Observation* o,
                             StatisticsWriter& stats) {
    model::TableCell cell;
    if (!o) return cell;
    const load::IndicatorDef& def = set.indicators[o->indicator];
    cell.figure = stats.add(static_cast<size_t>(o - set.observations.data()));
    if (!o->marker.empty()) {
        cell.content = text(o->marker);
        cell.value.value = o->marker;
        cell.style = "suppressed";
    } else if (o->value) {
        cell.content = text(model::format_number(*o->value, def.number_format));
        cell.value.value = *o->value;
        cell.value.number_format = def.number_format;
    }
    return cell;
}

std::string change_format(const load::IndicatorDef& def) {
    if (def.measure != load::Measure::percent) return "+0%;-0%;0%";
    const int decimals = model::format_decimals(def.number_format);
    const std::string digits = decimals > 0 ? "0." + std::string(static_cast<size_t>(decimals), '0') : "0";
    return concat("+", digits, "\" pp\";-", digits, "\" pp\";", digits, "\" pp\"");
}

model::TableCell change_cell(const load::IndicatorSet& set, const load::Observation* from,
                             const load::Observation* to, StatisticsWriter& stats) {
    model::TableCell cell;
    if (!from || !to) return cell;
    const load::IndicatorDef& def = set.indicators[to->indicator];
    cell.figure = stats.add_change(stats.add(static_cast<size_t>(from - set.observations.data())),
                                   stats.add(static_cast<size_t>(to - set.observations.data())));
    if (!from->value || !to->value) return cell;  // suppression fills it in
    std::optional<double> change;
    if (def.measure == load::Measure::percent) change = (*to->value - *from->value) * 100;
    else if (*from->value != 0) change = *to->value / *from->value - 1;
    if (!change) return cell;
    const std::string format = change_format(def);
    cell.content = text(model::format_number(*change, format));
    cell.value.value = *change;
    cell.value.number_format = format;
    return cell;
}

std::vector<model::Inlines> source_notes(const load::IndicatorSet& set,
                                         const std::vector<const load::Observation*>& shown) {
    // Each source once, in order of first use, with the periods each as-at date covers.
    struct Use {
        std::string source;
        std::vector<std::pair<std::string, std::vector<std::string>>> as_at;  // date, periods
    };
    std::vector<Use> uses;
    std::vector<const load::Observation*> todo(shown.rbegin(), shown.rend());
    std::vector<char> visited(set.observations.size(), 0);
    while (!todo.empty()) {
        const load::Observation* o = todo.back();
        todo.pop_back();
        if (!o) continue;
        char& seen_before = visited[static_cast<size_t>(o - set.observations.data())];
        if (seen_before) continue;
        seen_before = 1;
        for (auto it = o->inputs.rbegin(); it != o->inputs.rend(); ++it)
            todo.push_back(&set.observations[*it]);
        if (!o->inputs.empty()) continue;  // derived: its inputs say where it came from
        const load::Provenance& p = set.sources[o->source];
        auto use = std::find_if(uses.begin(), uses.end(), [&](const Use& u) { return u.source == p.source; });
        if (use == uses.end()) use = uses.insert(uses.end(), Use{p.source, {}});
        auto date = std::find_if(use->as_at.begin(), use->as_at.end(),
                                 [&](const auto& d) { return d.first == p.as_at; });
        if (date == use->as_at.end()) date = use->as_at.insert(use->as_at.end(), {p.as_at, {}});
        const std::string& label = set.periods[o->period].label;
        if (std::find(date->second.begin(), date->second.end(), label) == date->second.end())
            date->second.push_back(label);
    }
    std::string line;
    for (const Use& u : uses) {
        std::string dates;
        const bool one_date = u.as_at.size() == 1;
        for (const auto& [date, periods] : u.as_at) {
            if (date.empty()) continue;
            std::string which;
            for (size_t i = 0; i < periods.size() && !one_date; ++i)
                which += concat(i == 0 ? "" : i + 1 == periods.size() ? " and " : ", ", periods[i]);
            dates += concat(dates.empty() ? "" : "; ", which, which.empty() ? "" : " ", "as at ", date);
        }
        line += concat(line.empty() ? "" : "; ", u.source, dates.empty() ? "" : concat(" (", dates, ")"));
    }
    if (line.empty()) return {};
    return {text(concat(uses.size() == 1 ? "Source: " : "Sources: ", line, "."))};
}

}  // namespace planpack::transform
