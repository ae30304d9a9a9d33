#pragma once
// A committee meeting as its agenda states it, the papers its items carry, and the answers
// a committee report gives to the template's fixed questions. Item numbers, appendix labels
// and page ranges are never stored: they follow from the order of things.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/committee.hpp"

namespace planpack::data {

// An appendix to a report or an item: a whole planpack document (the annual plan), or a
// file that is published as it is.
struct Appendix {
    std::string id;     // unique within its meeting; the anchor and the xref target
    std::string title;  // optional for a document: its title
    std::string document;  // a [[document]] id from planpack.toml, or
    std::string file;      // a path relative to the root, resolved from where it was written
    SourcePos pos;
    SourcePos source_pos;  // the document or file key
};

struct Item {
    std::string id;
    std::string title;    // optional when the report or minutes give one
    std::string purpose;  // optional: a report's purpose, or standard wording for minutes
    std::string report;   // a report id, or
    std::string minutes;  // the id of the meeting whose minutes this item approves
    std::vector<Appendix> appendices;  // for an item without a report
    std::optional<int> exempt;  // the Schedule 12A paragraph that makes it exempt
    SourcePos pos, report_pos, minutes_pos, exempt_pos;
};

struct CommitteeMeeting {
    std::string id;
    Ref committee_ref;  // id is the committee's data name
    model::Date date;
    std::optional<model::Time> time;
    std::string venue;  // empty: the committee's default venue
    model::Date issued;
    // The day it was called off, when it was: calendars then carry STATUS:CANCELLED and the
    // committee's page says so. A cancelled meeting has no minutes.
    std::optional<model::Date> cancelled;
    std::vector<Item> items;  // in agenda order; the position is the item number
    std::vector<model::Correction> corrections;  // [[correction]]: to its published papers
    std::string file;         // shown path of meeting.toml
    SourcePos pos;
    SourcePos issued_pos, cancelled_pos;
};

// The answers a committee report gives to its template's questions.
enum class Answer { yes, no, not_applicable };
std::optional<Answer> parse_answer(std::string_view s);  // "yes", "no", "n.a."

// What a report's front matter says about it; its body becomes a model::Section.
struct ReportMeta {
    std::string id;
    std::string meeting;
    std::string title;
    std::string template_name;  // templates/reports/NAME.toml
    std::vector<Ref> officers;
    std::optional<Ref> cabinet_member;
    std::vector<Ref> priorities;  // ids in planpack.toml's [[council_priority]]
    std::map<std::string, Answer> answers;  // by question key
    std::map<std::string, SourcePos> answer_pos;
    std::vector<std::string> background_papers;
    std::vector<Appendix> appendices;
    SourcePos pos, meeting_pos, template_pos;
};

struct Report {
    ReportMeta meta;
    model::Section section;
};

}  // namespace planpack::data
