#include "data/budget.hpp"

#include <algorithm>
#include <cctype>

#include "model/checked.hpp"
#include "model/find_by.hpp"
#include "model/number_format.hpp"

namespace planpack::data {

std::array<std::int64_t, 3> BudgetYear::column_totals() const {
    std::array<std::int64_t, 3> out{};
    for (const auto& l : lines)
        for (size_t i = 0; i < 3; ++i) out[i] += l.amounts[i];
    return out;
}

std::int64_t BudgetYear::total() const {
    const auto c = column_totals();
    return c[0] + c[1] + c[2];
}

const BudgetLine* BudgetYear::find(const std::string& agency) const {
    return model::find_by(lines, &BudgetLine::agency, agency);
}

const BudgetYear* Budget::find(const std::string& year) const { return model::find_by(years, &BudgetYear::year, year); }

const BudgetYear* Budget::before(const std::string& year) const {
    for (size_t i = 1; i < years.size(); ++i)
        if (years[i].year == year) return &years[i - 1];
    return nullptr;
}

std::variant<std::int64_t, std::string> parse_pounds(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty() || s == "-" || s == "\u2013") return std::int64_t{0};
    bool negative = false;
    if (s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.substr(0, 2) == "\u00A3") s.remove_prefix(2);
    // Commas may only separate groups of three digits: 1,081,612.
    std::string digits;
    bool grouped = true;
    size_t part = 0;
    for (size_t start = 0; start <= s.size(); ++part) {
        size_t comma = s.find(',', start);
        if (comma == std::string_view::npos) comma = s.size();
        const size_t len = comma - start;
        if (comma != s.size() || part > 0) grouped = grouped && (part == 0 ? len >= 1 && len <= 3 : len == 3);
        digits += s.substr(start, len);
        start = comma + 1;
    }
    if (!grouped) return "'" + std::string(s) + "' is not a whole number of pounds";
    if (auto v = model::parse_integer(digits); v && *v >= 0) return negative ? -*v : *v;
    const size_t dot = s.find('.');
    if (dot != std::string_view::npos && s.size() - dot == 4)
        return "'" + std::string(s) +
               "' is not a whole number of pounds: is the '.' a mistyped thousands comma?";
    return "'" + std::string(s) + "' is not a whole number of pounds";
}

namespace {

std::string money_list(std::int64_t a, std::int64_t b) {
    return model::format_money(a) + " and " + model::format_money(b);
}

// Every sum and change the budget table prints, worked out with checked arithmetic once
// here, so the unchecked ones in BudgetLine, BudgetYear and the directive cannot overflow.
bool totals_fit(const Budget& budget, const load::CsvTable& csv, Diagnostics& diags) {
    const SourcePos where{csv.file, 0, 0};
    auto fail = [&](const std::string& what, std::int64_t a, std::int64_t b) {
        diags.error(where, what + " is too large to work out (" + money_list(a, b) +
                               " exceed what planpack can add, about £9.2 quintillion); check the figures "
                               "for a typing error");
        return false;
    };
    const BudgetYear* prev = nullptr;
    for (const auto& y : budget.years) {
        std::array<std::int64_t, 3> sums{};
        std::int64_t grand = 0;
        for (const auto& l : y.lines) {
            std::int64_t line = 0;
            for (size_t i = 0; i < 3; ++i) {
                if (!model::add_into(line, l.amounts[i])) return fail(l.agency + "'s " + y.year + " total", line, l.amounts[i]);
                if (!model::add_into(sums[i], l.amounts[i]))
                    return fail("the " + y.year + " total of " + budget_columns[i], sums[i], l.amounts[i]);
            }
            if (!model::add_into(grand, line)) return fail("the " + y.year + " grand total", grand, line);
            if (const BudgetLine* before = prev ? prev->find(l.agency) : nullptr)
                if (!model::checked_sub(line, before->total()))
                    return fail(l.agency + "'s change on " + prev->year, line, before->total());
        }
        if (prev && !model::checked_sub(grand, prev->total()))
            return fail("the change on " + prev->year, grand, prev->total());
        prev = &y;
    }
    return true;
}

}  // namespace

