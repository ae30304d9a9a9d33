#pragma once
// What the indicator-table and chart directives share: choosing indicators, areas and
// periods from a directive's TOML, and turning observations into cells and notes.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/indicators.hpp"
#include "load/toml_reader.hpp"
#include "model/document.hpp"
#include "transform/directives.hpp"

namespace planpack::transform {

struct Selection {
    std::vector<size_t> indicators;
    std::vector<size_t> areas;
    std::vector<size_t> periods;  // in date order
    // (indicator, area) pairs with at least one figure in the periods, in the order given.
    std::vector<std::pair<size_t, size_t>> pairs;
};

// Reads `indicators`, `areas` and `periods` (or `from` and `to`, or `latest`) and checks
// each name against the indicator set; nullopt after reporting what is wrong. `latest = N`
// takes the N latest periods that had ended by as_of (the document's date): a board pack's
// current figures, which move on with the data without editing the pack.
std::optional<Selection> read_selection(load::TableReader& r, const load::IndicatorSet& set,
                                        std::optional<model::Date> as_of = std::nullopt);

// The label of a row or series: the area alone when one indicator is shown, the
// indicator alone when one area is, else both.
std::string pair_label(const load::IndicatorSet& set, const Selection& s,
                       std::pair<size_t, size_t> pair);

model::Inlines text(std::string s);

// A cell for one observation (or an empty cell where there is none), registered with
// the statistics so suppression can find it.
model::TableCell figure_cell(const load::IndicatorSet& set, const load::Observation* o,
                             StatisticsWriter& stats);

// The change from one observation to the next: percentage points between percentages,
// per cent otherwise. An empty cell when either is missing.
model::TableCell change_cell(const load::IndicatorSet& set, const load::Observation* from,
                             const load::Observation* to, StatisticsWriter& stats);
std::string change_format(const load::IndicatorDef& def);

// "Source: YJB (as at June 2023)." for every source behind the observations shown.
std::vector<model::Inlines> source_notes(const load::IndicatorSet& set,
                                         const std::vector<const load::Observation*>& shown);

// What an indicator directive starts from: its TOML body (positions in the .md file) and
// an indicator set whose figures loaded cleanly. nullopt when either is missing; why is
// then reported, here or (for figures that failed to load) where they failed.
struct IndicatorDirective {
    toml::table params;
    load::TomlOrigin origin;
    const load::IndicatorSet* set = nullptr;
};
std::optional<IndicatorDirective> indicator_directive(const model::Directive& d,
                                                      const load::DataSet& data,
                                                      const StatisticsWriter* stats,
                                                      std::string_view needs, Diagnostics& diags);

}  // namespace planpack::transform
