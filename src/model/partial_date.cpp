#include "model/partial_date.hpp"

#include <charconv>

#include "model/dates.hpp"

namespace planpack::model {

namespace {

std::optional<int> number(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

bool valid_date(const Date& d) { return d.year >= 1900 && d.year <= 2200 && real_date(d); }

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = number(s.substr(0, 4)), m = number(s.substr(5, 2)), d = number(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    Date out{*y, *m, *d};
    if (!valid_date(out)) return std::nullopt;
    return out;
}

PartialDate from_date(const Date& d) { return {PartialDate::Kind::day, d, d}; }

std::optional<PartialDate> parse_partial_date(std::string_view s) {
    if (s == "ongoing") return PartialDate{PartialDate::Kind::ongoing, {}, {}};
    if (s == "tbc") return PartialDate{PartialDate::Kind::tbc, {}, {}};
    if (auto d = parse_iso_date(s)) return from_date(*d);
    if (s.size() == 7 && s[4] == '-') {
        auto y = number(s.substr(0, 4));
        if (!y || *y < 1900 || *y > 2200) return std::nullopt;
        if (s[5] == 'Q') {
            auto q = number(s.substr(6, 1));
            if (!q || *q < 1 || *q > 4) return std::nullopt;
            const int first_month = (*q - 1) * 3 + 1;
            return PartialDate{PartialDate::Kind::quarter, {*y, first_month, 1},
                               {*y, first_month + 2, days_in_month(*y, first_month + 2)}};
        }
        auto m = number(s.substr(5, 2));
        if (!m || *m < 1 || *m > 12) return std::nullopt;
        return PartialDate{PartialDate::Kind::month, {*y, *m, 1}, {*y, *m, days_in_month(*y, *m)}};
    }
    return std::nullopt;
}

std::string format_partial(const PartialDate& d) {
    switch (d.kind) {
        case PartialDate::Kind::day: return format_long(d.first);
        case PartialDate::Kind::month:
            return std::string(month_name(d.first.month)) + ' ' + std::to_string(d.first.year);
        case PartialDate::Kind::quarter:
            return std::string(month_name(d.first.month)) + " to " + month_name(d.last.month) +
                   ' ' + std::to_string(d.first.year);
        case PartialDate::Kind::ongoing: return "Ongoing";
        case PartialDate::Kind::tbc: break;
    }
    return "To be confirmed";
}

}  // namespace planpack::model
