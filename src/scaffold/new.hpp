#pragma once
// `planpack new`: a service, a section, a meeting or a report, from templates/new/ and
// templates/reports/, so nobody starts by copying an example and deleting most of it.
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "load/project.hpp"
#include "scaffold/files.hpp"

namespace planpack::scaffold {

// templates/new/service/: a small service that builds as it is.
std::optional<Changes> new_service(const std::filesystem::path& templates, Diagnostics& diags);

// content/DOC/NN-ID.md, ordered after the document's last section.
std::optional<Changes> new_section(const load::Project& project, const std::string& document,
                                   const std::string& id, Diagnostics& diags);

// meetings/COMMITTEE-DATE/meeting.toml: an agenda with the usual opening items.
std::optional<Changes> new_meeting(const load::Project& project, const std::string& committee,
                                   const std::string& date, Diagnostics& diags);

// meetings/MEETING/ID.md with every heading of the standard report template, and the
// item that puts it on the meeting's agenda.
std::optional<Changes> new_report(const load::Project& project, const std::filesystem::path& templates,
                                  const std::string& meeting, const std::string& id, Diagnostics& diags);

// "child-first" -> "Child first": a title to start from.
std::string title_from_id(const std::string& id);

}  // namespace planpack::scaffold
