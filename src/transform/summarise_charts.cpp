// One sentence per chart for readers who cannot see it: the subject's latest figure, its
// change since the period before and, where the chart has one, the comparator's figure.
// It reads only what suppression left, so it cannot reveal a withheld value.
#include <cmath>

#include "diag/concat.hpp"
#include "model/number_format.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

namespace {

std::string digits(int decimals) {
    return decimals > 0 ? "0." + std::string(static_cast<size_t>(decimals), '0') : "0";
}

bool has(const model::ChartSeries& s, size_t i) { return i < s.values.size() && s.values[i]; }

std::string marker_at(const model::ChartSeries& s, size_t i) {
    return i < s.markers.size() ? s.markers[i] : "";
}

std::string change_phrase(const model::Chart& c, double from, double to, const std::string& when) {
    auto fmt = [&](double v) { return model::format_number(v, c.number_format); };
    std::string amount;
    double sign = 0;
    if (c.change == model::ChangeKind::points) {
        const std::string f = digits(model::format_decimals(c.number_format));
        const double d = (to - from) * 100;
        amount = model::format_number(std::fabs(d), f) + " percentage points";
        sign = model::format_number(std::fabs(d), f).find_first_not_of("0.") == std::string::npos ? 0 : d;
    } else if (from != 0) {
        const double d = to / from - 1;
        amount = model::format_number(std::fabs(d), "0%");
        sign = model::format_number(std::fabs(d), "0%") == "0%" ? 0 : d;
    } else {
        sign = to;
    }
    if (sign == 0) return concat(", the same as in ", when);
    const char* direction = sign > 0 ? "up " : "down ";
    if (amount.empty()) return concat(", ", direction, "from ", fmt(from), " in ", when);
    return concat(", ", direction, amount, " from ", fmt(from), " in ", when);
}

std::string summarise(const model::Chart& c) {
    if (c.series.empty() || c.categories.empty()) return "The chart has no figures.";
    const model::ChartSeries& s = c.series[c.subject < c.series.size() ? c.subject : 0];
    const model::ChartSeries* cmp =
        c.comparator && *c.comparator < c.series.size() ? &c.series[*c.comparator] : nullptr;
    auto fmt = [&](double v) { return model::format_number(v, c.number_format); };
    auto comparison = [&](size_t i) {
        return cmp && has(*cmp, i) ? concat(", compared with ", fmt(*cmp->values[i]), " for ", cmp->name)
                                   : std::string();
    };

    if (!c.time_series) {
        std::optional<size_t> top;
        for (size_t i = 0; i < c.categories.size(); ++i)
            if (has(s, i) && (!top || *s.values[i] > *s.values[*top])) top = i;
        if (!top) return concat("There are no published figures for ", s.name, ".");
        return concat("The largest figure for ", s.name, " is ", c.categories[*top], ", at ",
                      fmt(*s.values[*top]), comparison(*top), ".");
    }

    std::optional<size_t> latest;
    for (size_t i = c.categories.size(); i-- > 0;)
        if (has(s, i) || !marker_at(s, i).empty()) {
            latest = i;
            break;
        }
    if (!latest) return concat("There are no published figures for ", s.name, ".");
    const size_t i = *latest;
    if (!has(s, i)) {
        std::string out = concat("In ", c.categories[i], ", the figure for ", s.name,
                                 " is not published (", marker_at(s, i),
                                 "), so that no child can be identified");
        for (size_t j = i; j-- > 0;)
            if (has(s, j)) {
                out += concat("; the latest published figure is ", fmt(*s.values[j]), ", for ",
                              c.categories[j]);
                break;
            }
        return out + ".";
    }
    std::string out = concat("In ", c.categories[i], ", the figure for ", s.name, " was ",
                             fmt(*s.values[i]));
    if (i > 0 && has(s, i - 1)) out += change_phrase(c, *s.values[i - 1], *s.values[i], c.categories[i - 1]);
    return out + comparison(i) + ".";
}

}  // namespace

void summarise_charts(model::Document& doc) {
    auto visit = [&](model::Blocks& blocks) {
        for_each_block(blocks, [&](model::Block& b) {
            if (auto* c = model::get_alternative<model::Chart>(&b.value); c && c->summary.empty())
                c->summary = summarise(*c);
        });
    };
    for (auto& section : doc.sections) {
        visit(section.blocks);
        for (auto& fn : section.footnotes) visit(fn.content);
    }
}

}  // namespace planpack::transform
