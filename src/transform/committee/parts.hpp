#pragma once
// The pieces build_committee_papers assembles, one file each.
#include <string>
#include <vector>

#include "load/project.hpp"
#include "load/report_template.hpp"
#include "model/civic.hpp"
#include "transform/committee/names.hpp"
#include "transform/committee/papers.hpp"

namespace planpack::transform::committee {

// What every piece reads.
struct Sources {
    const load::Project& project;
    const std::vector<model::Document>& plans;
    const load::CommitteeTemplates& templates;
    const Context& ctx;
    Names names;
};

// An agenda item as the front sheet and the papers print it.
struct ItemView {
    const data::Item* item = nullptr;
    int number = 0;
    std::string title;
    std::string purpose;
    std::string page;    // the section its title links to; empty when it has no papers
    std::string notice;  // the exemption notice of an exempt item
};

std::string committee_folder(const data::Committee& c);  // "committees/cyp-scrutiny"
// The page of a meeting's folder that holds its public minutes.
inline constexpr const char* minutes_page = "minutes";
std::string meeting_folder(const data::Committee& c, const data::CommitteeMeeting& m);
// "Thursday, 22 September 2022 at 6.00 pm"
std::string when(const data::CommitteeMeeting& m);

// The title an item prints: its own, else its report's or "Minutes of the last meeting held on ...".
std::string item_title(const Sources& s, const data::Item& item);
// "the Senior Democratic Governance Adviser, www.blackpool.gov.uk": whom to ask, in the
// privacy mode.
std::string contact_text(const Sources& s, const data::Committee& c, const model::Date& day);
// The meeting a minutes/1 file records, and that file.
const data::Minutes* minutes_of(const Sources& s, const std::string& meeting_id);
const data::CommitteeMeeting* meeting(const Sources& s, const std::string& id);

model::Section front_sheet(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                           const std::vector<ItemView>& items);

// The minutes of m, or nothing when it has none; exempt minutes go in a second, exempt section.
std::optional<model::Document> minutes_document(const Sources& s, const data::Committee& c,
                                                const data::CommitteeMeeting& m, Diagnostics& diags);

// civic: the public record, for the page's attendance table and its workbook.
model::Document committee_document(const Sources& s, const data::Committee& c, const model::Civic& civic);

// The public record of the committees' meetings (model/civic.hpp), in the privacy mode.
model::Civic civic_record(const Sources& s);
// The attendance table of a committee's page and workbook; nullopt when no minutes count any.
std::optional<model::Table> committee_attendance(const model::Civic& civic, const std::string& committee);
// The workbook's sheets of a committee's attendance: the table above with each count a
// formula over a second table, the attendance the minutes record, one row a person a meeting.
std::vector<std::pair<std::string, model::Blocks>> attendance_sheets(const model::Civic& civic,
                                                                     const std::string& committee,
                                                                     model::Table counts);
// The calendars and feeds each committee paper's pages offer (render/ical, render/atom).
void offer_alternates(const model::Civic& civic, std::vector<model::Document>& papers);
// The members' list and a page per member, or nothing when the mode names no member.
std::vector<model::Document> member_documents(const model::Civic& civic);

// A warning when the agenda is issued fewer than five clear working days before the meeting.
void check_notice(const data::CommitteeMeeting& m, const data::BankHolidays& holidays, Diagnostics& diags);

// The header a report prints above its numbered sections: report to, officers, date.
model::Blocks report_header(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                            const data::ReportMeta& meta);

}  // namespace planpack::transform::committee
