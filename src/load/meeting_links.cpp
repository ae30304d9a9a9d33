#include "load/meeting_links.hpp"

#include <algorithm>
#include <set>

#include "model/find_by.hpp"

namespace planpack::load {

namespace {

class Checker {
public:
    Checker(const Project& p, Diagnostics& diags) : p_(p), diags_(diags) {}

    void person(const data::Ref& ref) {
        if (!ref.id.empty() && !p_.data.people_broken && !p_.data.people.find(ref.id))
            diags_.error(ref.pos, "unknown person '" + ref.id + "': no [[person]] in a people/1 file has that id");
    }
    void people(const std::vector<data::Ref>& refs) {
        for (const auto& r : refs) person(r);
    }

    const data::CommitteeMeeting* meeting(const std::string& id) const {
        auto it = std::find_if(p_.data.papers.meetings.begin(), p_.data.papers.meetings.end(),
                               [&](const auto& m) { return m.id == id; });
        return it == p_.data.papers.meetings.end() ? nullptr : &*it;
    }

    std::string meeting_ids() const {
        std::string out;
        for (const auto& m : p_.data.papers.meetings) out += (out.empty() ? "" : ", ") + m.id;
        return out.empty() ? "none" : out;
    }

    void committees() {
        for (const auto& [id, c] : p_.data.committees) {
            person(c.contact_officer);
            for (const auto* list : {&c.members, &c.co_opted})
                for (const auto& m : *list) person(m.person);
        }
    }

    // A pack is a public record of what members had on its issue date: it may bind only a
    // document that was published by then (a later plan would rewrite the record).
    void appendix_document(const data::CommitteeMeeting& m, const data::Appendix& a) {
        if (a.document.empty()) return;
        auto d = std::find_if(p_.config.documents.begin(), p_.config.documents.end(),
                              [&](const DocumentConfig& d) { return d.id == a.document; });
        if (d == p_.config.documents.end()) {
            diags_.error(a.source_pos, "document '" + a.document + "' is not listed in planpack.toml's [[document]]");
        } else if (d->undated) {
            diags_.error(a.source_pos, "document '" + a.document + "' is a draft with no published date: the agenda "
                                       "for " + model::format_long(m.date) + " can bind it only once it is published "
                                       "on or before " + model::format_long(m.issued) + ", when the agenda is issued");
        } else if (m.issued < d->published) {
            diags_.error(a.source_pos, "document '" + a.document + "' was published on " +
                                           model::format_long(d->published) + ", after this agenda was issued on " +
                                           model::format_long(m.issued) + ": a pack may bind only what was published "
                                           "by its issue date (bind the version that was current then)");
        }
    }

    void meetings() {
        std::set<std::string> ids;
        for (const auto& m : p_.data.papers.meetings) {
            if (!ids.insert(m.id).second) diags_.error(m.pos, "meeting id '" + m.id + "' is used twice");
            if (!p_.data.committees.count(m.committee_ref.id) && !p_.data.broken.count(m.committee_ref.id))
                diags_.error(m.committee_ref.pos, "unknown committee '" + m.committee_ref.id +
                                                      "': no data file with schema = \"committee/1\" has that name");
            // Reports, appendices, borrowed minutes and the front sheet ("index") are sections
            // of one document; report ids were already kept off the reserved page names.
            std::set<std::string> pages = {"index"};
            for (const auto& item : m.items) {
                if (!item.report.empty()) report_on_agenda(m, item, pages);
                if (!item.minutes.empty() && !minutes_of(item.minutes))
                    diags_.error(item.minutes_pos, "no minutes/1 file records meeting '" + item.minutes + "'");
                if (const auto* earlier = item.minutes.empty() ? nullptr : meeting(item.minutes);
                    earlier && !(earlier->date < m.date))
                    diags_.error(item.minutes_pos, "this agenda, for " + model::format_long(m.date) +
                                                       ", cannot approve the minutes of the meeting on " +
                                                       model::format_long(earlier->date) +
                                                       ": only an earlier meeting's minutes exist by then");
                if (!item.minutes.empty() && !pages.insert(item.id).second)
                    diags_.error(item.pos, "item id '" + item.id + "' is also a report's or appendix's id");
                for (const auto& a : item.appendices) appendix(m, a, pages);
            }
        }
    }

