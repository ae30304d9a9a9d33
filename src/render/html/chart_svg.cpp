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

constexpr double width = 640;
constexpr double title_size = 15, text_size = 12, small_size = 11;
constexpr double char_width = 0.58;  // average advance of sans-serif text, in ems

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

void text_lines(std::string& out, double x, double y, const std::vector<std::string>& lines,
                double size, const char* anchor, const char* extra = "") {
    out += concat("<text x=\"", num(x), "\" y=\"", num(y), "\" font-size=\"", num(size),
                  "\" text-anchor=\"", anchor, "\"", extra, ">");
    for (size_t i = 0; i < lines.size(); ++i)
        out += concat("<tspan x=\"", num(x), "\" dy=\"", i == 0 ? "0" : num(size * 1.2), "\">",
                      escaped(lines[i]), "</tspan>");
    out += "</text>\n";
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

Legend legend(const Chart& c, const std::string& id, double top) {
    Legend l;
    if (c.series.size() < 2) return l;
    double x = 10, y = top + 10;
    for (size_t s = 0; s < c.series.size(); ++s) {
        const double w = 34 + text_width(c.series[s].name, text_size) + 18;
        if (x > 10 && x + w > width - 10) {
            x = 10;
            y += 20;
        }
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
        l.svg += concat("<text x=\"", num(x + 32), "\" y=\"", num(y + 4), "\" font-size=\"", num(text_size),
                        "\">", escaped(c.series[s].name), "</text>\n");
        x += w;
    }
    l.height = y - top + 14;
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

}  // namespace

std::string render_chart_svg(const Chart& c, const std::string& id) {
    const std::vector<std::string> title = wrap(c.title, static_cast<size_t>((width - 20) / (title_size * char_width)));
    const double title_h = static_cast<double>(title.size()) * title_size * 1.2 + 8;
    Legend leg = legend(c, id, title_h);
    const Range range = value_range(c);
    const model::Ticks ticks = model::nice_ticks(range.lo, range.any ? range.hi : 1);
    const std::string tfmt = model::tick_format(c, ticks.step);
    double tick_w = 0;
    for (double v : ticks.values) tick_w = std::max(tick_w, text_width(model::format_number(v, tfmt), small_size));

    const bool horizontal = model::horizontal_bars(c);
    const size_t n = std::max<size_t>(c.categories.size(), 1);
    const size_t ns = std::max<size_t>(c.series.size(), 1);

    std::string body;
    double height = 0;
    const bool category_label = horizontal && !c.x_label.empty();
    const double top = title_h + leg.height + 12 + (category_label ? 18 : 0);
    if (!horizontal) {
        const double left = 10 + 22 + tick_w + 8;  // axis label, tick labels
        const double right = width - 16;
        const double step = (right - left) / static_cast<double>(n);
        double label_w = 0;
        for (const auto& cat : c.categories) label_w = std::max(label_w, text_width(cat, small_size));
        const size_t every = static_cast<size_t>(std::max(1.0, std::ceil((label_w + 6) / step)));
        const double plot_h = 220;
        const double bottom = top + plot_h;
        height = bottom + 18 + (c.x_label.empty() ? 0 : 22) + 10;
        auto y_of = [&](double v) { return bottom - (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_h; };
        auto x_of = [&](size_t i) { return left + (static_cast<double>(i) + 0.5) * step; };
        // Grid and y axis.
        for (double v : ticks.values) {
            const double y = y_of(v);
            body += concat("<path d=\"M", num(left), " ", num(y), "H", num(right), "\" stroke=\"",
                           v == 0 ? "#1a1a1a" : "#d0d0d0", "\" stroke-width=\"1\"/>");
            body += concat("<text x=\"", num(left - 6), "\" y=\"", num(y + 4), "\" font-size=\"", num(small_size),
                           "\" text-anchor=\"end\" fill=\"#333\">", escaped(model::format_number(v, tfmt)), "</text>\n");
        }
        body += concat("<path d=\"M", num(left), " ", num(top), "V", num(bottom), "\" stroke=\"#1a1a1a\"/>\n");
        for (size_t i = 0; i < c.categories.size(); i += every)
            body += concat("<text x=\"", num(x_of(i)), "\" y=\"", num(bottom + 16), "\" font-size=\"", num(small_size),
                           "\" text-anchor=\"middle\" fill=\"#333\">", escaped(c.categories[i]), "</text>\n");
        if (!c.x_label.empty())
            text_lines(body, (left + right) / 2, bottom + 38, {c.x_label}, text_size, "middle");
        if (!c.y_label.empty())
            text_lines(body, 0, 0, {c.y_label}, text_size, "middle",
                       concat(" transform=\"translate(16 ", num((top + bottom) / 2), ") rotate(-90)\"").c_str());
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
                        const std::string m = i < series.markers.size() ? series.markers[i] : "";
                        if (!m.empty())
                            body += concat("<text x=\"", num(x + bar / 2), "\" y=\"", num(y_of(0) - 4),
                                           "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">",
                                           escaped(m), "</text>");
                        continue;
                    }
                    const double y0 = y_of(0), y1 = y_of(*series.values[i]);
                    body += concat("<rect x=\"", num(x), "\" y=\"", num(std::min(y0, y1)), "\" width=\"",
                                   num(bar), "\" height=\"", num(std::fabs(y0 - y1)), "\" fill=\"",
                                   bar_fill(id, s), "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
                }
                body += "</g>\n";
            }
        }
    } else {
        // Horizontal bars: categories down the left, values along the bottom.
        std::vector<std::vector<std::string>> labels;
        double label_w = 0;
        for (const auto& cat : c.categories) {
            labels.push_back(wrap(cat, 22));
            for (const auto& l : labels.back()) label_w = std::max(label_w, text_width(l, small_size));
        }
        const double left = 10 + label_w + 8;
        const double right = width - 16 - tick_w / 2;
        const double bar = 12;
        const double row = bar * static_cast<double>(ns) + 10;
        const double bottom = top + row * static_cast<double>(n);
        height = bottom + 18 + (c.y_label.empty() ? 0 : 22) + 10;
        auto x_of = [&](double v) { return left + (v - ticks.lo) / (ticks.hi - ticks.lo) * (right - left); };
        for (double v : ticks.values) {
            const double x = x_of(v);
            body += concat("<path d=\"M", num(x), " ", num(top), "V", num(bottom), "\" stroke=\"",
                           v == 0 ? "#1a1a1a" : "#d0d0d0", "\" stroke-width=\"1\"/>");
            body += concat("<text x=\"", num(x), "\" y=\"", num(bottom + 16), "\" font-size=\"", num(small_size),
                           "\" text-anchor=\"middle\" fill=\"#333\">", escaped(model::format_number(v, tfmt)), "</text>\n");
        }
        for (size_t i = 0; i < c.categories.size(); ++i) {
            const double mid = top + row * (static_cast<double>(i) + 0.5);
            const double first = mid - static_cast<double>(labels[i].size() - 1) * small_size * 0.6 + 4;
            text_lines(body, left - 6, first, labels[i], small_size, "end", " fill=\"#1a1a1a\"");
        }
        if (!c.y_label.empty())
            text_lines(body, (left + right) / 2, bottom + 38, {c.y_label}, text_size, "middle");
        if (category_label)
            text_lines(body, left - 6, top - 8, {c.x_label}, text_size, "end", " font-weight=\"bold\"");
        for (size_t s = 0; s < c.series.size(); ++s) {
            const auto& series = c.series[s];
            body += "<g>";
            for (size_t i = 0; i < series.values.size() && i < c.categories.size(); ++i) {
                const double y = top + row * static_cast<double>(i) + 5 + bar * static_cast<double>(s);
                if (!series.values[i]) {
                    const std::string m = i < series.markers.size() ? series.markers[i] : "";
                    if (!m.empty())
                        body += concat("<text x=\"", num(x_of(0) + 4), "\" y=\"", num(y + bar - 2),
                                       "\" font-size=\"10\" fill=\"#333\">", escaped(m), "</text>");
                    continue;
                }
                const double x0 = x_of(0), x1 = x_of(*series.values[i]);
                body += concat("<rect x=\"", num(std::min(x0, x1)), "\" y=\"", num(y), "\" width=\"",
                               num(std::fabs(x1 - x0)), "\" height=\"", num(bar), "\" fill=\"", bar_fill(id, s),
                               "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
            }
            body += "</g>\n";
        }
    }

    std::string out = concat("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ",
                             num(width), " ", num(height), "\" role=\"img\" aria-labelledby=\"", id,
                             "-title\" aria-describedby=\"", id, "-desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
    out += concat("<title id=\"", id, "-title\">", escaped(c.title), "</title>\n");
    out += concat("<desc id=\"", id, "-desc\">", escaped(c.summary), "</desc>\n");
    if (c.kind == ChartKind::bar) bar_patterns(out, id);
    text_lines(out, 10, title_size + 4, title, title_size, "start", " font-weight=\"bold\" fill=\"#1a1a1a\"");
    out += leg.svg;
    out += body;
    out += "</svg>\n";
    return out;
}

}  // namespace planpack::render::html
