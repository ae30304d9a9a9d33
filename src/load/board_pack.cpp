#include "load/board_pack.hpp"

#include <set>

#include "diag/suggest.hpp"

namespace planpack::load {

namespace {

struct MeetingOf {
    const data::Board* board = nullptr;
    const data::Meeting* meeting = nullptr;
};

MeetingOf find_meeting(const DataSet& data, const std::string& id) {
    for (const auto& [name, board] : data.boards)
        for (const auto& m : board.meetings)
            if (m.id == id) return {&board, &m};
    return {};
}

// The board whose seats a pack's leads name: its meeting's, else the only board there is.
const data::Board* board_of(const DataSet& data, const MeetingOf& meeting) {
    if (meeting.board) return meeting.board;
    return data.boards.size() == 1 ? &data.boards.begin()->second : nullptr;
}

void resolve_leads(model::Document& doc, const data::Board* board, const DataSet& data,
                   const DocumentConfig& cfg, Diagnostics& diags) {
    for (model::Section& s : doc.sections) {
        if (s.lead_seat.empty() && s.purpose == model::Purpose::none && s.duration == 0) continue;
        if (doc.kind != model::DocumentKind::board_pack) {
            diags.error(!s.lead_seat.empty() ? s.lead_pos : s.duration ? s.duration_pos : s.source,
                        "lead, purpose and duration are printed on a board pack's agenda; document '" + doc.id +
                            "' is " + std::string(model::to_string(doc.kind)) + ", so delete them from this file's front matter");
            continue;
        }
        if (s.lead_seat.empty()) continue;
        if (!board) {
            // A board that did not load has reported its own errors.
            if (data.broken.empty())
                diags.error(s.lead_pos, "lead = \"" + s.lead_seat + "\" names a seat of the board, but " +
                                            (data.boards.empty() ? "data/ holds no board (schema = \"board/1\")"
                                                                 : "document '" + doc.id +
                                                                       "' names no meeting to say which board; add "
                                                                       "meeting = \"...\" to its [[document]] in " +
                                                                       cfg.pos.file));
            continue;
        }
        data.used.insert(board->name);
        std::vector<std::string> ids;
        for (const data::Seat& seat : board->seats) {
            if (seat.id == s.lead_seat) s.lead = seat.role;
            ids.push_back(seat.id);
        }
        if (s.lead.empty())
            diags.error(s.lead_pos, "lead '" + s.lead_seat + "' is not a [[seat]] of data/" + board->name +
                                        ".toml" + did_you_mean(s.lead_seat, ids));
    }
}

// The minutes an item asks the board to agree (front matter minutes = "<meeting id>"),
// bound in straight after the item as a paper of its own, so the pack's reader turns from
// the item to the minutes it asks about. Each error names the line to change.
void bind_minutes(model::Document& doc, const data::Board* board, const MeetingOf& meeting,
                  const DataSet& data, Diagnostics& diags) {
    std::vector<model::Section> sections;
    std::set<std::string> ids;
    for (const model::Section& s : doc.sections) ids.insert(s.id);
    for (model::Section& s : doc.sections) {
        const std::string wanted = s.minutes_of;
        const SourcePos at = s.minutes_pos;
        sections.push_back(std::move(s));
        if (wanted.empty()) continue;
        if (doc.kind != model::DocumentKind::board_pack) {
            diags.error(at, "minutes binds a board meeting's minutes into a board pack; document '" + doc.id +
                                "' is " + std::string(model::to_string(doc.kind)) + ", so delete it from this file's front matter");
            continue;
        }
        if (!board) {
            if (data.broken.empty())
                diags.error(at, "minutes = \"" + wanted + "\" names a [[meeting]] of the board, but document '" +
                                    doc.id + "' names no meeting to say which board");
            continue;
        }
        std::vector<std::string> known;
        const data::Meeting* source = nullptr;
        for (const data::Meeting& m : board->meetings) {
            known.push_back(m.id);
            if (m.id == wanted) source = &m;
        }
        const std::string file = board->pos.file;
        if (!source) {
            diags.error(at, "minutes = \"" + wanted + "\" is not a [[meeting]] of " + file + did_you_mean(wanted, known));
            continue;
        }
        if (meeting.meeting && !(source->date < meeting.meeting->date)) {
            diags.error(at, "minutes = \"" + wanted + "\" names a meeting held on or after this pack's own (" +
                                meeting.meeting->id + "); name an earlier meeting, whose minutes this one agrees");
            continue;
        }
        if (!source->minutes_read) {
            // A file that is named but did not load has said so at its own line.
            if (source->minutes_file.empty() && source->minutes_pos.file.empty())
                diags.error(at, "meeting '" + wanted + "' has no minutes to bind in: write them as Markdown in "
                                "data/ and add minutes = \"minutes/board-" + wanted + ".md\" to its [[meeting]] in " +
                                file + " (line " + std::to_string(source->pos.line) + ")");
            continue;
        }
        model::Section minutes;
        minutes.id = "minutes-" + wanted;
        if (!ids.insert(minutes.id).second) {
            diags.error(at, "the minutes of meeting '" + wanted + "' are bound in as section '" + minutes.id +
                                "', an id another section of document '" + doc.id + "' has; give that section "
                                "another id (front matter: id = \"...\")");
            continue;
        }
        minutes.kind = sections.back().kind;
        minutes.order = sections.back().order;
        minutes.title = "Minutes of the meeting on " + model::format_long(source->date);
        minutes.blocks = source->minutes;
        minutes.footnotes = source->minutes_footnotes;
        minutes.source = {source->minutes_file, 1, 1};
        minutes.enclosure = true;
        sections.push_back(std::move(minutes));
    }
    doc.sections = std::move(sections);
}

// The last meeting's minutes, once written, are what a pack asks the board to agree: a pack
// that leaves them out is said to, so they are not forgotten.
void warn_unbound_minutes(const model::Document& doc, const MeetingOf& meeting, const DocumentConfig& cfg,
                          Diagnostics& diags) {
    if (!meeting.meeting || meeting.meeting == &meeting.board->meetings.front()) return;
    const data::Meeting& last = *(meeting.meeting - 1);
    if (last.minutes_file.empty()) return;
    for (const model::Section& s : doc.sections)
        if (s.minutes_of == last.id) return;
    diags.warning(cfg.meeting_pos, "the minutes of the board's last meeting ('" + last.id + "', " + last.minutes_file +
                                       ") are not bound into document '" + doc.id + "': add minutes = \"" + last.id +
                                       "\" to the front matter of the item that asks the board to agree them");
}

}  // namespace

void resolve_board_packs(Project& project, Diagnostics& diags) {
    const DataSet& data = project.data;
    for (size_t i = 0; i < project.documents.size() && i < project.config.documents.size(); ++i) {
        model::Document& doc = project.documents[i];
        const DocumentConfig& cfg = project.config.documents[i];
        MeetingOf meeting;
        if (!cfg.meeting.empty()) {
            meeting = find_meeting(data, cfg.meeting);
            if (meeting.meeting) {
                data.used.insert(meeting.board->name);
                doc.meeting = model::MeetingDetails{meeting.board->title, meeting.meeting->date,
                                                    meeting.meeting->time, meeting.meeting->venue, {}};
            } else if (data.broken.empty()) {
                std::vector<std::string> ids;
                for (const auto& [name, board] : data.boards)
                    for (const auto& m : board.meetings) ids.push_back(m.id);
                diags.error(cfg.meeting_pos, "meeting '" + cfg.meeting + "' is not a [[meeting]] of " +
                                                 (data.boards.empty()       ? "any board: data/ holds no board "
                                                                              "(schema = \"board/1\")"
                                                  : data.boards.size() == 1 ? "data/" + data.boards.begin()->first + ".toml"
                                                                            : std::string("any board in data/")) +
                                                 did_you_mean(cfg.meeting, ids));
            }
        }
        resolve_leads(doc, board_of(data, meeting), data, cfg, diags);
        bind_minutes(doc, board_of(data, meeting), meeting, data, diags);
        warn_unbound_minutes(doc, meeting, cfg, diags);
    }
}

}  // namespace planpack::load
