#pragma once
// Committee report numbering: the template's sections in its order as "N.0" headings,
// paragraphs "N.m", paragraphs under a "###" sub-section "N.m.k", the fixed questions where
// the template asks them, "None." for an empty section, and the generated sections
// (council priority, list of appendices, background papers). Authors never type a number.
#include <map>
#include <string>
#include <vector>

#include "data/report_template.hpp"
#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::transform {

struct AppendixEntry {
    std::string label;   // "Appendix 7(a)"
    std::string title;   // "Youth Justice Plan"
    std::string target;  // the section id it links to (resolved as an xref)
};

// What the report's front matter and agenda item say, resolved to text.
struct ReportSpec {
    const data::ReportTemplate* tmpl = nullptr;
    std::map<std::string, data::Answer> answers;
    std::map<std::string, SourcePos> answer_pos;
    SourcePos front_matter;
    std::vector<std::string> priorities;  // the priorities' printed text
    std::vector<AppendixEntry> appendices;
    std::vector<std::string> background_papers;
};

// Rewrites the report's blocks: the author's "## " sections matched to the template (any
// accepted spelling, in template order, each at most once), numbered and completed.
// A number typed at the start of a paragraph or heading is a warning, and is dropped.
void number_report(model::Section& report, const ReportSpec& spec, Diagnostics& diags);

// The anchor of a paragraph number: "6.2" -> "para-6-2".
std::string paragraph_id(const std::string& number);

}  // namespace planpack::transform
