// The board directives: the attendance grid with its derived rates and quorum, and the
// statutory partners' attendance measure.
#include <cmath>

#include "data/board.hpp"
#include "model/builders.hpp"
#include "transform/directives/board_formulas.hpp"
#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

namespace {

using data::Board;
using model::text;

const Board* find_board(Input& in) {
    auto name = in.params.string("board", true);
    if (!name) return nullptr;
    in.data.used.insert(*name);
    if (in.data.broken.count(*name)) return nullptr;
    auto it = in.data.boards.find(*name);
    if (it != in.data.boards.end()) return &it->second;
    in.diags.error(in.params.pos_of("board"),
                   "no board data/" + *name + ".toml (a TOML file with schema = \"board/1\")");
    return nullptr;
}

std::string meeting_label(const data::Meeting& m) {
    std::string out = std::string(model::month_name(m.date.month)) + ' ' + std::to_string(m.date.year);
    if (!m.label.empty()) out += " (" + m.label + ")";
    return out;
}

// "80% (4 of 5)", or "Not applicable"; a spreadsheet keeps it as the live formula.
model::TableCell rate_cell(const data::Rate& r, std::optional<model::Formula> live = std::nullopt) {
    auto v = r.value();
    model::TableCell c(text("Not applicable"));
    if (v) {
        c = model::TableCell(text(std::to_string(std::lround(*v * 100)) + "% (" + std::to_string(r.present) +
                                  " of " + std::to_string(r.expected) + ")"));
        c.value = {*v, "0%"};
    }
    if (live) c.value = {std::move(*live), "0%"};
    return c;
}

// The grid's table id, by which the statutory partners' table points at its cells.
std::string grid_id(const Board& b) { return "attendance-" + b.name + "-" + b.meetings.front().id; }

std::string seat_name(const data::Seat& s) {
    std::string out = s.role;
    if (s.position == "chair") out += " (Chair)";
    if (s.position == "vice_chair") out += " (Vice-chair)";
    return out;
}

model::Table grid(const Board& b) {
    model::Table t;
    t.id = grid_id(b);
    t.caption = text(b.title + " attendance, " + meeting_label(b.meetings.front()) + " to " +
                     meeting_label(b.meetings.back()) +
                     ". Each cell says whether the seat was filled in person, by a deputy, "
                     "or not: apologies, absent without apologies, vacant, or not yet or no longer a member.");
    t.row_headers = true;
    model::TableRow head;
    head.cells.push_back(model::TableCell(text("Seat")));
    head.cells.push_back(model::TableCell(text("Agency")));
    for (const auto& m : b.meetings) head.cells.push_back(model::TableCell(text(meeting_label(m))));
    head.cells.push_back(model::TableCell(text("Attendance")));
    t.aligns.assign(head.cells.size(), model::Align::center);
    t.aligns[0] = t.aligns[1] = model::Align::left;
    t.aligns.back() = model::Align::right;
    t.head.push_back(std::move(head));
    for (size_t s = 0; s < b.seats.size(); ++s) {
        model::TableRow row;
        row.cells.push_back(model::TableCell(text(seat_name(b.seats[s]))));
        row.cells.push_back(model::TableCell(text(b.seats[s].agency)));
        for (data::Presence p : b.attendance[s]) {
            model::TableCell c(text(data::label(p)));
            c.style = std::string("presence-") + data::key(p);
            c.value = {std::string(data::label(p)), ""};
            row.cells.push_back(std::move(c));
        }
        row.cells.push_back(rate_cell(data::seat_rate(b, s), seat_rate_formula(b, t.id, s)));
        t.body.push_back(std::move(row));
    }
    model::TableRow present, quorum;
    present.cells = {model::TableCell(text("Seats filled")), model::TableCell()};
    quorum.cells = {model::TableCell(text("Quorate")), model::TableCell()};
    for (size_t m = 0; m < b.meetings.size(); ++m) {
        present.cells.push_back(rate_cell(data::meeting_rate(b, m), meeting_rate_formula(b, t.id, m)));
        const bool q = data::quorate(b, m);
        model::TableCell c(text(q ? "Yes" : "No"));
        c.style = q ? "quorate" : "not-quorate";
        c.value = {quorate_formula(b, t.id, m), ""};
        quorum.cells.push_back(std::move(c));
    }
    data::Rate overall;
    for (size_t m = 0; m < b.meetings.size(); ++m) {
        const data::Rate r = data::meeting_rate(b, m);
        overall.present += r.present;
        overall.expected += r.expected;
    }
    present.cells.push_back(rate_cell(overall, overall_rate_formula(b, t.id)));
    quorum.cells.push_back(model::TableCell());
    t.foot = {std::move(present), std::move(quorum)};
    std::string rule = "A meeting is quorate when at least " + std::to_string(b.quorum.members) +
                       " seats are filled";
    if (b.quorum.statutory_partners > 0)
        rule += ", including " + std::to_string(b.quorum.statutory_partners) + " statutory partners";
    t.notes.push_back(text(rule + ". Attendance counts a deputy as attending, and leaves out "
                                  "meetings when a seat was vacant or not yet a member."));
    return t;
}

model::Table statutory_table(const Board& b) {
    model::Table t;
    t.id = "statutory-attendance-" + b.name + "-" + b.meetings.front().id;
    t.caption = text("Management board attendance by statutory partners");
    t.row_headers = true;
    t.head.push_back({{model::TableCell(text("Statutory partner")),
                       model::TableCell(text("Meetings represented"))}});
    t.aligns = {model::Align::left, model::Align::right};
    for (data::Statutory k : data::all_statutory) {
        const data::Rate r = data::statutory_rate(b, k);
        if (r.expected == 0) continue;
        t.body.push_back(
            {{model::TableCell(text(data::label(k))), rate_cell(r, statutory_rate_formula(b, grid_id(b), k))}});
    }
    t.foot.push_back({{model::TableCell(text("All statutory partners")),
                       rate_cell(data::statutory_rate_overall(b), statutory_overall_formula(b, grid_id(b)))}});
    t.notes.push_back(text("A partner is represented at a meeting when its seat holder or a deputy attends."));
    return t;
}

model::Table agency_table(const Board& b) {
    model::Table t;
    t.id = "agency-attendance-" + b.name + "-" + b.meetings.front().id;
    t.caption = text("Attendance by agency");
    t.row_headers = true;
    t.head.push_back({{model::TableCell(text("Agency")), model::TableCell(text("Attendance"))}});
    t.aligns = {model::Align::left, model::Align::right};
    for (const auto& [agency, rate] : data::agency_rates(b))
        t.body.push_back({{model::TableCell(text(agency.empty() ? "Not stated" : agency)), rate_cell(rate)}});
    return t;
}

// The grid for officers to keep: one word per cell from a drop-down list, coloured by
// its value, header row and seat column frozen.
model::Workbook attendance_workbook(const Board& b) {
    model::Table t = grid(b);
    const size_t first = 2, meetings = b.meetings.size();
    t.choices.resize(first + meetings + 1);
    std::vector<std::string> words;
    for (auto p : {data::Presence::attended, data::Presence::deputy, data::Presence::apologies,
                   data::Presence::absent, data::Presence::vacant, data::Presence::not_member})
        words.push_back(data::label(p));
    for (size_t m = 0; m < meetings; ++m) {
        t.choices[first + m] = words;
        for (auto p : {data::Presence::attended, data::Presence::deputy, data::Presence::apologies,
                       data::Presence::absent})
            t.value_styles.push_back({first + m, data::label(p), std::nullopt,
                                      std::string("presence-") + data::key(p)});
    }
    model::Workbook w;
    w.name = "attendance";
    w.title = b.title + " attendance";
    w.subject = "Board attendance";
    w.sheets.push_back({"Attendance " + b.meetings.front().id, {model::Block{std::move(t)}}});
    w.sheets.push_back({"Statutory partners " + b.meetings.front().id, {model::Block{statutory_table(b)}}});
    return w;
}

// The board as it stood over [from, to]: its meetings in that span, and their columns.
Board between(const Board& b, std::optional<model::Date> from, std::optional<model::Date> to) {
    Board out = b;
    out.meetings.clear();
    for (auto& row : out.attendance) row.clear();
    for (size_t m = 0; m < b.meetings.size(); ++m) {
        const model::Date d = b.meetings[m].date;
        if ((from && d < *from) || (to && *to < d)) continue;
        out.meetings.push_back(b.meetings[m]);
        for (size_t s = 0; s < b.seats.size(); ++s) out.attendance[s].push_back(b.attendance[s][m]);
    }
    return out;
}

// Who came to a meeting is known only once it is held: a document shows the meetings up to
// its date, and a board pack, issued before the meeting it is for, those before it.
Board held_by(const Board& b, const model::Date& as_of, bool before_own_meeting) {
    Board out = between(b, std::nullopt, as_of);
    if (before_own_meeting)
        while (!out.meetings.empty() && !(out.meetings.back().date < as_of)) {
            out.meetings.pop_back();
            for (auto& row : out.attendance) row.pop_back();
        }
    return out;
}

}  // namespace

