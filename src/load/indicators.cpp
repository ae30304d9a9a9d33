// The indicator set's lookups, and data/indicators.toml: the catalogue of indicators,
// areas and breakdowns that the figures in the CSV files are checked against.
#include <algorithm>
#include <array>
#include <cmath>

#include "diag/concat.hpp"
#include "load/indicators.hpp"
#include "model/number_format.hpp"

namespace planpack::load {

namespace {

constexpr std::array<std::string_view, 4> measure_names = {"count", "percent", "rate", "ratio"};
constexpr std::array<std::string_view, 6> area_kind_names = {
    "service", "england", "england_and_wales", "region", "police_force_area", "family_group"};

template <size_t N>
std::string list(const std::array<std::string_view, N>& names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

template <size_t N>
std::optional<size_t> lookup(const std::array<std::string_view, N>& names, std::string_view s) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == s) return i;
    return std::nullopt;
}

bool valid_indicator_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Each [[name]] entry of the catalogue as a table, or an error where it is not one.
std::vector<const toml::table*> entries(TableReader& top, std::string_view name, bool required) {
    std::vector<const toml::table*> out;
    const toml::array* arr = top.array(name, required);
    if (!arr) return out;
    for (const toml::node& n : *arr) {
        if (n.is_table()) out.push_back(n.as_table());
        else top.diags().error(top.origin().at(n), concat("each [[", name, "]] must be a table"));
    }
    return out;
}

struct PendingDerived {
    size_t indicator;
    std::optional<std::string> numerator, denominator, denominator_area;
    SourcePos num_pos, den_pos, area_pos;
};

std::optional<IndicatorDef> read_indicator(TableReader& r, PendingDerived& derived) {
    Diagnostics& diags = r.diags();
    IndicatorDef def;
    def.pos = r.pos();
    auto id = r.string("id", true);
    auto title = r.string("title", true);
    auto definition = r.string("definition", true);
    auto group = r.string("group", true);
    auto measure = r.string("measure", true);
    auto unit = r.string("unit", true);
    auto format = r.string("number_format", true);
    auto per = r.integer("per", false);
    auto higher = r.boolean("higher_is_better", true);
    derived.numerator = r.string("numerator", false);
    derived.denominator = r.string("denominator", false);
    derived.denominator_area = r.string("denominator_area", false);
    derived.num_pos = r.pos_of("numerator");
    derived.den_pos = r.pos_of("denominator");
    derived.area_pos = r.pos_of("denominator_area");
    r.finish();
    bool ok = id && title && definition && group && measure && unit && format && higher;
    if (id && !valid_indicator_id(*id)) {
        diags.error(r.pos_of("id"), "indicator id '" + *id +
                                        "' may hold only lower-case letters, digits, '_' and '-'");
        ok = false;
    }
    std::optional<size_t> m = measure ? lookup(measure_names, *measure) : std::nullopt;
    if (measure && !m) {
        diags.error(r.pos_of("measure"), concat("unknown measure '", *measure,
                                                "' (expected: ", list(measure_names), ")"));
        ok = false;
    }
    if (m) def.measure = static_cast<Measure>(*m);
    if (format && !model::valid_number_format(*format)) {
        diags.error(r.pos_of("number_format"),
                    "number_format '" + *format +
                        "' is not one planpack understands (for example #,##0 or 0.0 or 0.0%)");
        ok = false;
    } else if (format && m) {
        const bool percent = model::format_is_percent(*format);
        if (def.measure == Measure::percent && !percent) {
            diags.error(r.pos_of("number_format"),
                        "a percent indicator needs a number_format ending in % (such as 0.0%)");
            ok = false;
        } else if (def.measure != Measure::percent && percent) {
            diags.error(r.pos_of("number_format"),
                        concat("number_format '", *format, "' shows a percentage, but the measure is ",
                               *measure));
            ok = false;
        }
    }
    if (m && def.measure == Measure::rate && !per) {
        diags.error(r.pos(), "a rate indicator needs 'per' (for example per = 100000)");
        ok = false;
    } else if (m && def.measure != Measure::rate && per) {
        diags.error(r.pos_of("per"), "'per' is only for rate indicators");
        ok = false;
    } else if (per && *per <= 0) {
        diags.error(r.pos_of("per"), "'per' must be a positive whole number");
        ok = false;
    }
    if (derived.numerator.has_value() != derived.denominator.has_value()) {
        diags.error(r.pos(), "a derived indicator needs both 'numerator' and 'denominator'");
        ok = false;
    } else if (derived.numerator && m && def.measure == Measure::count) {
        diags.error(r.pos_of("numerator"), "a count cannot be derived from a numerator and denominator");
        ok = false;
    }
    if (derived.denominator_area && !derived.denominator) {
        diags.error(r.pos_of("denominator_area"), "'denominator_area' needs 'denominator'");
        ok = false;
    }
    if (!ok) return std::nullopt;
    def.id = *id;
    def.title = *title;
    def.definition = *definition;
    def.group = *group;
    def.unit = *unit;
    def.number_format = *format;
    def.per = per ? static_cast<double>(*per) : 1.0;
    def.higher_is_better = *higher;
    return def;
}

}  // namespace

