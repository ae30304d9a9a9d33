#include "diag/concat.hpp"
#include "transform/directives.hpp"

namespace planpack::transform {

StatisticsWriter::StatisticsWriter(const load::IndicatorSet& set, model::Statistics& out)
    : set_(set), out_(out), breakdowns_of_(set.indicators.size()) {
    for (size_t b = 0; b < set.breakdowns.size(); ++b) {
        breakdowns_of_[set.breakdowns[b].total].push_back(b);
        for (size_t p : set.breakdowns[b].parts) breakdowns_of_[p].push_back(b);
    }
}

std::string StatisticsWriter::add(size_t observation) {
    const load::Observation& o = set_.observations[observation];
    std::string key = set_.key(o);
    if (added_.size() <= observation) added_.resize(set_.observations.size(), false);
    if (added_[observation]) return key;
    added_[observation] = true;
    model::Statistic st;
    const load::IndicatorDef& def = set_.indicators[o.indicator];
    if (def.measure == load::Measure::count) st.count = o.value;
    st.marker = o.marker;
    for (size_t in : o.inputs) st.inputs.push_back(set_.key(set_.observations[in]));
    // A rate given with its numerator and denominator is computed from those two counts.
    if (o.numerator && o.denominator) st.counts_used = {*o.numerator, *o.denominator};
    out_.figures.emplace(key, std::move(st));
    for (size_t in : o.inputs) add(in);
    add_breakdowns(o);
    return key;
}

void StatisticsWriter::add_breakdowns(const load::Observation& o) {
    for (size_t b : breakdowns_of_[o.indicator]) {
        if (!sums_done_.insert({b, o.area, o.period}).second) continue;
        const load::BreakdownDef& def = set_.breakdowns[b];
        const load::Observation* total = set_.find(def.total, o.area, o.period);
        if (!total) continue;
        std::vector<const load::Observation*> parts;
        for (size_t p : def.parts)
            if (const load::Observation* part = set_.find(p, o.area, o.period)) parts.push_back(part);
        if (parts.size() != def.parts.size()) continue;  // not broken down for this period
        std::vector<std::string> line;
        auto index = [&](const load::Observation* x) {
            return static_cast<size_t>(x - set_.observations.data());
        };
        line.push_back(add(index(total)));
        for (const load::Observation* part : parts) line.push_back(add(index(part)));
        out_.sums.push_back(std::move(line));
    }
}

std::string StatisticsWriter::add_change(const std::string& from, const std::string& to) {
    std::string key = concat("d", from, ">", to);
    model::Statistic st;
    st.inputs = {from, to};
    out_.figures.emplace(key, std::move(st));
    return key;
}

}  // namespace planpack::transform
