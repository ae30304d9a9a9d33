// Members' pages and attendance tables, from the public record (civic.cpp): a page per
// councillor and co-opted member with their committees and roles over time and their
// attendance per committee and municipal year; a list of them; and the table a committee's
// page and workbook show. One table builder, so the page, the workbook and the open data
// count the same way (model::count).
#include <cctype>
#include <map>
#include <tuple>

#include "model/builders.hpp"
#include "model/paths.hpp"
#include "transform/committee/parts.hpp"

namespace planpack::transform::committee {

namespace {

using model::text;

// The totals of the meetings held (cancelled ones are not), by key.
template <typename Key, typename KeyOf>
std::map<Key, model::AttendanceTally> tallies(const model::Civic& civic, KeyOf key_of) {
    std::map<Key, model::AttendanceTally> out;
    for (const auto& m : civic.meetings)
        for (const auto& a : m.attendance)
            if (auto k = key_of(m, a)) model::count(a, out[*k]);
    return out;
}

model::TableCell count_cell(int n) { return model::number_cell(n, std::to_string(n)); }

std::vector<model::TableCell> figures(const model::AttendanceTally& t) {
    return {count_cell(t.expected), count_cell(t.present), count_cell(t.apologies), count_cell(t.absent),
            count_cell(t.substituted), count_cell(t.as_substitute)};
}

model::Table attendance_table(std::string id, std::string caption, std::vector<std::string> keys) {
    model::Table t;
    t.id = std::move(id);
    t.caption = text(std::move(caption));
    t.row_headers = true;
    model::TableRow head;
    for (auto& k : keys) head.cells.emplace_back(text(std::move(k)));
    for (const char* h : {"Expected", "Present", "Apologies", "Absent", "Substituted", "As substitute"})
        head.cells.emplace_back(text(h));
    t.head.push_back(std::move(head));
    t.aligns.assign(keys.size(), model::Align::left);
    t.aligns.resize(keys.size() + 6, model::Align::right);
    t.notes.push_back(text("Expected: meetings held while a member. Absent: expected, not present, and no apologies "
                           "recorded. Substituted: another councillor sat in the member's place. As substitute: "
                           "meetings attended in another member's place. Counted from the minutes."));
    return t;
}

const char* role_text(const std::string& role) {
    if (role == "chair") return "Chair";
    if (role == "vice-chair") return "Vice-Chair";
    if (role == "co-opted member") return "Co-opted member";
    return "Member";
}

std::string period(const model::CivicMembership& m) {
    if (m.from && m.to) return "from " + model::format_long(*m.from) + " to " + model::format_long(*m.to);
    if (m.from) return "since " + model::format_long(*m.from);
    if (m.to) return "until " + model::format_long(*m.to);
    return "";
}

model::Document member_document(const model::Civic& civic, const model::CivicPerson& p) {
    model::Document doc;
    doc.id = "member-" + p.id;
    doc.kind = model::DocumentKind::member;
    doc.path = model::member_folder(p.id);
    doc.title = p.name;
    model::Section page;
    page.id = "index";
    page.title = p.name;
    page.blocks.push_back(model::paragraph(text(std::string(p.kind == "councillor" ? "A councillor" : "A co-opted member") +
                                                ", as the committees' papers record.")));
    page.blocks.push_back(model::heading(2, "Committees", "committees"));
    model::List list;
    model::Date latest{};
    for (const auto& c : civic.committees)
        for (const auto& m : c.members) {
            if (m.person != p.id) continue;
            std::string role = role_text(m.role);
            if (!m.type.empty()) role = m.type;
            const std::string when = period(m);
            model::Inlines line{model::link(model::contents(c.folder), text(c.name)),
                                model::Inline{model::Text{": " + role + (when.empty() ? "" : ", " + when)}}};
            list.items.push_back({std::nullopt, {model::paragraph(std::move(line))}});
        }
    if (list.items.empty()) page.blocks.push_back(model::paragraph(text("No committee seats are recorded.")));
    else page.blocks.push_back(model::Block{std::move(list)});

    page.blocks.push_back(model::heading(2, "Attendance", "attendance"));
    using Key = std::tuple<std::string, std::string>;  // committee name, year
    auto rows = tallies<Key>(civic, [&](const model::CivicMeeting& m, const model::CivicAttendance& a) -> std::optional<Key> {
        if (a.person != p.id) return std::nullopt;
        const auto* c = civic.committee(m.committee);
        return Key{c ? c->name : m.committee, m.year};
    });
    for (const auto& m : civic.meetings)
        if (latest < m.date)
            for (const auto& a : m.attendance)
                if (a.person == p.id) latest = m.date;
    if (rows.empty()) {
        page.blocks.push_back(model::paragraph(text("No minutes record a meeting this member was expected at yet.")));
    } else {
        model::Table t = attendance_table("attendance-" + p.id, "Attendance at meetings, by committee and municipal year",
                                          {"Committee", "Municipal year"});
        for (const auto& [key, tally] : rows) {
            model::TableRow row;
            row.cells.emplace_back(text(std::get<0>(key)));
            row.cells.emplace_back(text(std::get<1>(key)));
            for (auto& c : figures(tally)) row.cells.push_back(std::move(c));
            t.body.push_back(std::move(row));
        }
        page.blocks.push_back(model::Block{std::move(t)});
    }
    doc.published = doc.period_start = doc.period_end = latest;
    doc.sections.push_back(std::move(page));
    return doc;
}

}  // namespace

std::optional<model::Table> committee_attendance(const model::Civic& civic, const std::string& committee) {
    using Key = std::tuple<size_t, std::string, std::string>;  // place in the list of people, year, person id
    std::map<std::string, size_t> order;
    for (size_t i = 0; i < civic.people.size(); ++i) order[civic.people[i].id] = i;
    auto rows = tallies<Key>(civic, [&](const model::CivicMeeting& m, const model::CivicAttendance& a) -> std::optional<Key> {
        if (m.committee != committee) return std::nullopt;
        return Key{order[a.person], m.year, a.person};
    });
    if (rows.empty()) return std::nullopt;
    model::Table t = attendance_table("attendance-table", "Attendance at the Committee's meetings, by member and municipal year",
                                      {"Member", "Municipal year"});
    for (const auto& [key, tally] : rows) {
        const auto* p = civic.person(std::get<2>(key));
        model::TableRow row;
        row.cells.emplace_back(model::Inlines{model::link(model::contents(model::member_folder(p->id)), text(p->name))});
        row.cells.back().value.value = p->name;
        row.cells.emplace_back(text(std::get<1>(key)));
        for (auto& c : figures(tally)) row.cells.push_back(std::move(c));
        t.body.push_back(std::move(row));
    }
    return t;
}

std::vector<std::pair<std::string, model::Blocks>> attendance_sheets(const model::Civic& civic,
                                                                     const std::string& committee,
                                                                     model::Table counts) {
    // The record: what each minutes say of each person, in the words the counts look for.
    model::Table record;
    record.id = "attendance-record";
    record.caption = text("Attendance at each meeting, as the minutes record it");
    model::TableRow head;
    for (const char* h : {"Meeting", "Municipal year", "Member", "Expected", "Attendance", "Substituted"})
        head.cells.emplace_back(text(h));
    record.head.push_back(std::move(head));
    record.aligns.assign(6, model::Align::left);
    record.choices = {{}, {}, {}, {"Yes", "No"}, {"Present", "Apologies", "Absent", "Substitute"}, {"Yes", "No"}};
    record.notes.push_back(text("Expected: a member of the Committee that day (a substitute is not). Substituted: "
                                "another councillor sat in the member's place. The sheet Member attendance counts "
                                "from this table, so an edit here changes its figures."));
    const auto word = [](const std::string& w) { return model::TableCell(text(w)); };
    for (const auto& m : civic.meetings) {
        if (m.committee != committee) continue;
        for (const auto& a : m.attendance) {
            const auto* p = civic.person(a.person);
            const bool substitute = a.status == model::Attendance::substitute;
            model::TableRow row;
            row.cells.emplace_back(text(model::format_long(m.date)));
            row.cells.back().value.value = m.date;
            row.cells.push_back(word(m.year));
            row.cells.push_back(word(p ? p->name : a.person));
            row.cells.push_back(word(a.expected && !substitute ? "Yes" : "No"));
            std::string status = model::key(a.status);  // "present": "Present"
            status[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(status[0])));
            row.cells.push_back(word(status));
            row.cells.push_back(word(!substitute && !a.substitute.empty() ? "Yes" : "No"));
            record.body.push_back(std::move(row));
        }
    }
    // Each count: COUNTIFS over the record's rows of the row's member and year (model::count).
    enum Column : size_t { year = 1, member, expected, attendance, substituted };
    const auto column = [&](Column c) {
        return model::CellRange{record.id, model::CellRange::Part::body, 0, c, record.body.size() - 1, c};
    };
    const std::vector<std::string> conditions = {
        "{4},\"Yes\"",
        "{4},\"Yes\",{5},\"Present\"",
        "{4},\"Yes\",{5},\"Apologies\"",
        "{4},\"Yes\",{5},\"Absent\"",
        "{4},\"Yes\",{6},\"Yes\"",
        "{5},\"Substitute\"",
    };
    for (size_t r = 0; !record.body.empty() && r < counts.body.size(); ++r)
        for (size_t k = 0; k < conditions.size() && 2 + k < counts.body[r].cells.size(); ++k) {
            model::CellValue& v = counts.body[r].cells[2 + k].value;
            const double now = std::get<double>(v.value);
            model::Formula f{"COUNTIFS({0},{1},{2},{3}," + conditions[k] + ")",
                             {column(member), {"", model::CellRange::Part::body, r, 0, r, 0}, column(year),
                              {"", model::CellRange::Part::body, r, 1, r, 1}, column(expected), column(attendance),
                              column(substituted)},
                             now};
            v.value = std::move(f);
        }
    return {{"Member attendance", {model::Block{std::move(counts)}}}, {"By meeting", {model::Block{std::move(record)}}}};
}

std::vector<model::Document> member_documents(const model::Civic& civic) {
    std::vector<model::Document> out;
    if (civic.people.empty()) return out;
    model::Document index;
    index.id = "members";
    index.kind = model::DocumentKind::members;
    index.path = model::members_folder();
    index.title = "Councillors and co-opted members";
    model::Section page;
    page.id = "index";
    page.title = index.title;
    page.blocks.push_back(model::paragraph(text("Everyone who sits on a committee whose papers are published here, "
                                                "with their committees and their attendance.")));
    model::List list;
    for (const auto& p : civic.people) {
        model::Inlines line{model::link(model::contents(model::member_folder(p.id)), text(p.name))};
        if (p.kind != "councillor") line.push_back(model::Inline{model::Text{" (" + p.kind + ")"}});
        list.items.push_back({std::nullopt, {model::paragraph(std::move(line))}});
        out.push_back(member_document(civic, p));
        if (index.published < out.back().published) index.published = out.back().published;
    }
    page.blocks.push_back(model::Block{std::move(list)});
    index.period_start = index.period_end = index.published;
    index.sections.push_back(std::move(page));
    out.insert(out.begin(), std::move(index));
    return out;
}

}  // namespace planpack::transform::committee
