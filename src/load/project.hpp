#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "load/csv_table.hpp"
#include "data/action_plan.hpp"
#include "data/board.hpp"
#include "data/minutes.hpp"
#include "load/indicators.hpp"
#include "load/toml_reader.hpp"
#include "model/document.hpp"

namespace planpack::load {

struct TomlData {
    toml::table table;
    TomlOrigin origin;
};

// meetings/: each meeting's agenda ("meeting/1"), its minutes ("minutes/1") and its
// reports (Markdown), wherever in the folder they are kept.
struct MeetingPapers {
    std::vector<data::CommitteeMeeting> meetings;  // sorted by date
    std::vector<data::Minutes> minutes;
    std::vector<data::Report> reports;
    // Ids of meetings and reports that did not load (already reported), so references to
    // them are not reported again.
    std::set<std::string> broken;
};

// data/ addressed by file name without extension: data/budget.csv is "budget". A TOML
// data file says what it holds with a top-level schema key and is loaded into its type.
struct DataSet {
    std::map<std::string, CsvTable> csv;
    std::map<std::string, TomlData> toml;
    std::map<std::string, data::ActionPlan> action_plans;  // schema = "action-plan/1"
    std::map<std::string, data::Board> boards;              // schema = "board/1"
    data::People people;                                     // every "people/1" file, merged
    bool people_broken = false;                              // one of them did not load
    std::map<std::string, data::Committee> committees;       // schema = "committee/1"
    std::map<std::string, data::Tracker> trackers;           // schema = "tracker/1"
    MeetingPapers papers;                                    // meetings/
    std::set<std::string> broken;  // files that failed to load: already reported, not missing
    // Performance data, when data/indicators.toml exists: its catalogue and the CSV files
    // it names (which are then not in csv). indicators_broken: the catalogue had errors.
    std::optional<IndicatorSet> indicators;
    bool indicators_broken = false;
    // Names of the tables, action plans and boards something asked for (a directive, a
    // board's attendance grid, a plan's previous): any other is reported as unused. Noted
    // where the lookup happens, in code that otherwise only reads the data, hence mutable.
    mutable std::set<std::string> used;
};

// Everything read from a service root, before any transform.
struct Project {
    Config config;
    std::vector<model::Document> documents;  // in planpack.toml order
    DataSet data;
};

// Content files parsed by an earlier load, with the text each was parsed from and what it
// reported: a rebuild parses again only the files whose text changed (planpack serve).
// Valid for one planpack.toml: whoever keeps one starts a new one when that changes.
class SectionCache {
public:
    SectionCache();
    ~SectionCache();
    SectionCache(const SectionCache&) = delete;
    SectionCache& operator=(const SectionCache&) = delete;
    // A file someone saw change (the preview's watcher): read again whatever its size and
    // time say. path: as the load finds it, root / "content" / ...
    void changed(const std::filesystem::path& path);
    // Set when every change is named through changed() (the preview's watcher saw them
    // all): files not named are then taken as unchanged without looking at them.
    bool watched = false;
    struct Entry;
    std::map<std::string, Entry> entries;  // by path
    size_t parsed = 0, reused = 0;         // the last load's counts
};

// Reads planpack.toml, content/ and data/ under root. Diagnostics name files relative to
// root. Returns nullopt only when nothing useful could be read; callers check diags.
std::optional<Project> load_project(const std::filesystem::path& root, Diagnostics& diags,
                                    SectionCache* cache = nullptr);

// Reads a whole file; reports and returns nullopt when it cannot.
std::optional<std::string> read_file(const std::filesystem::path& path, const std::string& shown,
                                     Diagnostics& diags);

}  // namespace planpack::load
