// Small-number suppression, once, over the model, before any renderer runs:
//
//   primary    a count below the threshold prints as the marker ("<5"); a count already
//              suppressed at source keeps its own marker ("<10");
//   derived    every figure computed from a withheld one (a rate, a percentage, a change),
//              or from a numerator or denominator below the threshold, prints as the
//              secondary marker ("[c]");
//   secondary  wherever a total is the sum of parts (a [[breakdown]]), no such sum may have
//              exactly one withheld figure, or it could be worked out by subtraction: the
//              smallest other part (else the total) is withheld as well, until every sum
//              has none or at least two.
//   audit      that rule looks at one sum at a time; sums together (a table's rows and
//              columns, a grouping of another table's rows) can still pin a figure down.
//              transform::determined_figures solves them all at once, exactly; while a
//              withheld figure is determined, the smallest published figure in a sum with
//              it is withheld too (complementary suppression). One that nothing published
//              can protect is an error naming the tables.
//
// Cells and chart points are replaced, not hidden: the raw value leaves the model.
#include <algorithm>
#include <unordered_map>
#include <optional>

#include "diag/concat.hpp"
#include "model/number_format.hpp"
#include "transform/disclosure_audit.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

namespace {

class Decider {
public:
    Decider(const model::Statistics& stats, const load::Suppression& rules)
        : stats_(stats), rules_(rules) {
        for (const auto& [key, st] : stats.figures) {
            if (!st.marker.empty()) withheld_[key] = st.marker;
            else if (st.count && *st.count < rules.threshold) withheld_[key] = rules.marker;
        }
        secondary();
        audit();
    }

    // Withheld figures nothing published could protect; empty when the document is safe.
    const std::vector<std::string>& unprotected() const { return unprotected_; }

    // The marker a figure prints as, or nullopt when it may be published.
    std::optional<std::string> marker(const std::string& key) {
        if (auto it = withheld_.find(key); it != withheld_.end()) return it->second;
        auto figure = stats_.figures.find(key);
        if (figure == stats_.figures.end() ||
            (figure->second.inputs.empty() && figure->second.counts_used.empty()))
            return std::nullopt;  // a published count: nothing to work out or remember
        if (auto it = derived_.find(key); it != derived_.end()) return it->second;
        std::optional<std::string> result;
        derived_[key] = std::nullopt;  // a cycle, were there one, ends here
        if (auto it = stats_.figures.find(key); it != stats_.figures.end()) {
            for (double used : it->second.counts_used)
                if (used < rules_.threshold) result = rules_.secondary_marker;
            for (const auto& input : it->second.inputs)
                if (marker(input)) result = rules_.secondary_marker;
        }
        derived_[key] = result;
        return result;
    }

private:
    void secondary() {
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& line : stats_.sums) {
                int hidden = 0;
                for (const auto& key : line) hidden += withheld_.count(key) ? 1 : 0;
                if (hidden != 1) continue;
                // The smallest published part; the total (line[0]) only when no part is left.
                std::optional<size_t> pick;
                double smallest = 0;
                for (size_t i = 1; i < line.size(); ++i) {
                    if (withheld_.count(line[i])) continue;
                    const double v = count_of(line[i]);
                    if (!pick || v < smallest) {
                        pick = i;
                        smallest = v;
                    }
                }
                if (!pick && !withheld_.count(line[0])) pick = 0;
                if (!pick) continue;
                withheld_[line[*pick]] = rules_.secondary_marker;
                changed = true;
            }
        }
    }

    void audit() {
        for (;;) {
            const auto determined = determined_figures(stats_, withheld_);
            if (determined.empty()) return;
            std::vector<std::string> stuck;
            bool more = false;
            for (const auto& key : determined) {
                if (auto pick = protector(key)) {
                    withheld_[*pick] = rules_.secondary_marker;
                    more = true;
                    break;  // one at a time: it may protect the others too
                }
                stuck.push_back(key);
            }
            if (!more) {
                unprotected_ = std::move(stuck);
                return;
            }
        }
    }

    // The smallest published count sharing a sum with key; parts before totals, since a
    // withheld total hides more than it needs to.
    std::optional<std::string> protector(const std::string& key) const {
        std::optional<std::string> pick;
        double smallest = 0;
        for (const auto& line : stats_.sums) {
            if (std::find(line.begin(), line.end(), key) == line.end()) continue;
            for (size_t i = 0; i < line.size(); ++i) {
                auto figure = stats_.figures.find(line[i]);
                if (withheld_.count(line[i]) || figure == stats_.figures.end() || !figure->second.count) continue;
                const double v = *figure->second.count + (i == 0 ? 1e18 : 0);
                if (!pick || v < smallest) {
                    pick = line[i];
                    smallest = v;
                }
            }
        }
        return pick;
    }

    double count_of(const std::string& key) const {
        auto it = stats_.figures.find(key);
        return it != stats_.figures.end() && it->second.count ? *it->second.count : 0;
    }

    const model::Statistics& stats_;
    const load::Suppression& rules_;
    std::unordered_map<std::string, std::string> withheld_;
    std::unordered_map<std::string, std::optional<std::string>> derived_;
    std::vector<std::string> unprotected_;
};

