#include "render/ical/calendar.hpp"

#include <ctime>
#include <memory>

#include <libical/ical.h>

#include "model/paths.hpp"

namespace planpack::render::ical {

namespace {

// Every libical handle is owned the moment it is made.
struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

constexpr const char* zone = "Europe/London";

// Europe/London since 1996, when the UK's autumn change moved to the EU's last Sunday of
// October (the spring one has been the last Sunday of March since 1981): written here, not
// taken from the system's zoneinfo, so the bytes do not depend on the machine's tzdata.
constexpr const char* london = "BEGIN:VTIMEZONE\r\n"
                               "TZID:Europe/London\r\n"
                               "BEGIN:DAYLIGHT\r\n"
                               "TZOFFSETFROM:+0000\r\n"
                               "TZOFFSETTO:+0100\r\n"
                               "TZNAME:BST\r\n"
                               "DTSTART:19810329T010000\r\n"
                               "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                               "END:DAYLIGHT\r\n"
                               "BEGIN:STANDARD\r\n"
                               "TZOFFSETFROM:+0100\r\n"
                               "TZOFFSETTO:+0000\r\n"
                               "TZNAME:GMT\r\n"
                               "DTSTART:19961027T020000\r\n"
                               "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                               "END:STANDARD\r\n"
                               "END:VTIMEZONE\r\n";

icaltimetype local_time(const model::Date& d, const std::optional<model::Time>& t) {
    icaltimetype out = icaltime_null_time();
    out.year = d.year;
    out.month = d.month;
    out.day = d.day;
    out.is_date = t ? 0 : 1;
    if (t) {
        out.hour = t->hour;
        out.minute = t->minute;
    }
    return out;
}

icaltimetype utc_time(std::int64_t seconds) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0, icaltimezone_get_utc_timezone());
}

icaltimetype utc_midnight(const model::Date& d) {
    icaltimetype out = local_time(d, model::Time{0, 0});
    out.zone = icaltimezone_get_utc_timezone();
    return out;
}

void add(icalcomponent* c, icalproperty* p) { icalcomponent_add_property(c, p); }

// A time of day is Europe/London's; a day alone (no time on the agenda) has no zone.
void add_time(icalcomponent* event, icalproperty* p, bool timed) {
    if (timed) icalproperty_add_parameter(p, icalparameter_new_tzid(zone));
    add(event, p);
}

class Writer {
public:
    Writer(const load::Config& cfg, const model::Civic& civic, const std::map<std::string, model::Date>& published,
           std::optional<std::int64_t> epoch)
        : cfg_(cfg), civic_(civic), published_(published), epoch_(epoch) {}

    // A calendar of the meetings `take` accepts; nullopt when libical fails. No METHOD: it
    // is a calendar to import or subscribe to, not an iTIP message (RFC 5546), which would
    // need an ORGANIZER with a mailbox for every meeting.
    template <typename Take>
    std::optional<std::string> calendar(const std::string& name, Take take, Diagnostics& diags, const std::string& file) {
        Component cal(icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
                                          icalproperty_new_prodid("-//planpack//planpack " PLANPACK_VERSION "//EN"),
                                          icalproperty_new_calscale("GREGORIAN"), nullptr));
        icalproperty* title = icalproperty_new_x(name.c_str());
        icalproperty_set_x_name(title, "X-WR-CALNAME");
        add(cal.get(), title);
        icalproperty* tz = icalproperty_new_x(zone);
        icalproperty_set_x_name(tz, "X-WR-TIMEZONE");
        add(cal.get(), tz);
        bool timed = false;
        std::vector<Component> events;
        for (const auto& m : civic_.meetings)
            if (take(m)) {
                events.push_back(event(m));
                timed = timed || m.start.has_value();
            }
        if (timed) {
            Component london_zone(icalparser_parse_string(london));
            if (!london_zone) {
                diags.error({file, 0, 0}, "libical could not read the Europe/London time zone");
                return std::nullopt;
            }
            icalcomponent_add_component(cal.get(), london_zone.release());
        }
        for (auto& e : events) icalcomponent_add_component(cal.get(), e.release());
        char* text = icalcomponent_as_ical_string_r(cal.get());
        if (!text) {
            diags.error({file, 0, 0}, "libical could not write the calendar");
            return std::nullopt;
        }
        std::string out(text);
        icalmemory_free_buffer(text);
        return out;
    }

