#pragma once
// The public record of a council's committees, as the renderers of calendars (iCalendar),
// feeds (Atom), open data (JSON and CSV) and members' pages read it: meetings with their
// items, decisions and attendance, already filtered by exemption and the privacy mode, so
// no renderer decides what may be shown. Built once by transform::committee::civic_record.
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::model {

struct CivicItem {
    int number = 0;  // on the agenda
    std::string id;
    std::string title;
    std::string notice;           // an exempt item's exemption notice: then only title and notice are public
    std::optional<Target> page;   // its public papers' page, when it has one
};

// A resolution of a public item; an exempt item's decisions are never here.
struct CivicDecision {
    int item = 0;     // its agenda item's number
    std::string kind; // "agreed", "noted", "deferred"
    std::string text;
};

// How one person stood at one meeting, from its minutes.
enum class Attendance { present, apologies, absent, substitute };
const char* key(Attendance a);  // "present", "apologies", "absent", "substitute"

struct CivicAttendance {
    std::string person;       // a person id: only those the privacy mode lets output name
    std::string role;         // "chair", "member", "co-opted member", "substitute"
    bool expected = false;    // a member of the committee that day (a substitute is not)
    Attendance status = Attendance::absent;
    std::string substitute;   // a member: who sat in their place; a substitute: for whom
};

struct CivicMeeting {
    std::string id;
    std::string committee;  // its id
    std::string title;      // "Children and Young People's Scrutiny Committee, 22 September 2022"
    std::string year;       // the municipal year: "2022/2023"
    Date date;
    std::optional<Time> start, end;  // end: when the minutes say it ended
    std::string venue;
    Date issued;                       // the agenda's issue date: what the publication record dates it by
    std::optional<Date> cancelled;
    Target agenda;                     // its agenda page
    std::optional<Target> minutes;     // its public minutes page, once kept
    std::string folder;                // its pages' folder in the site
    std::vector<CivicItem> items;
    std::vector<CivicDecision> decisions;
    std::vector<CivicAttendance> attendance;  // empty until it has minutes
    bool has_minutes = false;
};

struct CivicMembership {
    std::string person;
    std::string role;  // "chair", "vice-chair", "member", "co-opted member"
    std::string type;  // a co-opted member's type
    std::optional<Date> from, to;
};

struct CivicCommittee {
    std::string id, name, council;
    std::string folder;  // "committees/cyp-scrutiny"
    std::string venue;   // where it usually meets
    std::vector<CivicMembership> members;  // only those output may name
};

// Someone with a page of their own: a councillor or co-opted member output may name.
struct CivicPerson {
    std::string id;
    std::string name;  // "Councillor Amy Cross"
    std::string kind;  // "councillor", "co-opted member"
};

struct Civic {
    std::vector<CivicCommittee> committees;  // by id
    std::vector<CivicMeeting> meetings;      // by date
    std::vector<CivicPerson> people;         // by family name
    const CivicCommittee* committee(const std::string& id) const;
    const CivicPerson* person(const std::string& id) const;
};

// Attendance totals: one person's at one committee in one municipal year.
struct AttendanceTally {
    int expected = 0, present = 0, apologies = 0, absent = 0;
    int substituted = 0;         // meetings where someone sat in their place
    int as_substitute = 0;       // meetings they attended in someone else's place
};
void count(const CivicAttendance& a, AttendanceTally& t);

}  // namespace planpack::model
