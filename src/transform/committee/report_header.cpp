// The lines above a committee report's first section, from the registry and the agenda:
// nobody types an officer's title or the meeting's date into a report.
#include "model/builders.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

model::Blocks report_header(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                            const data::ReportMeta& meta) {
    auto line = [](const std::string& label, const std::string& value) {
        return model::paragraph({model::strong(label), model::Inline{model::Text{" " + value}}});
    };
    model::Blocks out;
    out.push_back(line("Report to:", c.name));
    std::vector<std::string> officers;
    for (const auto& o : meta.officers) officers.push_back(s.names.with_role(o.id, m.date));
    std::string joined;
    for (const auto& o : officers) joined += (joined.empty() ? "" : "; ") + o;
    out.push_back(line(officers.size() > 1 ? "Relevant officers:" : "Relevant officer:", joined));
    if (meta.cabinet_member)
        out.push_back(line("Relevant Cabinet Member:", s.names.with_role(meta.cabinet_member->id, m.date)));
    out.push_back(line("Date of meeting:", model::format_long(m.date)));
    return out;
}

}  // namespace planpack::transform::committee
