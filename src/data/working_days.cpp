#include "data/working_days.hpp"

#include <chrono>

namespace planpack::data {

std::set<model::Date> BankHolidays::dates() const {
    std::set<model::Date> out;
    for (const auto& h : days) out.insert(h.date);
    return out;
}

bool working_day(const model::Date& d, const std::set<model::Date>& holidays) {
    return model::iso_weekday(d) <= 5 && !holidays.count(d);
}

int clear_working_days(const model::Date& from, const model::Date& to, const std::set<model::Date>& holidays) {
    int n = 0;
    for (auto d = model::to_days(from) + std::chrono::days{1}; d < model::to_days(to); d += std::chrono::days{1})
        if (working_day(model::from_days(d), holidays)) ++n;
    return n;
}

model::Date latest_issue(const model::Date& to, int clear, const std::set<model::Date>& holidays) {
    auto d = model::to_days(to);
    for (int n = 0; n < clear;) {
        d -= std::chrono::days{1};
        if (working_day(model::from_days(d), holidays)) ++n;
    }
    do d -= std::chrono::days{1};
    while (!working_day(model::from_days(d), holidays));
    return model::from_days(d);
}

}  // namespace planpack::data
