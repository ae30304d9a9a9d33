#include "data/working_days.hpp"

#include <chrono>

namespace planpack::data {

namespace {

std::chrono::sys_days days(const model::Date& d) {
    return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                       std::chrono::day{static_cast<unsigned>(d.day)}};
}

model::Date date(std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::set<model::Date> BankHolidays::dates() const {
    std::set<model::Date> out;
    for (const auto& h : days) out.insert(h.date);
    return out;
}

int iso_weekday(const model::Date& d) { return static_cast<int>(std::chrono::weekday{days(d)}.iso_encoding()); }

bool working_day(const model::Date& d, const std::set<model::Date>& holidays) {
    return iso_weekday(d) <= 5 && !holidays.count(d);
}

int clear_working_days(const model::Date& from, const model::Date& to, const std::set<model::Date>& holidays) {
    int n = 0;
    for (auto d = days(from) + std::chrono::days{1}; d < days(to); d += std::chrono::days{1})
        if (working_day(date(d), holidays)) ++n;
    return n;
}

model::Date latest_issue(const model::Date& to, int clear, const std::set<model::Date>& holidays) {
    auto d = days(to);
    for (int n = 0; n < clear;) {
        d -= std::chrono::days{1};
        if (working_day(date(d), holidays)) ++n;
    }
    do d -= std::chrono::days{1};
    while (!working_day(date(d), holidays));
    return date(d);
}

}  // namespace planpack::data
