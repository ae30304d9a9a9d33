// The public record the calendars, feeds, open data and members' pages publish: every
// meeting with its public items and decisions, and attendance as the minutes record it,
// for the people the privacy mode lets output name. Exempt items keep only their title and
// notice here, so no renderer downstream can show more.
#include <algorithm>
#include <set>
#include <tuple>

#include "model/paths.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

namespace {

bool listed(const std::vector<data::Ref>& refs, const std::string& id) {
    return std::any_of(refs.begin(), refs.end(), [&](const data::Ref& r) { return r.id == id; });
}

// Councillors and co-opted members are public office holders: their attendance is a public
// record in the modes that name members. Officers and members of the public never appear.
bool public_member(const Sources& s, const std::string& id) {
    const data::Person* p = s.names.find(id);
    return p && s.names.names_members() && s.names.named(id) &&
           (p->privacy == data::PrivacyClass::elected_member || p->privacy == data::PrivacyClass::co_optee);
}

std::vector<model::CivicAttendance> attendance_at(const Sources& s, const data::Committee& c,
                                                  const data::CommitteeMeeting& m, const data::Minutes& mins) {
    std::vector<model::CivicAttendance> out;
    auto add = [&](const data::Membership& seat, const char* role) {
        model::CivicAttendance a;
        a.person = seat.person.id;
        a.role = mins.chair.id == a.person ? "chair" : role;
        a.expected = true;
        const bool present = mins.chair.id == a.person || listed(mins.present, a.person) || listed(mins.co_opted, a.person);
        a.status = present ? model::Attendance::present
                           : listed(mins.apologies, a.person) ? model::Attendance::apologies : model::Attendance::absent;
        for (const auto& sub : mins.substitutes)
            if (sub.member.id == a.person) a.substitute = sub.person.id;
        out.push_back(std::move(a));
    };
    for (const auto* seat : data::members_on(c.members, m.date)) add(*seat, "member");
    for (const auto* seat : data::members_on(c.co_opted, m.date)) add(*seat, "co-opted member");
    for (const auto& sub : mins.substitutes) {
        model::CivicAttendance a;
        a.person = sub.person.id;
        a.role = "substitute";
        a.status = model::Attendance::substitute;
        a.substitute = sub.member.id;
        out.push_back(std::move(a));
    }
    // Someone the privacy mode withholds is left out, and so is their name in another's row.
    std::erase_if(out, [&](const auto& a) { return !public_member(s, a.person); });
    for (auto& a : out)
        if (!a.substitute.empty() && !public_member(s, a.substitute)) a.substitute = "withheld";
    return out;
}

std::optional<model::Target> item_page(const Sources& s, const std::string& folder, const data::Item& item) {
    if (item.exempt) return std::nullopt;
    if (!item.report.empty()) return model::Target{folder, item.report, {}, {}};
    if (const auto* earlier = item.minutes.empty() ? nullptr : meeting(s, item.minutes))
        if (auto c = s.project.data.committees.find(earlier->committee_ref.id); c != s.project.data.committees.end())
            return model::Target{meeting_folder(c->second, *earlier), minutes_page, {}, {}};
    return std::nullopt;
}

model::CivicMeeting civic_meeting(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m) {
    model::CivicMeeting out;
    out.id = m.id;
    out.committee = c.id;
    out.title = c.name + ", " + model::format_long(m.date);
    out.year = data::municipal_year(c, m.date);
    out.date = m.date;
    out.start = m.time;
    out.venue = m.venue.empty() ? c.default_venue : m.venue;
    out.issued = m.issued;
    out.cancelled = m.cancelled;
    out.folder = meeting_folder(c, m);
    out.agenda = model::contents(out.folder);
    const data::Minutes* mins = minutes_of(s, m.id);
    for (size_t i = 0; i < m.items.size(); ++i) {
        const data::Item& item = m.items[i];
        model::CivicItem ci;
        ci.number = static_cast<int>(i) + 1;
        ci.id = item.id;
        ci.title = item_title(s, item);
        if (item.exempt) ci.notice = s.templates.exemptions.notice_for(*item.exempt);
        ci.page = item_page(s, out.folder, item);
        if (mins && !item.exempt)
            for (const auto& minute : mins->minutes)
                if (minute.item.id == item.id)
                    for (const auto& r : minute.resolutions)
                        out.decisions.push_back({ci.number, r.kind == data::ResolutionKind::agreed  ? "agreed"
                                                            : r.kind == data::ResolutionKind::noted ? "noted"
                                                                                                     : "deferred",
                                                 r.text});
        out.items.push_back(std::move(ci));
    }
    if (mins) {
        out.has_minutes = true;
        out.minutes = model::Target{out.folder, minutes_page, {}, {}};
        out.end = mins->ended;
        out.attendance = attendance_at(s, c, m, *mins);
    }
    return out;
}

const char* seat_role(const data::Membership& m) {
    if (m.position == "chair") return "chair";
    if (m.position == "vice_chair") return "vice-chair";
    return "member";
}

}  // namespace

