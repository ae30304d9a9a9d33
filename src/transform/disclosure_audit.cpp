#include "transform/disclosure_audit.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <map>

namespace planpack::transform {

namespace {

bool unknown(const model::Statistics& stats, const std::unordered_map<std::string, std::string>& withheld,
             const std::string& key) {
    if (withheld.count(key)) return true;
    auto it = stats.figures.find(key);
    return it == stats.figures.end() || !it->second.count;
}

// Reduced row echelon form in place; returns each row's pivot column.
std::vector<size_t> reduce(std::vector<std::vector<mpq_class>>& m, size_t columns) {
    std::vector<size_t> pivots;
    size_t r = 0;
    for (size_t c = 0; c < columns && r < m.size(); ++c) {
        size_t p = r;
        while (p < m.size() && m[p][c] == 0) ++p;
        if (p == m.size()) continue;
        std::swap(m[p], m[r]);
        const mpq_class lead = m[r][c];
        for (auto& v : m[r]) v /= lead;
        for (size_t i = 0; i < m.size(); ++i) {
            if (i == r || m[i][c] == 0) continue;
            const mpq_class f = m[i][c];
            for (size_t j = c; j < columns; ++j) m[i][j] -= f * m[r][j];
        }
        pivots.push_back(c);
        ++r;
    }
    m.resize(r);
    return pivots;
}

}  // namespace

std::vector<std::string> determined_figures(const model::Statistics& stats,
                                            const std::unordered_map<std::string, std::string>& withheld) {
    // Only sums with an unknown say anything about one; the published values move to the
    // right-hand side, which does not decide whether a figure is determined.
    std::map<std::string, size_t> column;  // unknown figure -> its column, in key order
    std::vector<const std::vector<std::string>*> lines;
    for (const auto& line : stats.sums) {
        bool hides = false;
        for (const auto& key : line) hides = hides || withheld.count(key);
        if (!hides) continue;
        lines.push_back(&line);
        for (const auto& key : line)
            if (unknown(stats, withheld, key)) column.emplace(key, 0);
    }
    if (lines.empty()) return {};
    std::vector<std::string> names;
    for (auto& [key, index] : column) {
        index = names.size();
        names.push_back(key);
    }
    // total - part - part ... = 0
    std::vector<std::vector<mpq_class>> m(lines.size(), std::vector<mpq_class>(names.size(), 0));
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& line = *lines[i];
        for (size_t k = 0; k < line.size(); ++k)
            if (auto it = column.find(line[k]); it != column.end()) m[i][it->second] += k == 0 ? 1 : -1;
    }
    const auto pivots = reduce(m, names.size());
    // A withheld figure is determined exactly when a reduced row is that figure alone.
    std::vector<std::string> out;
    for (size_t r = 0; r < pivots.size(); ++r) {
        const bool alone = std::all_of(m[r].begin(), m[r].end(), [&](const mpq_class& v) {
            return v == 0 || &v == &m[r][pivots[r]];
        });
        if (alone && withheld.count(names[pivots[r]])) out.push_back(names[pivots[r]]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace planpack::transform
