#include "model/table_shape.hpp"

#include <algorithm>
#include <vector>

namespace planpack::model {

size_t column_count(const Table& t) {
    size_t n = t.aligns.size();
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& r : *rows) n = std::max(n, r.cells.size());
    return n;
}

Table sideways(const Table& t) {
    Table out = t;
    out.head.clear(), out.body.clear(), out.foot.clear(), out.choices.clear(), out.value_styles.clear();
    std::vector<const TableRow*> rows;
    for (const auto* part : {&t.head, &t.body, &t.foot})
        for (const auto& r : *part) rows.push_back(&r);
    const size_t n = column_count(t);
    bool numeric = true;  // every column after the first right-aligned: numbers
    for (size_t c = 1; c < t.aligns.size(); ++c) numeric = numeric && t.aligns[c] == Align::right;
    for (size_t c = 0; c < n; ++c) {
        TableRow row;
        for (const auto* r : rows) row.cells.push_back(c < r->cells.size() ? r->cells[c] : TableCell());
        (c == 0 && !t.head.empty() ? out.head : out.body).push_back(std::move(row));
    }
    out.aligns.assign(rows.size(), numeric ? Align::right : Align::left);
    if (!out.aligns.empty()) out.aligns[0] = Align::left;
    out.row_headers = !t.head.empty();
    return out;
}

}  // namespace planpack::model
