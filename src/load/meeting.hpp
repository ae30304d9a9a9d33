#pragma once
// Loading a committee meeting's agenda ("meeting/1") and its minutes ("minutes/1").
#include <filesystem>
#include <optional>

#include "data/minutes.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

// Where a committee paper was read from: the service root, and the paper's folder as
// messages show it, so the files it names are found beside it.
struct PaperPlace {
    std::filesystem::path root;
    std::string dir;  // "meetings/cyp-scrutiny-2022-09-22"
};

// A file whose schema is "meeting/1": [meeting] and its [[item]]s in agenda order.
std::optional<data::CommitteeMeeting> parse_meeting(const toml::table& root, const TomlOrigin& origin,
                                           const PaperPlace& place, Diagnostics& diags);

// A file whose schema is "minutes/1": [minutes] and one [[minute]] per agenda item recorded.
std::optional<data::Minutes> parse_minutes(const toml::table& root, const TomlOrigin& origin,
                                           Diagnostics& diags);

// A file whose schema is "tracker/1": updates to actions set by resolutions, and
// recommendations made before their minutes were in planpack.
std::optional<data::Tracker> parse_tracker(const toml::table& root, const TomlOrigin& origin,
                                           const std::string& name, Diagnostics& diags);

// [[appendix]] tables; a file must exist (relative to place.dir).
std::vector<data::Appendix> read_appendices(TableReader& r, const PaperPlace& place);

}  // namespace planpack::load
