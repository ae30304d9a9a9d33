#include <doctest/doctest.h>

#include "model/date.hpp"

namespace unit_dates {

using planpack::model::Date;
using planpack::model::DateTime;
namespace model = planpack::model;

TEST_CASE("calendar dates: validity, month lengths and strict ISO parsing") {
    CHECK(model::days_in_month(2000, 2) == 29);  // divisible by 400
    CHECK(model::days_in_month(2100, 2) == 28);  // by 100, not 400
    CHECK(model::days_in_month(2024, 2) == 29);
    CHECK(model::days_in_month(2023, 4) == 30);
    CHECK(model::parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(model::parse_iso_date("2023-02-29"));
    CHECK_FALSE(model::parse_iso_date("2023-13-01"));
    CHECK_FALSE(model::parse_iso_date("2023-1-01"));
    CHECK_FALSE(model::parse_iso_date("1899-12-31"));  // before anything a plan is dated
    CHECK_FALSE(model::valid_date({2023, 6, 31}));
}

TEST_CASE("day arithmetic and weekdays cross months, years and leap days") {
    CHECK(model::add_days({2023, 12, 31}, 1) == Date{2024, 1, 1});
    CHECK(model::add_days({2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(model::add_days({2024, 3, 1}, -1) == Date{2024, 2, 29});
    CHECK(model::iso_weekday({2023, 10, 19}) == 4);  // the board met on a Thursday
    CHECK(std::string(model::weekday({2022, 9, 22})) == "Thursday");
    CHECK(std::string(model::weekday({2023, 10, 22})) == "Sunday");
    CHECK(model::format_meeting_date({2023, 10, 19}) == "Thursday 19 October 2023");
}

TEST_CASE("instants are read in UTC, never the local zone, either side of 1970") {
    const DateTime t = model::utc(1700000000);
    CHECK(t.date == Date{2023, 11, 14});
    CHECK(t.hour == 22);
    CHECK(t.minute == 13);
    CHECK(t.second == 20);
    CHECK(model::seconds_since_epoch(t) == 1700000000);
    const DateTime before = model::utc(-1);
    CHECK(before.date == Date{1969, 12, 31});
    CHECK(before.second == 59);
    CHECK(model::seconds_since_epoch(Date{1970, 1, 2}) == 86400);
    // Without SOURCE_DATE_EPOCH an output is dated the midnight of its publication.
    const DateTime published = model::dated(std::nullopt, {2023, 6, 26});
    CHECK(published.date == Date{2023, 6, 26});
    CHECK(published.hour == 0);
    CHECK(model::dated(1700000000, {2023, 6, 26}).date == Date{2023, 11, 14});
}

}  // namespace unit_dates
