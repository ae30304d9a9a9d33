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

std::string section_heading(const Section& s) {
    if (s.kind == SectionKind::appendix) return label(s) + ": " + s.title;
    return s.number > 0 ? std::to_string(s.number) + ". " + s.title : s.title;
}

}  // namespace planpack::model

namespace planpack::model {

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
