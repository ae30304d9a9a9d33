#pragma once
// Costs and contributions by partner agency, year by year. Totals are computed; a total
// the data states is only ever checked against them.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/csv_table.hpp"

namespace planpack::data {

// The three kinds of contribution, in the order the YJB's template prints them.
inline constexpr std::array<const char*, 3> budget_columns = {
    "Staffing costs", "Payments in kind", "Other delegated funds"};

struct BudgetLine {
    std::string agency;
    std::array<std::int64_t, 3> amounts{};
    std::int64_t total() const { return amounts[0] + amounts[1] + amounts[2]; }
};

struct BudgetYear {
    std::string year;  // "2022/23"
    std::vector<BudgetLine> lines;
    std::array<std::int64_t, 3> column_totals() const;
    std::int64_t total() const;
    const BudgetLine* find(const std::string& agency) const;
};

struct Budget {
    std::vector<BudgetYear> years;  // in the order they first appear
    const BudgetYear* find(const std::string& year) const;
    const BudgetYear* before(const std::string& year) const;  // the year listed before it
};

// Whole pounds as councils type them: 58336, 58,336, £58,336, "-" or "" for none.
// The string is the error: "885.262" gets a hint about thousands separators.
std::variant<std::int64_t, std::string> parse_pounds(std::string_view s);

// Reads a CSV with columns Year, Agency, the three contribution columns (any may be
// missing) and an optional Total. A Total cell, or a row whose agency is "Total", states
// a figure that must equal the computed one; a mismatch is an error naming both.
std::optional<Budget> parse_budget(const load::CsvTable& csv, Diagnostics& diags);

}  // namespace planpack::data