// ```planpack attendance-grid: board = "NAME", from/to = dates, agencies, statutory
std::optional<model::Blocks> attendance_grid(Input& in) {
    const Board* all = find_board(in);
    const auto from = in.params.date("from", false);
    const auto to = in.params.date("to", false);
    const bool agencies = in.params.boolean("agencies", false).value_or(true);
    const bool statutory = in.params.boolean("statutory", false).value_or(true);
    if (!all) return std::nullopt;
    Board b = between(*all, from, to);
    const size_t asked = b.meetings.size();
    const bool pack = in.document.kind == model::DocumentKind::board_pack;
    const model::Date as_of = in.context.as_of_for(in.document);
    b = held_by(b, as_of, pack);
    if (b.meetings.empty()) {
        in.diags.error(in.directive.pos, "board " + b.name + " has no meetings to show" +
                                             (from || to ? " in that span of dates" : "") +
                                             (asked ? std::string(pack ? " held before " : " held by ") +
                                                          model::format_long(as_of) + ", this document's date"
                                                    : ""));
        return std::nullopt;
    }
    model::Blocks out{model::Block{grid(b)}};
    if (statutory) out.push_back(model::Block{statutory_table(b)});
    if (agencies) out.push_back(model::Block{agency_table(b)});
    publish_sheets(in, attendance_workbook(b));
    return out;
}

}  // namespace planpack::transform::directives
