// A committee's own page: who sits on it, whom to contact, and its meetings grouped by
// municipal year (newest first), each linking to its agenda and, once kept, its minutes.
#include <map>

#include "model/builders.hpp"
#include "model/paths.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

namespace {

using model::text;

constexpr const char* attendance_workbook = "attendance";

void membership(const Sources& s, const data::Committee& c, const model::Date& day, model::Blocks& out) {
    out.push_back(model::heading(2, "Members", "members"));
    out.push_back(model::paragraph(text("As at " + model::format_long(day) + ".")));
    model::List list;
    const auto members = data::members_on(c.members, day);
    const auto co_opted = data::members_on(c.co_opted, day);
    if (s.names.names_members()) {
        for (const auto* m : members) {
            std::string line = s.names.name_or_role(m->person.id, day);
            if (m->position == "chair") line += " (Chair)";
            if (m->position == "vice_chair") line += " (Vice-Chair)";
            list.items.push_back({std::nullopt, {model::paragraph(text(line))}});
        }
        for (const auto* m : co_opted)
            list.items.push_back({std::nullopt, {model::paragraph(text(s.names.with_role(m->person.id, day, m->type)))}});
    } else {
        list.items.push_back({std::nullopt, {model::paragraph(text(
            "Councillors: " + count_words(members.size()) + ", one of whom chairs the Committee"))}});
        std::map<std::string, size_t> types;
        for (const auto* m : co_opted) ++types[m->type];
        for (const auto& [type, n] : types)
            list.items.push_back({std::nullopt, {model::paragraph(text(type + ": " + count_words(n)))}});
    }
    out.push_back(model::Block{std::move(list)});
    out.push_back(model::heading(2, "Contact", "contact"));
    out.push_back(model::paragraph(text("For queries about the Committee please contact " + contact_text(s, c, day) + ".")));
}

}  // namespace

model::Document committee_document(const Sources& s, const data::Committee& c, const model::Civic& civic) {
    model::Document doc;
    doc.id = c.id;
    doc.kind = model::DocumentKind::committee;
    doc.path = committee_folder(c);
    doc.title = c.name;
    model::Section page;
    page.id = "index";
    page.title = c.name;
    page.source = {c.pos.file, 0, 0};

    // Newest year first, meetings in date order within it.
    std::map<std::string, std::vector<const data::CommitteeMeeting*>, std::greater<>> years;
    model::Date latest{};
    for (const auto& m : s.project.data.papers.meetings) {
        if (m.committee_ref.id != c.id) continue;
        years[data::municipal_year(c, m.date)].push_back(&m);
        if (latest < m.date) latest = m.date;
    }
    doc.published = doc.period_end = latest;
    page.blocks.push_back(model::paragraph(text("A committee of " + c.council + ".")));
    page.blocks.push_back(model::heading(2, "Meetings", "meetings"));
    if (years.empty()) page.blocks.push_back(model::paragraph(text("No meetings are published yet.")));
    for (const auto& [year, meetings] : years) {
        page.blocks.push_back(model::heading(3, "Municipal year " + year, "year-" + year.substr(0, 4)));
        model::List list;
        for (const auto* m : meetings) {
            const std::string folder = meeting_folder(c, *m);
            const model::Inline agenda = model::link(model::contents(folder), text(when(*m)));
            model::Inlines line =
                minutes_of(s, m->id)
                    ? model::Inlines{agenda, model::Inline{model::Text{" ("}},
                                     model::link(model::Target{folder, minutes_page, {}, {}}, text("minutes")), model::Inline{model::Text{")"}}}
                    : model::Inlines{agenda};
            if (m->cancelled) line.push_back(model::Inline{model::Text{" (cancelled)"}});
            list.items.push_back({std::nullopt, {model::paragraph(std::move(line))}});
        }
        page.blocks.push_back(model::Block{std::move(list)});
    }
    if (!years.empty()) membership(s, c, latest, page.blocks);
    if (auto table = committee_attendance(civic, c.id)) {
        page.blocks.push_back(model::heading(2, "Attendance", "attendance"));
        page.blocks.push_back(model::paragraph(
            {model::Inline{model::Text{"Counted from the minutes of each meeting; also as a "}},
             model::link(model::workbook(doc, attendance_workbook), text("spreadsheet")),
             model::Inline{model::Text{"."}}}));
        page.blocks.push_back(model::Block{*table});
        doc.workbooks.push_back({attendance_workbook, c.name + ": attendance", "Attendance at meetings, from the minutes",
                                 attendance_sheets(civic, c.id, std::move(*table))});
    }
    doc.sections.push_back(std::move(page));
    return doc;
}

}  // namespace planpack::transform::committee
