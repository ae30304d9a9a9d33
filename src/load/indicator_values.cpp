// The figures: long-format CSV rows (one value per row), each checked against the
// catalogue, its period and its own numerator and denominator; then derived indicators
// and breakdown totals.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "diag/concat.hpp"
#include "diag/suggest.hpp"
#include "load/indicators.hpp"
#include "model/number_format.hpp"

namespace planpack::load {

namespace {

enum Col { indicator, area, period_label, period_type, period_start, period_end, measure, unit,
           value, numerator, denominator, source, as_at, column_count };

std::string plain(double v) { return model::format_number(v, ""); }

std::uint64_t pack_date(const model::Date& d) {
    return (static_cast<std::uint64_t>(d.year) << 9) | (static_cast<std::uint64_t>(d.month) << 5) |
           static_cast<std::uint64_t>(d.day);
}

std::uint64_t pack_period(PeriodType t, const model::Date& start, const model::Date& end) {
    return (static_cast<std::uint64_t>(t) << 56) | (pack_date(start) << 28) | pack_date(end);
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(decimals, 0), v);
    return buf;
}

int decimals_of(std::string_view text) {
    const size_t point = text.find('.');
    return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

// The factor between numerator / denominator and the value as people write it.
double written_scale(const IndicatorDef& d) {
    return d.measure == Measure::percent ? 100.0 : d.measure == Measure::rate ? d.per : 1.0;
}
// ... and the model's scale, where a percentage is a fraction.
double model_scale(const IndicatorDef& d) { return d.measure == Measure::rate ? d.per : 1.0; }

std::string scale_text(const IndicatorDef& d) {
    const double s = written_scale(d);
    return s == 1.0 ? "" : " × " + model::format_number(s, "#,##0");
}

// When value (as written, with its decimals) is not num / den × scale rounded the same
// way, a sentence quoting both figures.
std::optional<std::string> disagreement(double written, int decimals, double num, double den,
                                        const IndicatorDef& d, std::string_view what) {
    const double expected = num / den * written_scale(d);
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9;
    if (std::fabs(written - expected) <= tolerance) return std::nullopt;
    return concat("value ", fixed(written, decimals), " disagrees with ", what, plain(num), " / ",
                  plain(den), scale_text(d), " = ", fixed(expected, decimals + 2),
                  ", which rounds to ", fixed(expected, decimals));
}

std::string describe(const IndicatorSet& set, const Observation& o) {
    return concat(set.indicators[o.indicator].id, " for ", set.areas[o.area].name, " in ",
                  set.periods[o.period].label);
}

// Values marked "<N": suppressed before the data reached planpack.
std::optional<int> source_marker(std::string_view text) {
    if (text.size() < 2 || text[0] != '<') return std::nullopt;
    auto n = model::parse_integer(text.substr(1));
    if (!n || *n < 1 || *n > 1000000) return std::nullopt;
    return static_cast<int>(*n);
}

}  // namespace

const std::vector<std::string_view>& value_columns() {
    static const std::vector<std::string_view> cols = {
        "indicator", "area",  "period_label", "period_type", "period_start", "period_end",
        "measure",   "unit",  "value",        "numerator",   "denominator",  "source", "as_at"};
    return cols;
}

namespace {

// Reads rows of one values file, header first, checking each as it comes, so a big file
// is never held whole.
class ValuesReader {
public:
    ValuesReader(IndicatorSet& set, std::string file, Diagnostics& diags)
        : set_(set), file_(std::move(file)), diags_(diags) {
        for (size_t i = 0; i < set.sources.size(); ++i)
            provenance_.emplace(std::make_pair(set.sources[i].source, set.sources[i].as_at), i);
        set.period_type.resize(set.indicators.size());
    }

    void header(const std::vector<CsvField>& header);
    void row(const CsvRow& row);

private:
    SourcePos at(const CsvField& f) const { return {file_, f.line, f.col}; }