std::string_view measure_name(Measure m) { return measure_names[static_cast<size_t>(m)]; }
std::string_view area_kind_name(AreaKind k) { return area_kind_names[static_cast<size_t>(k)]; }

std::uint64_t IndicatorSet::pack(size_t indicator, size_t area, size_t period) {
    return (static_cast<std::uint64_t>(indicator) << 42) | (static_cast<std::uint64_t>(area) << 21) |
           static_cast<std::uint64_t>(period);
}

std::optional<size_t> IndicatorSet::find_indicator(std::string_view id) const {
    auto it = indicator_index_.find(std::string(id));
    if (it == indicator_index_.end()) return std::nullopt;
    return it->second;
}

std::optional<size_t> IndicatorSet::find_area(std::string_view name) const {
    auto it = area_index_.find(std::string(name));
    if (it == area_index_.end()) return std::nullopt;
    return it->second;
}

const Observation* IndicatorSet::find(size_t indicator, size_t area, size_t period) const {
    auto it = index_.find(pack(indicator, area, period));
    return it == index_.end() ? nullptr : &observations[it->second];
}

std::string IndicatorSet::key(const Observation& o) const {
    // Indices, not names: short enough to live inside the string without an allocation,
    // which matters with a hundred thousand figures.
    return concat(std::to_string(o.indicator), ":", std::to_string(o.area), ":", std::to_string(o.period));
}

bool IndicatorSet::add(Observation o) {
    if (!index_.emplace(pack(o.indicator, o.area, o.period), observations.size()).second)
        return false;
    observations.push_back(std::move(o));
    return true;
}

size_t IndicatorSet::intern(const Period& p) {
    auto date = [](const model::Date& d) {
        return (static_cast<std::uint64_t>(d.year) << 9) | (static_cast<std::uint64_t>(d.month) << 5) |
               static_cast<std::uint64_t>(d.day);
    };
    const std::uint64_t k = (static_cast<std::uint64_t>(p.type) << 56) | (date(p.start) << 28) | date(p.end);
    auto [it, added] = period_index_.emplace(k, periods.size());
    if (added) periods.push_back(p);
    return it->second;
}