std::optional<Budget> parse_budget(const load::CsvTable& csv, Diagnostics& diags) {
    const size_t before = diags.all().size();
    auto column = [&](std::string_view name) -> std::optional<size_t> {
        for (size_t i = 0; i < csv.header.size(); ++i) {
            std::string h = csv.header[i].text;
            std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
            std::string n(name);
            std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
            if (h == n) return i;
        }
        return std::nullopt;
    };
    const auto year_col = column("Year"), agency_col = column("Agency"), total_col = column("Total");
    std::array<std::optional<size_t>, 3> amount_cols;
    for (size_t i = 0; i < 3; ++i) amount_cols[i] = column(budget_columns[i]);
    if (!year_col || !agency_col) {
        diags.error(csv.at(csv.header.front()), "a budget needs the columns Year and Agency");
        return std::nullopt;
    }
    for (size_t i = 0; i < csv.header.size(); ++i) {
        const bool known = i == *year_col || i == *agency_col || (total_col && i == *total_col) ||
                           std::any_of(amount_cols.begin(), amount_cols.end(),
                                       [&](const auto& c) { return c && *c == i; });
        if (!known)
            diags.error(csv.at(csv.header[i]), "unknown budget column '" + csv.header[i].text +
                                                   "' (expected: Year, Agency, Staffing costs, "
                                                   "Payments in kind, Other delegated funds, Total)");
    }

    Budget budget;
    auto pounds = [&](const load::CsvField& f) -> std::optional<std::int64_t> {
        auto v = parse_pounds(f.text);
        if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
        diags.error(csv.at(f), std::get<std::string>(v));
        return std::nullopt;
    };
    struct Stated {
        const load::CsvRow* row;
        std::string year;
    };
    std::vector<Stated> stated_totals;
    for (const auto& row : csv.rows) {
        const std::string& year = row.fields[*year_col].text;
        auto it = std::find_if(budget.years.begin(), budget.years.end(),
                               [&](const auto& y) { return y.year == year; });
        if (it == budget.years.end()) it = budget.years.insert(budget.years.end(), BudgetYear{year, {}});
        const std::string& agency = row.fields[*agency_col].text;
        if (agency == "Total") {
            stated_totals.push_back({&row, year});
            continue;
        }
        if (it->find(agency))
            diags.error(csv.at(row.fields[*agency_col]), "agency '" + agency + "' has a second row for " + year);
        BudgetLine line{agency, {}};
        for (size_t i = 0; i < 3; ++i)
            if (amount_cols[i]) line.amounts[i] = pounds(row.fields[*amount_cols[i]]).value_or(0);
        const bool fits = model::checked_add(line.amounts[0], line.amounts[1]) &&
                          model::checked_add(line.amounts[0] + line.amounts[1], line.amounts[2]);
        if (fits && total_col && !row.fields[*total_col].text.empty())  // else totals_fit says why
            if (auto stated = pounds(row.fields[*total_col]); stated && *stated != line.total())
                diags.error(csv.at(row.fields[*total_col]),
                            agency + "'s total is stated as " + model::format_money(*stated) +
                                " but its figures add up to " + model::format_money(line.total()));
        it->lines.push_back(std::move(line));
    }
    if (!totals_fit(budget, csv, diags)) return std::nullopt;
    // Stated totals are checked once every line of their year is in.
    for (const auto& s : stated_totals) {
        const BudgetYear* y = budget.find(s.year);
        const auto sums = y->column_totals();
        for (size_t i = 0; i < 3; ++i) {
            if (!amount_cols[i]) continue;
            const auto& f = s.row->fields[*amount_cols[i]];
            if (f.text.empty()) continue;
            if (auto stated = pounds(f); stated && *stated != sums[i])
                diags.error(csv.at(f), "the " + s.year + " total of " + budget_columns[i] +
                                           " is stated as " + model::format_money(*stated) +
                                           " but the agencies add up to " + model::format_money(sums[i]));
        }
        if (total_col && !s.row->fields[*total_col].text.empty())
            if (auto stated = pounds(s.row->fields[*total_col]); stated && *stated != y->total())
                diags.error(csv.at(s.row->fields[*total_col]),
                            "the " + s.year + " grand total is stated as " + model::format_money(*stated) +
                                " but the agencies add up to " + model::format_money(y->total()));
    }
    for (size_t i = before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return budget;
}

}  // namespace planpack::data
