#include "load/toml_reader.hpp"

#include <algorithm>
#include <cctype>

#include "diag/concat.hpp"
#include "load/toml_limits.hpp"
#include "diag/suggest.hpp"

namespace planpack::load {

SourcePos TomlOrigin::at(const toml::source_region& r) const {
    if (r.begin.line == 0) return {file, line_offset > 0 ? line_offset : 0, 0};
    return {file, static_cast<int>(r.begin.line) + line_offset, static_cast<int>(r.begin.column)};
}

namespace {

std::string_view nth_line(std::string_view text, size_t line) {
    size_t start = 0;
    for (size_t i = 1; i < line && start != std::string_view::npos; ++i) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > text.size()) return {};
    const size_t end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

struct Explained {
    size_t col;  // 1-based
    std::string message;
};

// A date as people write it in Britain (31/07/2023, 31.7.23): day, month, year.
std::optional<model::Date> uk_date(std::string_view v) {
    int parts[3] = {0, 0, 0};
    size_t digits[3] = {0, 0, 0};
    size_t k = 0;
    char separator = 0;
    for (char c : v) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            parts[k] = parts[k] * 10 + (c - '0');
            if (++digits[k] > 4) return std::nullopt;
        } else if ((c == '/' || c == '.' || c == '-') && k < 2 && digits[k] > 0 && (!separator || c == separator)) {
            separator = c;
            ++k;
        } else break;
    }
    if (k != 2 || digits[0] > 2 || digits[1] > 2 || (digits[2] != 4 && digits[2] != 2)) return std::nullopt;
    const int year = digits[2] == 2 ? 2000 + parts[2] : parts[2];
    if (parts[1] < 1 || parts[1] > 12 || parts[0] < 1 || parts[0] > 31) return std::nullopt;
    return model::Date{year, parts[1], parts[0]};
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The line on which key was first given a value, before line `before` (1-based).
size_t first_setting(std::string_view text, std::string_view key, size_t before) {
    for (size_t n = 1; n < before; ++n) {
        std::string_view l = nth_line(text, n);
        while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
        if (l.substr(0, key.size()) != key) continue;
        l.remove_prefix(key.size());
        while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
        if (!l.empty() && l.front() == '=') return n;
    }
    return 0;
}

// The name in toml++'s "cannot redefine existing string 'title'".
std::string quoted_name(std::string_view description) {
    const size_t close = description.rfind('\'');
    if (close == std::string_view::npos || close == 0) return "";
    const size_t open = description.rfind('\'', close - 1);
    if (open == std::string_view::npos) return "";
    return std::string(description.substr(open + 1, close - open - 1));
}

// toml++ describes the parser's state ("Error while parsing boolean: expected 'false'");
// the slips people really make get a sentence about the file, saying how to put it right.
// line_offset: where text starts in its file, so line numbers in messages are the file's.
std::optional<Explained> explain(std::string_view text, size_t line_no, std::string_view description, int line_offset) {
    const std::string_view line = nth_line(text, line_no);
    if (description.find("cannot redefine existing table") != std::string_view::npos)
        return Explained{1, "the table [" + quoted_name(description) +
                                "] is written twice; put all its keys under the first one and delete the second heading"};
    if (description.find("cannot redefine existing") != std::string_view::npos) {
        const std::string key = quoted_name(description);
        const size_t first = first_setting(text, key, line_no);
        size_t col = line.find_first_not_of(" \t");
        return Explained{col == std::string_view::npos ? 1 : col + 1,
                         "'" + key + "' is given a value twice" +
                             (first ? " (first on line " + std::to_string(static_cast<int>(first) + line_offset) + ")" : "") +
                             "; keep one and delete the other"};
    }
    const size_t eq = line.find('=');
    size_t v = eq == std::string_view::npos ? 0 : eq + 1;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : line.substr(v);
    // Word processors turn "..." into curly quotes, which TOML does not know as quotes.
    for (const char* curly : {"\u201C", "\u201D", "\u2018", "\u2019", "\u201E"}) {
        const size_t at = line.find(curly);
        if (at == std::string_view::npos || (eq != std::string_view::npos && at < eq)) continue;
        std::string fixed(line);
        for (const char* c : {"\u201C", "\u201D", "\u2018", "\u2019", "\u201E"})
            for (size_t p = fixed.find(c); p != std::string::npos; p = fixed.find(c)) fixed.replace(p, 3, "\"");
        return Explained{at + 1, "curly quotes (\u201C \u201D or \u2018 \u2019), as a word processor types them, "
                                 "are not quotes in TOML: retype them as straight double quotes: " + fixed};
    }
    if (auto d = uk_date(value)) {
        const std::string iso = std::to_string(d->year) + "-" + two(d->month) + "-" + two(d->day);
        size_t end = value.find_first_of(" \t#");
        return Explained{v + 1, "'" + std::string(value.substr(0, end)) + "' is not a date planpack can read: write dates "
                                "year-month-day, without quotes: " + std::string(line.substr(0, v)) + iso};
    }
    // A string whose closing quote is missing.
    std::optional<size_t> open;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && !open) break;
        if (line[i] == '\\' && open) ++i;
        else if (line[i] == '"') open = open ? std::nullopt : std::optional<size_t>(i);
    }
    if (open && line.substr(*open, 3) != "\"\"\"")
        return Explained{*open + 1, "the string that starts here is never closed (the closing '\"' is missing)"};
    // Text without quotes: key = Some words
    if (eq == std::string_view::npos || line.substr(0, eq).find('"') != std::string_view::npos)
        return std::nullopt;
    if (v >= line.size() || !std::isalpha(static_cast<unsigned char>(line[v]))) return std::nullopt;
    size_t end = v;
    while (end < line.size() && std::isalpha(static_cast<unsigned char>(line[end]))) ++end;
    const std::string_view word = line.substr(v, end - v);
    if (word == "true" || word == "false" || word == "inf" || word == "nan") return std::nullopt;
    std::string_view shown = line.substr(v);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t')) shown.remove_suffix(1);
    return Explained{v + 1, "text must be written in double quotes: " + std::string(line.substr(0, v)) + "\"" +
                                std::string(shown) + "\""};
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const TomlOrigin& origin,
                                      Diagnostics& diags) {
    if (!within_toml_limits(text, origin, diags)) return std::nullopt;
    try {
        return toml::parse(text, origin.file);
    } catch (const toml::parse_error& e) {
        SourcePos pos = origin.at(e.source());
        std::string message = std::string(e.description());
        if (auto better = explain(text, e.source().begin.line, e.description(), origin.line_offset)) {
            pos.col = static_cast<int>(better->col);
            message = better->message;
        }
        diags.error(pos, "invalid TOML: " + message);
        return std::nullopt;
    }
}

