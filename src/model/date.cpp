#include "model/date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace planpack::model {

namespace {

std::chrono::year_month_day ymd(const Date& d) {
    return {std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
            std::chrono::day{static_cast<unsigned>(d.day)}};
}

}  // namespace

std::optional<int> parse_date_field(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

int days_in_month(int year, int month) {
    const std::chrono::year_month_day_last last{std::chrono::year{year},
                                                std::chrono::month_day_last{std::chrono::month{
                                                    static_cast<unsigned>(month)}}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool valid_date(const Date& d) {
    return d.year >= 1900 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 && ymd(d).ok();
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = parse_date_field(s.substr(0, 4)), m = parse_date_field(s.substr(5, 2)), d = parse_date_field(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const Date out{*y, *m, *d};
    if (!valid_date(out)) return std::nullopt;
    return out;
}

std::chrono::sys_days to_days(const Date& d) { return ymd(d); }

Date from_days(std::chrono::sys_days days) {
    const std::chrono::year_month_day ymd{days};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date add_days(const Date& d, int days) { return from_days(to_days(d) + std::chrono::days{days}); }

int iso_weekday(const Date& d) { return static_cast<int>(std::chrono::weekday{to_days(d)}.iso_encoding()); }

DateTime utc(std::int64_t seconds) {
    const std::chrono::sys_seconds t{std::chrono::seconds{seconds}};
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss clock{t - day};
    return {from_days(day), static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
            static_cast<int>(clock.seconds().count())};
}

std::int64_t seconds_since_epoch(const DateTime& t) {
    const auto at = std::chrono::sys_seconds{to_days(t.date)} + std::chrono::hours{t.hour} +
                    std::chrono::minutes{t.minute} + std::chrono::seconds{t.second};
    return at.time_since_epoch().count();
}

std::int64_t seconds_since_epoch(const Date& d) { return seconds_since_epoch(DateTime{d}); }

DateTime dated(const std::optional<std::int64_t>& source_date_epoch, const Date& published) {
    return source_date_epoch ? utc(*source_date_epoch) : DateTime{published};
}

const char* month_name(int month) {
    static constexpr std::array<const char*, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? months[static_cast<size_t>(month - 1)] : "";
}

const char* weekday(const Date& d) {
    static constexpr std::array<const char*, 7> names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday"};
    return names[static_cast<size_t>(iso_weekday(d) - 1)];
}

std::string format_long(const Date& d) {
    if (d.month < 1 || d.month > 12) return format_iso(d);
    return std::to_string(d.day) + ' ' + month_name(d.month) + ' ' + std::to_string(d.year);
}

std::string format_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string format_meeting_date(const Date& d) { return std::string(weekday(d)) + ' ' + format_long(d); }

std::string format_time(const Time& t) {
    const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d.%02d %s", h12, t.minute, t.hour < 12 ? "am" : "pm");
    return buf;
}

}  // namespace planpack::model
