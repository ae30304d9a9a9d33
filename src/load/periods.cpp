#include "load/periods.hpp"

#include <array>
#include <tuple>

#include "diag/concat.hpp"
#include "model/number_format.hpp"

namespace planpack::load {

namespace {

constexpr std::array<std::string_view, 5> type_names = {
    "calendar_year", "financial_year", "cohort_year", "year_ending", "quarter"};
constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool is_month_end(const model::Date& d) { return d.day == model::days_in_month(d.year, d.month); }

std::string two_digits(int v) {
    v %= 100;
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

std::string short_month(int m) { return std::string(month_names[static_cast<size_t>(m - 1)], 3); }

}  // namespace

std::optional<PeriodType> parse_period_type(std::string_view s) {
    for (size_t i = 0; i < type_names.size(); ++i)
        if (type_names[i] == s) return static_cast<PeriodType>(i);
    return std::nullopt;
}

std::string_view period_type_name(PeriodType t) { return type_names[static_cast<size_t>(t)]; }

std::string period_type_list() {
    std::string out;
    for (auto n : type_names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

PeriodLabel expected_label(PeriodType t, const model::Date& s, const model::Date& e) {
    const std::string span = concat(", not ", model::format_iso(s), " to ", model::format_iso(e));
    switch (t) {
        case PeriodType::calendar_year:
            if (s.month == 1 && s.day == 1 && e.month == 12 && e.day == 31 && s.year == e.year)
                return {std::to_string(s.year), ""};
            return {"", "a calendar_year runs from 1 January to 31 December of one year" + span};
        case PeriodType::financial_year:
        case PeriodType::cohort_year:
            if (s.month == 4 && s.day == 1 && e.month == 3 && e.day == 31 && e.year == s.year + 1)
                return {std::to_string(s.year) + "/" + two_digits(e.year), ""};
            return {"", concat("a ", period_type_name(t),
                               " runs from 1 April to 31 March of the next year", span)};
        case PeriodType::year_ending: {
            const int start_month = e.month % 12 + 1;
            const int start_year = e.month == 12 ? e.year : e.year - 1;
            if (is_month_end(e) && s.day == 1 && s.month == start_month && s.year == start_year)
                return {concat("year ending ", month_names[static_cast<size_t>(e.month - 1)], " ",
                               std::to_string(e.year)),
                        ""};
            return {"", "a year_ending period runs for twelve whole months, ending on the last "
                        "day of a month" + span};
        }
        case PeriodType::quarter: {
            const bool starts = s.day == 1 && (s.month - 1) % 3 == 0;
            if (starts && e.year == s.year && e.month == s.month + 2 && is_month_end(e))
                return {concat(short_month(s.month), "-", short_month(e.month), " ",
                               std::to_string(s.year)),
                        ""};
            return {"", "a quarter runs for three whole months from 1 January, 1 April, 1 July "
                        "or 1 October" + span};
        }
    }
    return {"", "unknown period type"};
}

std::optional<std::string> parse_as_at(std::string_view s) {
    if (auto d = model::parse_iso_date(s)) return model::format_long(*d);
    if (s.size() == 7 && s[4] == '-') {
        auto d = model::parse_iso_date(std::string(s) + "-01");
        if (d) return concat(month_names[static_cast<size_t>(d->month - 1)], " ",
                             std::to_string(d->year));
    }
    return std::nullopt;
}

}  // namespace planpack::load