    IndicatorSet& set_;
    std::string file_;
    Diagnostics& diags_;
    bool header_ok_ = false;
    std::vector<int> col_ = std::vector<int>(column_count, -1);
    std::map<std::pair<std::string, std::string>, size_t> provenance_;
    // Rows usually come in runs of one indicator and one area: remember the last lookups.
    std::string last_indicator_, last_area_;
    std::optional<size_t> last_indicator_index_, last_area_index_;
    std::unordered_map<std::uint64_t, PeriodLabel> labels_;
};

void ValuesReader::header(const std::vector<CsvField>& header) {
    const size_t errors_before = diags_.all().size();
    // Which field holds which column; "note" is allowed and not read.
    const auto& names = value_columns();
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string& h = header[i].text;
        auto it = std::find(names.begin(), names.end(), h);
        if (it != names.end()) {
            const size_t c = static_cast<size_t>(it - names.begin());
            if (col_[c] >= 0) diags_.error(at(header[i]), "column '" + h + "' appears twice");
            col_[c] = static_cast<int>(i);
        } else if (h != "note") {
            std::string known;
            for (auto n : names) known += concat(known.empty() ? "" : ", ", n);
            diags_.error(at(header[i]),
                         concat("unknown column '", h, "' (expected: ", known, ", and optionally note)"));
        }
    }
    for (size_t c = 0; c < column_count; ++c)
        if (col_[c] < 0)
            diags_.error({file_, 1, 1}, concat("indicator values need a column '", names[c], "'"));
    header_ok_ = diags_.all().size() == errors_before;
    if (!header_ok_) set_.values_ok = false;
}

void ValuesReader::row(const CsvRow& row) {
    if (!header_ok_) return;
    IndicatorSet& set = set_;
    Diagnostics& diags = diags_;
    auto fail = [&] { set.values_ok = false; };
    auto f = [&](Col c) -> const CsvField& { return row.fields[static_cast<size_t>(col_[c])]; };
    auto at = [&](Col c) { return this->at(f(c)); };
    bool ok = true;
    auto error = [&](Col c, std::string message) {
        diags.error(at(c), std::move(message));
        ok = false;
    };
    if (f(indicator).text != last_indicator_ || !last_indicator_index_) {
        last_indicator_ = f(indicator).text;
        last_indicator_index_ = set.find_indicator(last_indicator_);
    }
    if (f(area).text != last_area_ || !last_area_index_) {
        last_area_ = f(area).text;
        last_area_index_ = set.find_area(last_area_);
    }
    const auto ind = last_indicator_index_;
    const auto ar = last_area_index_;
    // Rare (an error), so the candidate lists are built only here.
    if (!ind) {
        std::vector<std::string> ids;
        for (const auto& i : set.indicators) ids.push_back(i.id);
        error(indicator, "unknown indicator '" + f(indicator).text +
                             "': data/indicators.toml has no [[indicator]] with this id" +
                             did_you_mean(f(indicator).text, ids));
    }
    if (!ar) {
        std::vector<std::string> names;
        for (const auto& a : set.areas) names.push_back(a.name);
        error(area, "unknown area '" + f(area).text + "': data/indicators.toml has no [[area]] with this name" +
                        did_you_mean(f(area).text, names));
    }
    const IndicatorDef* def = ind ? &set.indicators[*ind] : nullptr;
    if (def && f(measure).text != measure_name(def->measure))
        error(measure, concat("measure '", f(measure).text, "' does not match the catalogue, which gives ",
                              def->id, " the measure '", measure_name(def->measure), "' (",
                              def->pos.file, ":", std::to_string(def->pos.line), ")"));
    if (def && f(unit).text != def->unit)
        error(unit, concat("unit '", f(unit).text, "' does not match the catalogue, which gives ",
                           def->id, " the unit '", def->unit, "' (", def->pos.file, ":",
                           std::to_string(def->pos.line), ")"));

    // The period: its type, real dates in order, and a label that says those dates.
    Period period;
    auto type = parse_period_type(f(period_type).text);
    if (!type)
        error(period_type, concat("unknown period type '", f(period_type).text,
                                  "' (expected: ", period_type_list(), ")"));
    auto start = model::parse_iso_date(f(period_start).text);
    auto end = model::parse_iso_date(f(period_end).text);
    if (!start) error(period_start, "period_start '" + f(period_start).text + "' is not a date (write YYYY-MM-DD)");
    if (!end) error(period_end, "period_end '" + f(period_end).text + "' is not a date (write YYYY-MM-DD)");
    if (type && start && end) {
        // A file repeats a few periods many times: work each one's label out once.
        const std::uint64_t packed = pack_period(*type, *start, *end);
        auto cached = labels_.find(packed);
        if (cached == labels_.end()) cached = labels_.emplace(packed, expected_label(*type, *start, *end)).first;
        const PeriodLabel& expected = cached->second;
        if (!expected.error.empty()) error(period_start, expected.error);
        else if (expected.label != f(period_label).text)
            error(period_label, concat("period label '", f(period_label).text, "' does not match ",
                                       model::format_iso(*start), " to ", model::format_iso(*end),
                                       ": a ", period_type_name(*type), " with these dates is labelled '",
                                       expected.label, "'"));
        period = {*type, *start, *end, expected.label};
    }
    if (def && type) {
        auto& seen = set.period_type[*ind];
        if (!seen) seen = {*type, at(period_type)};
        else if (seen->first != *type)
            error(period_type, concat(def->id, " is given by ", period_type_name(seen->first), " at ",
                                      seen->second.file == file_ ? "" : seen->second.file + ":", "line ",
                                      std::to_string(seen->second.line),
                                      "; one indicator keeps one kind of period"));
    }

    // The value, and the numerator and denominator it must agree with.
    Observation o;
    const std::string& vtext = f(value).text;
    std::optional<double> v;
    if (auto marker = source_marker(vtext)) {
        if (def && def->measure != Measure::count)
            error(value, concat("only a count can be written as ", vtext,
                                " (suppressed at source); leave the rate out instead"));
        o.marker = vtext;
    } else if (vtext.empty()) {
        error(value, "value is empty (write the figure, or <N for a count suppressed at source)");
    } else if (!(v = model::parse_decimal(vtext))) {
        error(value, "value '" + vtext + "' is not a number (write a figure such as 46 or 30.3, "
                     "without commas, or <N for a count suppressed at source)");
    } else if (def && def->measure == Measure::count && (*v < 0 || *v != std::floor(*v))) {
        error(value, "a count must be a whole number of 0 or more, not " + vtext);
    }
    const std::string& ntext = f(numerator).text;
    const std::string& dtext = f(denominator).text;
    if (!ntext.empty() || !dtext.empty()) {
        auto num = model::parse_decimal(ntext);
        auto den = model::parse_decimal(dtext);
        if (def && def->measure == Measure::count)
            error(ntext.empty() ? denominator : numerator,
                  "a count has no numerator or denominator");
        else if (ntext.empty() || dtext.empty())
            error(ntext.empty() ? numerator : denominator,
                  "numerator and denominator go together: give both or neither");
        else if (!num) error(numerator, "numerator '" + ntext + "' is not a number");
        else if (!den) error(denominator, "denominator '" + dtext + "' is not a number");
        else if (*den <= 0) error(denominator, "denominator must be more than 0");
        else if (*num < 0) error(numerator, "numerator must not be negative");
        else if (def && v) {
            if (auto why = disagreement(*v, decimals_of(vtext), *num, *den, *def, "numerator / denominator = "))
                error(value, *why);
            o.numerator = num;
            o.denominator = den;
        }
    }

    std::optional<std::string> as_at_text = std::string();
    if (!f(as_at).text.empty() && !(as_at_text = parse_as_at(f(as_at).text)))
        error(as_at, "as_at '" + f(as_at).text + "' is not a date (write YYYY-MM-DD or YYYY-MM)");
    if (f(source).text.empty()) error(source, "source is empty: say where the figure comes from");

    if (!ok || !def || !ar || !type || !start || !end) {
        fail();
        return;
    }
    o.indicator = *ind;
    o.area = *ar;
    o.period = set.intern(period);
    if (v) {
        o.written = v;
        o.decimals = decimals_of(vtext);
        if (o.numerator) o.value = *o.numerator / *o.denominator * model_scale(*def);
        else o.value = def->measure == Measure::percent ? *v / 100 : *v;
    }
    auto [it, added] = provenance_.emplace(std::make_pair(f(source).text, *as_at_text),
                                          set.sources.size());
    if (added) set.sources.push_back({f(source).text, *as_at_text});
    o.source = it->second;
    o.pos = at(value);
    if (const Observation* other = set.find(o.indicator, o.area, o.period)) {
        diags.error(at(indicator), concat("duplicate row: ", describe(set, o),
                                          " is already given at ", other->pos.file == file_ ? "" : other->pos.file + ":",
                                          "line ", std::to_string(other->pos.line)));
        fail();
        return;
    }
    set.add(std::move(o));
}

}  // namespace

