#include "load/csv_table.hpp"

#include <algorithm>
#include <csv.h>
#include <memory>

#include "load/utf8.hpp"

namespace planpack::load {

namespace {

struct CsvParserDeleter {
    void operator()(csv_parser* p) const {
        csv_free(p);
        delete p;
    }
};
using CsvParserPtr = std::unique_ptr<csv_parser, CsvParserDeleter>;

// Maps byte offsets to line and column through the offsets where lines start.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) {
        starts_.push_back(0);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }
    std::pair<int, int> at(size_t offset) const {
        // Fields are asked for in file order: step on from the last answer when that is
        // near, search otherwise.
        if (offset < starts_[hint_] || (hint_ + 8 < starts_.size() && offset >= starts_[hint_ + 8])) {
            auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
            hint_ = static_cast<size_t>(it - starts_.begin()) - 1;
        }
        while (hint_ + 1 < starts_.size() && starts_[hint_ + 1] <= offset) ++hint_;
        return {static_cast<int>(hint_ + 1), static_cast<int>(offset - starts_[hint_] + 1)};
    }

private:
    std::vector<size_t> starts_;
    mutable size_t hint_ = 0;  // the line (0-based) of the last offset asked for
};

// State the libcsv callbacks fill in. libcsv reports a field only when it reads the byte
// that ends it, so the loader feeds those bytes one at a time and knows their offsets.
struct Collector {
    std::string_view text;
    const LineIndex* lines = nullptr;
    size_t offset = 0;       // offset of the byte being fed
    size_t field_start = 0;  // where the next field begins
    std::function<void(CsvRow&&)> done;  // each row as it ends
    CsvRow current;

    void start_position(CsvField& f) {
        size_t s = field_start;
        while (s < text.size() && (text[s] == '\r' || text[s] == '\n')) ++s;  // CRLF, blank lines
        auto [line, col] = lines->at(s);
        f.line = line;
        f.col = col;
    }
};

void on_field(void* s, size_t len, void* data) {
    auto* c = static_cast<Collector*>(data);
    CsvField f;
    f.text.assign(static_cast<const char*>(s), len);
    c->start_position(f);
    if (c->current.fields.empty()) c->current.line = f.line;
    c->current.fields.push_back(std::move(f));
    c->field_start = c->offset + 1;
}

void on_row(int, void* data) {
    auto* c = static_cast<Collector*>(data);
    c->done(std::move(c->current));
    c->current = {};
    c->field_start = c->offset + 1;
}

bool is_special(char ch) { return ch == ',' || ch == '"' || ch == '\n' || ch == '\r'; }

}  // namespace

bool read_csv_rows(std::string_view text, const std::string& file, Diagnostics& diags,
                   const std::function<void(CsvRow&& row, bool is_header)>& sink) {
    size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const LineIndex lines(text);
    // Faults in rows are held back until the whole file has parsed: a malformed file
    // gets the one message that says why, not a trail of follow-on width errors.
    Diagnostics row_diags;
    size_t header_width = 0;
    bool seen_header = false, rows_ok = true;
    Collector c;
    c.text = text;
    c.lines = &lines;
    c.field_start = bom;
    c.done = [&](CsvRow&& row) {
        bool ok = true;
        for (const CsvField& f : row.fields)
            if (!valid_utf8(f.text)) {
                row_diags.error({file, f.line, f.col}, "the field is not valid UTF-8 (save the file as UTF-8)");
                ok = false;
            }
        if (!seen_header) {
            seen_header = true;
            header_width = row.fields.size();
            for (size_t i = 0; i < row.fields.size(); ++i)
                if (row.fields[i].text.empty()) {
                    row_diags.error({file, row.fields[i].line, row.fields[i].col},
                                    "header column " + std::to_string(i + 1) + " has no name");
                    ok = false;
                }
            rows_ok = rows_ok && ok;
            sink(std::move(row), true);
            return;
        }
        if (row.fields.size() != header_width) {
            row_diags.error({file, row.line, 1}, "row has " + std::to_string(row.fields.size()) +
                                                     " fields but the header has " +
                                                     std::to_string(header_width));
            ok = false;
        }
        rows_ok = rows_ok && ok;
        if (ok) sink(std::move(row), false);
    };

    CsvParserPtr parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diags.error({file, 0, 0}, "could not start the CSV parser");
        return false;
    }
    auto fail = [&](size_t at) {
        auto [line, col] = lines.at(at);
        diags.error({file, line, col},
                    std::string("malformed CSV: ") + csv_strerror(csv_error(parser.get())) +
                        " (a quote inside a field must be doubled, and a quoted field closed)");
        return false;
    };
    for (size_t i = bom; i < text.size();) {
        size_t run = i;
        while (run < text.size() && !is_special(text[run])) ++run;
        if (run > i) {  // ordinary bytes: no callback can fire
            c.offset = run;
            if (csv_parse(parser.get(), text.data() + i, run - i, on_field, on_row, &c) != run - i)
                return fail(i);
            i = run;
            continue;
        }
        c.offset = i;
        if (csv_parse(parser.get(), text.data() + i, 1, on_field, on_row, &c) != 1) return fail(i);
        ++i;
    }
    c.offset = text.size();
    if (csv_fini(parser.get(), on_field, on_row, &c) != 0) {
        // Only an unclosed quote fails at the end; point at where that field opened.
        CsvField open;
        c.start_position(open);
        diags.error({file, open.line, open.col},
                    "malformed CSV: the quoted field that starts here is never closed");
        return false;
    }
    if (!seen_header) {
        diags.error({file, 1, 1}, "the CSV file is empty: it needs at least a header row");
        return false;
    }
    diags.append(row_diags);
    return rows_ok;
}

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file,
                                  Diagnostics& diags) {
    CsvTable table;
    table.file = file;
    const bool ok = read_csv_rows(text, file, diags, [&](CsvRow&& row, bool is_header) {
        if (is_header) table.header = std::move(row.fields);
        else table.rows.push_back(std::move(row));
    });
    if (!ok) return std::nullopt;
    return table;
}

}  // namespace planpack::load
