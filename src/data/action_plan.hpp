#pragma once
// An improvement or action plan as data: what the board tracks quarter by quarter.
// Loaded by load::parse_action_plan, summarised by data/action_status, placed in documents
// by the action-plan directives.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/partial_date.hpp"

namespace planpack::data {

enum class Status { not_started, planned, in_progress, ongoing, complete, deferred };
enum class Rag { red, amber, green, blue };

inline constexpr Status all_statuses[] = {Status::not_started, Status::planned,
                                          Status::in_progress, Status::ongoing,
                                          Status::complete,    Status::deferred};
inline constexpr Rag all_rags[] = {Rag::red, Rag::amber, Rag::green, Rag::blue};

std::optional<Status> parse_status(std::string_view s);
std::optional<Rag> parse_rag(std::string_view s);
const char* key(Status s);    // "in_progress"
const char* label(Status s);  // "In progress"
const char* key(Rag r);       // "red"
const char* label(Rag r);     // "Red"

// A milestone's status from a day on: progress is a record of dated events, so a document
// shows what was true on its own as-of date however much later it is rebuilt.
struct StatusEvent {
    model::Date date;
    Status status = Status::not_started;
    std::string reason;  // required when a milestone goes back from complete
    SourcePos pos;
};

struct Milestone {
    std::string text;
    model::PartialDate due;
    std::string owner;
    Status status = Status::not_started;  // as the plan was published (undated)
    SourcePos pos;
    std::vector<StatusEvent> history;     // later changes, in date order
};

struct Update {
    model::Date date;
    std::string text;
    std::optional<Status> status;  // the action's status as of this update, if it changed
    SourcePos pos;
};

struct Action {
    std::string id;
    std::string group;
    std::string action;
    std::string impact;
    std::string outcomes;
    std::vector<std::string> lead, support;  // accountable people, as roles
    std::string notes;
    std::vector<std::string> recommendations;  // ids of inspection recommendations
    std::vector<std::string> principles;       // ids of Child First principles
    std::string carried_from;                  // an action id in the previous plan
    std::string carried_comment;               // why a completed action is carried forward
    std::optional<Status> status;              // explicit override of the derived status
    std::optional<Rag> rag;                    // explicit override of the derived RAG
    std::vector<Milestone> milestones;
    std::vector<Update> updates;               // in date order
    SourcePos pos, group_pos;
};

struct Group {
    std::string id;
    std::string kind;  // priority, national_standard, inspection, board
    std::string title;
    std::string lead;
    std::vector<std::string> statutory_guidance;
    SourcePos pos;
};

struct Reference {  // an inspection recommendation or a Child First principle
    std::string id;
    std::string text;
};

struct ColumnLabels {
    std::string action = "Action";
    std::string impact = "Impact on quality of practice";
    std::string outcomes = "Outcomes for children and families";
    std::string accountable = "Accountable person(s)";
    std::string milestones = "Milestones";
    std::string notes = "Notes";
    std::string status = "Status";
};

struct ActionPlan {
    std::string name;  // the data file's name, e.g. "action-plan-2023-24"
    std::string id;
    std::string title;
    model::Date period_start, period_end;
    // Undated statuses are read as of the plan's publication (default: period_start); no
    // status event may be dated after as_at, the day the file's progress record runs to.
    std::optional<model::Date> published, as_at;
    ColumnLabels columns;
    std::string preamble;
    std::string previous;  // data name of the previous plan, if any
    SourcePos previous_pos;
    std::vector<Reference> principles, recommendations;
    std::vector<Group> groups;    // in order
    std::vector<Action> actions;  // in order, grouped as written
    SourcePos pos;
};

}  // namespace planpack::data
