#pragma once
// Calendar arithmetic, the one place it is done, through C++20 <chrono>: month lengths and
// leap years, weekdays, and clock seconds to a civil date in UTC.
#include <cstdint>

#include "model/document.hpp"

namespace planpack::model {

int days_in_month(int year, int month);  // month 1-12
bool is_month_end(const Date& d);
bool real_date(const Date& d);            // a day the calendar has (no 2023-02-29)
const char* weekday_name(const Date& d);  // "Thursday"

// A moment in UTC, as a PDF's creation date records it.
struct DateTime {
    Date date;
    int hour = 0, minute = 0, second = 0;
};
// Seconds since 1970-01-01T00:00:00Z (SOURCE_DATE_EPOCH) as a UTC date and time.
DateTime utc(std::int64_t epoch_seconds);

}  // namespace planpack::model