private:
    Component event(const model::CivicMeeting& m) const {
        Component e(icalcomponent_new(ICAL_VEVENT_COMPONENT));
        add(e.get(), icalproperty_new_uid(uid(cfg_, m).c_str()));
        add(e.get(), icalproperty_new_dtstamp(stamp(m)));
        add_time(e.get(), icalproperty_new_dtstart(local_time(m.date, m.start)), m.start.has_value());
        if (m.start && m.end && (m.end->hour > m.start->hour || (m.end->hour == m.start->hour && m.end->minute > m.start->minute)))
            add_time(e.get(), icalproperty_new_dtend(local_time(m.date, m.end)), true);
        const auto* c = civic_.committee(m.committee);
        add(e.get(), icalproperty_new_summary(((c ? c->name : m.committee) + (m.cancelled ? " (cancelled)" : "")).c_str()));
        if (!m.venue.empty()) add(e.get(), icalproperty_new_location(m.venue.c_str()));
        const std::string page = model::absolute_url(cfg_.base_url, model::site_path(m.agenda));
        std::string description = m.cancelled ? "This meeting has been cancelled." : "The agenda and papers for the meeting.";
        if (!page.empty()) {
            add(e.get(), icalproperty_new_url(page.c_str()));
            description += "\n" + page;
        }
        add(e.get(), icalproperty_new_description(description.c_str()));
        add(e.get(), icalproperty_new_status(m.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        add(e.get(), icalproperty_new_sequence(m.cancelled ? 1 : 0));
        add(e.get(), icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
        return e;
    }

    icaltimetype stamp(const model::CivicMeeting& m) const {
        if (m.cancelled) return utc_midnight(*m.cancelled);
        if (auto it = published_.find(m.id); it != published_.end()) return utc_midnight(it->second);
        if (epoch_) return utc_time(*epoch_);
        return utc_midnight(m.issued);
    }

    const load::Config& cfg_;
    const model::Civic& civic_;
    const std::map<std::string, model::Date>& published_;
    std::optional<std::int64_t> epoch_;
};

}  // namespace

std::string uid(const load::Config& config, const model::CivicMeeting& m) {
    return m.id + "." + m.committee + "@" + model::authority(config.base_url, config.contact);
}

output::OutputTree render_calendars(const load::Config& config, const model::Civic& civic,
                                    const std::map<std::string, model::Date>& published,
                                    std::optional<std::int64_t> source_date_epoch, Diagnostics& diags) {
    output::OutputTree tree;
    if (civic.meetings.empty()) return tree;
    Writer w(config, civic, published, source_date_epoch);
    auto put = [&](const std::string& path, std::optional<std::string> text) {
        if (text) tree[path] = std::move(*text);
    };
    const std::string all = model::calendar_path();
    put(all, w.calendar(config.local_authority + ": committee meetings", [](const auto&) { return true; }, diags, all));
    for (const auto& c : civic.committees) {
        const std::string path = model::calendar_path(c.folder);
        put(path, w.calendar(c.name, [&](const model::CivicMeeting& m) { return m.committee == c.id; }, diags, path));
    }
    for (const auto& m : civic.meetings) {
        const std::string path = model::meeting_calendar_path(m.folder);
        put(path, w.calendar(m.title, [&](const model::CivicMeeting& x) { return &x == &m; }, diags, path));
    }
    return tree;
}

}  // namespace planpack::render::ical
