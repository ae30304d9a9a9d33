#include "render/pdf/table.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <numeric>

#include "model/table_shape.hpp"
#include "render/pdf/furniture.hpp"

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
    if (sum_max <= width) {  // everything fits on one line: share the slack by size
        for (size_t i = 0; i < needs.size(); ++i) {
            const float mx = std::max(needs[i].min, needs[i].max);
            out[i] = sum_max > 0 ? mx + (width - sum_max) * mx / sum_max
                                 : width / static_cast<float>(needs.size());
        }
        return out;
    }
    // Every column its minimum; the room left goes to the columns with the most to say, in
    // proportion to their text, none wider than its one-line width (what it gives up goes
    // round again). The long-text column gets the room, so rows are shortest.
    std::vector<bool> open(needs.size(), true);
    for (size_t i = 0; i < needs.size(); ++i) out[i] = needs[i].min;
    float left = width - sum_min;
    for (int round = 0; round < 64 && left > 0.01f; ++round) {
        float weight = 0;
        for (size_t i = 0; i < needs.size(); ++i)
            if (open[i]) weight += std::max(needs[i].text, needs[i].max);
        if (weight <= 0) break;
        float given = 0;
        bool capped = false;
        for (size_t i = 0; i < needs.size(); ++i) {
            if (!open[i]) continue;
            const float mx = std::max(needs[i].min, needs[i].max);
            const float add = left * std::max(needs[i].text, needs[i].max) / weight;
            if (out[i] + add >= mx) {
                given += mx - out[i];
                out[i] = mx;
                open[i] = false;
                capped = true;
            }
        }
        if (capped) {
            left -= given;
            continue;
        }
        for (size_t i = 0; i < needs.size(); ++i)
            if (open[i]) out[i] += left * std::max(needs[i].text, needs[i].max) / weight;
        left = 0;
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
    const model::TableCell* source = nullptr;
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
        : b_(b), t_(t), f_(f), st_(b.env().style.table), size_(st_.size), lh_(size_ * st_.leading),
          page_h_(b.env().height) {}

    void run() {
        if (!t_.pos.file.empty()) b_.set_pos(t_.pos);
        choose_shape();
        const size_t first_strip = b_.strip_count();
        const model::Table& t = transposed_ ? *transposed_ : t_;
        const int table = b_.env().tree.add(Tag::Table, f_.node);
        caption(table);
        std::vector<Row> rows = build(t, size_);
        name(rows, t, table);
        widths(rows);
        for (Row& r : rows)
            for (size_t c = 0; c < r.cells.size(); ++c)
                r.cells[c].lines = b_.lines(r.cells[c].runs, widths_[c] - 2 * st_.padding_x);
        emit(rows);
        notes();
        if (turned_)
            for (size_t i = first_strip; i < b_.strip_count(); ++i) b_.strip(i).landscape = true;
        b_.space_after(st_.space_after);
    }

private:
    // The table as written if its words fit the measure at the table size or, smaller, at
    // the minimum readable size; else transposed if that fits (and has fewer columns);
    // else on a landscape page of its own, where the page is portrait and the table stands
    // in the text block's full width; else as written, its longest words hyphenated.
    void choose_shape() {
        auto fits = [&](const model::Table& t, float size, float width) {
            float sum = 0;
            for (const ColumnNeed& n : needs(build(t, size))) sum += n.min;
            return sum <= width;
        };
        for (float size : {st_.size, st_.min_size})
            if (fits(t_, size, f_.width)) return set_size(size);
        if (!t_.head.empty() && t_.body.size() + t_.foot.size() + 1 < model::column_count(t_)) {
            model::Table side = model::sideways(t_);
            for (float size : {st_.size, st_.min_size})
                if (fits(side, size, f_.width)) {
                    transposed_ = std::move(side);
                    return set_size(size);
                }
        }
        const LayoutEnv& env = b_.env();
        const bool whole_measure = f_.x == 0 && f_.width >= env.width && f_.bars.empty() && f_.list_depth == 0;
        if (!whole_measure || (env.section && env.section->landscape)) return;
        const PageGeometry turned = page_geometry(env.style, true);
        if (turned.content.w <= f_.width) return;  // the page is already the wider way
        turned_ = true;
        f_.width = turned.content.w;
        page_h_ = turned.content.h;
        for (float size : {st_.size, st_.min_size})
            if (fits(t_, size, f_.width)) return set_size(size);
        set_size(st_.min_size);  // the most it can show: the fewest words broken
    }

    void set_size(float size) {
        size_ = size;
        lh_ = size * st_.leading;
    }

    size_t columns() const { return model::column_count(transposed_ ? *transposed_ : t_); }

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

    // Cells with their text and looks; structure nodes come later, once the shape is chosen.
    std::vector<Row> build(const model::Table& t, float size) {
        std::vector<Row> rows;
        const size_t n = model::column_count(t);
        static const model::TableCell empty;
        auto part = [&](const std::vector<model::TableRow>& src, Part p) {
            for (size_t i = 0; i < src.size(); ++i) {
                Row row;
                row.part = p;
                row.index = i;
                for (size_t c = 0; c < n; ++c) {
                    const model::TableCell& mc = c < src[i].cells.size() ? src[i].cells[c] : empty;
                    const bool head = p == Part::head, row_head = c == 0 && t.row_headers;
                    Cell cell;
                    cell.source = &mc;
                    cell.align = c < t.aligns.size() ? t.aligns[c] : model::Align::none;
                    TextStyle ts{size, st_.leading, head ? st_.header_text : st_.text,
                                 head || row_head || p == Part::foot, 0, 0};
                    RunStyle rs = b_.base_style(ts, Frame{});
                    const load::CellLook look = load::cell_look(st_.cells, mc.style);
                    if (look.fill) cell.fill = rgb(*look.fill);
                    if (look.text) rs.colour = rgb(*look.text);
                    if (look.bold) rs.face = Face::bold;
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
        part(t.head, Part::head);
        part(t.body, Part::body);
        part(t.foot, Part::foot);
        return rows;
    }

    // Each box names its structure element: rows TR in THead/TBody/TFoot, cells TH or TD.
    void name(std::vector<Row>& rows, const model::Table& t, int table) {
        int group = artifact;
        std::optional<Part> current;
        for (Row& row : rows) {
            if (current != row.part) {
                current = row.part;
                group = b_.env().tree.add(row.part == Part::head   ? Tag::THead
                                          : row.part == Part::body ? Tag::TBody
                                                                   : Tag::TFoot,
                                          table);
            }
            row.node = b_.env().tree.add(Tag::TR, group);
            for (size_t c = 0; c < row.cells.size(); ++c) {
                const bool head = row.part == Part::head, row_head = c == 0 && t.row_headers;
                row.cells[c].node = b_.env().tree.add(head || row_head ? Tag::TH : Tag::TD, row.node, "",
                                                      head ? "Column" : row_head ? "Row" : "");
            }
        }
    }

    std::vector<ColumnNeed> needs(const std::vector<Row>& rows) {
        std::vector<ColumnNeed> out(rows.empty() ? 0 : rows.front().cells.size());
        for (const Row& r : rows)
            for (size_t c = 0; c < r.cells.size() && c < out.size(); ++c) {
                const Extent e = extent(r.cells[c].runs, b_.env().fonts, b_.missing());
                out[c].min = std::max(out[c].min, e.min + 2 * st_.padding_x);
                out[c].max = std::max(out[c].max, e.max + 2 * st_.padding_x);
                out[c].text += e.total;
            }
        return out;
    }

    void widths(const std::vector<Row>& rows) {
        const size_t n = columns();
        widths_ = allocate_columns(needs(rows), f_.width);
        widths_.resize(n, 0);
        lefts_.assign(n, f_.x);
        for (size_t c = 1; c < n; ++c) lefts_[c] = lefts_[c - 1] + widths_[c - 1];
    }

    size_t line_count(const Row& r) const {
        size_t lines = 1;
        for (const Cell& c : r.cells) lines = std::max(lines, c.lines.size());
        return lines;
    }

    float row_height(const Row& r) const {
        return static_cast<float>(line_count(r)) * lh_ + 2 * st_.padding_y;
    }

    // One strip of a row: line k of the row is lines [k] of each cell that has one; the
    // padding above only on its first piece and below only on its last.
    Strip strip(const Row& r, size_t from, size_t to, bool last_of_table, bool first_of_foot, bool split = false) {
        Strip s;
        const bool first_piece = from == 0, last_piece = to >= line_count(r);
        const float top_pad = first_piece ? st_.padding_y : 0;
        s.height = static_cast<float>(to - from) * lh_ + top_pad + (last_piece ? st_.padding_y : 0);
        const float right = f_.x + f_.width;
        for (size_t c = 0; c < r.cells.size(); ++c)
            if (r.cells[c].fill)
                s.items.push_back({ShapeItem{ShapeKind::rect,
                                             {{lefts_[c], 0}, {lefts_[c] + widths_[c], s.height}},
                                             0, r.cells[c].fill, std::nullopt, 0, {}},
                                   artifact});
        for (size_t c = 0; c < r.cells.size(); ++c) {
            const Cell& cell = r.cells[c];
            if (split) s.cell_starts.push_back(s.items.size());
            for (size_t k = from; k < std::min(to, cell.lines.size()); ++k)
                b_.draw_line(s, cell.lines[k], cell.runs, lefts_[c] + st_.padding_x,
                             top_pad + static_cast<float>(k - from) * lh_,
                             widths_[c] - 2 * st_.padding_x, cell.align, lh_, cell.node);
        }
        if (split) {
            s.cell_starts.push_back(s.items.size());
            s.continues_row = !first_piece;
        }
        s.first_baseline = top_pad + b_.baseline(lh_, size_, Face::regular);
        auto hline = [&](float y, float w) {
            s.items.push_back({ShapeItem{ShapeKind::line, {{f_.x, y}, {right, y}}, 0, std::nullopt,
                                         st_.rule, w, {}},
                               artifact});
        };
        if (first_of_foot && first_piece) hline(st_.heavy_rule_width / 2, st_.heavy_rule_width);
        if (!last_piece) return s;
        if (last_of_table) hline(s.height - st_.heavy_rule_width / 2, st_.heavy_rule_width);
        else if (r.part == Part::body && st_.row_rules) hline(s.height - st_.rule_width / 2, st_.rule_width);
        return s;
    }

    // Keep-together: the header rows with at least two body rows (or the first lines of a
    // tall first row), a small table whole, never a last body row alone; a row taller than
    // a share of the page is poured line by line so pages fill, two lines kept at either end.
    void emit(const std::vector<Row>& rows) {
        auto repeat = std::make_shared<std::vector<Strip>>();
        float total = 0;
        size_t body_rows = 0;
        for (const Row& r : rows) {
            total += row_height(r);
            if (r.part == Part::body) ++body_rows;
            if (r.part != Part::head) continue;
            Strip s = strip(r, 0, line_count(r), false, false);
            repeat->push_back(std::move(s));
        }
        const float page = page_h_;
        const bool whole = body_rows <= st_.keep_rows && total <= page * 0.8f;
        const float split_above = std::max(lh_ * 4 + 2 * st_.padding_y, page * st_.split_row_share);
        for (size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            const bool last = i + 1 == rows.size();
            const bool first_foot = r.part == Part::foot && r.index == 0;
            const bool next_is_foot = !last && rows[i + 1].part == Part::foot;
            const bool keep = !last && (whole || r.part == Part::head || r.part == Part::foot || next_is_foot ||
                                        (r.part == Part::body && body_rows >= 2 &&
                                         (r.index == 0 || r.index + 2 == body_rows)));
            const size_t lines = line_count(r);
            const bool split = r.part != Part::head && !whole && row_height(r) > split_above;
            const size_t step = split ? 1 : lines;
            for (size_t from = 0; from < lines; from += step) {
                const size_t to = std::min(lines, from + step);
                Strip s = strip(r, from, to, last, first_foot, split);
                const bool last_piece = to == lines;
                // Two lines of a split row at least stay together at each end.
                s.keep_with_next = last_piece ? keep : (from == 0 || to + 1 >= lines);
                if (r.part != Part::head && !repeat->empty()) s.repeat = repeat;
                b_.add(std::move(s), f_, i == 0 && from == 0 ? st_.space_before : 0);
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
    Frame f_;  // a copy: a turned table widens it
    const Style::Table& st_;
    float size_, lh_;
    float page_h_;  // the text block's height on the pages it goes on
    bool turned_ = false;  // on landscape pages of its own
    std::optional<model::Table> transposed_;
    std::vector<float> widths_, lefts_;
};

}  // namespace

void layout_table(FlowBuilder& b, const model::Table& table, const Frame& f) {
    TableLayout(b, table, f).run();
}

}  // namespace planpack::render::pdf
