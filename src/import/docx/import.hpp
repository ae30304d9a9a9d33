#pragma once
// A Word file as planpack sources: a committee report for a meeting, or a section of a
// document. The Markdown is made in memory with what it says about the Word file (headings
// that match no template section, tables without captions, typed numbers and totals) as
// warnings at their lines in the Markdown; the CLI writes it and then checks the whole tree.
#include <string>
#include <vector>

#include "data/report_template.hpp"
#include "diag/diagnostic.hpp"
#include "import/docx/word.hpp"
#include "load/config.hpp"

namespace planpack::import_docx {

struct Imported {
    std::string markdown;               // the whole file, front matter first
    std::string title;
    std::vector<Picture> pictures;      // names relative to the Markdown's folder
    std::vector<std::string> unmatched; // report: "## " headings the template does not name
};

struct ReportTarget {
    std::string file;     // where the Markdown goes, relative to the root: for positions
    std::string meeting;  // the meeting's id
    std::string id;       // the report's id, for the title when the file has none
    std::string officer;  // the person id to start with (the committee's contact officer)
    const data::ReportTemplate* report_template = nullptr;
    const std::vector<load::CouncilPriority>* priorities = nullptr;
};

struct SectionTarget {
    std::string file;
    std::string document;
    std::string id;
    int order = 1;
};

Imported import_report(WordFile word, const ReportTarget& target, Diagnostics& notes);
Imported import_section(WordFile word, const SectionTarget& target, Diagnostics& notes);

}  // namespace planpack::import_docx
