#include "model/dates.hpp"

#include <array>
#include <chrono>

namespace planpack::model {

namespace ch = std::chrono;

namespace {

ch::year_month_day ymd(const Date& d) {
    return ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} / ch::day{static_cast<unsigned>(d.day)};
}

}  // namespace

int days_in_month(int year, int month) {
    const ch::year_month_day_last last{ch::year{year}, ch::month_day_last{ch::month{static_cast<unsigned>(month)}}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_month_end(const Date& d) { return d.day == days_in_month(d.year, d.month); }

bool real_date(const Date& d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && ymd(d).ok(); }

const char* weekday_name(const Date& d) {
    static constexpr std::array<const char*, 7> names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                         "Thursday", "Friday", "Saturday"};
    return names[ch::weekday{ch::sys_days{ymd(d)}}.c_encoding()];
}

DateTime utc(std::int64_t epoch_seconds) {
    const ch::sys_seconds t{ch::seconds{epoch_seconds}};
    const ch::sys_days day = ch::floor<ch::days>(t);
    const ch::year_month_day date{day};
    const ch::hh_mm_ss time{t - day};
    return {{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
             static_cast<int>(static_cast<unsigned>(date.day()))},
            static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
            static_cast<int>(time.seconds().count())};
}

}  // namespace planpack::model