std::string_view type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

TableReader::TableReader(const toml::table& table, TomlOrigin origin, Diagnostics& diags,
                         std::string context)
    : table_(table), origin_(std::move(origin)), diags_(diags), context_(std::move(context)) {}

void TableReader::allow(std::string_view key) { known_.emplace_back(key); }

const toml::node* TableReader::get(std::string_view key, bool required) {
    known_.emplace_back(key);
    const toml::node* n = table_.get(key);
    if (!n && required) {
        missing_.emplace_back(key, diags_.all().size());
        diags_.error(pos(), context_ + " is missing the required key '" + std::string(key) + "'");
    }
    return n;
}

void TableReader::wrong_type(std::string_view key, const toml::node& n,
                             std::string_view expected) {
    diags_.error(origin_.at(n), concat("'", key, "' must be ", expected, ", not ", type_name(n)));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
    wrong_type(key, *n, "a string");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_integer()) return n->as_integer()->get();
    wrong_type(key, *n, "an integer");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_integer()) return static_cast<double>(n->as_integer()->get());
    if (n->is_floating_point()) return n->as_floating_point()->get();
    wrong_type(key, *n, "a number");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_boolean()) return n->as_boolean()->get();
    wrong_type(key, *n, "true or false");
    return std::nullopt;
}

std::optional<model::Date> TableReader::date(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_date()) {
        const toml::date d = n->as_date()->get();
        return model::Date{d.year, d.month, d.day};
    }
    wrong_type(key, *n, "a date such as 2023-06-26 (no quotes)");
    return std::nullopt;
}

const toml::table* TableReader::table(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return nullptr;
    if (n->is_table()) return n->as_table();
    wrong_type(key, *n, "a table");
    return nullptr;
}

const toml::array* TableReader::array(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return nullptr;
    if (n->is_array()) return n->as_array();
    wrong_type(key, *n, "an array");
    return nullptr;
}

std::optional<model::Time> TableReader::time(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_time()) {
        const toml::time t = n->as_time()->get();
        return model::Time{t.hour, t.minute};
    }
    wrong_type(key, *n, "a time of day such as 18:00:00 (no quotes)");
    return std::nullopt;
}

std::vector<std::pair<std::string, SourcePos>> TableReader::strings(std::string_view key, bool required) {
    std::vector<std::pair<std::string, SourcePos>> out;
    const toml::node* n = get(key, required);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        wrong_type(key, *n, "an array of strings");
        return out;
    }
    for (const toml::node& e : *arr) {
        if (e.is_string()) out.emplace_back(e.as_string()->get(), origin_.at(e));
        else diags_.error(origin_.at(e), concat("'", key, "' must list strings, not ", type_name(e)));
    }
    return out;
}

SourcePos TableReader::pos_of(std::string_view key) const {
    if (const toml::node* n = table_.get(key)) return origin_.at(*n);
    return pos();
}

void TableReader::finish() {
    for (const auto& [key, value] : table_) {
        if (std::find(known_.begin(), known_.end(), key.str()) != known_.end()) continue;
        std::string expected;
        for (const auto& k : known_) expected += (expected.empty() ? "" : ", ") + k;
        const std::string near = nearest(key.str(), known_);
        const std::string message = "unknown key '" + std::string(key.str()) + "' in " + context_ +
                                    (near.empty() ? " (expected one of: " + expected + ")"
                                                  : " (did you mean '" + near + "'?)");
        auto missing = std::find_if(missing_.begin(), missing_.end(), [&](const auto& m) { return m.first == near; });
        if (missing != missing_.end())
            diags_.replace(missing->second, {Severity::error, origin_.at(key.source()), message});
        else diags_.error(origin_.at(key.source()), message);
    }
}

}  // namespace planpack::load
