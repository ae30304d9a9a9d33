#pragma once
// Loading a committee report (Markdown under meetings/).
#include <filesystem>
#include <optional>

#include "data/meeting.hpp"
#include "diag/diagnostic.hpp"

namespace planpack::load {

// A committee report: Markdown under meetings/ whose front matter names its meeting, its
// officers, its council priorities and its answers to the template's questions, and whose
// "## " headings are the template's sections (checked and numbered later, by
// transform::number_report, once the template and the agenda item are known).
// id is set to the report's id as soon as it is known, even when the report does not load.
std::optional<data::Report> load_report(const std::filesystem::path& root, const std::filesystem::path& path,
                                        std::string& id, Diagnostics& diags);

}  // namespace planpack::load
