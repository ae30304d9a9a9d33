#pragma once
// Due dates as plans really write them: a day, a month, a quarter, or no date at all.
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace planpack::model {

struct PartialDate {
    enum class Kind { day, month, quarter, ongoing, tbc };
    Kind kind = Kind::tbc;
    Date first, last;  // the span the due date covers; unset for ongoing and tbc

    bool dated() const { return kind == Kind::day || kind == Kind::month || kind == Kind::quarter; }
};

// "2023-07-31", "2023-07", "2023-Q3", "ongoing", "tbc"; nullopt for anything else,
// including impossible dates such as 2023-02-29.
std::optional<PartialDate> parse_partial_date(std::string_view s);
PartialDate from_date(const Date& d);

// "31 July 2023", "July 2023", "July to September 2023", "Ongoing", "To be confirmed".
std::string format_partial(const PartialDate& d);

}  // namespace planpack::model
