#include "model/document.hpp"

#include <array>
#include <cstdio>

namespace planpack::model {

bool horizontal_bars(const Chart& c) {
    if (c.kind != ChartKind::bar) return false;
    if (!c.time_series) return true;
    for (const auto& cat : c.categories)
        if (cat.size() > 10) return true;
    return false;
}

std::string label(const Section& s) {
    if (!s.label.empty()) return s.label;
    return (s.kind == SectionKind::appendix ? "Appendix " : "Section ") + std::to_string(s.number);
}

std::string_view to_string(DocumentKind k) {
    switch (k) {
        case DocumentKind::annual_plan: return "annual_plan";
        case DocumentKind::board_pack: return "board_pack";
        case DocumentKind::committee: return "committee";
        case DocumentKind::meeting: return "meeting";
        case DocumentKind::minutes: return "minutes";
        case DocumentKind::member: return "member";
        case DocumentKind::members: return "members";
    }
    return "";
}

std::string folder(const Document& d) { return d.path.empty() ? d.id : d.path; }

std::string root_prefix(const Document& d) {
    std::string out = "../";
    for (char c : folder(d))
        if (c == '/') out += "../";
    return out;
}

const char* month_name(int month) {
    static constexpr std::array<const char*, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? months[static_cast<size_t>(month - 1)] : "";
}

std::string section_heading(const Section& s) {
    if (s.kind == SectionKind::appendix) return label(s) + ": " + s.title;
    return s.number > 0 ? std::to_string(s.number) + ". " + s.title : s.title;
}

std::string format_long(const Date& d) {
    if (d.month < 1 || d.month > 12) return format_iso(d);
    return std::to_string(d.day) + ' ' + month_name(d.month) + ' ' + std::to_string(d.year);
}

std::string format_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

}  // namespace planpack::model

namespace planpack::model {

std::string format_time(const Time& t) {
    const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d.%02d %s", h12, t.minute, t.hour < 12 ? "am" : "pm");
    return buf;
}

const char* weekday(const Date& d) {
    // Sakamoto's method: 0 is Sunday.
    static constexpr std::array<int, 12> t = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    static constexpr std::array<const char*, 7> names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                         "Thursday", "Friday", "Saturday"};
    const int y = d.month < 3 ? d.year - 1 : d.year;
    const int w = (y + y / 4 - y / 100 + y / 400 + t[static_cast<size_t>((d.month + 11) % 12)] + d.day) % 7;
    return names[static_cast<size_t>(w)];
}

std::string format_meeting_date(const Date& d) { return std::string(weekday(d)) + ' ' + format_long(d); }

const char* purpose_text(Purpose p) {
    switch (p) {
        case Purpose::decision: return "For decision";
        case Purpose::discussion: return "For discussion";
        case Purpose::information: return "For information";
        case Purpose::none: break;
    }
    return "";
}

std::string erratum_heading(const Correction& c) { return "Correction, " + format_long(c.date) + "."; }

std::string erratum_text(const Document& doc, const Correction& c) {
    std::string reason = c.reason;
    if (!reason.empty() && reason.back() != '.' && reason.back() != '!' && reason.back() != '?') reason += '.';
    return "This " + std::string(doc.kind == model::DocumentKind::meeting ? "agenda pack" : "document") + " was published on " +
           format_long(doc.published) + " and corrected on " + format_long(c.date) + ": " + reason;
}

}  // namespace planpack::model
