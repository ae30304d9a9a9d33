#include "model/partial_date.hpp"

namespace planpack::model {

PartialDate from_date(const Date& d) { return {PartialDate::Kind::day, d, d}; }

std::optional<PartialDate> parse_partial_date(std::string_view s) {
    if (s == "ongoing") return PartialDate{PartialDate::Kind::ongoing, {}, {}};
    if (s == "tbc") return PartialDate{PartialDate::Kind::tbc, {}, {}};
    if (auto d = parse_iso_date(s)) return from_date(*d);
    if (s.size() == 7 && s[4] == '-') {
        auto y = parse_date_field(s.substr(0, 4));
        if (!y || *y < 1900 || *y > 2200) return std::nullopt;
        if (s[5] == 'Q') {
            auto q = parse_date_field(s.substr(6, 1));
            if (!q || *q < 1 || *q > 4) return std::nullopt;
            const int first_month = (*q - 1) * 3 + 1;
            return PartialDate{PartialDate::Kind::quarter, {*y, first_month, 1},
                               {*y, first_month + 2, days_in_month(*y, first_month + 2)}};
        }
        auto m = parse_date_field(s.substr(5, 2));
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
