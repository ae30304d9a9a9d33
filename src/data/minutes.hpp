#pragma once
// The minutes of a meeting: who was there, one minute per agenda item in agenda order, and
// the resolutions, some of which set actions that the recommendations tracker follows
// from meeting to meeting.
#include <optional>
#include <string>
#include <vector>

#include "data/meeting.hpp"
#include "model/partial_date.hpp"

namespace planpack::data {

enum class ResolutionKind { agreed, noted, deferred };
std::optional<ResolutionKind> parse_resolution_kind(std::string_view s);

// An action a resolution sets: the tracker's row.
struct ResolutionAction {
    std::string id;  // stable, unique per committee: tracker updates name it
    Ref owner;       // the responsible officer
    model::PartialDate due;
    SourcePos pos;
};

struct Resolution {
    ResolutionKind kind = ResolutionKind::agreed;
    std::string text;  // "That the update be noted."
    std::optional<ResolutionAction> action;
    SourcePos pos;
};

struct Minute {
    Ref item;           // the agenda item it records; its number is the minute's number
    model::Blocks body;  // the narrative, Markdown
    std::vector<Resolution> resolutions;
    std::vector<Ref> left;  // members who left the meeting during the item
    SourcePos pos;
};

struct Attendee {
    Ref person;
    std::string capacity;  // empty: the person's role on the day
};

// A councillor who sat in a member's place for the meeting (the member is expected, and
// counted as substituted; the substitute is present, but not expected).
struct Substitute {
    Ref person;
    Ref member;  // whose place they took
};

struct Minutes {
    Ref meeting;
    Ref chair;
    std::vector<Ref> present;    // councillors besides the chair
    std::vector<Ref> co_opted;   // co-opted members present
    std::vector<Ref> apologies;
    std::vector<Substitute> substitutes;
    std::vector<Attendee> in_attendance;
    std::optional<model::Time> ended;
    std::vector<Minute> minutes;  // as written; printed in agenda order
    std::string file;
    SourcePos pos;
};

// ---- the recommendations tracker ----
enum class TrackerStatus { not_yet_due, in_progress, overdue, complete, withdrawn };
std::optional<TrackerStatus> parse_tracker_status(std::string_view s);  // what an update may set
const char* label(TrackerStatus s);  // "Not yet due"
const char* key(TrackerStatus s);    // "not_yet_due"

struct TrackerUpdate {
    Ref action;  // an Action id, or an earlier recommendation's id
    model::Date date;
    std::string text;
    std::optional<TrackerStatus> status;
    SourcePos pos;
};

// A recommendation made before its minutes were kept in planpack.
struct EarlierRecommendation {
    std::string id;
    model::Date date;
    std::string text;
    model::PartialDate due;
    Ref owner;
    SourcePos pos;
};

struct Tracker {
    std::string name;  // the data file's name
    Ref committee;
    std::vector<EarlierRecommendation> earlier;
    std::vector<TrackerUpdate> updates;
    SourcePos pos;
};

}  // namespace planpack::data