    void report_on_agenda(const data::CommitteeMeeting& m, const data::Item& item, std::set<std::string>& pages) {
        const data::Report* r = report(item.report);
        if (!r) {
            if (!p_.data.papers.broken.count(item.report))
                diags_.error(item.report_pos, "no report in meetings/ has id '" + item.report + "'");
            return;
        }
        if (r->meta.meeting != m.id && meeting(r->meta.meeting)) {
            diags_.error(item.report_pos, "report '" + item.report + "' (" + r->meta.pos.file + ") is for meeting '" +
                                              r->meta.meeting + "', not '" + m.id + "'");
            return;
        }
        if (!pages.insert(item.report).second)
            diags_.error(item.report_pos, "report '" + item.report + "' is already on this agenda");
        for (const auto& a : r->meta.appendices) appendix(m, a, pages);
    }

    void appendix(const data::CommitteeMeeting& m, const data::Appendix& a, std::set<std::string>& pages) {
        appendix_document(m, a);
        if (!a.id.empty() && !pages.insert(a.id).second)
            diags_.error(a.pos, "appendix id '" + a.id + "' is already used by a report or appendix of this meeting");
    }

    const data::Report* report(const std::string& id) const {
        return model::find_by(p_.data.papers.reports, [](const data::Report& r) -> const std::string& { return r.meta.id; }, id);
    }

    const data::Minutes* minutes_of(const std::string& meeting_id) const {
        for (const auto& m : p_.data.papers.minutes)
            if (m.meeting.id == meeting_id) return &m;
        return nullptr;
    }

    void reports() {
        std::set<std::string> ids;
        for (const auto& r : p_.data.papers.reports) {
            const data::ReportMeta& m = r.meta;
            if (!ids.insert(m.id).second) diags_.error(m.pos, "report id '" + m.id + "' is used by another report");
            people(m.officers);
            if (m.cabinet_member) person(*m.cabinet_member);
            for (const auto& pr : m.priorities)
                if (std::none_of(p_.config.priorities.begin(), p_.config.priorities.end(),
                                 [&](const CouncilPriority& c) { return c.id == pr.id; }))
                    diags_.error(pr.pos, "unknown council priority '" + pr.id + "': planpack.toml's "
                                         "[[council_priority]] lists the council's own");
            const data::CommitteeMeeting* meeting_of = meeting(m.meeting);
            if (!meeting_of && p_.data.papers.broken.count(m.meeting)) continue;
            if (!meeting_of) {
                diags_.error(m.meeting_pos, "report without a meeting: '" + m.meeting +
                                                "' is not a meeting in meetings/ (known: " + meeting_ids() + ")");
                continue;
            }
            if (std::none_of(meeting_of->items.begin(), meeting_of->items.end(),
                             [&](const data::Item& i) { return i.report == m.id; }))
                diags_.error(m.meeting_pos, "report '" + m.id + "' is not on the agenda of " + m.meeting +
                                                ": add an [[item]] with report = \"" + m.id + "\" to " + meeting_of->file);
        }
    }

