// Minutes as a document: who was present, then one minute per agenda item in agenda
// order, numbered as the agenda numbers them, with the resolutions. An exempt item's
// minute shows its title and notice; the minute itself goes into an exempt section.
#include <algorithm>

#include "model/builders.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

namespace {

using model::text;

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::vector<std::string> ids_of(const std::vector<data::Ref>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.id);
    return out;
}

const char* verb(data::ResolutionKind k) { return k == data::ResolutionKind::noted ? "noted" : "agreed"; }

const char* kind_label(data::ResolutionKind k) {
    switch (k) {
        case data::ResolutionKind::agreed: return "Agreed";
        case data::ResolutionKind::noted: return "Noted";
        case data::ResolutionKind::deferred: return "Deferred";
    }
    return "";
}

// "The Committee agreed that the update be noted." or "The Committee agreed:" and a list.
void resolutions(const std::vector<data::Resolution>& rs, model::Blocks& out) {
    if (rs.empty()) return;
    const bool same = std::all_of(rs.begin(), rs.end(), [&](const auto& r) { return r.kind == rs[0].kind; });
    if (rs.size() == 1 && rs[0].text.rfind("That ", 0) == 0) {
        out.push_back(model::paragraph(text(std::string("The Committee ") + verb(rs[0].kind) + " that " +
                                            rs[0].text.substr(5))));
        return;
    }
    out.push_back(model::paragraph(text(same ? std::string("The Committee ") + verb(rs[0].kind) + ":"
                                             : std::string("The Committee resolved:"))));
    model::List list;
    list.ordered = true;
    for (const auto& r : rs) {
        model::Inlines item;
        if (!same) item.push_back(model::strong(std::string(kind_label(r.kind)) + ":"));
        item.push_back(model::Inline{model::Text{(same ? "" : " ") + r.text}});
        list.items.push_back({std::nullopt, {model::paragraph(std::move(item))}});
    }
    out.push_back(model::Block{std::move(list)});
}

void attendance(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                const data::Minutes& mins, model::Blocks& out) {
    const Names& names = s.names;
    out.push_back(model::heading(2, "Present", "present"));
    out.push_back(model::paragraph(text(names.name_or_role(mins.chair.id, m.date, "A member of the Committee") +
                                        " (in the Chair)")));
    if (!mins.present.empty()) {
        const std::vector<std::string> ids = ids_of(mins.present);
        out.push_back(model::paragraph(text(names.names_members() ? (ids.size() > 1 ? "Councillors " : "Councillor ") + names.listed(ids)
                                                         : capitalised(count_words(ids.size())) +
                                                               (ids.size() > 1 ? " other councillors" : " other councillor") +
                                                               " of the Committee")));
    }
    model::List co_opted;
    for (const auto& ref : mins.co_opted) {
        std::string type = "Co-opted Member";
        for (const auto& mem : c.co_opted)
            if (mem.person.id == ref.id && mem.on(m.date)) type = mem.type;
        co_opted.items.push_back({std::nullopt, {model::paragraph(text(names.with_role(ref.id, m.date, type)))}});
    }
    if (!co_opted.items.empty()) out.push_back(model::Block{std::move(co_opted)});
    if (!mins.in_attendance.empty()) {
        out.push_back(model::heading(2, "In attendance", "in-attendance"));
        model::List list;
        for (const auto& a : mins.in_attendance)
            list.items.push_back({std::nullopt, {model::paragraph(text(names.with_role(a.person.id, m.date, a.capacity)))}});
        out.push_back(model::Block{std::move(list)});
    }
    if (!mins.apologies.empty()) {
        out.push_back(model::heading(2, "Apologies", "apologies"));
        std::vector<std::string> who;
        for (const auto& a : mins.apologies) who.push_back(names.name_or_role(a.id, m.date, ""));
        out.push_back(model::paragraph(text(names.names_members() ? "Apologies for absence were received from " + join_and(who) + "."
                                                         : "Apologies for absence were received from " +
                                                               count_words(who.size()) + " members of the Committee.")));
    }
}

void minute_blocks(const Sources& s, const data::CommitteeMeeting& m, const data::Minute& minute, model::Blocks& out) {
    for (const auto& b : minute.body) out.push_back(b);
    resolutions(minute.resolutions, out);
    for (const auto& who : minute.left)
        out.push_back(model::paragraph(text(s.names.name_or_role(who.id, m.date, "A member of the Committee") +
                                            " left the meeting during this item.")));
}

}  // namespace

std::optional<model::Document> minutes_document(const Sources& s, const data::Committee& c,
                                                const data::CommitteeMeeting& m, Diagnostics& diags) {
    const data::Minutes* mins = minutes_of(s, m.id);
    if (!mins) return std::nullopt;
    model::Document doc;
    doc.id = m.id + "-minutes";
    doc.kind = model::DocumentKind::minutes;
    doc.path = meeting_folder(c, m);
    doc.title = c.name + ": minutes of " + model::format_long(m.date);
    doc.period_start = doc.period_end = doc.published = m.date;
    doc.meeting = model::MeetingDetails{c.name, m.date, m.time, m.venue.empty() ? c.default_venue : m.venue, {}};
    doc.as_of = m.date;

    model::Section pub, exempt;
    pub.id = minutes_page;
    pub.title = "Minutes of the meeting held on " + when(m);
    pub.source = exempt.source = {mins->file, 0, 0};
    exempt.id = "minutes-exempt";
    exempt.title = "Exempt minutes of the meeting held on " + when(m);
    exempt.exempt = true;
    attendance(s, c, m, *mins, pub.blocks);
    for (size_t i = 0; i < m.items.size(); ++i) {
        const data::Item& item = m.items[i];
        auto minute = std::find_if(mins->minutes.begin(), mins->minutes.end(),
                                   [&](const data::Minute& x) { return x.item.id == item.id; });
        if (minute == mins->minutes.end()) {
            diags.warning(item.pos, "item " + std::to_string(i + 1) + " ('" + item.id + "') has no minute in " + mins->file);
            continue;
        }
        const std::string heading = std::to_string(i + 1) + ". " + item_title(s, item);
        const std::string anchor = "minute-" + std::to_string(i + 1);
        pub.blocks.push_back(model::heading(2, heading, anchor));
        if (item.exempt) {
            pub.blocks.push_back(model::paragraph({model::Inline{model::Emph{
                text(s.templates.exemptions.notice_for(*item.exempt))}}}));
            exempt.blocks.push_back(model::heading(2, heading, anchor));
            minute_blocks(s, m, *minute, exempt.blocks);
            const auto& words = s.templates.exemptions;
            const std::string stamp = words.fill(words.restricted_stamp, *item.exempt);
            if (exempt.exempt_stamp.find(stamp) == std::string::npos)
                exempt.exempt_stamp += (exempt.exempt_stamp.empty() ? "" : "; ") + stamp;
        } else {
            minute_blocks(s, m, *minute, pub.blocks);
        }
    }
    if (mins->ended) pub.blocks.push_back(model::paragraph(text("(The meeting ended at " + model::format_time(*mins->ended) + ")")));
    pub.blocks.push_back(model::paragraph(text("Any queries regarding these minutes, please contact " +
                                               contact_text(s, c, m.date) + ".")));
    doc.sections.push_back(std::move(pub));
    if (!exempt.blocks.empty()) doc.sections.push_back(std::move(exempt));
    return doc;
}

}  // namespace planpack::transform::committee
