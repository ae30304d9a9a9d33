// A meeting as one document, its agenda pack: the front sheet, then each item's papers in
// agenda order (its report or the minutes it approves, then its appendices, each labelled
// from the item's number), bound so a paged renderer starts each item on an odd page with
// its stamp and fills the front sheet's page ranges from where the items really fell.
#include <algorithm>
#include <map>
#include <set>

#include "model/builders.hpp"
#include "model/find_by.hpp"
#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "transform/committee/parts.hpp"
#include "transform/number_report.hpp"
#include "transform/transforms.hpp"

namespace planpack::transform {

namespace committee {

namespace {

using model::text;

const data::Report* report(const Sources& s, const std::string& id) {
    return model::find_by(s.project.data.papers.reports, [](const data::Report& r) -> const std::string& { return r.meta.id; }, id);
}

const model::Document* plan(const Sources& s, const std::string& id) {
    for (const auto& d : s.plans)
        if (d.id == id) return &d;
    return nullptr;
}

// "a", "b", ... "z", "aa", "ab", ...
std::string letter(size_t j) {
    std::string out;
    for (size_t n = j + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
    return out;
}

// The words of a report's purpose, which the agenda repeats: its first paragraph.
std::string purpose_of(const Sources& s, const data::Report& r) {
    auto t = s.templates.reports.find(r.meta.template_name);
    if (t == s.templates.reports.end()) return "";
    bool in_purpose = false;
    for (const auto& b : r.section.blocks) {
        if (const auto* h = std::get_if<model::Heading>(&b.value); h && h->level == 2) {
            auto i = t->second.match(model::plain_text(h->content));
            in_purpose = i && t->second.sections[*i].key == "purpose";
        } else if (const auto* p = std::get_if<model::Paragraph>(&b.value); p && in_purpose) {
            return model::plain_text(p->content);
        }
    }
    return "";
}

struct Built {
    model::Document doc;
    std::set<std::string> borrowed;  // ids of sections copied from finished documents
    std::vector<std::pair<std::string, transform::ReportSpec>> reports;  // section id, its spec
    std::map<std::string, const data::Report*> sources;
};

// stamp: what every page of an exempt item's papers says in restricted output.
void bind_to_item(std::vector<model::Section>& papers, int number, const std::string& exempt_stamp) {
    for (size_t i = 0; i < papers.size(); ++i) {
        model::Binding& b = papers[i].binding;
        b.item = number;
        if (i == 0) {
            b.odd_page_start = true;
            b.stamp = "Agenda Item " + std::to_string(number);
        }
        if (!exempt_stamp.empty()) {
            papers[i].exempt = true;
            papers[i].exempt_stamp = exempt_stamp;
        }
    }
}

// The minutes of an earlier meeting, borrowed from their own document.
void borrow_minutes(const std::map<std::string, model::Document>& minutes, const data::Item& item,
                    std::vector<model::Section>& papers) {
    auto it = minutes.find(item.minutes);
    if (it == minutes.end()) return;
    for (const model::Section& sec : it->second.sections) {
        model::Section copy = sec;
        copy.elsewhere = model::page(it->second, sec);
        copy.id = item.id + (sec.exempt ? "-exempt" : "");
        papers.push_back(std::move(copy));
    }
}

void appendix(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m, const data::Appendix& a,
              const std::string& label, bool exempt, std::vector<model::Section>& papers,
              std::vector<Attachment>& attachments, std::vector<transform::AppendixEntry>& entries) {
    model::Section divider;
    divider.id = a.id;
    divider.kind = model::SectionKind::appendix;
    divider.label = label;
    divider.source = a.pos;
    const model::Document* d = a.document.empty() ? nullptr : plan(s, a.document);
    divider.title = !a.title.empty() ? a.title : d ? d->title : a.document;
    if (d) {
        divider.elsewhere = model::contents(*d);
        divider.blocks.push_back(model::paragraph(text(d->title + ", published " + model::format_long(d->published) +
                                                       ", follows in full.")));
    } else {
        const std::string name = std::filesystem::path(a.file).filename().string();
        divider.elsewhere = model::Target{meeting_folder(c, m), {}, {}, a.id + "-" + name};
        attachments.push_back({model::site_path(*divider.elsewhere), a.file, exempt});
        divider.blocks.push_back(model::paragraph(text("Published as a separate file, " + name + ".")));
    }
    entries.push_back({label, divider.title, divider.id});
    papers.push_back(std::move(divider));
    if (!d) return;
    for (const model::Section& sec : d->sections) {
        model::Section copy = sec;
        copy.elsewhere = model::page(*d, sec);
        copy.id = a.id + "-" + sec.id;
        papers.push_back(std::move(copy));
    }
}

std::optional<transform::ReportSpec> spec_for(const Sources& s, const data::Report& r, const data::Item& item,
                                              Diagnostics& diags) {
    const data::ReportMeta& meta = r.meta;
    auto t = s.templates.reports.find(meta.template_name);
    if (t == s.templates.reports.end()) {
        std::string known;
        for (const auto& [name, _] : s.templates.reports) known += (known.empty() ? "" : ", ") + name;
        diags.error(meta.template_pos, "unknown report template '" + meta.template_name + "' (known: " + known + ")");
        return std::nullopt;
    }
    transform::ReportSpec spec;
    spec.tmpl = &t->second;
    spec.answers = meta.answers;
    spec.answer_pos = meta.answer_pos;
    spec.front_matter = meta.pos;
    spec.background_papers = meta.background_papers;
    for (const auto& ref : meta.priorities)
        for (const auto& p : s.project.config.priorities)
            if (p.id == ref.id) spec.priorities.push_back(p.text);
    // The agenda decides what is exempt; a report that says otherwise would publish, or
    // withhold, the wrong thing.
    auto exempt = meta.answers.find("exempt");
    if (exempt != meta.answers.end() && (exempt->second == data::Answer::yes) != item.exempt.has_value())
        diags.error(meta.answer_pos.at("exempt"),
                    item.exempt ? "agenda item '" + item.id + "' is exempt, but the report answers that it holds no exempt information"
                                : "the report says it holds exempt information, but its agenda item '" + item.id +
                                      "' is not exempt: give the item exempt = PARAGRAPH in the meeting's agenda");
    return spec;
}

// restricted: the pack with its exempt papers bound in, which says so: its heading, and its
// front sheet's exempt items, in the restricted words of exemptions.toml.
Built meeting_document(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m,
                       const std::map<std::string, model::Document>& minutes, std::vector<Attachment>& attachments,
                       bool restricted, Diagnostics& diags) {
    const data::Exemptions& words = s.templates.exemptions;
    Built out;
    model::Document& doc = out.doc;
    if (restricted) doc.restricted_marker = words.restricted_marker;
    doc.id = m.id;
    doc.kind = model::DocumentKind::meeting;
    doc.path = meeting_folder(c, m);
    doc.title = c.name + ", " + model::format_long(m.date);
    doc.published = m.issued;
    doc.period_start = doc.period_end = m.date;
    doc.meeting = model::MeetingDetails{c.name, m.date, m.time, m.venue.empty() ? c.default_venue : m.venue,
                                        m.cancelled};
    doc.as_of = m.date;  // its reports' figures are judged as at the meeting

    std::vector<ItemView> views;
    std::vector<model::Section> all_papers;
    for (size_t i = 0; i < m.items.size(); ++i) {
        const data::Item& item = m.items[i];
        ItemView iv{&item, static_cast<int>(i) + 1, item_title(s, item), item.purpose, "", ""};
        const bool exempt = item.exempt.has_value();
        if (exempt) {
            if (!s.templates.exemptions.description(*item.exempt))
                diags.error(item.exempt_pos, "exempt = " + std::to_string(*item.exempt) +
                                                 " is not a paragraph listed in templates/committee/exemptions.toml");
            iv.notice = words.fill(restricted ? words.restricted_notice : words.notice, *item.exempt);
        }
        std::vector<model::Section> papers;
        std::vector<transform::AppendixEntry> entries;
        const data::Report* r = item.report.empty() ? nullptr : report(s, item.report);
        if (!item.minutes.empty()) {
            borrow_minutes(minutes, item, papers);
            if (const auto* earlier = meeting(s, item.minutes); earlier && iv.purpose.empty())
                iv.purpose = "To agree the minutes of the last meeting held on " + model::format_long(earlier->date) +
                             " as a true and correct record.";
        }
        if (r) {
            papers.push_back(r->section);
            if (iv.purpose.empty()) iv.purpose = purpose_of(s, *r);
        }
        const auto& appendices = r ? r->meta.appendices : item.appendices;
        for (size_t j = 0; j < appendices.size(); ++j)
            appendix(s, c, m, appendices[j], "Appendix " + std::to_string(iv.number) + "(" + letter(j) + ")", exempt,
                     papers, attachments, entries);
        if (r)
            if (auto spec = spec_for(s, *r, item, diags)) {
                spec->appendices = entries;
                out.reports.emplace_back(r->meta.id, std::move(*spec));
                out.sources[r->meta.id] = r;
            }
        if (!papers.empty() && (!exempt || restricted)) iv.page = papers.front().id;
        // A page elsewhere and no label of this pack's: a copy (an appendix's divider is built here).
        for (const auto& p : papers)
            if (p.elsewhere && p.label.empty()) out.borrowed.insert(p.id);
        bind_to_item(papers, iv.number, exempt ? words.fill(words.restricted_stamp, *item.exempt) : std::string());
        for (auto& p : papers) all_papers.push_back(std::move(p));
        views.push_back(std::move(iv));
    }
    doc.sections.push_back(front_sheet(s, c, m, views));
    for (auto& p : all_papers) doc.sections.push_back(std::move(p));
    return out;
}

// The passes a plan's sections get, then the report numbering, which needs tables
// captioned and directives expanded first, and gives the headings their ids.
void transform_pack(const Sources& s, const data::Committee& c, const data::CommitteeMeeting& m, Built& b,
                    Diagnostics& diags) {
    // Borrowed sections were finished in their own documents: they stay as link targets,
    // but their text is set aside so no pass runs over it twice.
    std::map<std::string, std::pair<model::Blocks, std::vector<model::Footnote>>> stash;
    for (auto& sec : b.doc.sections)
        if (b.borrowed.count(sec.id)) stash[sec.id] = {std::move(sec.blocks), std::move(sec.footnotes)};
    locate_assets(b.doc);
    attach_table_captions(b.doc, diags);
    expand_directives(b.doc, s.project.data, s.ctx, diags);
    for (auto& [id, spec] : b.reports) {
        const std::string& report_id = id;  // clang 14 cannot capture a structured binding
        auto sec = std::find_if(b.doc.sections.begin(), b.doc.sections.end(),
                                [&](const auto& x) { return x.id == report_id; });
        number_report(*sec, spec, diags);
        model::Blocks header = report_header(s, c, m, b.sources[id]->meta);
        sec->blocks.insert(sec->blocks.begin(), std::make_move_iterator(header.begin()),
                           std::make_move_iterator(header.end()));
    }
    assign_heading_ids(b.doc, diags);
    Library library;
    for (const auto& d : s.plans) library.push_back(&d);
    resolve_xrefs(b.doc, diags, library);
    for (auto& sec : b.doc.sections)
        if (auto it = stash.find(sec.id); it != stash.end()) {
            sec.blocks = std::move(it->second.first);
            sec.footnotes = std::move(it->second.second);
        }
}

}  // namespace

const data::Minutes* minutes_of(const Sources& s, const std::string& meeting_id) {
    for (const auto& m : s.project.data.papers.minutes)
        if (m.meeting.id == meeting_id) return &m;
    return nullptr;
}

const data::CommitteeMeeting* meeting(const Sources& s, const std::string& id) {
    return model::find_by(s.project.data.papers.meetings, &data::CommitteeMeeting::id, id);
}

std::string item_title(const Sources& s, const data::Item& item) {
    if (!item.title.empty()) return item.title;
    if (const data::Report* r = item.report.empty() ? nullptr : report(s, item.report)) return r->meta.title;
    if (const auto* m = item.minutes.empty() ? nullptr : meeting(s, item.minutes))
        return "Minutes of the last meeting held on " + model::format_long(m->date);
    return item.id;
}

}  // namespace committee

CommitteePapers build_committee_papers(const load::Project& project, const std::vector<model::Document>& plans,
                                       const load::CommitteeTemplates& templates, const Context& ctx,
                                       Diagnostics& diags) {
    const committee::Sources s{project, plans, templates, ctx, committee::Names(project.data.people, ctx.privacy)};
    CommitteePapers out;
    out.civic = committee::civic_record(s);
    std::map<std::string, model::Document> minutes;
    for (const auto& [id, c] : project.data.committees)
        out.documents.push_back(committee::committee_document(s, c, out.civic));
    for (auto& doc : committee::member_documents(out.civic)) out.documents.push_back(std::move(doc));
    for (const auto& m : project.data.papers.meetings) {
        auto c = project.data.committees.find(m.committee_ref.id);
        if (c == project.data.committees.end()) continue;
        if (auto doc = committee::minutes_document(s, c->second, m, diags)) {
            // Finished before the next agenda borrows them.
            locate_assets(*doc);
            attach_table_captions(*doc, diags);
            assign_heading_ids(*doc, diags);
            resolve_xrefs(*doc, diags);
            minutes.emplace(m.id, std::move(*doc));
        }
    }
    for (const auto& m : project.data.papers.meetings) {
        auto c = project.data.committees.find(m.committee_ref.id);
        if (c == project.data.committees.end()) continue;
        committee::check_notice(m, templates.bank_holidays, diags);
        committee::Built b = committee::meeting_document(s, c->second, m, minutes, out.attachments, false, diags);
        committee::transform_pack(s, c->second, m, b, diags);
        out.documents.push_back(std::move(b.doc));
        if (std::none_of(m.items.begin(), m.items.end(), [](const data::Item& i) { return i.exempt.has_value(); }))
            continue;
        // The same papers again, bound whole and marked; whatever is wrong with them was
        // reported by the public pass, so this one's diagnostics and files are not kept.
        Diagnostics again;
        std::vector<Attachment> same;
        committee::Built r = committee::meeting_document(s, c->second, m, minutes, same, true, again);
        committee::transform_pack(s, c->second, m, r, again);
        out.restricted_packs.push_back(std::move(r.doc));
    }
    for (auto& [id, doc] : minutes) out.documents.push_back(std::move(doc));
    committee::offer_alternates(out.civic, out.documents);
    return out;
}

}  // namespace planpack::transform
