#include "load/board_pack.hpp"

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
        if (doc.kind != "board_pack") {
            diags.error(!s.lead_seat.empty() ? s.lead_pos : s.duration ? s.duration_pos : s.source,
                        "lead, purpose and duration are printed on a board pack's agenda; document '" + doc.id +
                            "' is " + doc.kind + ", so delete them from this file's front matter");
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
                                                    meeting.meeting->time, meeting.meeting->venue};
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
    }
}

}  // namespace planpack::load
