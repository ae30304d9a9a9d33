#include "render/pdf/table.hpp"

#include <algorithm>
#include <memory>
#include <numeric>

namespace planpack::render::pdf {

std::vector<float> allocate_columns(const std::vector<ColumnNeed>& needs, float width) {
    std::vector<float> out(needs.size(), 0);
    if (needs.empty()) return out;
    float sum_min = 0, sum_max = 0;
    for (const auto& n : needs) {
        sum_min += n.min;
        sum_max += std::max(n.min, n.max);
    }
    if (sum_min >= width) {
        // Not even the minimums fit. Columns that fit a fair share keep their one-line
        // width, or else their minimum (a short word is never broken for a long one); the
        // others share what is left in proportion to their minimums, and their words break.
        std::vector<size_t> open;
        for (size_t i = 0; i < needs.size(); ++i) open.push_back(i);
        float left = width;
        for (bool settled = true; settled && !open.empty();) {
            settled = false;
            const float share = left / static_cast<float>(open.size());
            for (size_t k = 0; k < open.size();) {
                const ColumnNeed& n = needs[open[k]];
                const float want = std::max(n.min, n.max) <= share ? std::max(n.min, n.max) : n.min;
                if (want <= share) {
                    out[open[k]] = want;
                    left -= want;
                    open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
                    settled = true;
                } else {
                    ++k;
                }
            }
        }
        float open_min = 0;
        for (size_t i : open) open_min += needs[i].min;
        for (size_t i : open) out[i] = open_min > 0 ? left * needs[i].min / open_min : 0;
        return out;
    }
    for (size_t i = 0; i < needs.size(); ++i) {
        const float mn = needs[i].min, mx = std::max(needs[i].min, needs[i].max);
        if (sum_max <= width)  // everything fits on one line: share the slack by size
            out[i] = sum_max > 0 ? mx + (width - sum_max) * mx / sum_max
                                 : width / static_cast<float>(needs.size());
        else
            out[i] = mn + (width - sum_min) * (mx - mn) / (sum_max - sum_min);
    }
    return out;
}

namespace {

enum class Part { head, body, foot };

struct Cell {
    std::vector<Run> runs;
    std::vector<Line> lines;
    model::Align align = model::Align::left;
    std::optional<Colour> fill;
    int node = artifact;
};

struct Row {
    std::vector<Cell> cells;
    Part part = Part::body;
    size_t index = 0;  // within its part
    int node = artifact;
};

class TableLayout {
public:
    TableLayout(FlowBuilder& b, const model::Table& t, const Frame& f)
        : b_(b), t_(t), f_(f), st_(b.env().style.table), lh_(st_.size * st_.leading) {}

    void run() {
        if (!t_.pos.file.empty()) b_.set_pos(t_.pos);
        const int table = b_.env().tree.add(Tag::Table, f_.node);
        caption(table);
        std::vector<Row> rows;
        collect(rows, table);
        widths(rows);
        for (Row& r : rows)
            for (size_t c = 0; c < r.cells.size(); ++c)
                r.cells[c].lines = b_.lines(r.cells[c].runs, widths_[c] - 2 * st_.padding_x);
        emit(rows);
        notes();
        b_.space_after(st_.space_after);
    }

private:
    size_t columns() const {
        size_t n = t_.aligns.size();
        for (const auto* rows : {&t_.head, &t_.body, &t_.foot})
            for (const auto& r : *rows) n = std::max(n, r.cells.size());
        return n;
    }

    void caption(int table) {
        if (t_.caption.empty()) return;
        const TextStyle& cs = st_.caption;
        const int node = b_.env().tree.add(Tag::Caption, table);
        const size_t first = b_.strip_count();
        b_.text_strips(b_.runs(t_.caption, b_.base_style(cs, f_)), f_, cs, node,
                       std::max(st_.space_before, cs.space_before), true);
        b_.strip(b_.strip_count() - 1).height += cs.space_after;
        if (!t_.id.empty() && first < b_.strip_count()) b_.strip(first).anchors.push_back(t_.id);
    }

