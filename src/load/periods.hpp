#pragma once
// Reporting periods of performance data: what each kind of period may span and the label
// it goes by, so a CSV row whose label and dates disagree is caught.
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace planpack::load {

enum class PeriodType { calendar_year, financial_year, cohort_year, year_ending, quarter };

std::optional<PeriodType> parse_period_type(std::string_view s);
std::string_view period_type_name(PeriodType t);
std::string period_type_list();  // "calendar_year, financial_year, ..." for messages

// The label a period with these dates is written as ("2022", "2022/23", "year ending
// March 2020", "Apr-Jun 2022"); when the dates cannot be a period of that type, error
// says what the type allows and label is empty.
struct PeriodLabel {
    std::string label;
    std::string error;
};
PeriodLabel expected_label(PeriodType t, const model::Date& start, const model::Date& end);

// An as-at date: YYYY-MM-DD ("30 June 2023") or YYYY-MM ("June 2023"); the text to print.
std::optional<std::string> parse_as_at(std::string_view s);

}  // namespace planpack::load
