#pragma once
// `planpack new`: a service, a section, a meeting or a report, from templates/new/ and
// templates/reports/, so nobody starts by copying an example and deleting most of it.
#include <filesystem>
#include <optional>
#include <string>

#include "data/report_template.hpp"
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

// Where a new section of document goes, and its order: after the document's last section.
// reuse: an existing section with this id keeps its file and order (an import with
// --force), rather than being an error.
struct SectionPlace {
    std::string file;  // relative to the root
    int order = 1;
};
std::optional<SectionPlace> section_place(const load::Project& project, const std::string& document,
                                          const std::string& id, bool reuse, Diagnostics& diags);

// Where a new report for meeting goes, the template it starts from (standard), the officer
// it starts with (the committee's contact officer) and whether the agenda already lists it.
struct ReportPlace {
    std::string file;          // meetings/MEETING/ID.md
    std::string meeting_file;  // its meeting.toml
    std::string officer;
    data::ReportTemplate report_template;
    bool on_agenda = false;    // an [[item]] already has report = ID
};
std::optional<ReportPlace> report_place(const load::Project& project, const std::filesystem::path& templates,
                                        const std::string& meeting, const std::string& id, Diagnostics& diags);
// The [[item]] that puts report id on its meeting's agenda.
std::string agenda_item(const std::string& id, const std::string& title);

// "child-first" -> "Child first": a title to start from.
std::string title_from_id(const std::string& id);

}  // namespace planpack::scaffold
