#include "render/pdf/boxes.hpp"

#include <algorithm>

namespace planpack::render::pdf {

const char* tag_name(Tag t) {
    static constexpr const char* names[] = {
        "Document", "Sect", "H1",    "H2",    "H3",    "H4",    "H5",      "H6",
        "P",        "L",    "LI",    "Lbl",   "LBody", "BlockQuote", "Code", "Table",
        "THead",    "TBody", "TFoot", "TR",   "TH",    "TD",    "Caption", "Figure",
        "Note",     "Reference", "Link", "TOC", "TOCI",  "Div", "Part"};
    return names[static_cast<int>(t)];
}

Rect bounds(const Item& item) {
    return std::visit(
        [](const auto& v) -> Rect {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, TextItem>) {
                return {v.x, v.baseline - v.ascent, v.width, v.ascent + v.descent};
            } else if constexpr (std::is_same_v<T, ImageItem>) {
                return v.box;
            } else {
                const float half = v.stroke ? v.line_width / 2 : 0;
                if (v.kind == ShapeKind::circle) {
                    const float r = v.radius + half;
                    return {v.points[0].x - r, v.points[0].y - r, 2 * r, 2 * r};
                }
                float x0 = v.points[0].x, x1 = x0, y0 = v.points[0].y, y1 = y0;
                for (const Point& p : v.points) {
                    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
                    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
                }
                // A line's caps stay within its ends; its width spreads across it.
                if (v.kind == ShapeKind::line) {
                    if (x0 == x1) return {x0 - half, y0, 2 * half, y1 - y0};
                    if (y0 == y1) return {x0, y0 - half, x1 - x0, 2 * half};
                }
                return {x0 - half, y0 - half, x1 - x0 + 2 * half, y1 - y0 + 2 * half};
            }
        },
        item.value);
}

void translate(Item& item, float dx, float dy) {
    std::visit(
        [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, TextItem>) {
                v.x += dx;
                v.baseline += dy;
            } else if constexpr (std::is_same_v<T, ImageItem>) {
                v.box.x += dx;
                v.box.y += dy;
            } else {
                for (Point& p : v.points) p.x += dx, p.y += dy;
            }
        },
        item.value);
}

}  // namespace planpack::render::pdf
