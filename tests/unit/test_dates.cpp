#include <doctest/doctest.h>

#include <string>

#include "model/dates.hpp"

using namespace planpack::model;

TEST_CASE("calendar arithmetic comes from <chrono>") {
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2023, 9) == 30);
    CHECK(is_month_end(Date{2024, 3, 31}));
    CHECK_FALSE(is_month_end(Date{2024, 3, 30}));
    CHECK(real_date(Date{2024, 2, 29}));
    CHECK_FALSE(real_date(Date{2023, 2, 29}));
    CHECK_FALSE(real_date(Date{2023, 13, 1}));
    CHECK(std::string(weekday_name(Date{2022, 9, 22})) == "Thursday");
    CHECK(std::string(weekday_name(Date{2024, 2, 29})) == "Thursday");
    const DateTime t = utc(1700000000);  // 2023-11-14T22:13:20Z
    CHECK(t.date == Date{2023, 11, 14});
    CHECK((t.hour == 22 && t.minute == 13 && t.second == 20));
    const DateTime before = utc(-1);  // a second before the epoch
    CHECK(before.date == Date{1969, 12, 31});
    CHECK(before.hour == 23);
}
