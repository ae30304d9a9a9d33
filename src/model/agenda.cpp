#include "model/agenda.hpp"

#include "model/builders.hpp"
#include "model/paths.hpp"

namespace planpack::model {

std::string agenda_caption(const Document& doc) {
    if (!doc.meeting) return "Items of business";
    return "Items for the meeting on " + format_meeting_date(doc.meeting->date);
}

std::vector<std::pair<std::string, std::string>> cover_details(const Document& doc) {
    std::vector<std::pair<std::string, std::string>> out;
    if (doc.kind != model::DocumentKind::board_pack)
        out.emplace_back("Plan period", format_long(doc.period_start) + " to " + format_long(doc.period_end));
    if (doc.meeting) {
        out.emplace_back("Meeting of", doc.meeting->board);
        out.emplace_back("Date", format_meeting_date(doc.meeting->date));
        if (doc.meeting->time) out.emplace_back("Time", format_time(*doc.meeting->time));
        if (!doc.meeting->venue.empty()) out.emplace_back("Venue", doc.meeting->venue);
    }
    out.emplace_back("Published", doc.undated ? "Draft, not yet published" : format_long(doc.published));
    return out;
}

namespace {

// Each item's timing as the agenda prints it: its start, worked out from the meeting's
// start and the durations before it ("10.20 am, 25 minutes"), or its duration alone when
// the meeting has no time or an item before it has no duration.
std::vector<std::string> agenda_timings(const Document& doc) {
    std::vector<std::string> out;
    int at = -1;  // minutes after midnight; -1: not known
    if (doc.meeting && doc.meeting->time) at = doc.meeting->time->hour * 60 + doc.meeting->time->minute;
    for (const Section& s : doc.sections) {
        if (s.enclosure) {  // read with its item, in the item's time
            out.emplace_back();
            continue;
        }
        std::string cell;
        if (at >= 0) cell = format_time(Time{at / 60 % 24, at % 60});
        if (s.duration > 0) {
            if (!cell.empty()) cell += ", ";
            cell += std::to_string(s.duration) + (s.duration == 1 ? " minute" : " minutes");
        }
        // Nothing after an item of unknown length has a known start.
        at = at >= 0 && s.duration > 0 ? at + s.duration : -1;
        out.push_back(std::move(cell));
    }
    return out;
}

}  // namespace

Table agenda_table(const Document& doc, const std::function<std::string(const Section&)>& page_of) {
    Table t;
    t.id = "agenda";
    t.caption = text(agenda_caption(doc));
    TableRow head;
    for (const char* h : {"Item", "Title", "Lead", "Purpose"}) head.cells.emplace_back(text(h));
    t.aligns = {Align::left, Align::left, Align::left, Align::left};
    // A Time column once any item has a duration.
    bool timed = false;
    for (const Section& s : doc.sections) timed = timed || s.duration > 0;
    const std::vector<std::string> timings = timed ? agenda_timings(doc) : std::vector<std::string>{};
    if (timed) {
        head.cells.emplace_back(text("Time"));
        t.aligns.push_back(Align::left);
    }
    if (page_of) {
        head.cells.emplace_back(text("Page"));
        t.aligns.push_back(Align::right);
    }
    t.head.push_back(std::move(head));
    for (size_t i = 0; i < doc.sections.size(); ++i) {
        const Section& s = doc.sections[i];
        TableRow row;
        row.cells.emplace_back(text(s.kind == SectionKind::appendix || s.enclosure ? label(s) : std::to_string(s.number)));
        row.cells.emplace_back(Inlines{link(shown_at(doc, s), text(s.title))});
        row.cells.emplace_back(text(s.lead));
        row.cells.emplace_back(text(purpose_text(s.purpose)));
        if (timed) row.cells.emplace_back(text(timings[i]));
        if (page_of) row.cells.emplace_back(text(page_of(s)));
        t.body.push_back(std::move(row));
    }
    return t;
}

}  // namespace planpack::model
