#include "load/toml_reader.hpp"

#include <algorithm>
#include <cctype>

#include "diag/concat.hpp"
#include "load/toml_limits.hpp"

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

// toml++ describes the parser's state ("Error while parsing boolean: expected 'false'");
// the two slips people really make get a sentence about the file instead.
std::optional<Explained> explain(std::string_view line) {
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
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos || line.substr(0, eq).find('"') != std::string_view::npos)
        return std::nullopt;
    size_t v = eq + 1;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    if (v >= line.size() || !std::isalpha(static_cast<unsigned char>(line[v]))) return std::nullopt;
    size_t end = v;
    while (end < line.size() && std::isalpha(static_cast<unsigned char>(line[end]))) ++end;
    const std::string_view word = line.substr(v, end - v);
    if (word == "true" || word == "false" || word == "inf" || word == "nan") return std::nullopt;
    return Explained{v + 1, "text must be written in double quotes"};
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
        if (auto better = explain(nth_line(text, e.source().begin.line))) {
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
    if (!n && required)
        diags_.error(pos(), context_ + " is missing the required key '" + std::string(key) + "'");
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
        diags_.error(origin_.at(key.source()), "unknown key '" + std::string(key.str()) + "' in " +
                                                   context_ + " (expected one of: " + expected +
                                                   ")");
    }
}

}  // namespace planpack::load
