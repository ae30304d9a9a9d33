#include "render/html/chart_svg.hpp"

#include "model/chart_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "diag/concat.hpp"
#include "model/number_format.hpp"
#include "render/html/escape.hpp"

namespace planpack::render::html {

namespace {

using model::Chart;
using model::ChartKind;

// Nothing is drawn smaller than text_size: each drawing is shown only where it is at least
// its own width (see ChartWidth), so 12 units are never fewer than 12 CSS px.
constexpr double title_size = 15, text_size = 12;
constexpr double line_height = 1.2;  // in ems
constexpr double char_width = 0.58;  // average advance of sans-serif text, in ems
constexpr double margin = 10;        // between the drawing's edge and any text

// Colours differ in lightness as well as hue (Okabe-Ito), and each series also has its own
// dash or hatching and marker, so nothing depends on colour alone.
constexpr const char* colours[] = {"#0b3c7a", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"};
constexpr const char* dashes[] = {"", "7 4", "2 3", "9 3 2 3", "4 4", "1 3"};
enum class Marker { circle, square, triangle, diamond, cross, ring };
constexpr size_t style_count = 6;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

double text_width(const std::string& s, double size) {
    size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;  // count UTF-8 characters
    return static_cast<double>(chars) * size * char_width;
}

// Splits text into lines of at most max_chars characters at spaces.
std::vector<std::string> wrap(const std::string& text, size_t max_chars) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > max_chars) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string escaped(const std::string& s) { return escape(s); }

// How many characters of text at size fit in room (at least one).
size_t chars_in(double room, double size) {
    return static_cast<size_t>(std::max(1.0, std::floor(room / (size * char_width))));
}

double widest(const std::vector<std::string>& lines, double size) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, text_width(l, size));
    return w;
}

void text_lines(std::string& out, double x, double y, const std::vector<std::string>& lines,
                double size, const char* anchor, const char* extra = "") {
    out += concat("<text x=\"", num(x), "\" y=\"", num(y), "\" font-size=\"", num(size),
                  "\" text-anchor=\"", anchor, "\"", extra, ">");
    for (size_t i = 0; i < lines.size(); ++i)
        out += concat("<tspan x=\"", num(x), "\" dy=\"", i == 0 ? "0" : num(size * 1.2), "\">",
                      escaped(lines[i]), "</tspan>");
    out += "</text>\n";
}

// An axis title centred on x, but moved and wrapped so that it stays inside a drawing
// width wide. Returns how many lines it took.
size_t centred_title(std::string& out, double x, double y, const std::string& text, double width) {
    const std::vector<std::string> lines = wrap(text, chars_in(width - 2 * margin, text_size));
    const double half = widest(lines, text_size) / 2;
    x = std::min(std::max(x, margin + half), width - margin - half);
    text_lines(out, x, y, lines, text_size, "middle");
    return lines.size();
}

void marker_shape(std::string& out, Marker m, double x, double y, const char* colour) {
    const std::string fill = concat(" fill=\"", colour, "\"");
    switch (m) {
        case Marker::circle:
            out += concat("<circle cx=\"", num(x), "\" cy=\"", num(y), "\" r=\"4\"", fill, "/>");
            break;
        case Marker::square:
            out += concat("<rect x=\"", num(x - 3.5), "\" y=\"", num(y - 3.5),
                          "\" width=\"7\" height=\"7\"", fill, "/>");
            break;
        case Marker::triangle:
            out += concat("<path d=\"M", num(x), " ", num(y - 5), "L", num(x + 4.5), " ", num(y + 3.5),
                          "L", num(x - 4.5), " ", num(y + 3.5), "Z\"", fill, "/>");
            break;
        case Marker::diamond:
            out += concat("<path d=\"M", num(x), " ", num(y - 5), "L", num(x + 5), " ", num(y), "L",
                          num(x), " ", num(y + 5), "L", num(x - 5), " ", num(y), "Z\"", fill, "/>");
            break;
        case Marker::cross:
            out += concat("<path d=\"M", num(x - 4), " ", num(y - 4), "L", num(x + 4), " ", num(y + 4),
                          "M", num(x - 4), " ", num(y + 4), "L", num(x + 4), " ", num(y - 4),
                          "\" stroke=\"", colour, "\" stroke-width=\"2\"/>");
            break;
        case Marker::ring:
            out += concat("<circle cx=\"", num(x), "\" cy=\"", num(y),
                          "\" r=\"4\" fill=\"#fff\" stroke=\"", colour, "\" stroke-width=\"2\"/>");
            break;
    }
}

