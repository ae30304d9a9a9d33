#pragma once
// planpack.toml as typed records: the service, its [[document]]s, suppression, privacy and
// the council's priorities.
#include <optional>
#include <string>
#include <vector>

#include "data/people.hpp"
#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::load {

struct DocumentConfig {
    std::string id;
    model::DocumentKind kind = model::DocumentKind::annual_plan;
    std::string title;
    model::Date period_start, period_end, published;
    std::optional<model::Date> as_of;  // when figures are judged; default: published
    bool draft = false;   // draft = true: published may be left out until it is agreed
    bool undated = false; // a draft without a published date
    std::vector<model::Correction> corrections;  // [[document.correction]]
    // A board pack's meeting: the id of a board's [[meeting]] (load::resolve_board_packs).
    std::string meeting;
    SourcePos meeting_pos;
    SourcePos pos;
};

// A council priority a committee report may name, from the council's own list.
struct CouncilPriority {
    std::string id;
    std::string text;  // "Communities: Creating stronger communities and increasing resilience"
    SourcePos pos;
};

// Small-number suppression ([suppression] in planpack.toml), applied to every output.
struct Suppression {
    int threshold = 5;                 // counts below this are not published
    std::string marker = "<5";         // what such a count prints as (default "<threshold")
    std::string secondary_marker = "[c]";  // a figure withheld because it would reveal one
};

struct Config {
    std::string service_name;
    std::string local_authority;
    // Where readers ask for another format or report a problem: an email address or a
    // web address. Empty: they are told to contact the local authority.
    std::string contact;
    // The council's own accessibility statement, if it has one (a web address); else
    // planpack writes one for these publications (accessibility.html).
    std::string accessibility_statement;
    std::string language = "en-GB";
    std::string base_url = "/";
    std::vector<DocumentConfig> documents;
    Suppression suppression;
    data::Privacy privacy;  // [privacy]: how people and contacts print, everywhere
    std::vector<CouncilPriority> priorities;  // [[council_priority]]
};

// Reads planpack.toml. file is the path shown in diagnostics.
std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags);

bool valid_id(std::string_view id);  // [a-z0-9-]+, safe as a file and URL name
// Reports an id that is not valid_id at pos: "WHAT id 'x' may hold only ...". An empty id
// is left to the required-key check.
void check_id(const std::string& id, std::string_view what, const SourcePos& pos, Diagnostics& diags);

}  // namespace planpack::load