    void collect(std::vector<Row>& rows, int table) {
        const size_t n = columns();
        auto part = [&](const std::vector<model::TableRow>& src, Part p, Tag group) {
            if (src.empty()) return;
            const int g = b_.env().tree.add(group, table);
            for (size_t i = 0; i < src.size(); ++i) {
                Row row;
                row.part = p;
                row.index = i;
                row.node = b_.env().tree.add(Tag::TR, g);
                for (size_t c = 0; c < n; ++c) {
                    const model::TableCell empty;
                    const model::TableCell& mc = c < src[i].cells.size() ? src[i].cells[c] : empty;
                    const bool head = p == Part::head, row_head = c == 0 && t_.row_headers;
                    Cell cell;
                    cell.align = c < t_.aligns.size() ? t_.aligns[c] : model::Align::none;
                    cell.node = b_.env().tree.add(head || row_head ? Tag::TH : Tag::TD, row.node, "",
                                                  head ? "Column" : row_head ? "Row" : "");
                    TextStyle ts{st_.size, st_.leading, head ? st_.header_text : st_.text,
                                 head || row_head || p == Part::foot, 0, 0};
                    RunStyle rs = b_.base_style(ts, Frame{});
                    if (auto it = st_.cell_styles.find(mc.style); it != st_.cell_styles.end()) {
                        cell.fill = it->second.fill;
                        if (it->second.text) rs.colour = *it->second.text;
                        if (it->second.bold) rs.face = Face::bold;
                    }
                    if (head) cell.fill = st_.header_fill;
                    else if (!cell.fill && p == Part::body && i % 2 == 1) cell.fill = st_.zebra;
                    cell.runs = b_.runs(mc.content, rs);
                    // Links keep the link colour, except on the dark header fill.
                    if (head)
                        for (Run& r : cell.runs) r.style.colour = st_.header_text;
                    row.cells.push_back(std::move(cell));
                }
                rows.push_back(std::move(row));
            }
        };
        part(t_.head, Part::head, Tag::THead);
        part(t_.body, Part::body, Tag::TBody);
        part(t_.foot, Part::foot, Tag::TFoot);
    }

    void widths(const std::vector<Row>& rows) {
        const size_t n = columns();
        std::vector<ColumnNeed> needs(n);
        for (const Row& r : rows)
            for (size_t c = 0; c < r.cells.size(); ++c) {
                const Extent e = extent(r.cells[c].runs, b_.env().fonts, b_.missing());
                needs[c].min = std::max(needs[c].min, e.min + 2 * st_.padding_x);
                needs[c].max = std::max(needs[c].max, e.max + 2 * st_.padding_x);
            }
        widths_ = allocate_columns(needs, f_.width);
        lefts_.assign(n, f_.x);
        for (size_t c = 1; c < n; ++c) lefts_[c] = lefts_[c - 1] + widths_[c - 1];
    }

    float row_height(const Row& r) const {
        size_t lines = 1;
        for (const Cell& c : r.cells) lines = std::max(lines, c.lines.size());
        return static_cast<float>(lines) * lh_ + 2 * st_.padding_y;
    }

