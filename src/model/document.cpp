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

std::string erratum_heading(const Correction& c) { return "Correction, " + format_long(c.date) + "."; }

std::string erratum_text(const Document& doc, const Correction& c) {
    std::string reason = c.reason;
    if (!reason.empty() && reason.back() != '.' && reason.back() != '!' && reason.back() != '?') reason += '.';
    return "This " + std::string(doc.kind == "meeting" ? "agenda pack" : "document") + " was published on " +
           format_long(doc.published) + " and corrected on " + format_long(c.date) + ": " + reason;
}

}  // namespace planpack::model
