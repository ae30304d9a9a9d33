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
    if (doc.kind != "board_pack")
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

Table agenda_table(const Document& doc, const std::function<std::string(const Section&)>& page_of) {
    Table t;
    t.id = "agenda";
    t.caption = text(agenda_caption(doc));
    TableRow head;
    for (const char* h : {"Item", "Title", "Lead", "Purpose"}) head.cells.emplace_back(text(h));
    t.aligns = {Align::left, Align::left, Align::left, Align::left};
    if (page_of) {
        head.cells.emplace_back(text("Page"));
        t.aligns.push_back(Align::right);
    }
    t.head.push_back(std::move(head));
    for (const Section& s : doc.sections) {
        TableRow row;
        row.cells.emplace_back(text(s.kind == SectionKind::appendix ? label(s) : std::to_string(s.number)));
        row.cells.emplace_back(Inlines{link(shown_at(doc, s), text(s.title))});
        row.cells.emplace_back(text(s.lead));
        row.cells.emplace_back(text(purpose_text(s.purpose)));
        if (page_of) row.cells.emplace_back(text(page_of(s)));
        t.body.push_back(std::move(row));
    }
    return t;
}

}  // namespace planpack::model