void read_values(IndicatorSet& set, const CsvTable& csv, Diagnostics& diags) {
    ValuesReader reader(set, csv.file, diags);
    reader.header(csv.header);
    for (const CsvRow& row : csv.rows) reader.row(row);
}

void read_values(IndicatorSet& set, std::string_view text, const std::string& file, Diagnostics& diags) {
    ValuesReader reader(set, file, diags);
    const bool ok = read_csv_rows(text, file, diags, [&](CsvRow&& row, bool is_header) {
        if (is_header) reader.header(row.fields);
        else reader.row(row);
    });
    if (!ok) set.values_ok = false;
}

void finish_values(IndicatorSet& set, Diagnostics& diags) {
    auto& by_indicator = set.by_indicator;
    by_indicator.assign(set.indicators.size(), {});
    for (size_t i = 0; i < set.observations.size(); ++i)
        by_indicator[set.observations[i].indicator].push_back(i);

    // Derived indicators: numerator / denominator wherever both are given.
    for (size_t d = 0; d < set.indicators.size(); ++d) {
        const IndicatorDef& def = set.indicators[d];
        if (!def.numerator || !def.denominator) continue;
        const std::string what = concat(set.indicators[*def.numerator].id, " / ",
                                        set.indicators[*def.denominator].id, " = ");
        for (size_t ni : by_indicator[*def.numerator]) {
            const Observation num = set.observations[ni];
            if (def.denominator_area && num.area == *def.denominator_area) continue;
            const size_t den_area = def.denominator_area.value_or(num.area);
            const Observation* den = set.find(*def.denominator, den_area, num.period);
            if (!den || (den->value && *den->value == 0)) continue;
            std::optional<double> exact;
            if (num.value && den->value) exact = *num.value / *den->value * model_scale(def);
            const size_t den_index = static_cast<size_t>(den - set.observations.data());
            if (const Observation* given = set.find(d, num.area, num.period)) {
                // Given as well: it must agree, and it now carries the exact figure.
                auto& g = set.observations[static_cast<size_t>(given - set.observations.data())];
                if (exact && g.written)
                    if (auto why = disagreement(*g.written, g.decimals, *num.value, *den->value, def, what)) {
                        diags.error(g.pos, *why);
                        set.values_ok = false;
                    }
                g.value = exact;
                g.inputs = {ni, den_index};
                g.derived = true;
                continue;
            }
            Observation o;
            o.indicator = d;
            o.area = num.area;
            o.period = num.period;
            o.value = exact;
            o.inputs = {ni, den_index};
            o.source = num.source;
            o.pos = def.pos;
            o.derived = true;
            if (set.add(std::move(o))) by_indicator[d].push_back(set.observations.size() - 1);
        }
    }

    // Breakdowns: the parts must add up to the total wherever all are given.
    for (const BreakdownDef& b : set.breakdowns) {
        for (size_t ti : by_indicator[b.total]) {
            const Observation& total = set.observations[ti];
            double visible = 0, slack = 0;
            int suppressed = 0;
            std::vector<std::string> missing;
            for (size_t p : b.parts) {
                const Observation* part = set.find(p, total.area, total.period);
                if (!part) missing.push_back(set.indicators[p].id);
                else if (part->value) visible += *part->value;
                else {
                    ++suppressed;
                    slack += *source_marker(part->marker) - 1;
                }
            }
            if (missing.size() == b.parts.size()) continue;  // not broken down for this period
            std::string where = concat(set.indicators[b.total].id, " for ", set.areas[total.area].name,
                                       " in ", set.periods[total.period].label);
            if (!missing.empty()) {
                std::string names;
                for (const auto& m : missing) names += (names.empty() ? "" : ", ") + m;
                diags.error(total.pos, concat("the breakdown of ", where, " (", b.pos.file, ":",
                                              std::to_string(b.pos.line), ") has no figure for ", names));
                set.values_ok = false;
                continue;
            }
            if (!total.value) continue;
            const double t = *total.value;
            if (suppressed == 0 && std::fabs(visible - t) > 1e-6) {
                diags.error(total.pos, concat("the parts of ", where, " add up to ", plain(visible),
                                              ", not ", plain(t)));
                set.values_ok = false;
            } else if (suppressed > 0 && (t < visible - 1e-6 || t > visible + slack + 1e-6)) {
                diags.error(total.pos, concat("the parts of ", where, " add up to ", plain(visible),
                                              " plus ", std::to_string(suppressed),
                                              " figure(s) suppressed at source (at most ",
                                              plain(slack), " more), which cannot make ", plain(t)));
                set.values_ok = false;
            }
        }
    }
}

}  // namespace planpack::load
