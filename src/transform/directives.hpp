#pragma once
// The directives expand_directives dispatches to, each in its own file.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/project.hpp"
#include "model/document.hpp"

namespace planpack::transform {

// Copies what suppression needs to know about the observations a document shows into
// its model::Statistics: each figure, the figures it is computed from, and every
// breakdown (total = sum of parts) it takes part in, once per document.
class StatisticsWriter {
public:
    StatisticsWriter(const load::IndicatorSet& set, model::Statistics& out);
    // Registers the observation and returns its key.
    std::string add(size_t observation);
    // A figure computed from two others (a change between periods); returns its key.
    std::string add_change(const std::string& from, const std::string& to);

private:
    void add_breakdowns(const load::Observation& o);

    const load::IndicatorSet& set_;
    model::Statistics& out_;
    std::vector<std::vector<size_t>> breakdowns_of_;  // indicator -> breakdowns it is in
    std::set<std::tuple<size_t, size_t, size_t>> sums_done_;  // breakdown, area, period
    std::vector<bool> added_;                                 // by observation
};


}  // namespace planpack::transform
