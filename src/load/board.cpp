#include "load/board.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "load/markdown.hpp"
#include "load/project.hpp"
#include "load/utf8.hpp"

namespace planpack::load {

namespace {

data::Seat read_seat(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[seat]]");
    data::Seat s;
    s.pos = r.pos();
    s.id = r.string("id", true).value_or("");
    s.agency = r.string("agency", true).value_or("");
    s.role = r.string("role", true).value_or("");
    s.person = r.string("person", false).value_or("");
    if (auto st = r.string("statutory", false)) {
        s.statutory = data::parse_statutory(*st);
        if (!s.statutory)
            diags.error(r.pos_of("statutory"), "unknown statutory partner '" + *st +
                                                   "' (expected one of: police, probation, health, "
                                                   "education, social_care)");
    }
    s.position = r.string("position", false).value_or("");
    if (!s.position.empty() && s.position != "chair" && s.position != "vice_chair")
        diags.error(r.pos_of("position"), "position must be \"chair\" or \"vice_chair\"");
    s.theme_lead = r.string("theme_lead", false).value_or("");
    r.finish();
    return s;
}

// "10:00" or "18:30": a 24-hour clock time, two digits each side.
std::optional<model::Time> parse_clock(std::string_view s) {
    auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1; };
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (size_t i : {0, 1, 3, 4})
        if (digit(i) < 0) return std::nullopt;
    const model::Time t{digit(0) * 10 + digit(1), digit(3) * 10 + digit(4)};
    if (t.hour > 23 || t.minute > 59) return std::nullopt;
    return t;
}

data::Meeting read_meeting(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[meeting]]");
    data::Meeting m;
    m.pos = r.pos();
    m.id = r.string("id", true).value_or("");
    m.date = r.date("date", true).value_or(model::Date{});
    m.label = r.string("label", false).value_or("");
    // A time is written as officers write it, "10:00"; a TOML time (10:00:00) is read too.
    if (const toml::node* n = r.peek("time"); n && n->is_time()) {
        m.time = r.time("time", false);
    } else if (auto text = r.string("time", false)) {
        m.time = parse_clock(*text);
        if (!m.time)
            diags.error(r.pos_of("time"), "time '" + *text + "' is not a time of day on the 24-hour clock; "
                                                             "write it as HH:MM, such as \"10:00\" or \"18:30\"");
    }
    m.venue = r.string("venue", false).value_or("");
    if (auto file = r.string("minutes", false)) {
        m.minutes_pos = r.pos_of("minutes");
        const std::filesystem::path rel = std::filesystem::path(*file).lexically_normal();
        if (rel.extension() != ".md")
            diags.error(m.minutes_pos, "minutes = \"" + *file + "\" must name a Markdown file (.md) in data/, "
                                       "such as \"minutes/board-" + m.id + ".md\"");
        else if (rel.is_absolute() || rel.begin()->string() == "..")
            diags.error(m.minutes_pos, "minutes = \"" + *file + "\" must be a path inside data/, written from "
                                       "there, such as \"minutes/board-" + m.id + ".md\"");
        else m.minutes_file = "data/" + rel.generic_string();
    }
    r.finish();
    return m;
}

// Fills board.attendance from the grid, checking it names exactly the board's seats and
// meetings.
void read_grid(data::Board& board, const CsvTable& grid, Diagnostics& diags) {
    std::vector<int> column_of(board.meetings.size(), -1);
    if (grid.header.empty() || grid.header[0].text != "seat")
        diags.error(grid.at(grid.header.at(0)), "the attendance grid's first column must be 'seat'");
    for (size_t c = 1; c < grid.header.size(); ++c) {
        auto it = std::find_if(board.meetings.begin(), board.meetings.end(),
                               [&](const auto& m) { return m.id == grid.header[c].text; });
        if (it == board.meetings.end()) {
            diags.error(grid.at(grid.header[c]), "column '" + grid.header[c].text +
                                                     "' names no [[meeting]] of the board");
            continue;
        }
        int& column = column_of[static_cast<size_t>(it - board.meetings.begin())];
        if (column >= 0)
            diags.error(grid.at(grid.header[c]), "meeting '" + grid.header[c].text +
                                                     "' has a second column in the grid");
        else column = static_cast<int>(c);
    }
    for (size_t m = 0; m < board.meetings.size(); ++m)
        if (column_of[m] < 0)
            diags.error(board.meetings[m].pos, "meeting '" + board.meetings[m].id +
                                                   "' has no column in " + grid.file);

    board.attendance.assign(board.seats.size(),
                            std::vector<data::Presence>(board.meetings.size(), data::Presence::not_member));
    std::vector<bool> seen(board.seats.size(), false);
    for (const CsvRow& row : grid.rows) {
        const CsvField& id = row.fields[0];
        auto it = std::find_if(board.seats.begin(), board.seats.end(),
                               [&](const auto& s) { return s.id == id.text; });
        if (it == board.seats.end()) {
            diags.error(grid.at(id), "row '" + id.text + "' names no [[seat]] of the board");
            continue;
        }
        const size_t s = static_cast<size_t>(it - board.seats.begin());
        if (seen[s]) diags.error(grid.at(id), "seat '" + id.text + "' has a second row");
        seen[s] = true;
        for (size_t m = 0; m < board.meetings.size(); ++m) {
            if (column_of[m] < 0) continue;
            const CsvField& cell = row.fields[static_cast<size_t>(column_of[m])];
            auto p = data::parse_marker(cell.text);
            if (auto* presence = std::get_if<data::Presence>(&p)) board.attendance[s][m] = *presence;
            else diags.error(grid.at(cell), std::get<std::string>(p));
        }
    }
    for (size_t s = 0; s < board.seats.size(); ++s)
        if (!seen[s])
            diags.error(board.seats[s].pos, "seat '" + board.seats[s].id + "' has no row in " + grid.file);
}

}  // namespace