model::Civic civic_record(const Sources& s) {
    model::Civic out;
    const auto& data = s.project.data;
    for (const auto& [id, c] : data.committees) {
        model::CivicCommittee cc{c.id, c.name, c.council, committee_folder(c), c.default_venue, {}};
        for (const auto& m : c.members)
            if (public_member(s, m.person.id)) cc.members.push_back({m.person.id, seat_role(m), "", m.from, m.to});
        for (const auto& m : c.co_opted)
            if (public_member(s, m.person.id)) cc.members.push_back({m.person.id, "co-opted member", m.type, m.from, m.to});
        out.committees.push_back(std::move(cc));
    }
    for (const auto& m : data.papers.meetings)
        if (auto c = data.committees.find(m.committee_ref.id); c != data.committees.end())
            out.meetings.push_back(civic_meeting(s, c->second, m));
    std::set<std::string> ids;
    for (const auto& c : out.committees)
        for (const auto& m : c.members) ids.insert(m.person);
    for (const auto& m : out.meetings)
        for (const auto& a : m.attendance) ids.insert(a.person);
    for (const auto& id : ids) {
        const data::Person* p = s.names.find(id);
        out.people.push_back({id, data::full_name(*p),
                              p->privacy == data::PrivacyClass::co_optee ? "co-opted member" : "councillor"});
    }
    std::stable_sort(out.people.begin(), out.people.end(), [&](const auto& a, const auto& b) {
        const data::Person* pa = s.names.find(a.id);
        const data::Person* pb = s.names.find(b.id);
        return std::tie(pa->family, pa->initial, pa->given) < std::tie(pb->family, pb->initial, pb->given);
    });
    return out;
}

void offer_alternates(const model::Civic& civic, std::vector<model::Document>& papers) {
    using Kind = model::Alternate::Kind;
    if (civic.meetings.empty()) return;
    const model::Alternate site_feed{Kind::feed, model::feed_path(), "All committee papers (Atom feed)"};
    for (auto& doc : papers) {
        const std::string folder = model::folder(doc);
        const model::CivicMeeting* meeting = nullptr;
        for (const auto& m : civic.meetings)
            if (m.folder == folder) meeting = &m;
        const model::CivicCommittee* committee = nullptr;
        for (const auto& c : civic.committees)
            if (c.folder == folder || (meeting && c.id == meeting->committee)) committee = &c;
        const bool meets = committee && std::any_of(civic.meetings.begin(), civic.meetings.end(),
                                                    [&](const auto& m) { return m.committee == committee->id; });
        if (meeting && doc.kind == model::DocumentKind::meeting)
            doc.alternates.push_back({Kind::calendar, model::meeting_calendar_path(meeting->folder),
                                      meeting->cancelled ? "This meeting, cancelled (iCalendar)"
                                                         : "Add this meeting to your calendar (iCalendar)"});
        if (meets) {
            doc.alternates.push_back({Kind::calendar, model::calendar_path(committee->folder),
                                      "Add all the " + committee->name + "'s meetings to your calendar (iCalendar)"});
            doc.alternates.push_back({Kind::feed, model::feed_path(committee->folder),
                                      committee->name + ": new papers (Atom feed)"});
        }
        doc.alternates.push_back(site_feed);
    }
}

}  // namespace planpack::transform::committee
