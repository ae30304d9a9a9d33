#include <doctest/doctest.h>

#include <libical/ical.h>

#include <memory>

#include "load/config.hpp"
#include "model/civic.hpp"
#include "render/ical/calendar.hpp"

namespace unit_calendar {

using namespace planpack;

namespace {

struct Free {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, Free>;

// Two meetings of one committee: one with a time and an end, one cancelled, and a third
// with only a day.
model::Civic civic() {
    model::Civic c;
    c.committees.push_back({"audit", "Audit Committee", "Northtown Council", "committees/audit", "Town Hall", {}});
    auto meeting = [&](std::string id, model::Date d, std::optional<model::Time> t) {
        model::CivicMeeting m;
        m.id = std::move(id);
        m.committee = "audit";
        m.title = "Audit Committee, " + model::format_long(d);
        m.date = d;
        m.start = t;
        m.venue = "Town Hall, Room 1; by the \"old\" stairs";
        m.issued = {d.year, d.month, d.day > 7 ? d.day - 7 : 1};
        m.folder = "committees/audit/" + m.id;
        m.agenda = model::Target{m.folder, "index", {}, {}};
        return m;
    };
    c.meetings.push_back(meeting("audit-2023-01-12", {2023, 1, 12}, model::Time{18, 0}));
    c.meetings.back().end = model::Time{19, 30};
    c.meetings.push_back(meeting("audit-2023-07-13", {2023, 7, 13}, model::Time{10, 0}));
    c.meetings.back().cancelled = model::Date{2023, 7, 1};
    c.meetings.push_back(meeting("audit-2023-09-14", {2023, 9, 14}, std::nullopt));
    return c;
}

std::vector<icalcomponent*> events(icalcomponent* cal) {
    std::vector<icalcomponent*> out;
    for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        out.push_back(e);
    return out;
}

// The X-LIC-ERROR properties libical added, anywhere in the calendar.
std::string errors(icalcomponent* c) {
    std::string out;
    for (auto* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        out += std::string(icalproperty_get_xlicerror(p)) + "\n";
    for (auto* k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
         k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        out += errors(k);
    return out;
}

std::string tzid(icalcomponent* event, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(event, kind);
    icalparameter* z = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
    return z ? icalparameter_get_tzid(z) : "";
}

}  // namespace

TEST_CASE("calendar: libical reads back every meeting, with its UID, zone and status") {
    load::Config cfg;
    cfg.local_authority = "Northtown Council";
    cfg.base_url = "https://papers.northtown.example/";
    Diagnostics d;
    const auto tree = render::ical::render_calendars(cfg, civic(), {}, std::nullopt, d);
    CHECK(d.all().empty());
    REQUIRE(tree.count("calendar.ics"));
    REQUIRE(tree.count("committees/audit/calendar.ics"));
    REQUIRE(tree.count("committees/audit/audit-2023-07-13.ics"));

    Parsed cal(icalparser_parse_string(tree.at("committees/audit/calendar.ics").c_str()));
    REQUIRE(cal);
    CHECK(icalcomponent_isa(cal.get()) == ICAL_VCALENDAR_COMPONENT);
    // libical's own check of RFC 5545's rules (how many of each property a component may
    // have): it adds X-LIC-ERROR properties for whatever breaks them.
    icalrestriction_check(cal.get());
    CHECK(errors(cal.get()) == "");
    CHECK(icalcomponent_count_components(cal.get(), ICAL_VTIMEZONE_COMPONENT) == 1);
    icalcomponent* zone = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT);
    CHECK(std::string(icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY))) ==
          "Europe/London");

    const auto es = events(cal.get());
    REQUIRE(es.size() == 3);
    CHECK(std::string(icalcomponent_get_uid(es[0])) == "audit-2023-01-12.audit@papers.northtown.example");
    CHECK(tzid(es[0], ICAL_DTSTART_PROPERTY) == "Europe/London");
    CHECK(tzid(es[0], ICAL_DTEND_PROPERTY) == "Europe/London");
    const icaltimetype start = icalcomponent_get_dtstart(es[0]);
    CHECK(start.year == 2023);
    CHECK(start.hour == 18);
    CHECK(icalcomponent_get_status(es[0]) == ICAL_STATUS_CONFIRMED);
    CHECK(icalcomponent_get_status(es[1]) == ICAL_STATUS_CANCELLED);
    CHECK(icalproperty_get_sequence(icalcomponent_get_first_property(es[1], ICAL_SEQUENCE_PROPERTY)) == 1);
    // A day alone is a DATE, with no zone.
    CHECK(icalcomponent_get_dtstart(es[2]).is_date == 1);
    CHECK(tzid(es[2], ICAL_DTSTART_PROPERTY).empty());
    // Text that needs escaping comes back as written; the URL is the agenda page's.
    CHECK(std::string(icalcomponent_get_location(es[0])) == "Town Hall, Room 1; by the \"old\" stairs");
    CHECK(std::string(icalproperty_get_url(icalcomponent_get_first_property(es[0], ICAL_URL_PROPERTY))) ==
          "https://papers.northtown.example/committees/audit/audit-2023-01-12/index.html");
    // Not the clock: DTSTAMP is the issue date, or the cancellation's.
    CHECK(icaltime_as_ical_string(icalcomponent_get_dtstamp(es[0])) == std::string("20230105T000000Z"));
    CHECK(icaltime_as_ical_string(icalcomponent_get_dtstamp(es[1])) == std::string("20230701T000000Z"));

    Parsed one(icalparser_parse_string(tree.at("committees/audit/audit-2023-09-14.ics").c_str()));
    REQUIRE(one);
    CHECK(events(one.get()).size() == 1);
    // No timed event: no zone to define.
    CHECK(icalcomponent_count_components(one.get(), ICAL_VTIMEZONE_COMPONENT) == 0);
}

TEST_CASE("calendar: the publication record and SOURCE_DATE_EPOCH stamp it, same input same bytes") {
    load::Config cfg;
    cfg.contact = "democratic.services@northtown.example";
    Diagnostics d;
    const std::map<std::string, model::Date> published = {{"audit-2023-01-12", {2023, 1, 4}}};
    const auto a = render::ical::render_calendars(cfg, civic(), published, 1700000000, d);
    const auto b = render::ical::render_calendars(cfg, civic(), published, 1700000000, d);
    CHECK(a == b);
    const std::string& text = a.at("calendar.ics");
    CHECK(text.find("DTSTAMP:20230104T000000Z") != std::string::npos);  // recorded
    CHECK(text.find("DTSTAMP:20231114T221320Z") != std::string::npos);  // not recorded: the epoch
    CHECK(text.find("UID:audit-2023-01-12.audit@northtown.example") != std::string::npos);
    // Without an absolute base_url a calendar cannot address a page: no URL then.
    CHECK(text.find("\r\nURL:") == std::string::npos);
}

}  // namespace unit_calendar