    void minutes() {
        std::set<std::string> recorded, actions;
        for (const auto& mins : p_.data.papers.minutes) {
            person(mins.chair);
            people(mins.present);
            people(mins.co_opted);
            people(mins.apologies);
            for (const auto& a : mins.in_attendance) person(a.person);
            const data::CommitteeMeeting* m = meeting(mins.meeting.id);
            if (!m && p_.data.papers.broken.count(mins.meeting.id)) {
            } else if (!m) {
                diags_.error(mins.meeting.pos, "minutes of an unknown meeting '" + mins.meeting.id +
                                                   "' (known: " + meeting_ids() + ")");
            } else if (!recorded.insert(m->id).second) {
                diags_.error(mins.meeting.pos, "meeting '" + m->id + "' already has minutes");
            } else if (m->cancelled) {
                diags_.error(mins.meeting.pos, "meeting '" + m->id + "' was cancelled (" + m->file +
                                                   "): a meeting that was not held has no minutes");
            }
            attendance(mins, m);
            std::set<std::string> items;
            for (const auto& minute : mins.minutes) {
                people(minute.left);
                for (const auto& res : minute.resolutions)
                    if (res.action) {
                        person(res.action->owner);
                        if (!res.action->id.empty() && !actions.insert(res.action->id).second)
                            diags_.error(res.action->pos, "action id '" + res.action->id + "' is used twice");
                    }
                if (!m) continue;
                auto it = std::find_if(m->items.begin(), m->items.end(),
                                       [&](const data::Item& i) { return i.id == minute.item.id; });
                if (it == m->items.end())
                    diags_.error(minute.item.pos, "meeting " + m->id + " has no agenda item '" + minute.item.id + "'");
                else if (!items.insert(minute.item.id).second)
                    diags_.error(minute.item.pos, "agenda item " + std::to_string(it - m->items.begin() + 1) +
                                                      " ('" + minute.item.id + "') already has a minute");
            }
        }
        trackers(actions);
    }

    // Attendance is counted from the minutes (members' pages, open data), so each person
    // is listed once, and a substitute sits for someone who was a member that day.
    void attendance(const data::Minutes& mins, const data::CommitteeMeeting* m) {
        std::set<std::string> listed;
        auto once = [&](const data::Ref& r) {
            if (!r.id.empty() && !listed.insert(r.id).second)
                diags_.error(r.pos, "'" + r.id + "' is already listed in these minutes' attendance "
                                    "(chair, present, co_opted, apologies and substitutes name each person once)");
        };
        once(mins.chair);
        for (const auto* list : {&mins.present, &mins.co_opted, &mins.apologies})
            for (const auto& r : *list) once(r);
        for (const auto& s : mins.substitutes) {
            person(s.person);
            person(s.member);
            once(s.person);
            const auto c = m ? p_.data.committees.find(m->committee_ref.id) : p_.data.committees.end();
            if (c == p_.data.committees.end() || s.member.id.empty()) continue;
            const auto members = data::members_on(c->second.members, m->date);
            if (std::none_of(members.begin(), members.end(), [&](const auto* x) { return x->person.id == s.member.id; }))
                diags_.error(s.member.pos, "'" + s.member.id + "' was not a member of the committee on " +
                                               model::format_long(m->date) + ", so no one could substitute for them");
            if (std::any_of(mins.present.begin(), mins.present.end(), [&](const auto& r) { return r.id == s.member.id; }) ||
                mins.chair.id == s.member.id)
                diags_.error(s.member.pos, "'" + s.member.id + "' is listed as present: a substitute sits in an "
                                                                "absent member's place");
        }
    }

    void trackers(std::set<std::string> actions) {
        for (const auto& [name, t] : p_.data.trackers) {
            if (!p_.data.committees.count(t.committee.id))
                diags_.error(t.committee.pos, "unknown committee '" + t.committee.id + "'");
            for (const auto& e : t.earlier) {
                person(e.owner);
                if (!actions.insert(e.id).second)
                    diags_.error(e.pos, "recommendation id '" + e.id + "' is already an action's id");
            }
            for (const auto& u : t.updates)
                if (!actions.count(u.action.id))
                    diags_.error(u.action.pos, "no resolution's action or earlier recommendation has id '" +
                                                   u.action.id + "'");
        }
    }

private:
    const Project& p_;
    Diagnostics& diags_;
};

}  // namespace

void check_meeting_links(const Project& project, Diagnostics& diags) {
    Checker c(project, diags);
    c.committees();
    c.meetings();
    c.reports();
    c.minutes();
}

}  // namespace planpack::load
