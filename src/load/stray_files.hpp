#pragma once
// Nothing under content/, data/ or meetings/ is ignored silently: a statutory section saved
// as "14-sign-off.md.txt" would otherwise vanish from the plan with the build still passing.
#include <filesystem>
#include <set>
#include <string>

#include "diag/diagnostic.hpp"
#include "load/project.hpp"

namespace planpack::load {

// Reports, as an error with a hint, every file in those folders that planpack neither
// reads by its extension (.md in content/ and meetings/, .toml and .csv in data/, .toml in
// meetings/) nor finds named by what it read (an image a page shows, an agenda's appendix
// file): used, paths relative to root ("content/img/map.png"). Hidden files (".git",
// ".DS_Store") are the tools' own and are left alone.
void report_stray_files(const std::filesystem::path& root, const std::set<std::string>& used, Diagnostics& diags);

// Warns about each table (CSV), action plan and board in data/ that nothing read once every
// document was built (data.used): a budget saved under a new name, or last year's plan left
// behind, would otherwise be ignored without a word. The people, committees, trackers and
// indicator files are registries that the papers use as a whole, so they are not reported.
void report_unused_data(const DataSet& data, Diagnostics& diags);

}  // namespace planpack::load
