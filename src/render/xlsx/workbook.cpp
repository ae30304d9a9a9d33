#include "render/xlsx/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>
#include <unistd.h>
#include <xlsxwriter.h>

#include "diag/concat.hpp"
#include "model/inline_text.hpp"
#include "model/number_format.hpp"
#include "render/xlsx/names.hpp"
#include "render/xlsx/print_setup.hpp"

namespace planpack::render::xlsx {

namespace {

namespace fs = std::filesystem;

// libxlsxwriter writes only to a named file: a private temporary one, removed when done.
class TempFile {
public:
    TempFile() {
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "planpack-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd >= 0) {
            ::close(fd);
            path_ = pattern;
        }
    }
    ~TempFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// workbook_close() writes and frees; a workbook never closed is freed unwritten.
struct WorkbookFree {
    void operator()(lxw_workbook* w) const { lxw_workbook_free(w); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

constexpr lxw_color_t colours[] = {0x0B3C7A, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00};
constexpr uint8_t dashes[] = {LXW_CHART_LINE_DASH_SOLID, LXW_CHART_LINE_DASH_DASH,
                              LXW_CHART_LINE_DASH_ROUND_DOT, LXW_CHART_LINE_DASH_LONG_DASH_DOT,
                              LXW_CHART_LINE_DASH_SQUARE_DOT, LXW_CHART_LINE_DASH_LONG_DASH};
constexpr uint8_t markers[] = {LXW_CHART_MARKER_CIRCLE,   LXW_CHART_MARKER_SQUARE,
                               LXW_CHART_MARKER_TRIANGLE, LXW_CHART_MARKER_DIAMOND,
                               LXW_CHART_MARKER_X,        LXW_CHART_MARKER_PLUS};
constexpr uint8_t patterns[] = {LXW_CHART_PATTERN_NONE,
                                LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
                                LXW_CHART_PATTERN_WIDE_DOWNWARD_DIAGONAL,
                                LXW_CHART_PATTERN_DARK_VERTICAL,
                                LXW_CHART_PATTERN_DARK_HORIZONTAL,
                                LXW_CHART_PATTERN_LARGE_CHECK};
constexpr size_t styles = 6;

enum Style { plain = 0, bold = 1, italic = 2, wrap = 4, right = 8 };

// The fill of a semantic cell style, from the one table of them every output reads.
lxw_color_t fill_of(const load::CellStyles* cells, const std::string& style) {
    if (!cells) return LXW_COLOR_UNSET;
    const load::CellLook look = load::cell_look(*cells, style);
    return look.fill ? static_cast<lxw_color_t>(*look.fill) : LXW_COLOR_UNSET;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Formats belong to the workbook; one per number format and style. Every cell sits at the
// top of its row, so a row made tall by wrapped text reads from its top line.
class Formats {
public:
    Formats(lxw_workbook* wb, const load::CellStyles* cells) : wb_(wb), cells_(cells) {}
    lxw_format* get(const std::string& number_format, int style) {
        if (last_ && style == last_style_ && number_format == last_format_) return last_;  // runs of alike cells
        auto [it, added] = cache_.emplace(concat(number_format, "|", std::to_string(style)), nullptr);
        if (added) {
            it->second = workbook_add_format(wb_);
            if (!number_format.empty()) format_set_num_format(it->second, number_format.c_str());
            if (style & bold) format_set_bold(it->second);
            if (style & italic) format_set_italic(it->second);
            if (style & wrap) format_set_text_wrap(it->second);
            if (style & right) format_set_align(it->second, LXW_ALIGN_RIGHT);
            format_set_align(it->second, LXW_ALIGN_VERTICAL_TOP);
        }
        last_format_ = number_format;
        last_style_ = style;
        return last_ = it->second;
    }

    const load::CellStyles* cells() const { return cells_; }

    // A fill for a conditional format, one per semantic style.
    lxw_format* fill(const std::string& style) {
        auto [it, added] = fills_.emplace(style, nullptr);
        if (added) {
            it->second = workbook_add_format(wb_);
            format_set_bg_color(it->second, fill_of(cells_, style));
        }
        return it->second;
    }

private:
    lxw_workbook* wb_;
    const load::CellStyles* cells_;
    std::string last_format_;
    int last_style_ = 0;
    lxw_format* last_ = nullptr;
    std::map<std::string, lxw_format*> cache_;
    std::map<std::string, lxw_format*> fills_;
};

// A live cell (a CountIf or a Formula), written once every table is placed, since its
// formula may point at a table on a later sheet.
struct PendingCell {
    lxw_worksheet* ws = nullptr;
    std::string sheet;
    lxw_row_t row = 0;
    lxw_col_t col = 0;
    lxw_format* format = nullptr;
    model::CellValue value;
    std::string shown;  // the printed figure, a CountIf's cached count
};

// What the sheets of one workbook share.
struct Book {
    Formats formats;
    Placements placed;
    std::vector<std::string> table_names;
    std::vector<PendingCell> pending;
};

// Excel's default column is 64 pixels for 8.43 characters.
constexpr double pixels_per_character = 64 / 8.43;

// What the file stores beside each width set: the 5 pixels of a cell's padding, in
// character widths.
constexpr double cell_padding = 5.0 / 7;  // Calibri 11's digit is 7 pixels wide

// Excel's default row, in points: a line of Calibri 11.
constexpr double default_row = 15;

// The narrowest a column of text is made to fit the sheet to its page: two or three
// words a line.
constexpr double narrowest_wrapped = 12;

// The widest a column is made, in characters: the first column (row labels, a seat's role)
// narrower than the rest, since every sheet has one and most of its labels are short, so a
// sheet of many columns still prints at a readable scale; text longer than its column wraps.
double widest(size_t column) { return column == 0 ? 30.0 : 45.0; }

size_t characters(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The length of each word of s (split at spaces, and after hyphens too when `hyphens`:
// where Excel and LibreOffice may also break a line), in characters.
std::vector<size_t> word_lengths(const std::string& s, bool hyphens = false) {
    std::vector<size_t> out{0};
    for (const unsigned char c : s) {
        if (c == ' ') {
            out.push_back(0);
            continue;
        }
        out.back() += (c & 0xC0) != 0x80;
        if (hyphens && c == '-') out.push_back(0);
    }
    return out;
}

// The lines text takes when it wraps between words at per_line characters (a word longer
// than a line breaks over as many as it needs).
double wrapped_lines(const std::string& s, double per_line) {
    double lines = 1, used = 0;
    for (const size_t n : word_lengths(s)) {
        const auto word = static_cast<double>(n);
        if (used > 0 && used + 1 + word <= per_line) {
            used += 1 + word;
            continue;
        }
        if (used > 0) ++lines;
        const double extra = std::max(0.0, std::ceil(word / per_line) - 1);
        lines += extra;
        used = word - per_line * extra;
    }
    return lines;
}

// The longest word: the narrowest a column can be for text that wraps between words.
size_t longest_word(const std::string& s) {
    const auto lengths = word_lengths(s, true);
    return *std::max_element(lengths.begin(), lengths.end());
}

class SheetWriter {
public:
    SheetWriter(lxw_worksheet* ws, std::string name, Book& book, SourcePos file, Diagnostics& diags)
        : ws_(ws), name_(std::move(name)), book_(book), formats_(book.formats), file_(std::move(file)),
          diags_(diags) {}

    void text(const Text& t) {
        worksheet_write_string(ws_, row_, 0, t.text.c_str(), formats_.get("", t.heading ? bold : plain));
        ++row_;
    }

    // Where a table's header and body landed.
    struct Placed {
        lxw_row_t header = 0, first_body = 0;
        size_t columns = 0;
    };

    Placed table(const model::Table& t) {
        Placed at;
        lines_.push_back({row_++, model::plain_text(t.caption), bold});
        aligns_ = &t.aligns;
        for (size_t h = 0; h + 1 < t.head.size(); ++h) write_row(t.head[h], bold);
        std::vector<std::string> headers;
        if (!t.head.empty())
            for (const auto& cell : t.head.back().cells) headers.push_back(model::plain_text(cell.content));
        for (const auto* rows : {&t.body, &t.foot})
            for (const auto& r : *rows) at.columns = std::max(at.columns, r.cells.size());
        at.columns = std::max(at.columns, headers.size());
        at.header = row_;
        if (!headers.empty()) {
            if (tables_ == 0) first_header_ = row_;
            ++row_;
        }
        ++tables_;
        at.first_body = row_;
        // Where formulas find it: by its id, and by a key of its own (no id holds a control
        // character) that its own cells' ranges naming no table are given. Ids are unique
        // on a page, not in a workbook that gathers the tables of several pages, so a
        // table's formulas over its own cells never go by its id.
        self_ = concat("\x1f", name_, "!", std::to_string(at.first_body));
        const PlacedTable placed{name_, at.first_body, static_cast<lxw_row_t>(at.first_body + t.body.size()), "", ""};
        book_.placed[self_] = placed;
        if (!t.id.empty()) book_.placed[t.id] = placed;
        for (const auto& r : t.body) write_row(r, plain, t.row_headers);
        if (!headers.empty()) {
            headers.resize(at.columns);
            if (t.body.empty()) {
                for (size_t c = 0; c < headers.size(); ++c) put_string(at.header, c, headers[c], bold);
            } else {
                excel_table(at, headers, t.id);
                editing_aids(t, at);
            }
        }
        for (const auto& r : t.foot) write_row(r, bold);
        for (const auto& note : t.notes) lines_.push_back({row_++, model::plain_text(note), italic});
        return at;
    }

    void chart(lxw_workbook* wb, const model::Chart& c) {
        const lxw_row_t first = row_;
        const Placed data = table(c.data);
        const size_t n = c.categories.size();
        if (c.data.body.size() != c.series.size() || data.columns != n + 1 || n == 0) {
            diags_.error(file_, concat("chart '", c.title, "': its data table is not one row per series "
                                                        "and one column per category"));
            return;
        }
        // Plotted values beneath the table when a point has no number (see the header).
        lxw_row_t values_row = data.first_body;
        const bool gaps = std::any_of(c.series.begin(), c.series.end(), [](const model::ChartSeries& s) {
            return std::any_of(s.values.begin(), s.values.end(), [](const auto& v) { return !v; });
        });
        if (gaps) {
            worksheet_write_string(ws_, row_, 0, "Values the chart plots (blank: not published or not available)",
                                   formats_.get("", bold));
            ++row_;
            values_row = row_;
            for (const auto& s : c.series) {
                put_string(row_, 0, s.name, plain);
                for (size_t i = 0; i < n && i < s.values.size(); ++i)
                    if (s.values[i])
                        worksheet_write_number(ws_, row_, static_cast<lxw_col_t>(i + 1), *s.values[i],
                                               formats_.get(c.number_format, plain));
                ++row_;
            }
        }
        const bool horizontal = model::horizontal_bars(c);
        lxw_chart* chart = workbook_add_chart(
            wb, c.kind == model::ChartKind::line ? LXW_CHART_LINE : horizontal ? LXW_CHART_BAR : LXW_CHART_COLUMN);
        const lxw_col_t last = static_cast<lxw_col_t>(n);
        for (size_t s = 0; s < c.series.size(); ++s) {
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            const lxw_row_t r = static_cast<lxw_row_t>(values_row + s);
            chart_series_set_categories(series, name_.c_str(), data.header, 1, data.header, last);
            chart_series_set_values(series, name_.c_str(), r, 1, r, last);
            chart_series_set_name_range(series, name_.c_str(), static_cast<lxw_row_t>(data.first_body + s), 0);
            const lxw_color_t colour = colours[s % styles];
            if (c.kind == model::ChartKind::line) {
                lxw_chart_line line{};
                line.color = colour;
                line.width = 2.25f;
                line.dash_type = dashes[s % styles];
                chart_series_set_line(series, &line);
                chart_series_set_marker_type(series, markers[s % styles]);
                lxw_chart_fill fill{};
                fill.color = colour;
                chart_series_set_marker_fill(series, &fill);
                lxw_chart_line edge{};
                edge.color = colour;
                chart_series_set_marker_line(series, &edge);
            } else {
                if (s % styles == 0) {
                    lxw_chart_fill fill{};
                    fill.color = colour;
                    chart_series_set_fill(series, &fill);
                } else {
                    lxw_chart_pattern pattern{};
                    pattern.fg_color = 0x1A1A1A;
                    pattern.bg_color = colour;
                    pattern.type = patterns[s % styles];
                    chart_series_set_pattern(series, &pattern);
                }
                lxw_chart_line edge{};
                edge.color = 0x1A1A1A;
                edge.width = 0.5f;
                chart_series_set_line(series, &edge);
            }
        }
        chart_title_set_name(chart, c.title.c_str());
        // libxlsxwriter names axes by direction: a bar chart's x axis is its (horizontal)
        // value axis and its y axis the categories.
        lxw_chart_axis* category_axis = horizontal ? chart->y_axis : chart->x_axis;
        lxw_chart_axis* value_axis = horizontal ? chart->x_axis : chart->y_axis;
        if (!c.x_label.empty()) chart_axis_set_name(category_axis, c.x_label.c_str());
        if (!c.y_label.empty()) chart_axis_set_name(value_axis, c.y_label.c_str());
        if (!c.number_format.empty()) chart_axis_set_num_format(value_axis, c.number_format.c_str());
        chart_legend_set_position(chart, c.series.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
        chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
        lxw_chart_options options{};
        options.x_scale = 1.5;
        chart_width_ = 480 * options.x_scale / pixels_per_character;
        options.y_scale = horizontal ? 1.25 + 0.08 * static_cast<double>(n) : 1.25;
        options.description = const_cast<char*>(c.summary.c_str());
        ++row_;
        worksheet_insert_chart_opt(ws_, row_, 0, chart, &options);
        // 288 pixels tall at a scale of 1, over rows of 20 pixels.
        const auto rows = static_cast<lxw_row_t>(std::ceil(288 * options.y_scale / 20.0));
        // A page that begins at the picture's own row still draws its edge on the page
        // before, in LibreOffice: one that must break there begins at the blank row above.
        charts_.push_back({first, row_ - 1, row_ + rows});
        row_ += rows + 1;
    }

    void gap() { ++row_; }

    // Sets the column widths, within what prints at a readable size (widest_sheet), then
    // wraps the text they do not hold and sizes the rows; returns what printing needs to
    // know of the sheet.
    PrintLayout finish(const std::string& title) {
        std::vector<double> natural(widths_.size()), floor(widths_.size());
        floors_.resize(widths_.size(), 0);
        for (size_t c = 0; c < widths_.size(); ++c) {
            natural[c] = std::clamp(widths_[c] + 2.0, 9.0, widest(c));
            // A letter averages narrower than the digit a width counts (set_wrapped_heights),
            // so a word fits a column as many widths wide as it has letters.
            floor[c] = std::max(floors_[c], narrowest_wrapped);
        }
        columns_ = fit_columns(natural, floor, widest_sheet - cell_padding * static_cast<double>(natural.size()));
        double width = 0;
        for (size_t c = 0; c < columns_.size(); ++c) {
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns_[c], nullptr);
            width += columns_[c];
        }
        wrap_long_text();
        write_lines(width);
        set_wrapped_heights();
        PrintLayout layout{title, name_, std::max(width, chart_width_), std::nullopt, {}};
        if (tables_ == 1) layout.header_row = first_header_;
        std::vector<double> heights(row_ + 1, default_row);
        for (const auto& [row, h] : heights_) heights[row] = h;
        double page = page_height(prints_landscape(layout.width));
        if (layout.header_row) page -= heights[*layout.header_row];  // repeated on every page
        layout.breaks = chart_breaks(heights, charts_, page);
        return layout;
    }

private:
    // Text that does not fit its column as finally set wraps there, its row made tall enough.
    void wrap_long_text() {
        for (const TextCell& t : texts_) {
            if (static_cast<double>(characters(t.text)) + 2.0 <= columns_[t.col]) continue;
            worksheet_write_string(ws_, t.row, static_cast<lxw_col_t>(t.col), t.text.c_str(),
                                   formats_.get("", t.style | wrap));
            wrapped_.push_back({t.row, t.col, t.text, 0});
        }
    }

    // A table's caption and notes (its source, what a marker means) wrap across the
    // sheet's columns, merged: left to run on from column A, a long one widens what
    // prints, and with it shrinks the whole sheet to fit the page (a member attendance
    // sheet printed at a third of its size).
    void write_lines(double width) {
        const size_t columns = std::max<size_t>(widths_.size(), 1);
        for (const Line& n : lines_) {
            lxw_format* f = formats_.get("", n.style | wrap);
            if (columns > 1)
                worksheet_merge_range(ws_, n.row, 0, n.row, static_cast<lxw_col_t>(columns - 1), n.text.c_str(), f);
            else worksheet_write_string(ws_, n.row, 0, n.text.c_str(), f);
            wrapped_.push_back({n.row, std::nullopt, n.text, width});
        }
    }

    // Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a file,
    // so a row of long text would print its lines over the next rows: each row is given
    // the height of its longest cell's lines, estimated from the column's width.
    void set_wrapped_heights() {
        std::map<lxw_row_t, double> lines;
        for (const Wrapped& w : wrapped_) {
            const double width = w.col ? columns_[*w.col] : w.width;
            // Text averages about 1.15 characters to a width unit (a unit is the width of
            // a digit; LibreOffice fits more, Excel's Calibri not much), less one for the
            // padding. Counted word by word, which leaves the ends of lines words do not
            // fill: a header of three short words in a narrow column takes three lines,
            // where its characters alone would say two.
            const double per_line = std::max(1.0, width * 1.15 - 1);
            double& n = lines[w.row];
            n = std::max(n, wrapped_lines(w.text, per_line));
        }
        for (const auto& [row, n] : lines) {
            heights_[row] = default_row * n;
            worksheet_set_row(ws_, row, heights_[row], nullptr);
        }
    }

    void widen(size_t col, const std::string& s) { widen(col, characters(s)); }
    void widen(size_t col, size_t n) {
        if (widths_.size() <= col) widths_.resize(col + 1, 0);
        widths_[col] = std::max(widths_[col], static_cast<double>(n));
    }

    // What a column cannot be narrower than without breaking a word or a figure.
    void hold(size_t col, size_t n) {
        if (floors_.size() <= col) floors_.resize(col + 1, 0);
        floors_[col] = std::max(floors_[col], static_cast<double>(n));
    }

    // Text, to be wrapped at the end if its column turns out too narrow for it.
    void put_string(lxw_row_t r, size_t c, const std::string& s, int style) {
        widen(c, s);
        if (s.empty()) return;
        hold(c, longest_word(s));
        worksheet_write_string(ws_, r, static_cast<lxw_col_t>(c), s.c_str(), formats_.get("", style));
        texts_.push_back({r, c, s, style});
    }

    // Text in a column of figures (a header, a marker such as "<5") sits right, as the
    // figures do, so "10" beside "<5" does not read as "10<5".
    int aligned(size_t c) const {
        return aligns_ && c < aligns_->size() && (*aligns_)[c] == model::Align::right ? right : plain;
    }

    void write_row(const model::TableRow& r, int style, bool row_header = false) {
        for (size_t c = 0; c < r.cells.size(); ++c) {
            const model::TableCell& cell = r.cells[c];
            const int s = style | (row_header && c == 0 ? bold : plain);
            const int text_style = s | aligned(c);
            const auto col = static_cast<lxw_col_t>(c);
            const std::string shown = model::plain_text(cell.content);
            widen(c, shown);
            std::visit(
                [&](const auto& boxed) {
                    const auto& v = model::unbox(boxed);
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, model::Date> ||
                                  std::is_same_v<T, model::CountIf> || std::is_same_v<T, model::Formula>)
                        hold(c, characters(shown));
                    if constexpr (std::is_same_v<T, double>) {
                        worksheet_write_number(ws_, row_, col, v, formats_.get(cell.value.number_format, s));
                    } else if constexpr (std::is_same_v<T, model::Date>) {
                        lxw_datetime dt{v.year, v.month, v.day, 0, 0, 0};
                        worksheet_write_datetime(ws_, row_, col, &dt,
                                                 formats_.get(cell.value.number_format.empty() ? "d mmmm yyyy"
                                                                                               : cell.value.number_format,
                                                              s));
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        put_string(row_, c, v, text_style);
                    } else if constexpr (std::is_same_v<T, model::CountIf> || std::is_same_v<T, model::Formula>) {
                        model::CellValue value = cell.value;
                        if (auto* f = model::get_alternative<model::Formula>(&value.value))
                            for (model::CellRange& range : f->ranges)
                                if (range.table.empty()) range.table = self_;
                        book_.pending.push_back(
                            {ws_, name_, row_, col, formats_.get(cell.value.number_format, s), std::move(value), shown});
                    } else {
                        put_string(row_, c, shown, text_style);
                    }
                },
                cell.value.value);
        }
        ++row_;
    }

    // An Excel table over the header row and the body; its headers must be unique text.
    // Drop-down lists for columns with choices; fills that follow the values.
    void editing_aids(const model::Table& t, const Placed& at) {
        const lxw_row_t last = static_cast<lxw_row_t>(row_ - 1);
        for (size_t c = 0; c < t.choices.size() && c < at.columns; ++c) {
            if (t.choices[c].empty()) continue;
            std::vector<char*> list;  // libxlsxwriter takes char**, and only reads it
            for (const auto& v : t.choices[c]) list.push_back(const_cast<char*>(v.c_str()));
            list.push_back(nullptr);
            lxw_data_validation v{};
            v.validate = LXW_VALIDATION_TYPE_LIST;
            v.value_list = list.data();
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_data_validation_range(ws_, at.first_body, col, last, col, &v);
        }
        for (const auto& vs : t.value_styles) {
            if (vs.column >= at.columns || fill_of(book_.formats.cells(), vs.style) == LXW_COLOR_UNSET) continue;
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_CELL;
            const std::string text = quoted(vs.equals);
            if (vs.above) {
                cf.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
                cf.value = *vs.above;
            } else {
                cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
                cf.value_string = const_cast<char*>(text.c_str());
            }
            cf.format = formats_.fill(vs.style);
            const auto col = static_cast<lxw_col_t>(vs.column);
            worksheet_conditional_format_range(ws_, at.first_body, col, last, col, &cf);
        }
    }

    void excel_table(const Placed& at, std::vector<std::string>& headers, const std::string& id) {
        for (size_t c = 0; c < headers.size(); ++c) {
            std::string& h = headers[c];
            std::replace(h.begin(), h.end(), '\n', ' ');
            if (h.empty()) h = "Column " + std::to_string(c + 1);
            std::string base = h;
            for (int k = 2; std::count(headers.begin(), headers.begin() + static_cast<long>(c), h) > 0; ++k)
                h = concat(base, " (", std::to_string(k), ")");
            // A header wraps between its words, so a column of short figures under a long
            // header ("Theft and handling stolen goods") stays narrow and the sheet prints
            // at a readable scale.
            widen(c, longest_word(h));
            hold(c, longest_word(h));
            wrapped_.push_back({at.header, c, h, 0});
        }
        std::vector<lxw_table_column> columns(headers.size());
        std::vector<lxw_table_column*> pointers;
        for (size_t c = 0; c < headers.size(); ++c) {
            columns[c].header = const_cast<char*>(headers[c].c_str());
            columns[c].header_format = formats_.get("", bold | wrap | aligned(c));
            pointers.push_back(&columns[c]);
        }
        pointers.push_back(nullptr);
        lxw_table_options options{};
        options.columns = pointers.data();
        options.first_column = LXW_TRUE;
        // Every table is named after its sheet, uniquely in the whole workbook.
        std::string name = table_name(name_, book_.table_names);
        book_.table_names.push_back(name);
        options.name = const_cast<char*>(name.c_str());
        if (!id.empty()) {
            book_.placed[id].name = name;
            book_.placed[id].first_column = headers.front();
        }
        worksheet_add_table(ws_, at.header, 0, static_cast<lxw_row_t>(row_ - 1),
                            static_cast<lxw_col_t>(headers.size() - 1), &options);
    }

    lxw_worksheet* ws_;
    std::string name_;
    Book& book_;
    Formats& formats_;
    SourcePos file_;
    Diagnostics& diags_;
    lxw_row_t row_ = 0;
    std::vector<double> widths_;   // each column's widest text, in characters
    std::vector<double> floors_;   // each column's longest word or figure
    std::vector<double> columns_;  // the widths set, once finished
    struct TextCell {
        lxw_row_t row;
        size_t col;
        std::string text;
        int style;
    };
    std::vector<TextCell> texts_;  // text cells of tables, to wrap where their column is too narrow
    std::map<lxw_row_t, double> heights_;  // rows taller than default_row, in points
    std::vector<ChartRows> charts_;
    struct Wrapped {
        lxw_row_t row;
        std::optional<size_t> col;  // none: merged across the sheet, `width` wide
        std::string text;
        double width = 0;
    };
    std::vector<Wrapped> wrapped_;  // cells of long text, to size their rows
    struct Line {
        lxw_row_t row;
        std::string text;
        int style;
    };
    std::vector<Line> lines_;  // captions and notes, written once the columns' widths are known
    size_t tables_ = 0;  // tables on the sheet, charts' data tables too
    std::string self_;   // the placement key of the table being written
    const std::vector<model::Align>* aligns_ = nullptr;  // its columns' alignment
    std::optional<lxw_row_t> first_header_;
    double chart_width_ = 0;
};

// A live cell's formula with its cached result; a reference that cannot be resolved
// (its table is not in this workbook) leaves the figure as a constant.
void write_live(const PendingCell& p, const Placements& placed) {
    if (const auto* f = model::get_alternative<model::Formula>(&p.value.value)) {
        const auto text = formula_text(*f, p.sheet, placed);
        if (const auto* v = std::get_if<double>(&f->cached)) {
            if (text) worksheet_write_formula_num(p.ws, p.row, p.col, text->c_str(), p.format, *v);
            else worksheet_write_number(p.ws, p.row, p.col, *v, p.format);
        } else {
            const std::string& s = std::get<std::string>(f->cached);
            if (text) worksheet_write_formula_str(p.ws, p.row, p.col, text->c_str(), p.format, s.c_str());
            else worksheet_write_string(p.ws, p.row, p.col, s.c_str(), p.format);
        }
    } else if (const auto* c = model::get_alternative<model::CountIf>(&p.value.value)) {
        const double now = model::parse_decimal(p.shown).value_or(0);
        if (const auto text = countifs_text(*c, placed))
            worksheet_write_formula_num(p.ws, p.row, p.col, text->c_str(), p.format, now);
        else worksheet_write_number(p.ws, p.row, p.col, now, p.format);
    }
}

}  // namespace

std::optional<std::string> write_workbook(const WorkbookSpec& spec, Diagnostics& diags) {
    const SourcePos where{spec.file, 0, 0};
    TempFile file;
    if (file.path().empty()) {
        diags.error(where, "cannot create a temporary file for the spreadsheet");
        return std::nullopt;
    }
    WorkbookPtr wb(workbook_new(file.path().c_str()));
    if (!wb) {
        diags.error(where, "cannot start the spreadsheet");
        return std::nullopt;
    }
    lxw_doc_properties props{};
    props.title = const_cast<char*>(spec.title.c_str());
    props.subject = const_cast<char*>(spec.subject.c_str());
    props.author = const_cast<char*>(spec.author.c_str());
    props.company = const_cast<char*>(spec.company.c_str());
    props.created = static_cast<std::time_t>(model::seconds_since_epoch(spec.created));
    workbook_set_properties(wb.get(), &props);

    Book book{Formats(wb.get(), spec.cells), {}, {}, {}};
    std::vector<std::string> used;
    for (const Sheet& sheet : spec.sheets) {
        const std::string name = sheet_name(sheet.name, used);
        used.push_back(name);
        lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
        if (!ws) {
            diags.error(where, "cannot add the sheet '" + name + "' to the spreadsheet");
            return std::nullopt;
        }
        SheetWriter writer(ws, name, book, where, diags);
        bool frozen = false;
        for (size_t i = 0; i < sheet.items.size(); ++i) {
            std::visit(
                [&](const auto& item) {
                    using T = std::decay_t<decltype(item)>;
                    if constexpr (std::is_same_v<T, Text>) writer.text(item);
                    else if constexpr (std::is_same_v<T, const model::Table*>) {
                        const auto at = writer.table(*item);
                        if (sheet.freeze_header && !frozen) worksheet_freeze_panes(ws, at.first_body, 1);
                        frozen = true;
                    } else writer.chart(wb.get(), *item);
                },
                sheet.items[i]);
            const bool next_is_text = i + 1 < sheet.items.size() && std::holds_alternative<Text>(sheet.items[i + 1]);
            if (!std::holds_alternative<Text>(sheet.items[i]) || !next_is_text) writer.gap();
        }
        set_up_printing(ws, writer.finish(spec.title));
    }
    for (const PendingCell& p : book.pending) write_live(p, book.placed);
    const lxw_error e = workbook_close(wb.release());
    if (e != LXW_NO_ERROR) {
        diags.error(where, std::string("cannot write the spreadsheet: ") + lxw_strerror(e));
        return std::nullopt;
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
        diags.error(where, "cannot read back the spreadsheet just written");
        return std::nullopt;
    }
    return bytes.str();
}

}  // namespace planpack::render::xlsx