    // One strip of a row: lines [from[c], to[c]) of each cell.
    Strip strip(const Row& r, const std::vector<size_t>& from, const std::vector<size_t>& to,
                bool last_of_table, bool first_of_foot) {
        Strip s;
        size_t lines = 1;
        for (size_t c = 0; c < r.cells.size(); ++c) lines = std::max(lines, to[c] - from[c]);
        s.height = static_cast<float>(lines) * lh_ + 2 * st_.padding_y;
        const float right = f_.x + f_.width;
        for (size_t c = 0; c < r.cells.size(); ++c)
            if (r.cells[c].fill)
                s.items.push_back({ShapeItem{ShapeKind::rect,
                                             {{lefts_[c], 0}, {lefts_[c] + widths_[c], s.height}},
                                             0, r.cells[c].fill, std::nullopt, 0, {}},
                                   artifact});
        for (size_t c = 0; c < r.cells.size(); ++c) {
            const Cell& cell = r.cells[c];
            for (size_t k = from[c]; k < to[c]; ++k)
                b_.draw_line(s, cell.lines[k], cell.runs, lefts_[c] + st_.padding_x,
                             st_.padding_y + static_cast<float>(k - from[c]) * lh_,
                             widths_[c] - 2 * st_.padding_x, cell.align, lh_, cell.node);
        }
        s.first_baseline = st_.padding_y + b_.baseline(lh_, st_.size, Face::regular);
        auto hline = [&](float y, float w) {
            s.items.push_back({ShapeItem{ShapeKind::line, {{f_.x, y}, {right, y}}, 0, std::nullopt,
                                         st_.rule, w, {}},
                               artifact});
        };
        if (first_of_foot) hline(st_.heavy_rule_width / 2, st_.heavy_rule_width);
        if (last_of_table) hline(s.height - st_.heavy_rule_width / 2, st_.heavy_rule_width);
        else if (r.part == Part::body && st_.row_rules) hline(s.height - st_.rule_width / 2, st_.rule_width);
        return s;
    }

    void emit(const std::vector<Row>& rows) {
        const size_t n = columns();
        std::vector<size_t> zero(n, 0);
        auto full = [&](const Row& r) {
            std::vector<size_t> to(n);
            for (size_t c = 0; c < n; ++c) to[c] = r.cells[c].lines.size();
            return to;
        };
        // Header rows: drawn once as content, and kept as artifacts to repeat.
        auto repeat = std::make_shared<std::vector<Strip>>();
        float head_height = 0;
        for (const Row& r : rows) {
            if (r.part != Part::head) continue;
            Strip s = strip(r, zero, full(r), false, false);
            repeat->push_back(s);
            head_height += s.height;
        }
        const float max_row = std::max(lh_ + 2 * st_.padding_y, b_.env().height - head_height - 1);
        for (size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            const bool last = i + 1 == rows.size();
            const bool first_foot = r.part == Part::foot && r.index == 0;
            const bool next_is_foot = !last && rows[i + 1].part == Part::foot;
            if (row_height(r) <= max_row || r.part == Part::head) {
                Strip s = strip(r, zero, full(r), last, first_foot);
                s.keep_with_next = r.part == Part::head || next_is_foot || r.part == Part::foot;
                if (r.part != Part::head && !repeat->empty()) s.repeat = repeat;
                b_.add(std::move(s), f_, i == 0 ? st_.space_before : 0);
                continue;
            }
            // Taller than a page: split between lines, each piece as tall as a page allows.
            const size_t per_piece = std::max<size_t>(
                1, static_cast<size_t>((max_row - 2 * st_.padding_y) / lh_));
            std::vector<size_t> from(n, 0);
            for (bool more = true; more;) {
                std::vector<size_t> to(n);
                more = false;
                for (size_t c = 0; c < n; ++c) {
                    to[c] = std::min(r.cells[c].lines.size(), from[c] + per_piece);
                    more = more || to[c] < r.cells[c].lines.size();
                }
                Strip s = strip(r, from, to, last && !more, first_foot && from == zero);
                s.keep_with_next = !more && next_is_foot;
                if (!repeat->empty()) s.repeat = repeat;
                b_.add(std::move(s), f_, i == 0 && from == zero ? st_.space_before : 0);
                from = to;
            }
        }
    }

    void notes() {
        const TextStyle& ns = st_.note;
        for (size_t i = 0; i < t_.notes.size(); ++i) {
            const int node = b_.env().tree.add(Tag::P, f_.node);
            b_.text_strips(b_.runs(t_.notes[i], b_.base_style(ns, f_)), f_, ns, node, i == 0 ? 4 : 0);
        }
    }

    FlowBuilder& b_;
    const model::Table& t_;
    const Frame& f_;
    const Style::Table& st_;
    const float lh_;
    std::vector<float> widths_, lefts_;
};

}  // namespace

void layout_table(FlowBuilder& b, const model::Table& table, const Frame& f) {
    TableLayout(b, table, f).run();
}

}  // namespace planpack::render::pdf