std::optional<IndicatorSet> read_catalogue(const toml::table& t, const TomlOrigin& origin,
                                           std::vector<std::string>& value_files,
                                           Diagnostics& diags) {
    const size_t errors_before = diags.all().size();
    IndicatorSet set;
    TableReader top(t, origin, diags, origin.file);
    top.allow("schema");
    if (const toml::array* files = top.array("values", true)) {
        for (const toml::node& n : *files) {
            if (auto s = n.value<std::string>(); s && n.is_string()) value_files.push_back(*s);
            else diags.error(origin.at(n), "'values' must list the names of CSV files in data/");
        }
        if (files->empty()) diags.error(top.pos_of("values"), "'values' names no CSV file");
    }
    auto areas = entries(top, "area", true);
    auto indicators = entries(top, "indicator", true);
    auto breakdowns = entries(top, "breakdown", false);
    top.finish();

    for (const toml::table* a : areas) {
        TableReader r(*a, origin, diags, "[[area]]");
        auto name = r.string("name", true);
        auto kind = r.string("kind", true);
        r.finish();
        std::optional<size_t> k = kind ? lookup(area_kind_names, *kind) : std::nullopt;
        if (kind && !k)
            diags.error(r.pos_of("kind"), concat("unknown area kind '", *kind, "' (expected: ",
                                                 list(area_kind_names), ")"));
        if (!name || !k) continue;
        if (set.area_index_.count(*name)) {
            diags.error(r.pos_of("name"), "area '" + *name + "' is listed twice");
            continue;
        }
        set.area_index_.emplace(*name, set.areas.size());
        set.areas.push_back({*name, static_cast<AreaKind>(*k), r.pos()});
    }

    std::vector<PendingDerived> pending;
    for (const toml::table* i : indicators) {
        TableReader r(*i, origin, diags, "[[indicator]]");
        PendingDerived derived;
        auto def = read_indicator(r, derived);
        if (!def) continue;
        if (set.indicator_index_.count(def->id)) {
            diags.error(r.pos_of("id"), "indicator '" + def->id + "' is listed twice");
            continue;
        }
        derived.indicator = set.indicators.size();
        if (derived.numerator) pending.push_back(derived);
        set.indicator_index_.emplace(def->id, set.indicators.size());
        set.indicators.push_back(std::move(*def));
    }
    // Derived indicators may name indicators listed after them.
    for (const PendingDerived& p : pending) {
        IndicatorDef& def = set.indicators[p.indicator];
        auto resolve = [&](const std::string& id, const SourcePos& pos) -> std::optional<size_t> {
            auto i = set.find_indicator(id);
            if (!i) diags.error(pos, "unknown indicator '" + id + "'");
            else if (set.indicators[*i].measure != Measure::count && set.indicators[*i].numerator) {
                diags.error(pos, "'" + id + "' is itself derived; derive from counts");
                return std::nullopt;
            }
            return i;
        };
        def.numerator = resolve(*p.numerator, p.num_pos);
        def.denominator = resolve(*p.denominator, p.den_pos);
        if (p.denominator_area) {
            def.denominator_area = set.find_area(*p.denominator_area);
            if (!def.denominator_area)
                diags.error(p.area_pos, "unknown area '" + *p.denominator_area + "'");
        }
    }

    for (const toml::table* b : breakdowns) {
        TableReader r(*b, origin, diags, "[[breakdown]]");
        auto total = r.string("total", true);
        const toml::array* parts = r.array("parts", true);
        r.finish();
        BreakdownDef def;
        def.pos = r.pos();
        bool ok = total && parts;
        auto count_indicator = [&](const std::string& id, const SourcePos& pos) -> std::optional<size_t> {
            auto i = set.find_indicator(id);
            if (!i) diags.error(pos, "unknown indicator '" + id + "'");
            else if (set.indicators[*i].measure != Measure::count)
                diags.error(pos, "'" + id + "' is not a count; a breakdown adds up counts");
            else return i;
            return std::nullopt;
        };
        if (total) {
            auto i = count_indicator(*total, r.pos_of("total"));
            ok = ok && i;
            if (i) def.total = *i;
        }
        if (parts) {
            for (const toml::node& n : *parts) {
                auto s = n.value<std::string>();
                if (!s || !n.is_string()) {
                    diags.error(origin.at(n), "'parts' must list indicator ids");
                    ok = false;
                    continue;
                }
                auto i = count_indicator(*s, origin.at(n));
                ok = ok && i;
                if (i) def.parts.push_back(*i);
            }
            if (parts->size() < 2) {
                diags.error(r.pos_of("parts"), "a breakdown needs at least two parts");
                ok = false;
            }
        }
        if (ok) set.breakdowns.push_back(std::move(def));
    }
    for (size_t i = errors_before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return set;
}

}  // namespace planpack::load
