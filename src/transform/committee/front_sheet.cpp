// The agenda's front sheet: who is summoned, when and where, the items with their
// purposes and (in a bound pack) their page ranges, and where to ask.
#include <array>

#include "model/builders.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

namespace {

using model::Inline;
using model::text;

model::Inlines labelled(const std::string& label, const std::string& value) {
    return {model::strong(label), Inline{model::Text{" " + value}}};
}

// "Councillors Burdess, D Coleman and Stansfield", or in roles-only mode how many.
std::string addressees(const Names& names, const std::vector<const data::Membership*>& members, bool co_opted) {
    std::vector<std::string> ids;
    for (const auto* m : members) ids.push_back(m->person.id);
    if (names.names_members()) return (co_opted ? "" : "Councillors ") + names.listed(ids);
    if (co_opted) return "the " + count_words(ids.size()) + " co-opted members of the Committee";
    return "the " + count_words(ids.size()) + " councillors who are members of the Committee";
}

model::Blocks item_blocks(const ItemView& iv) {
    model::Inlines heading;
    heading.push_back(Inline{model::Text{std::to_string(iv.number) + ". "}});
    if (!iv.page.empty()) {
        model::Link link;
        link.url = "xref:" + iv.page;
        link.content = text(iv.title);
        heading.push_back(Inline{std::move(link)});
    } else {
        heading.push_back(Inline{model::Text{iv.title}});
    }
    heading.push_back(Inline{model::PageRange{iv.number, ""}});
    model::Blocks out;
    out.push_back(model::Block{model::Heading{3, std::move(heading), "item-" + std::to_string(iv.number), {}}});
    if (!iv.notice.empty()) out.push_back(model::paragraph({Inline{model::Emph{text(iv.notice)}}}));
    else if (!iv.purpose.empty()) out.push_back(model::paragraph(text(iv.purpose)));
    return out;
}

}  // namespace

std::string committee_folder(const data::Committee& c) { return "committees/" + c.id; }

std::string meeting_folder(const data::Committee& c, const data::CommitteeMeeting& m) {
    return committee_folder(c) + "/" + m.id;
}

std::string when(const data::CommitteeMeeting& m) {
    std::string out = std::string(model::weekday(m.date)) + ", " + model::format_long(m.date);
    if (m.time) out += " at " + model::format_time(*m.time);
    return out;
}

std::string contact_text(const Sources& s, const data::Committee& c, const model::Date& day) {
    std::string out = std::string(s.names.named(c.contact_officer.id) ? "" : "the ") +
                      s.names.with_role(c.contact_officer.id, day);
    for (const auto& ct : s.names.contacts(c.contact_officer.id, c.contacts)) out += ", " + data::contact_text(ct);
    return out;
}

model::Section front_sheet(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                           const std::vector<ItemView>& items) {
    model::Section sheet;
    sheet.id = "index";
    sheet.title = c.name;  // the front sheet is headed by the committee, as printed packs are
    sheet.source = {m.file, 0, 0};
    sheet.binding.unnumbered = true;
    model::Blocks& b = sheet.blocks;
    const std::string venue = m.venue.empty() ? c.default_venue : m.venue;
    b.push_back(model::paragraph(labelled("Date and time:", when(m))));
    b.push_back(model::paragraph(labelled("Venue:", venue)));
    const auto members = data::members_on(c.members, m.date);
    const auto co_opted = data::members_on(c.co_opted, m.date);
    b.push_back(model::paragraph(labelled("To:", addressees(s.names, members, false))));
    if (!co_opted.empty()) b.push_back(model::paragraph(labelled("Co-optees:", addressees(s.names, co_opted, true))));
    b.push_back(model::paragraph(text("The above members are requested to attend the meeting of the " + c.name +
                                      ". Agenda issued by " + c.council + " on " + model::format_long(m.issued) + ".")));
    b.push_back(model::heading(2, "Agenda", "agenda"));
    for (const ItemView& iv : items)
        for (auto& block : item_blocks(iv)) b.push_back(std::move(block));
    if (!c.venue_information.empty()) {
        b.push_back(model::heading(2, "Venue information", "venue-information"));
        b.push_back(model::paragraph(text(c.venue_information)));
    }
    b.push_back(model::heading(2, "Other information", "other-information"));
    b.push_back(model::paragraph(text("For queries regarding this agenda please contact " +
                                      contact_text(s, c, m.date) + ".")));
    if (!c.web_statement.empty()) b.push_back(model::paragraph(text(c.web_statement)));
    return sheet;
}

}  // namespace planpack::transform::committee
