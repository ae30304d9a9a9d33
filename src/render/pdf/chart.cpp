#include "render/pdf/chart.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "model/chart_axis.hpp"
#include "model/number_format.hpp"
#include "render/pdf/table.hpp"

namespace planpack::render::pdf {

namespace {

// The part of segment a-b inside r (Liang-Barsky), or nothing.
std::optional<std::pair<Point, Point>> clip(Point a, Point b, const Rect& r) {
    float t0 = 0, t1 = 1;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float p[] = {-dx, dx, -dy, dy};
    const float q[] = {a.x - r.x, r.right() - a.x, a.y - r.y, r.bottom() - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return std::nullopt;
            continue;
        }
        const float t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
    }
    if (t0 >= t1) return std::nullopt;
    return std::pair{Point{a.x + t0 * dx, a.y + t0 * dy}, Point{a.x + t1 * dx, a.y + t1 * dy}};
}

ShapeItem line(Point a, Point b, Colour c, float w, std::vector<float> dash = {}) {
    return ShapeItem{ShapeKind::line, {a, b}, 0, std::nullopt, c, w, std::move(dash)};
}

// A chart's figures are one row per series and one column per category, which spreadsheet
// charts point at and screens scroll; on paper many categories would crush each column to
// a few letters, so they become the rows instead.
constexpr size_t max_chart_columns = 7;

model::Table transposed(const model::Table& t) {
    model::Table out = t;
    out.head.clear();
    out.body.clear();
    out.foot.clear();
    std::vector<const model::TableRow*> rows;
    for (const auto& r : t.head) rows.push_back(&r);
    for (const auto& r : t.body) rows.push_back(&r);
    const size_t columns = rows.empty() ? 0 : rows.front()->cells.size();
    for (size_t c = 0; c < columns; ++c) {
        model::TableRow row;
        for (const auto* r : rows) row.cells.push_back(c < r->cells.size() ? r->cells[c] : model::TableCell());
        (c == 0 ? out.head : out.body).push_back(std::move(row));
    }
    out.aligns.assign(rows.size(), model::Align::right);
    if (!out.aligns.empty()) out.aligns[0] = model::Align::left;
    return out;
}

// The value axis title, stated once: "Children", not "children (children)".
std::string value_axis_title(const model::Chart& c) {
    if (c.unit.empty() || c.unit == "%") return c.y_label;
    if (c.y_label.empty()) return c.unit;
    auto lower = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    if (lower(c.y_label).find(lower(c.unit)) != std::string::npos) return c.y_label;
    return c.y_label + " (" + c.unit + ")";
}

class ChartLayout {
public:
    ChartLayout(FlowBuilder& b, const model::Chart& c, const Frame& f)
        : b_(b), c_(c), f_(f), st_(b.env().style.chart), fonts_(b.env().fonts) {
        label_.face = Face::regular;
        label_.size = st_.size;
        label_.colour = b.env().style.colours.text;
        lh_ = st_.size * 1.3f;
    }

    void run() {
        const Style& style = b_.env().style;
        if (!c_.data.pos.file.empty()) b_.set_pos(c_.data.pos);
        figure_ = b_.env().tree.add(Tag::Figure, f_.node, c_.summary.empty() ? c_.title : c_.summary);
        if (!c_.title.empty()) {
            const TextStyle& cs = style.table.caption;
            const int cap = b_.env().tree.add(Tag::Caption, figure_);
            b_.text_strips({{c_.title, b_.base_style(cs, f_), false}}, f_, cs, cap,
                           std::max(style.table.space_before, cs.space_before), true);
            b_.strip(b_.strip_count() - 1).height += cs.space_after;
        }
        Strip s;
        s.height = model::horizontal_bars(c_) ? draw_horizontal(s) : (draw(s), st_.height);
        s.keep_with_next = !c_.summary.empty();
        b_.add(std::move(s), f_, c_.title.empty() ? style.table.space_before : 0);
        if (!c_.summary.empty()) {
            const TextStyle& ns = style.table.note;
            const int p = b_.env().tree.add(Tag::P, figure_);
            b_.text_strips({{c_.summary, b_.base_style(ns, f_), false}}, f_, ns, p, 4);
        }
        b_.space_after(style.table.space_after);
        if (!st_.data_table || c_.data.body.empty()) return;
        const size_t columns = c_.data.head.empty() ? 0 : c_.data.head.front().cells.size();
        layout_table(b_, columns > max_chart_columns ? transposed(c_.data) : c_.data, f_);
    }

private:
    Line text_line(const std::string& s) const { return single_line({s, label_, false}, fonts_, b_.missing()); }

    void text(Strip& s, const std::string& str, float x, float top, float width, model::Align a) {
        const Line l = text_line(str);
        b_.draw_line(s, l, {{"", label_, false}}, x, top, width, a, lh_, figure_);
    }

