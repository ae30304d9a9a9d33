#pragma once
// Strict, position-aware reading of TOML tables: every key a caller does not ask for
// is reported as unknown, every wrong type names file:line:col.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::load {

// Where a TOML text came from: a whole file, or a slice of a Markdown file
// (front matter, directive body) starting at line_offset + 1.
struct TomlOrigin {
    std::string file;
    int line_offset = 0;

    SourcePos at(const toml::source_region& r) const;
    SourcePos at(const toml::node& n) const { return at(n.source()); }
};

// Parses text; on a syntax error reports it and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, const TomlOrigin& origin,
                                      Diagnostics& diags);

class TableReader {
public:
    TableReader(const toml::table& table, TomlOrigin origin, Diagnostics& diags,
                std::string context);

    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<std::int64_t> integer(std::string_view key, bool required);
    // An integer or a float, read as a double (lengths and sizes in style files).
    std::optional<double> number(std::string_view key, bool required);
    std::optional<bool> boolean(std::string_view key, bool required);
    std::optional<model::Date> date(std::string_view key, bool required);
    const toml::table* table(std::string_view key, bool required);
    const toml::array* array(std::string_view key, bool required);
    std::optional<model::Time> time(std::string_view key, bool required);
    // An array of strings, each with where it was written (ids that later checks resolve).
    std::vector<std::pair<std::string, SourcePos>> strings(std::string_view key, bool required);
    // A key the caller accepts without reading it here.
    void allow(std::string_view key);
    // The raw node, for keys that accept more than one type; does not mark it known.
    const toml::node* peek(std::string_view key) const { return table_.get(key); }

    // Calls f with each table of an array of tables ([[key]]), reporting any element that
    // is not a table.
    template <typename F>
    void each_table(std::string_view key, bool required, F&& f) {
        const toml::array* arr = array(key, required);
        if (!arr) return;
        for (const toml::node& n : *arr) {
            if (const toml::table* t = n.as_table()) f(*t);
            else diags_.error(origin_.at(n), "each [[" + std::string(key) + "]] must be a table");
        }
    }

    // Reports every key that no call above asked for. Call once, last.
    void finish();

    SourcePos pos_of(std::string_view key) const;
    SourcePos pos() const { return origin_.at(table_); }
    const TomlOrigin& origin() const { return origin_; }
    Diagnostics& diags() { return diags_; }

private:
    const toml::node* get(std::string_view key, bool required);
    void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);

    const toml::table& table_;
    TomlOrigin origin_;
    Diagnostics& diags_;
    std::string context_;
    std::vector<std::string> known_;
    // Required keys found missing, with the index of that error: a misspelt key is then
    // reported once, as the misspelling, not also as the key it should have been.
    std::vector<std::pair<std::string, size_t>> missing_;
};

std::string_view type_name(const toml::node& n);

}  // namespace planpack::load