std::optional<data::Board> parse_board(const toml::table& root, const TomlOrigin& origin,
                                       const std::string& name,
                                       const std::map<std::string, CsvTable>& csv,
                                       Diagnostics& diags) {
    const size_t before = diags.all().size();
    data::Board board;
    board.name = name;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    board.pos = top.pos();
    std::string grid_name;
    SourcePos grid_pos;
    if (const toml::table* b = top.table("board", true)) {
        TableReader r(*b, origin, diags, "[board]");
        board.title = r.string("title", true).value_or("");
        grid_name = r.string("attendance", true).value_or("");
        board.attendance_file = grid_name;
        grid_pos = r.pos_of("attendance");
        // Quorum is the board's own rule; without it every meeting would count as quorate.
        if (const toml::table* q = r.table("quorum", true)) {
            TableReader qr(*q, origin, diags, "[board.quorum]");
            board.quorum.members = static_cast<int>(qr.integer("members", true).value_or(1));
            board.quorum.statutory_partners =
                static_cast<int>(qr.integer("statutory_partners", false).value_or(0));
            qr.finish();
            if (board.quorum.members < 1)
                diags.error(qr.pos_of("members"), "quorum members must be 1 or more");
            if (board.quorum.statutory_partners < 0 || board.quorum.statutory_partners > 5)
                diags.error(qr.pos_of("statutory_partners"), "quorum statutory_partners must be 0 to 5");
        }
        r.finish();
    }
    top.each_table("seat", true, [&](const toml::table& t) { board.seats.push_back(read_seat(t, origin, diags)); });
    top.each_table("meeting", true,
               [&](const toml::table& t) { board.meetings.push_back(read_meeting(t, origin, diags)); });
    top.finish();

    std::set<std::string> ids;
    for (const auto& s : board.seats)
        if (!s.id.empty() && !ids.insert(s.id).second) diags.error(s.pos, "duplicate seat id '" + s.id + "'");
    ids.clear();
    for (size_t i = 0; i < board.meetings.size(); ++i) {
        const auto& m = board.meetings[i];
        if (!m.id.empty() && !ids.insert(m.id).second) diags.error(m.pos, "duplicate meeting id '" + m.id + "'");
        if (i > 0 && m.date < board.meetings[i - 1].date)
            diags.error(m.pos, "meeting '" + m.id + "' is dated before the meeting listed above it; "
                                                    "list meetings in date order");
    }
    std::string unseated;
    for (data::Statutory k : data::all_statutory)
        if (std::none_of(board.seats.begin(), board.seats.end(),
                         [&](const auto& s) { return s.statutory == k; }))
            unseated += (unseated.empty() ? "" : ", ") + std::string(data::key(k));
    if (!unseated.empty())
        diags.warning(board.pos, "no seat is marked statutory = \"" + unseated +
                                     "\": the statutory partner attendance measure leaves them out");
    if (!grid_name.empty()) {
        auto it = csv.find(grid_name);
        if (it == csv.end())
            diags.error(grid_pos, "no data/" + grid_name + ".csv for the attendance grid");
        else
            read_grid(board, it->second, diags);
    }
    for (size_t i = before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return board;
}

void read_board_minutes(const std::filesystem::path& root, data::Board& board, Diagnostics& diags) {
    for (data::Meeting& m : board.meetings) {
        if (m.minutes_file.empty()) continue;
        const std::filesystem::path path = root / m.minutes_file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            diags.error(m.minutes_pos, "no file " + m.minutes_file + " for the minutes of meeting '" + m.id +
                                           "': write them there as Markdown, or correct the path (it is "
                                           "written from data/), or delete this line until they are written");
            continue;
        }
        auto text = read_file(path, m.minutes_file, diags);
        if (!text) continue;
        if (auto bad = first_invalid_utf8(*text)) {
            auto [line, col] = line_and_column(*text, *bad);
            diags.error({m.minutes_file, line, col}, "the file is not valid UTF-8 (save it as UTF-8)");
            continue;
        }
        auto body = parse_markdown(*text, m.minutes_file, 1, diags);
        if (!body) continue;
        m.minutes_read = true;
        m.minutes = std::move(body->blocks);
        m.minutes_footnotes = std::move(body->footnotes);
    }
}

}  // namespace planpack::load
