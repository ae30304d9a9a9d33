#pragma once
// Performance data: a catalogue of indicators and areas (data/indicators.toml) and the
// figures themselves, one per row of long-format CSV files. Everything here is checked
// when it is read; transforms only look figures up.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <toml++/toml.h>

#include "diag/diagnostic.hpp"
#include "load/csv_table.hpp"
#include "load/periods.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

// What kind of number an indicator is. It decides how a change is stated (percentage
// points for percentages, per cent otherwise) and what small-number suppression applies to.
enum class Measure { count, percent, rate, ratio };
enum class AreaKind { service, england, england_and_wales, region, police_force_area, family_group };

std::string_view measure_name(Measure m);
std::string_view area_kind_name(AreaKind k);

struct IndicatorDef {
    std::string id, title, definition;
    std::string group;          // KPI group: its title, which is also its spreadsheet sheet
    Measure measure = Measure::count;
    std::string unit;           // "children", "% of the cohort", "per 10,000 aged 10 to 17"
    std::string number_format;  // Excel-style, see model/number_format.hpp
    double per = 1;             // a rate's base (per 10,000 is 10000)
    bool higher_is_better = false;
    // A derived indicator is computed as numerator / denominator wherever both are given
    // (for the same area, or for denominator_area when set).
    std::optional<size_t> numerator, denominator, denominator_area;
    SourcePos pos;
};

struct AreaDef {
    std::string name;
    AreaKind kind = AreaKind::service;
    SourcePos pos;
};

// total = sum of parts, for every area and period: what secondary suppression protects.
struct BreakdownDef {
    size_t total = 0;
    std::vector<size_t> parts;
    SourcePos pos;
};

struct Period {
    PeriodType type = PeriodType::calendar_year;
    model::Date start, end;
    std::string label;
};

struct Provenance {
    std::string source;
    std::string as_at;  // printable ("June 2023"), empty if not given
};

struct Observation {
    size_t indicator = 0, area = 0, period = 0;
    // The most exact value known, in the model's scale: percentages as fractions (30.3% is
    // 0.303), from numerator / denominator where those are given. nullopt: suppressed at
    // source, or derived from a figure that was.
    std::optional<double> value;
    std::string marker;                   // "<10" when suppressed at source
    std::vector<size_t> inputs;           // derived: the observations it is computed from
    std::optional<double> numerator, denominator;  // counts given in the CSV row
    std::optional<double> written;        // the value as the CSV wrote it (30.3 for 30.3%)
    int decimals = 0;                     // ... and its decimal places
    size_t source = 0;                    // index into IndicatorSet::sources
    SourcePos pos;                        // the row's value field, or the catalogue entry
    bool derived = false;
};

struct IndicatorSet {
    std::vector<IndicatorDef> indicators;
    std::vector<AreaDef> areas;
    std::vector<BreakdownDef> breakdowns;
    std::vector<Period> periods;
    std::vector<Provenance> sources;
    std::vector<Observation> observations;
    bool values_ok = true;  // false when a values file had errors (already reported)
    // Each indicator's kind of period and where it was first given: one kind throughout.
    std::vector<std::optional<std::pair<PeriodType, SourcePos>>> period_type;
    std::vector<std::vector<size_t>> by_indicator;  // observations of each, by finish_values

    std::optional<size_t> find_indicator(std::string_view id) const;
    std::optional<size_t> find_area(std::string_view name) const;
    const Observation* find(size_t indicator, size_t area, size_t period) const;
    // The figure's name in model::Statistics ("3:0:8": indicator, area and period indices).
    std::string key(const Observation& o) const;
    // Registers an observation for find(); false when one is already there.
    bool add(Observation o);
    // The index of a period with these dates and type, adding it when new.
    size_t intern(const Period& p);

private:
    static std::uint64_t pack(size_t indicator, size_t area, size_t period);
    std::unordered_map<std::uint64_t, size_t> index_;
    std::unordered_map<std::uint64_t, size_t> period_index_;
    std::unordered_map<std::string, size_t> indicator_index_, area_index_;
    friend std::optional<IndicatorSet> read_catalogue(const toml::table&, const TomlOrigin&,
                                                      std::vector<std::string>&, Diagnostics&);
};

// data/indicators.toml. value_files receives the names (in data/) of the CSV files it lists.
std::optional<IndicatorSet> read_catalogue(const toml::table& t, const TomlOrigin& origin,
                                           std::vector<std::string>& value_files,
                                           Diagnostics& diags);
// Adds the rows of one long-format CSV file; every fault is reported at its field.
void read_values(IndicatorSet& set, const CsvTable& csv, Diagnostics& diags);
// The same straight from the file's text, row by row, without holding it as a CsvTable.
void read_values(IndicatorSet& set, std::string_view text, const std::string& file,
                 Diagnostics& diags);
// After the last file: computes derived indicators and checks breakdowns add up.
void finish_values(IndicatorSet& set, Diagnostics& diags);

// The CSV columns, in the order docs/format.md lists them.
const std::vector<std::string_view>& value_columns();

}  // namespace planpack::load
