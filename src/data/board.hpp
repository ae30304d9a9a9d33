#pragma once
// A partnership board: its seats, its meetings and who came. Figures such as attendance
// rates and quorum are derived here, never typed.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::data {

enum class Presence { attended, deputy, apologies, absent, vacant, not_member };

// The printed markers people type (✓, Y, A, D, X, V, -) and their words, normalised.
// A look-alike (Cyrillic А, Greek Α, a "1" or "√" for a tick) is refused with a hint,
// never guessed: the string is the message.
std::variant<Presence, std::string> parse_marker(std::string_view raw);
const char* label(Presence p);  // "Attended", "Deputy attended", ...
const char* key(Presence p);    // "attended", "deputy", ...

// Partners whose attendance the youth justice KPI on management boards measures.
enum class Statutory { police, probation, health, education, social_care };
inline constexpr Statutory all_statutory[] = {Statutory::police, Statutory::probation,
                                              Statutory::health, Statutory::education,
                                              Statutory::social_care};
std::optional<Statutory> parse_statutory(std::string_view s);
const char* label(Statutory s);  // "Police"
const char* key(Statutory s);    // "police"

struct Seat {
    std::string id;
    std::string agency;
    std::string role;
    std::string person;  // optional; shown only if given
    std::optional<Statutory> statutory;
    std::string position;  // "chair", "vice_chair" or empty
    std::string theme_lead;
    SourcePos pos;
};

struct Meeting {
    std::string id;
    model::Date date;
    std::string label;  // e.g. "Development day"
    std::optional<model::Time> time;  // when it starts, if set
    std::string venue;                // where, if set
    // Its minutes, once written: a Markdown file named by `minutes`, relative to data/
    // (load::read_board_minutes reads it), which the next meeting's pack binds in after
    // the item that asks the board to agree them.
    std::string minutes_file;  // as the project shows it, "data/minutes/board-2023-07.md"
    SourcePos minutes_pos;     // where `minutes` is written
    bool minutes_read = false;  // the file was read and parsed
    model::Blocks minutes;
    std::vector<model::Footnote> minutes_footnotes;
    SourcePos pos;
};

struct Quorum {
    int members = 0;             // seats present (attended or deputy) at least
    int statutory_partners = 0;  // distinct statutory partners present at least
};

struct Board {
    std::string name;  // the data file's name
    std::string title;
    std::string attendance_file;  // the data name of its attendance grid (a CSV file)
    Quorum quorum;
    std::vector<Seat> seats;
    std::vector<Meeting> meetings;
    std::vector<std::vector<Presence>> attendance;  // [seat][meeting]
    SourcePos pos;
};

// ---- derived figures ----
struct Rate {
    int present = 0;   // attended or sent a deputy
    int expected = 0;  // meetings the seat was filled and a member
    std::optional<double> value() const {
        return expected ? std::optional<double>(static_cast<double>(present) / expected) : std::nullopt;
    }
};

bool present(Presence p);
bool expected(Presence p);

Rate seat_rate(const Board& b, size_t seat);
Rate meeting_rate(const Board& b, size_t meeting);
std::vector<std::pair<std::string, Rate>> agency_rates(const Board& b);  // in first-seen order
int statutory_present(const Board& b, size_t meeting);
bool quorate(const Board& b, size_t meeting);
// Meetings at which each statutory partner was represented, and overall.
Rate statutory_rate(const Board& b, Statutory s);
Rate statutory_rate_overall(const Board& b);

}  // namespace planpack::data