    // A category label in at most two lines under its column; a longer one ends in an
    // ellipsis (the figures table below the chart gives it in full).
    std::vector<Line> category_lines(const std::string& label, float width) {
        auto ls = b_.lines({{label, label_, false}}, width);
        if (ls.size() <= 2) return ls;
        ls.resize(2);
        std::string second;
        for (const Frag& fr : ls[1].frags) second += fr.text;
        for (;;) {
            Line l = text_line(second + "\u2026");
            if (l.width <= width || second.empty()) {
                ls[1] = std::move(l);
                break;
            }
            size_t cut = second.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(second[cut]) & 0xC0) == 0x80) --cut;
            second.resize(cut);
            while (!second.empty() && second.back() == ' ') second.pop_back();
        }
        return ls;
    }

    // The value axis: from zero (or below, for negatives) to the largest value.
    model::Ticks value_ticks() const {
        double lo = 0, hi = 0;
        bool any = false;
        for (const auto& series : c_.series)
            for (const auto& v : series.values)
                if (v) lo = std::min(lo, *v), hi = std::max(hi, *v), any = true;
        return model::nice_ticks(lo, any ? hi : 1);
    }

    // Bars on their side, as the web page draws them for long category names: each label
    // in full, wrapped, left of its bars; values along the bottom. Returns the height.
    float draw_horizontal(Strip& s) {
        const Colour axis = st_.axis, grid = st_.grid;
        float top = legend(s, 0) + 6;
        const model::Ticks ticks = value_ticks();
        const std::string tick_format = model::tick_format(c_, ticks.step);
        auto tick_label = [&](double t) { return model::format_number(t, tick_format); };
        const float last_tick_w = text_line(tick_label(ticks.values.back())).width;

        float widest = 0;
        for (const auto& cat : c_.categories) widest = std::max(widest, text_line(cat).width);
        const float label_w = std::min(widest, f_.width * 0.38f);
        std::vector<std::vector<Line>> labels;
        for (const auto& cat : c_.categories) labels.push_back(b_.lines({{cat, label_, false}}, label_w));
        if (!c_.x_label.empty()) {  // what the categories are, over their column
            RunStyle bold = label_;
            bold.face = Face::bold;
            const auto ls = b_.lines({{c_.x_label, bold, false}}, label_w);
            for (const Line& l : ls) {
                b_.draw_line(s, l, {{"", bold, false}}, f_.x, top, label_w, model::Align::right, lh_, figure_);
                top += lh_;
            }
            top += 2;
        }
        const float bar_h = 9, gap = 5;
        const size_t m = std::max<size_t>(1, c_.series.size());
        const Rect plot{f_.x + label_w + 6, top, f_.width - label_w - 6 - last_tick_w / 2 - 2, 0};
        auto x_of = [&](double v) {
            return plot.x + static_cast<float>((v - ticks.lo) / (ticks.hi - ticks.lo)) * plot.w;
        };
        float y = top;
        std::vector<float> row_tops;
        for (size_t k = 0; k < c_.categories.size(); ++k) {
            const float bars = bar_h * static_cast<float>(m);
            const float text_h = lh_ * static_cast<float>(std::max<size_t>(1, labels[k].size()));
            const float row = std::max(bars, text_h) + gap * 2;
            row_tops.push_back(y);
            const float mid = y + row / 2;
            float ly = mid - text_h / 2;
            for (const Line& l : labels[k]) {
                b_.draw_line(s, l, {{"", label_, false}}, f_.x, ly, label_w, model::Align::right, lh_, figure_);
                ly += lh_;
            }
            for (size_t i = 0; i < c_.series.size(); ++i) {
                const float by = mid - bars / 2 + bar_h * static_cast<float>(i);
                const auto& markers = c_.series[i].markers;
                if (k >= c_.series[i].values.size() || !c_.series[i].values[k]) {
                    if (k < markers.size() && !markers[k].empty())  // suppressed: say so
                        text(s, markers[k], x_of(0) + 3, by + bar_h / 2 - lh_ / 2, plot.w, model::Align::left);
                    continue;
                }
                const float x0 = x_of(0), x1 = x_of(*c_.series[i].values[k]);
                bar_fill(s, i, {std::min(x0, x1), by + 0.6f, std::abs(x1 - x0), bar_h - 1.2f});
            }
            y += row;
        }
        const float bottom = y;
        for (double t : ticks.values) {
            const float x = x_of(t);
            s.items.push_back({line({x, top}, {x, bottom}, t == 0 ? axis : grid, t == 0 ? 0.8f : 0.5f), figure_});
            const float w = text_line(tick_label(t)).width;
            text(s, tick_label(t), x - w / 2 - 1, bottom + 3, w + 2, model::Align::center);
        }
        float end = bottom + 3 + lh_;
        const std::string vtitle = value_axis_title(c_);
        if (!vtitle.empty()) {
            text(s, vtitle, plot.x, end + 2, plot.w, model::Align::center);
            end += 2 + lh_;
        }
        return end + 4;
    }

    // Swatch for series i: bars are filled and hatched, lines are a stroke with a marker.
    void bar_fill(Strip& s, size_t i, const Rect& r) {
        const Colour col = colour(i);
        s.items.push_back({ShapeItem{ShapeKind::rect, {{r.x, r.y}, {r.right(), r.bottom()}}, 0, col,
                                     std::nullopt, 0, {}},
                           figure_});
        const int pattern = static_cast<int>(i % 6);
        const Colour white{1, 1, 1};
        const float gap = 3.2f, w = 0.8f;
        auto hatch = [&](float dx_per_dy, bool horizontal) {
            if (horizontal) {
                for (float y = r.y + gap / 2; y < r.bottom(); y += gap)
                    s.items.push_back({line({r.x, y}, {r.right(), y}, white, w), figure_});
                return;
            }
            const float span = r.h * std::abs(dx_per_dy);
            for (float x0 = r.x - span; x0 < r.right() + span; x0 += gap * 1.4f) {
                Point a{x0, r.bottom()}, b{x0 + dx_per_dy * r.h, r.y};
                if (auto seg = clip(a, b, r))
                    s.items.push_back({line(seg->first, seg->second, white, w), figure_});
            }
        };
        switch (pattern) {
            case 1: hatch(1, false); break;
            case 2: hatch(0, true); break;
            case 3: hatch(1, false), hatch(-1, false); break;
            case 4: hatch(0, false); break;
            case 5: hatch(-1, false); break;
            default: break;
        }
        s.items.push_back({ShapeItem{ShapeKind::rect, {{r.x, r.y}, {r.right(), r.bottom()}}, 0,
                                     std::nullopt, darker(col), 0.5f, {}},
                           figure_});
    }

    static Colour darker(Colour c) { return {c.r * 0.6f, c.g * 0.6f, c.b * 0.6f}; }
    Colour colour(size_t i) const { return st_.palette[i % st_.palette.size()]; }
    static std::vector<float> dash(size_t i) {
        switch (i % 4) {
            case 1: return {4, 2};
            case 2: return {1, 1.6f};
            case 3: return {5, 2, 1, 2};
            default: return {};
        }
    }

    void marker(Strip& s, size_t i, Point p) {
        const float r = 2.4f;
        const Colour col = colour(i);
        ShapeItem m;
        m.fill = i % 2 == 0 ? col : Colour{1, 1, 1};
        m.stroke = col;
        m.line_width = 0.9f;
        switch (i % 4) {
            case 0: m.kind = ShapeKind::circle, m.points = {p}, m.radius = r; break;
            case 1: m.kind = ShapeKind::polygon, m.points = {{p.x - r, p.y - r}, {p.x + r, p.y - r}, {p.x + r, p.y + r}, {p.x - r, p.y + r}}; break;
            case 2: m.kind = ShapeKind::polygon, m.points = {{p.x, p.y - r * 1.2f}, {p.x + r * 1.1f, p.y + r * 0.8f}, {p.x - r * 1.1f, p.y + r * 0.8f}}; break;
            default: m.kind = ShapeKind::polygon, m.points = {{p.x, p.y - r * 1.3f}, {p.x + r * 1.3f, p.y}, {p.x, p.y + r * 1.3f}, {p.x - r * 1.3f, p.y}}; break;
        }
        s.items.push_back({std::move(m), figure_});
    }

    // Legend entries left to right, wrapping; returns its height.
    float legend(Strip& s, float top) {
        const float sw = 14, gap = 5, between = 14;
        float x = f_.x, y = top;
        for (size_t i = 0; i < c_.series.size(); ++i) {
            const Line l = text_line(c_.series[i].name);
            const float w = sw + gap + l.width;
            if (x > f_.x && x + w > f_.x + f_.width) x = f_.x, y += lh_ + 2;
            const float mid = y + lh_ / 2;
            if (c_.kind == model::ChartKind::bar) {
                bar_fill(s, i, {x, mid - 4.5f, sw, 9});
            } else {
                s.items.push_back({line({x, mid}, {x + sw, mid}, colour(i), 1.4f, dash(i)), figure_});
                marker(s, i, {x + sw / 2, mid});
            }
            b_.draw_line(s, l, {{"", label_, false}}, x + sw + gap, y, l.width, model::Align::left, lh_, figure_);
            x += w + between;
        }
        return c_.series.empty() ? 0 : y + lh_ - top;
    }

    void draw(Strip& s) {
        const Colour axis = st_.axis, grid = st_.grid;
        float top = legend(s, 0) + 6;
        // The value axis title sits above the axis, horizontal, as GOV.UK charts do.
        const std::string ytitle = value_axis_title(c_);
        if (!ytitle.empty()) {
            text(s, ytitle, f_.x, top, f_.width, model::Align::left);
            top += lh_ + 2;
        }
        const model::Ticks axis_ticks = value_ticks();
        const std::vector<double>& ticks = axis_ticks.values;
        const double t0 = ticks.front(), t1 = ticks.back();
        const std::string tick_format = model::tick_format(c_, axis_ticks.step);
        auto tick_label = [&](double t) { return model::format_number(t, tick_format); };
        float label_w = 0;
        for (double t : ticks) label_w = std::max(label_w, text_line(tick_label(t)).width);

        const size_t n = std::max<size_t>(1, c_.categories.size());
        const float bottom_labels = 2 * lh_ + (c_.x_label.empty() ? 0 : lh_ + 2);
        const Rect plot{f_.x + label_w + 6, top + lh_ / 2, f_.width - label_w - 6 - 2,
                        st_.height - top - lh_ / 2 - bottom_labels - 4};
        auto y_of = [&](double v) {
            return plot.bottom() - static_cast<float>((v - t0) / (t1 - t0)) * plot.h;
        };
        for (double t : ticks) {
            const float y = y_of(t);
            s.items.push_back({line({plot.x, y}, {plot.right(), y}, t == 0 ? axis : grid, t == 0 ? 0.8f : 0.5f), figure_});
            text(s, tick_label(t), f_.x, y - lh_ / 2, label_w, model::Align::right);
        }
        s.items.push_back({line({plot.x, plot.y}, {plot.x, plot.bottom()}, axis, 0.8f), figure_});

        const float cat_w = plot.w / static_cast<float>(n);
        for (size_t k = 0; k < c_.categories.size(); ++k) {
            const float cx = plot.x + cat_w * static_cast<float>(k);
            s.items.push_back({line({cx + cat_w / 2, plot.bottom()}, {cx + cat_w / 2, plot.bottom() + 3}, axis, 0.6f), figure_});
            const auto ls = category_lines(c_.categories[k], cat_w - 2);
            for (size_t li = 0; li < ls.size(); ++li)
                b_.draw_line(s, ls[li], {{"", label_, false}}, cx + 1, plot.bottom() + 4 + lh_ * static_cast<float>(li),
                             cat_w - 2, model::Align::center, lh_, figure_);
        }
        if (!c_.x_label.empty())
            text(s, c_.x_label, plot.x, plot.bottom() + 4 + 2 * lh_ + 2, plot.w, model::Align::center);

        const size_t m = std::max<size_t>(1, c_.series.size());
        if (c_.kind == model::ChartKind::bar) {
            const float group = cat_w * 0.72f, bw = group / static_cast<float>(m);
            for (size_t i = 0; i < c_.series.size(); ++i)
                for (size_t k = 0; k < c_.series[i].values.size() && k < n; ++k) {
                    const auto& v = c_.series[i].values[k];
                    if (!v) continue;
                    const float x = plot.x + cat_w * static_cast<float>(k) + (cat_w - group) / 2 + bw * static_cast<float>(i);
                    const float y0 = y_of(0), y1 = y_of(*v);
                    bar_fill(s, i, {x + 0.6f, std::min(y0, y1), bw - 1.2f, std::abs(y1 - y0)});
                }
        } else {
            for (size_t i = 0; i < c_.series.size(); ++i) {
                std::vector<Point> run;
                auto flush = [&] {
                    if (run.size() > 1)
                        s.items.push_back({ShapeItem{ShapeKind::polyline, run, 0, std::nullopt, colour(i), 1.6f, dash(i)}, figure_});
                    run.clear();
                };
                std::vector<Point> marks;
                for (size_t k = 0; k < c_.series[i].values.size() && k < n; ++k) {
                    const auto& v = c_.series[i].values[k];
                    if (!v) {  // missing or suppressed: a gap, never a guess
                        flush();
                        continue;
                    }
                    const Point p{plot.x + cat_w * (static_cast<float>(k) + 0.5f), y_of(*v)};
                    run.push_back(p);
                    marks.push_back(p);
                }
                flush();
                for (const Point& p : marks) marker(s, i, p);
            }
        }
    }

    FlowBuilder& b_;
    const model::Chart& c_;
    const Frame& f_;
    const Style::Chart& st_;
    const FontSet& fonts_;
    RunStyle label_;
    float lh_ = 0;
    int figure_ = artifact;
};

}  // namespace

void layout_chart(FlowBuilder& b, const model::Chart& chart, const Frame& f) {
    ChartLayout(b, chart, f).run();
}

}  // namespace planpack::render::pdf
