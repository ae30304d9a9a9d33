#pragma once
// Calendar dates, through <chrono>, in one place: every validity check, day count,
// weekday, UTC conversion and way of printing a date that planpack has is here. No time
// zone ever applies: papers are dated by the calendar, and a build's instant
// (SOURCE_DATE_EPOCH) is read in UTC.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planpack::model {

struct Date {
    int year = 0, month = 0, day = 0;

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;  // year, then month, then day
};

struct Time {
    int hour = 0, minute = 0;  // 24-hour clock
};

// An instant to the second, in UTC.
struct DateTime {
    Date date;
    int hour = 0, minute = 0, second = 0;
};

// The digits of a date ("2023", "07") as a number; nullopt for anything else.
std::optional<int> parse_date_field(std::string_view s);
int days_in_month(int year, int month);
// A real calendar date between 1900 and 2200: what a plan or a meeting can be dated.
bool valid_date(const Date& d);
std::optional<Date> parse_iso_date(std::string_view s);  // strict YYYY-MM-DD

std::chrono::sys_days to_days(const Date& d);
Date from_days(std::chrono::sys_days d);
Date add_days(const Date& d, int days);
int iso_weekday(const Date& d);  // Monday 1 .. Sunday 7

DateTime utc(std::int64_t seconds_since_epoch);
std::int64_t seconds_since_epoch(const DateTime& t);
std::int64_t seconds_since_epoch(const Date& d);  // its midnight, UTC
// When an output says it was made: SOURCE_DATE_EPOCH (reproducible-builds.org) when the
// build sets it, else the midnight of the date it was published.
DateTime dated(const std::optional<std::int64_t>& source_date_epoch, const Date& published);

const char* month_name(int month);               // 1 -> "January"
const char* weekday(const Date& d);              // "Thursday"
std::string format_long(const Date& d);          // "26 June 2023"
std::string format_iso(const Date& d);           // "2023-06-26"
std::string format_meeting_date(const Date& d);  // "Thursday 19 October 2023"
std::string format_time(const Time& t);          // "6.00 pm", as agendas print it

}  // namespace planpack::model