std::string explain(const std::string& marker, const load::Suppression& rules, const std::string& person) {
    if (marker == rules.marker)
        return concat(marker, ": fewer than ", std::to_string(rules.threshold),
                      ". Small numbers are not published, so that no ", person.empty() ? "child" : person,
                      " can be identified.");
    if (marker == rules.secondary_marker)
        return concat(marker, ": not published, because it would reveal a number below ",
                      std::to_string(rules.threshold), ".");
    if (marker.size() > 1 && marker[0] == '<' && model::parse_integer(marker.substr(1)))
        return concat(marker, ": fewer than ", marker.substr(1), ", withheld by the source.");
    return marker + ": withheld by the source.";
}

model::Inlines text(std::string s) { return {model::Inline{model::Text{std::move(s)}}}; }

// Replaces withheld cells and notes each marker used under the table.
void apply(model::Table& t, Decider& decide, const load::Suppression& rules) {
    std::vector<std::string> used;
    for (auto* rows : {&t.head, &t.body, &t.foot})
        for (auto& row : *rows)
            for (auto& cell : row.cells) {
                if (cell.figure.empty()) continue;
                auto m = decide.marker(cell.figure);
                if (!m) continue;
                cell.content = text(*m);
                cell.value = model::CellValue{*m, ""};
                cell.style = "suppressed";
                if (std::find(used.begin(), used.end(), *m) == used.end()) used.push_back(*m);
            }
    for (const auto& m : used) t.notes.push_back(text(explain(m, rules, t.person)));
}

void apply(model::Chart& c, Decider& decide) {
    for (auto& s : c.series)
        for (size_t i = 0; i < s.figures.size() && i < s.values.size(); ++i) {
            if (s.figures[i].empty()) continue;
            if (auto m = decide.marker(s.figures[i])) {
                s.values[i] = std::nullopt;
                if (s.markers.size() < s.values.size()) s.markers.resize(s.values.size());
                s.markers[i] = *m;
            }
        }
}

}  // namespace

void suppress_small_numbers(model::Document& doc, const load::Suppression& rules) {
    Diagnostics unused;
    suppress_small_numbers(doc, rules, unused);
}

void suppress_small_numbers(model::Document& doc, const load::Suppression& rules, Diagnostics& diags) {
    if (doc.statistics.figures.empty()) return;
    Decider decide(doc.statistics, rules);
    // Figure keys start with their data's name: "outcomes[0,2]:3:2", "outcomes:3:2".
    for (const auto& key : decide.unprotected()) {
        std::vector<std::string> files;
        for (const auto& line : doc.statistics.sums)
            if (std::find(line.begin(), line.end(), key) != line.end())
                for (const auto& k : line) {
                    const std::string prefix = k.substr(0, k.find_first_of("[:"));
                    const bool indicator = prefix.find_first_not_of("0123456789") == std::string::npos;
                    const std::string name = indicator ? "the performance indicators" : "data/" + prefix + ".csv";
                    if (std::find(files.begin(), files.end(), name) == files.end()) files.push_back(name);
                }
        std::string others;
        for (size_t i = 1; i < files.size(); ++i) others += (i == 1 ? " with " : " and ") + files[i];
        diags.error({files.empty() ? doc.id : files.front(), 0, 0},
                    "a withheld count in this table can be worked out from it" + others + ", as the '" + doc.id +
                        "' document publishes, and no published figure is left to withhold with it; publish "
                        "these tables in different documents or group the rows differently");
    }
    auto visit = [&](model::Blocks& blocks) {
        for_each_block(blocks, [&](model::Block& b) {
            if (auto* t = model::get_alternative<model::Table>(&b.value)) apply(*t, decide, rules);
            else if (auto* c = model::get_alternative<model::Chart>(&b.value)) {
                apply(*c, decide);
                apply(c->data, decide, rules);
            }
        });
    };
    for (auto& section : doc.sections) {
        visit(section.blocks);
        for (auto& fn : section.footnotes) visit(fn.content);
    }
    // Spreadsheets are copies of what the document shows: the same figures, withheld alike.
    for (auto& workbook : doc.workbooks)
        for (auto& sheet : workbook.sheets) visit(sheet.second);
    doc.statistics = {};
}

}  // namespace planpack::transform
