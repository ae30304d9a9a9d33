#pragma once
// A committee report template (templates/reports/NAME.toml): its sections in order, the
// spellings of each heading authors may use, the fixed questions and where they go. A
// council changes its template without rebuilding planpack.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/meeting.hpp"

namespace planpack::data {

struct Question {
    std::string key;   // the front matter key that answers it: "within_budget"
    std::string text;  // "Is the recommendation in accordance with the Council's approved budget?"
};

// What planpack writes into a section itself, instead of (or before) the author's text.
enum class Generated { none, council_priority, appendices, background_papers };

struct TemplateSection {
    std::string key;      // "background"
    std::string heading;  // "Background information": printed, and matched
    std::vector<std::string> accept;  // other spellings authors may write
    std::vector<std::string> questions;  // question keys asked as its last paragraphs
    Generated generated = Generated::none;
    bool required = false;  // an author must write it: no "None." for a missing purpose
    SourcePos pos;
};

struct ReportTemplate {
    std::string name;  // the file's name
    std::string title;
    std::vector<Question> questions;
    std::vector<TemplateSection> sections;
    std::string none = "None.";  // an empty or missing section
    std::string yes = "Yes", no = "No", not_applicable = "N/A";
    SourcePos pos;

    const Question* question(std::string_view key) const;
    // The section a "## heading" names, by its printed heading or an accepted spelling.
    std::optional<size_t> match(std::string_view heading) const;
    const std::string& answer_text(Answer a) const;
};

// Headings compare without case, a trailing ':' or '.', or spaces around '/':
// "Internal/ External Consultation undertaken:" is "internal/external consultation undertaken".
std::string normalise_heading(std::string_view heading);

// The Schedule 12A paragraphs a council cites when an item is exempt, and the notice an
// exempt item shows in public output (templates/committee/exemptions.toml).
struct Exemptions {
    std::string notice;  // with {paragraph} and {description}
    // Restricted output's words: its heading, an exempt item on the front sheet, the stamp
    // on each page of an exempt paper (the last two with {paragraph} and {description}).
    std::string restricted_marker, restricted_notice, restricted_stamp;
    std::vector<std::pair<int, std::string>> paragraphs;  // number, description
    SourcePos pos;

    const std::string* description(int paragraph) const;
    std::string notice_for(int paragraph) const { return fill(notice, paragraph); }
    // words with {paragraph} and {description} filled in for that paragraph.
    std::string fill(const std::string& words, int paragraph) const;
};

}  // namespace planpack::data