// Bar fills: series 0 solid, the others a light tint crossed by dark hatching of their own.
std::string bar_fill(const std::string& id, size_t s) {
    return s % style_count == 0 ? colours[0] : concat("url(#", id, "-fill-", std::to_string(s % style_count), ")");
}

void bar_patterns(std::string& out, const std::string& id) {
    static constexpr const char* hatch[] = {
        "", "M0 8L8 0", "M0 0L8 8", "M4 0V8", "M0 4H8", "M0 8L8 0M0 0L8 8"};
    out += "<defs>";
    for (size_t s = 1; s < style_count; ++s)
        out += concat("<pattern id=\"", id, "-fill-", std::to_string(s),
                      "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" "
                      "height=\"8\" fill=\"",
                      colours[s], "\"/><path d=\"", hatch[s],
                      "\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/></pattern>");
    out += "</defs>\n";
}

struct Legend {
    double height = 0;
    std::string svg;
};

// One key per series, left to right, wrapping onto new rows; a name too long for a row
// of its own wraps onto lines.
Legend legend(const Chart& c, const std::string& id, double top, double width) {
    Legend l;
    if (c.series.size() < 2) return l;
    constexpr double swatch = 32, gap = 18, row = 20;
    double x = margin, y = top + 10, row_h = row;
    for (size_t s = 0; s < c.series.size(); ++s) {
        const std::vector<std::string> name =
            wrap(c.series[s].name, chars_in(width - 2 * margin - swatch, text_size));
        const double w = swatch + widest(name, text_size) + gap;
        if (x > margin && x + w > width - margin) {
            x = margin;
            y += row_h;
            row_h = row;
        }
        row_h = std::max(row_h, row + static_cast<double>(name.size() - 1) * text_size * line_height);
        const char* colour = colours[s % style_count];
        if (c.kind == ChartKind::line) {
            l.svg += concat("<path d=\"M", num(x), " ", num(y), "H", num(x + 26), "\" stroke=\"", colour,
                            "\" stroke-width=\"2.5\" fill=\"none\"",
                            *dashes[s % style_count] ? concat(" stroke-dasharray=\"", dashes[s % style_count], "\"") : "",
                            "/>");
            marker_shape(l.svg, static_cast<Marker>(s % style_count), x + 13, y, colour);
        } else {
            l.svg += concat("<rect x=\"", num(x + 4), "\" y=\"", num(y - 7), "\" width=\"18\" height=\"14\" fill=\"",
                            bar_fill(id, s), "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
        }
        text_lines(l.svg, x + swatch, y + 4, name, text_size, "start");
        x += w;
    }
    l.height = y - top + row_h - 6;
    return l;
}

struct Range {
    double lo = 0, hi = 0;
    bool any = false;
};

Range value_range(const Chart& c) {
    Range r;
    for (const auto& s : c.series)
        for (const auto& v : s.values)
            if (v) {
                r.lo = std::min(r.lo, *v);
                r.hi = std::max(r.hi, *v);
                r.any = true;
            }
    return r;
}

struct Axis {
    model::Ticks ticks;
    std::string format;
    double label_width = 0;  // the widest tick label
};

Axis value_axis(const Chart& c, int target) {
    const Range range = value_range(c);
    Axis a;
    a.ticks = model::nice_ticks(range.lo, range.any ? range.hi : 1, target);
    a.format = model::tick_format(c, a.ticks.step);
    for (double v : a.ticks.values)
        a.label_width = std::max(a.label_width, text_width(model::format_number(v, a.format), text_size));
    return a;
}

std::string suppressed_marker(const model::ChartSeries& series, size_t i) {
    return i < series.markers.size() ? series.markers[i] : "";
}

// Periods along the bottom, values up the side. Returns the drawing's height.
double draw_columns(std::string& body, const Chart& c, const std::string& id, double width, double top) {
    const Axis axis = value_axis(c, 5);
    const model::Ticks& ticks = axis.ticks;
    const size_t n = std::max<size_t>(c.categories.size(), 1);
    const size_t ns = std::max<size_t>(c.series.size(), 1);
    constexpr double plot_h = 220;
    const std::vector<std::string> y_title =
        c.y_label.empty() ? std::vector<std::string>{} : wrap(c.y_label, chars_in(plot_h, text_size));
    const double y_title_w =
        y_title.empty() ? 0 : 22 + static_cast<double>(y_title.size() - 1) * text_size * line_height;
    const double left = margin + y_title_w + axis.label_width + 8;
    const double right = width - 16;
    const double step = (right - left) / static_cast<double>(n);
    double label_w = 0;
    for (const auto& cat : c.categories) label_w = std::max(label_w, text_width(cat, text_size));
    // Where labels would touch, every other (or third...) is shown, counting back from the
    // latest period, which is always labelled.
    const size_t every = static_cast<size_t>(std::max(1.0, std::ceil((label_w + 6) / step)));
    const double bottom = top + plot_h;
    auto y_of = [&](double v) { return bottom - (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_h; };
    auto x_of = [&](size_t i) { return left + (static_cast<double>(i) + 0.5) * step; };
    // Grid and y axis.
    for (double v : ticks.values) {
        const double y = y_of(v);
        body += concat("<path d=\"M", num(left), " ", num(y), "H", num(right), "\" stroke=\"",
                       v == 0 ? "#1a1a1a" : "#d0d0d0", "\" stroke-width=\"1\"/>");
        body += concat("<text x=\"", num(left - 6), "\" y=\"", num(y + 4), "\" font-size=\"", num(text_size),
                       "\" text-anchor=\"end\" fill=\"#333\">", escaped(model::format_number(v, axis.format)), "</text>\n");
    }
    body += concat("<path d=\"M", num(left), " ", num(top), "V", num(bottom), "\" stroke=\"#1a1a1a\"/>\n");
    for (size_t k = 0; k * every < c.categories.size(); ++k) {
        const size_t i = c.categories.size() - 1 - k * every;
        const double half = text_width(c.categories[i], text_size) / 2;
        const double x = std::min(x_of(i), width - 4 - half);
        body += concat("<text x=\"", num(x), "\" y=\"", num(bottom + 16), "\" font-size=\"", num(text_size),
                       "\" text-anchor=\"middle\" fill=\"#333\">", escaped(c.categories[i]), "</text>\n");
    }
    double height = bottom + 18 + 10;
    if (!c.x_label.empty())
        height += 4 + static_cast<double>(centred_title(body, (left + right) / 2, bottom + 38, c.x_label, width)) *
                          text_size * line_height;
    if (!y_title.empty())
        text_lines(body, 0, 0, y_title, text_size, "middle",
                   concat(" transform=\"translate(", num(margin + 6), " ", num((top + bottom) / 2), ") rotate(-90)\"")
                       .c_str());
    // Series.
    for (size_t s = 0; s < c.series.size(); ++s) {
        const auto& series = c.series[s];
        const char* colour = colours[s % style_count];
        if (c.kind == ChartKind::line) {
            std::string d;
            bool pen = false;
            for (size_t i = 0; i < series.values.size() && i < c.categories.size(); ++i) {
                if (!series.values[i]) {
                    pen = false;
                    continue;
                }
                d += concat(pen ? "L" : "M", num(x_of(i)), " ", num(y_of(*series.values[i])));
                pen = true;
            }
            body += concat("<g><path d=\"", d, "\" fill=\"none\" stroke=\"", colour, "\" stroke-width=\"2.5\"",
                           *dashes[s % style_count] ? concat(" stroke-dasharray=\"", dashes[s % style_count], "\"") : "",
                           "/>");
            for (size_t i = 0; i < series.values.size() && i < c.categories.size(); ++i)
                if (series.values[i])
                    marker_shape(body, static_cast<Marker>(s % style_count), x_of(i), y_of(*series.values[i]), colour);
            body += "</g>\n";
        } else {
            const double group = step * 0.8;
            const double bar = group / static_cast<double>(ns);
            body += "<g>";
            for (size_t i = 0; i < series.values.size() && i < c.categories.size(); ++i) {
                const double x = x_of(i) - group / 2 + bar * static_cast<double>(s);
                if (!series.values[i]) {
                    const std::string m = suppressed_marker(series, i);
                    if (!m.empty())
                        body += concat("<text x=\"", num(x + bar / 2), "\" y=\"", num(y_of(0) - 4), "\" font-size=\"",
                                       num(text_size), "\" text-anchor=\"middle\" fill=\"#333\">", escaped(m), "</text>");
                    continue;
                }
                const double y0 = y_of(0), y1 = y_of(*series.values[i]);
                body += concat("<rect x=\"", num(x), "\" y=\"", num(std::min(y0, y1)), "\" width=\"", num(bar),
                               "\" height=\"", num(std::fabs(y0 - y1)), "\" fill=\"", bar_fill(id, s),
                               "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
            }
            body += "</g>\n";
        }
    }
    return height;
}

// Horizontal bars: categories down the left with their full names wrapped, values along
// the bottom with as many ticks as fit. Returns the drawing's height.
double draw_bars(std::string& body, const Chart& c, const std::string& id, double width, double top) {
    const size_t ns = std::max<size_t>(c.series.size(), 1);
    // Names take at most two fifths of the width, wrapped at spaces.
    const size_t label_chars = std::min<size_t>(22, chars_in(width * 0.4 - 18, text_size));
    std::vector<std::vector<std::string>> labels;
    double label_w = 0;
    for (const auto& cat : c.categories) {
        labels.push_back(wrap(cat, label_chars));
        label_w = std::max(label_w, widest(labels.back(), text_size));
    }
    std::vector<std::string> category_title;
    if (!c.x_label.empty()) {
        category_title = wrap(c.x_label, chars_in(width - 2 * margin, text_size));
        top += 18 + static_cast<double>(category_title.size() - 1) * text_size * line_height;
    }
    const double left = margin + label_w + 8;
    Axis axis = value_axis(c, 5);
    // As many ticks as have room for their labels.
    const double room = width - 16 - axis.label_width / 2 - left;
    const int fit = static_cast<int>(std::floor(room / (axis.label_width + 16)));
    if (fit < 5) axis = value_axis(c, std::max(fit, 2));
    const model::Ticks& ticks = axis.ticks;
    const double right = width - 16 - axis.label_width / 2;
    // Each row is tall enough for its bars and for its wrapped name.
    constexpr double bar = 12;
    std::vector<double> row_top, row_h;
    double y = top;
    for (const auto& l : labels) {
        const double h = std::max(bar * static_cast<double>(ns) + 10,
                                  static_cast<double>(l.size()) * text_size * line_height + 6);
        row_top.push_back(y);
        row_h.push_back(h);
        y += h;
    }
    const double bottom = y;
    double height = bottom + 18 + 10;
    auto x_of = [&](double v) { return left + (v - ticks.lo) / (ticks.hi - ticks.lo) * (right - left); };
    for (double v : ticks.values) {
        const double x = x_of(v);
        body += concat("<path d=\"M", num(x), " ", num(top), "V", num(bottom), "\" stroke=\"",
                       v == 0 ? "#1a1a1a" : "#d0d0d0", "\" stroke-width=\"1\"/>");
        body += concat("<text x=\"", num(x), "\" y=\"", num(bottom + 16), "\" font-size=\"", num(text_size),
                       "\" text-anchor=\"middle\" fill=\"#333\">", escaped(model::format_number(v, axis.format)),
                       "</text>\n");
    }
    for (size_t i = 0; i < labels.size(); ++i) {
        const double mid = row_top[i] + row_h[i] / 2;
        const double first = mid - static_cast<double>(labels[i].size() - 1) * text_size * line_height / 2 + 4;
        text_lines(body, left - 6, first, labels[i], text_size, "end", " fill=\"#1a1a1a\"");
    }
    if (!c.y_label.empty())
        height += 4 + static_cast<double>(centred_title(body, (left + right) / 2, bottom + 38, c.y_label, width)) *
                          text_size * line_height;
    if (!category_title.empty()) {
        // Over the names, right-aligned with them; from the left edge when it is wider.
        const bool fits = widest(category_title, text_size) <= left - 6 - margin;
        const double first = top - 8 - static_cast<double>(category_title.size() - 1) * text_size * line_height;
        text_lines(body, fits ? left - 6 : margin, first, category_title, text_size, fits ? "end" : "start",
                   " font-weight=\"bold\"");
    }
    for (size_t s = 0; s < c.series.size(); ++s) {
        const auto& series = c.series[s];
        body += "<g>";
        for (size_t i = 0; i < series.values.size() && i < c.categories.size(); ++i) {
            const double by = row_top[i] + (row_h[i] - bar * static_cast<double>(ns)) / 2 + bar * static_cast<double>(s);
            if (!series.values[i]) {
                const std::string m = suppressed_marker(series, i);
                if (!m.empty())
                    body += concat("<text x=\"", num(x_of(0) + 4), "\" y=\"", num(by + bar - 2), "\" font-size=\"",
                                   num(text_size), "\" fill=\"#333\">", escaped(m), "</text>");
                continue;
            }
            const double x0 = x_of(0), x1 = x_of(*series.values[i]);
            body += concat("<rect x=\"", num(std::min(x0, x1)), "\" y=\"", num(by), "\" width=\"",
                           num(std::fabs(x1 - x0)), "\" height=\"", num(bar), "\" fill=\"", bar_fill(id, s),
                           "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
        }
        body += "</g>\n";
    }
    return height;
}

}  // namespace

double chart_width(ChartWidth w) { return w == ChartWidth::narrow ? 272 : 640; }

std::string render_chart_svg(const Chart& c, const std::string& id, ChartWidth w) {
    const double width = chart_width(w);
    const std::vector<std::string> title = wrap(c.title, chars_in(width - 2 * margin, title_size));
    const double title_h = static_cast<double>(title.size()) * title_size * line_height + 8;
    const Legend leg = legend(c, id, title_h, width);
    const double top = title_h + leg.height + 12;
    // On a phone every bar chart lies on its side: a period per row reads down the screen,
    // where a column per period would leave no room for the periods' names.
    const bool horizontal = model::horizontal_bars(c) || (c.kind == ChartKind::bar && w == ChartWidth::narrow);
    std::string body;
    const double height = horizontal ? draw_bars(body, c, id, width, top) : draw_columns(body, c, id, width, top);

    std::string out = concat("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-",
                             w == ChartWidth::narrow ? "narrow" : "wide", "\" viewBox=\"0 0 ", num(width), " ",
                             num(height), "\" role=\"img\" aria-labelledby=\"", id, "-title\" aria-describedby=\"", id,
                             "-desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
    out += concat("<title id=\"", id, "-title\">", escaped(c.title), "</title>\n");
    out += concat("<desc id=\"", id, "-desc\">", escaped(c.summary), "</desc>\n");
    if (c.kind == ChartKind::bar) bar_patterns(out, id);
    text_lines(out, margin, title_size + 4, title, title_size, "start", " font-weight=\"bold\" fill=\"#1a1a1a\"");
    out += leg.svg;
    out += body;
    out += "</svg>\n";
    return out;
}

}  // namespace planpack::render::html
