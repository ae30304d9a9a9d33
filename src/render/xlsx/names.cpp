#include "render/xlsx/names.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "diag/concat.hpp"

namespace planpack::render::xlsx {

namespace {

size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// At most max characters, cut on a character boundary, without a trailing space or '.
std::string fit_name(std::string s, size_t max) {
    while (utf8_length(s) > max) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
    return s;
}

bool same_ignoring_case(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool name_taken(const std::vector<std::string>& used, const std::string& s) {
    return std::any_of(used.begin(), used.end(), [&](const std::string& u) { return same_ignoring_case(u, s); });
}

// "Q3", "XFD1048576", "R", "C", "R1C1", "RC": names Excel would read as an address.
bool reads_as_address(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    const bool digits_after = i < s.size() && std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) {
                                  return std::isdigit(static_cast<unsigned char>(c));
                              });
    if (i >= 1 && i <= 3 && digits_after) return true;
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty() || (lower[0] != 'r' && lower[0] != 'c')) return false;
    // R1C1 style: r[digits]c[digits], r[digits] or c[digits].
    size_t j = 1;
    while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j]))) ++j;
    if (j == lower.size()) return true;
    if (lower[0] != 'r' || lower[j] != 'c') return false;
    for (++j; j < lower.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(lower[j]))) return false;
    return true;
}

std::string column_letters(std::uint32_t column) {
    std::string out;
    for (std::uint32_t n = column + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string sheet_prefix(const std::string& sheet) {
    std::string out = "'";
    for (char c : sheet) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'!";
}

// Excel's structured reference quoting: ' [ ] # are escaped with a leading '.
std::string structured_ref(const std::string& table, const std::string& column) {
    std::string out = table + "[";
    for (char c : column) {
        if (c == '\'' || c == '[' || c == ']' || c == '#') out += '\'';
        out += c;
    }
    return out + "]";
}

std::string excel_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string sheet_name(const std::string& wanted, const std::vector<std::string>& used) {
    std::string name;
    for (char c : wanted) {
        if (c == '/' || c == '\\') name += '-';
        else if (std::string_view("[]:*?").find(c) == std::string_view::npos) name += c;
    }
    while (!name.empty() && name.front() == '\'') name.erase(0, 1);
    if (name.empty()) name = "Sheet";
    std::string out = fit_name(name, 31);
    for (int k = 2; name_taken(used, out); ++k) {
        const std::string suffix = " " + std::to_string(k);
        out = fit_name(name, 31 - suffix.size()) + suffix;
    }
    return out;
}

std::string table_name(const std::string& sheet, const std::vector<std::string>& used) {
    std::string base;
    for (unsigned char c : sheet) {
        if (std::isalnum(c) && c < 0x80) base += static_cast<char>(c);
        else if (!base.empty() && base.back() != '_') base += '_';
    }
    while (!base.empty() && base.back() == '_') base.pop_back();
    if (base.empty()) base = "Table";
    if (std::isdigit(static_cast<unsigned char>(base[0])) || reads_as_address(base)) base = "T_" + base;
    std::string out = base;
    for (int k = 2; name_taken(used, out); ++k) out = concat(base, "_", std::to_string(k));
    return out;
}

std::string cell_address(std::uint32_t row, std::uint32_t column) {
    return column_letters(column) + std::to_string(row + 1);
}

std::string range_address(std::uint32_t row, std::uint32_t column, std::uint32_t last_row,
                          std::uint32_t last_column) {
    if (row == last_row && column == last_column) return cell_address(row, column);
    return cell_address(row, column) + ":" + cell_address(last_row, last_column);
}

std::optional<std::string> formula_text(const model::Formula& f, const std::string& sheet,
                                        const Placements& placed) {
    std::vector<std::string> addresses;
    for (const model::CellRange& r : f.ranges) {
        auto it = placed.find(r.table);
        if (it == placed.end()) return std::nullopt;
        const PlacedTable& p = it->second;
        const std::uint32_t base = r.part == model::CellRange::Part::body ? p.first_body : p.first_foot;
        const auto at = [&](size_t n) { return static_cast<std::uint32_t>(n); };
        std::string a = range_address(base + at(r.row), at(r.column), base + at(r.last_row), at(r.last_column));
        addresses.push_back(p.sheet == sheet ? a : sheet_prefix(p.sheet) + a);
    }
    std::string out = "=";
    for (size_t i = 0; i < f.excel.size(); ++i) {
        const size_t close = f.excel[i] == '{' ? f.excel.find('}', i) : std::string::npos;
        const std::string inside = close == std::string::npos ? "" : f.excel.substr(i + 1, close - i - 1);
        const bool placeholder = !inside.empty() && inside.size() < 4 &&
                                 std::all_of(inside.begin(), inside.end(),
                                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (!placeholder) {
            out += f.excel[i];
            continue;
        }
        const size_t n = std::stoul(inside);
        if (n >= addresses.size()) return std::nullopt;
        out += addresses[n];
        i = close;
    }
    return out;
}

std::optional<std::string> countifs_text(const model::CountIf& f, const Placements& placed) {
    auto it = placed.find(f.table);
    if (it == placed.end() || it->second.name.empty()) return std::nullopt;
    const std::string& table = it->second.name;
    if (f.where.empty()) return "=ROWS(" + structured_ref(table, it->second.first_column) + ")";
    std::string out = "=COUNTIFS(";
    for (size_t i = 0; i < f.where.size(); ++i)
        out += concat(i ? "," : "", structured_ref(table, f.where[i].first), ",", excel_string(f.where[i].second));
    return out + ")";
}

}  // namespace planpack::render::xlsx
