#pragma once
// Working days, as the notice rules for council meetings count them: not a Saturday or a
// Sunday, not a bank holiday. The holidays come from a file a council can extend
// (templates/committee/bank-holidays.toml), never from code.
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::data {

struct BankHoliday {
    model::Date date;
    std::string name;
    SourcePos pos;
};

struct BankHolidays {
    std::vector<BankHoliday> days;  // in the file's order
    SourcePos pos;                  // the file, for messages about it
    std::set<model::Date> dates() const;
};

bool working_day(const model::Date& d, const std::set<model::Date>& holidays);
// The whole working days strictly between `from` and `to`: "clear" days leave out both the
// day of issue and the day of the meeting (Local Government Act 1972, s100B(3) and s243).
int clear_working_days(const model::Date& from, const model::Date& to, const std::set<model::Date>& holidays);
// The last working day on which an agenda can be issued and still leave `clear` working
// days before the meeting on `to`.
model::Date latest_issue(const model::Date& to, int clear, const std::set<model::Date>& holidays);

}  // namespace planpack::data
