// How much notice an agenda gives: the Local Government Act 1972, s100B, asks for the
// agenda and papers to be open to the public at least five clear working days before the
// meeting. Short notice is lawful for an urgent item, so it is a warning, not an error.
#include "data/working_days.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

void check_notice(const data::CommitteeMeeting& m, const data::BankHolidays& holidays, Diagnostics& diags) {
    constexpr int required = 5;
    const auto closed = holidays.dates();
    const int clear = data::clear_working_days(m.issued, m.date, closed);
    if (clear >= required) return;
    diags.warning(m.issued_pos,
                  "the agenda is issued on " + model::format_long(m.issued) + ", " + std::to_string(clear) +
                      " clear working day" + (clear == 1 ? "" : "s") + " before the meeting on " +
                      model::format_long(m.date) + ": the Local Government Act 1972 (s100B) asks for five, not "
                      "counting weekends, bank holidays (templates/committee/bank-holidays.toml), the day of issue "
                      "or the day of the meeting; issue it by " +
                      model::format_long(data::latest_issue(m.date, required, closed)) +
                      ", or say in the agenda why an item is urgent");
}

}  // namespace planpack::transform::committee
