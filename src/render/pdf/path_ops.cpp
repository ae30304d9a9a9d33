#include "render/pdf/path_ops.hpp"

#include <cmath>

namespace planpack::render::pdf {

// Thousandths as an integer, written digit by digit: exactly what formatting the
// rounded value with three decimals and trimming gives, without std::to_chars's
// floating-point formatting, which was a fifth of a long document's instructions.
void append_number(std::string& out, float v) {
    const long milli = std::lround(static_cast<double>(v) * 1000.0);
    if (milli == 0) {
        out += '0';
        return;
    }
    unsigned long whole = milli < 0 ? static_cast<unsigned long>(-milli) : static_cast<unsigned long>(milli);
    unsigned frac = static_cast<unsigned>(whole % 1000);
    whole /= 1000;
    char buf[32];
    char* end = buf + sizeof buf;
    char* p = end;
    if (frac != 0) {
        int digits = 3;
        while (frac % 10 == 0) frac /= 10, --digits;  // no trailing zeros
        for (int i = 0; i < digits; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
        *--p = '.';
    }
    do *--p = static_cast<char>('0' + whole % 10), whole /= 10;
    while (whole != 0);
    if (milli < 0) *--p = '-';
    out.append(p, end);
}

namespace {

void point(std::string& out, float x, float y) {
    append_number(out, x);
    out += ' ';
    append_number(out, y);
    out += ' ';
}

}  // namespace

std::string colour_op(Colour c, bool stroke) {
    std::string out;
    append_number(out, c.r);
    out += ' ';
    append_number(out, c.g);
    out += ' ';
    append_number(out, c.b);
    out += stroke ? " RG\n" : " rg\n";
    return out;
}

std::string line_ops(float width, const std::vector<float>& dash) {
    std::string out;
    append_number(out, width);
    out += " w\n[";
    for (size_t i = 0; i < dash.size(); ++i) {
        if (i) out += ' ';
        append_number(out, std::max(1.0f, std::round(dash[i])));
    }
    out += "] 0 d\n";
    return out;
}

std::string shape_ops(const ShapeItem& s, float h) {
    std::string out;
    switch (s.kind) {
        case ShapeKind::rect: {
            const Point a = s.points[0], b = s.points[1];
            point(out, a.x, h - b.y);
            point(out, b.x - a.x, b.y - a.y);
            out += "re\n";
            break;
        }
        case ShapeKind::circle: {
            // Four Bézier quarters; k puts the control points where a circle's tangents meet.
            const float x = s.points[0].x, y = h - s.points[0].y, r = s.radius, k = 0.5523f * r;
            point(out, x + r, y);
            out += "m\n";
            point(out, x + r, y + k), point(out, x + k, y + r), point(out, x, y + r);
            out += "c\n";
            point(out, x - k, y + r), point(out, x - r, y + k), point(out, x - r, y);
            out += "c\n";
            point(out, x - r, y - k), point(out, x - k, y - r), point(out, x, y - r);
            out += "c\n";
            point(out, x + k, y - r), point(out, x + r, y - k), point(out, x + r, y);
            out += "c\nh\n";
            break;
        }
        default:
            point(out, s.points[0].x, h - s.points[0].y);
            out += "m\n";
            for (size_t i = 1; i < s.points.size(); ++i) {
                point(out, s.points[i].x, h - s.points[i].y);
                out += "l\n";
            }
            if (s.kind == ShapeKind::polygon) out += "h\n";
            break;
    }
    out += s.fill && s.stroke ? "B\n" : s.fill ? "f\n" : "S\n";
    return out;
}

}  // namespace planpack::render::pdf
