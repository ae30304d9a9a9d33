#include "data/tracker.hpp"

#include <algorithm>

namespace planpack::data {

namespace {

// The latest update on or before as_of, its text and any status it set, then the status
// that follows from the due date when none did.
void apply_updates(TrackerRow& row, const Tracker* tracker, const model::Date& as_of) {
    std::optional<TrackerStatus> set;
    model::Date latest;
    bool updated = false;
    if (tracker)
        for (const TrackerUpdate& u : tracker->updates) {
            if (u.action.id != row.id || as_of < u.date || (updated && u.date < latest)) continue;
            latest = u.date;
            updated = true;
            row.update = u.text;
            if (u.status) set = u.status;
        }
    if (set) row.status = *set;
    else if (row.due.dated() && row.due.last < as_of) row.status = TrackerStatus::overdue;
    else row.status = updated ? TrackerStatus::in_progress : TrackerStatus::not_yet_due;
}

}  // namespace

std::vector<TrackerRow> tracker_rows(const std::string& committee, const std::vector<CommitteeMeeting>& meetings,
                                     const std::vector<Minutes>& minutes, const Tracker* tracker,
                                     const model::Date& as_of) {
    std::vector<TrackerRow> rows;
    if (tracker)
        for (const EarlierRecommendation& e : tracker->earlier)
            if (e.date < as_of) rows.push_back({e.id, e.date, e.text, e.due, e.owner.id, "", {}, "", ""});
    for (const Minutes& mins : minutes) {
        auto m = std::find_if(meetings.begin(), meetings.end(), [&](const auto& x) { return x.id == mins.meeting.id; });
        if (m == meetings.end() || m->committee_ref.id != committee || !(m->date < as_of)) continue;
        for (const Minute& minute : mins.minutes) {
            // An exempt item's actions are exempt too: they stay in its restricted minutes.
            auto item = std::find_if(m->items.begin(), m->items.end(), [&](const Item& i) { return i.id == minute.item.id; });
            if (item == m->items.end() || item->exempt) continue;
            for (const Resolution& r : minute.resolutions)
                if (r.action)
                    rows.push_back({r.action->id, m->date, r.text, r.action->due, r.action->owner.id, "", {},
                                    m->id, minute.item.id});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TrackerRow& a, const TrackerRow& b) { return a.date < b.date; });
    for (TrackerRow& row : rows) apply_updates(row, tracker, as_of);
    return rows;
}

}  // namespace planpack::data
