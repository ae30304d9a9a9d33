#pragma once
// The recommendations tracker as a meeting sees it: every action its earlier meetings'
// resolutions set, and every earlier recommendation, with the latest update and a status
// worked out on the meeting's date. Carried from meeting to meeting by being recomputed.
#include <string>
#include <vector>

#include "data/minutes.hpp"

namespace planpack::data {

struct TrackerRow {
    std::string id;
    model::Date date;  // when it was recommended
    std::string text;
    model::PartialDate due;
    std::string owner;  // a person id
    std::string update;
    TrackerStatus status = TrackerStatus::not_yet_due;
    std::string meeting;  // the meeting whose minutes set it; empty for an earlier one
    std::string item;     // the agenda item id it was minuted under
};

// Rows for committee, as of a day: recommendations dated before it, oldest first. Actions
// minuted under an exempt item are left out.
std::vector<TrackerRow> tracker_rows(const std::string& committee, const std::vector<CommitteeMeeting>& meetings,
                                     const std::vector<Minutes>& minutes, const Tracker* tracker,
                                     const model::Date& as_of);

}  // namespace planpack::data
