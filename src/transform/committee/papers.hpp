#pragma once
// Committee papers as documents of the one model, built from the committee data, the
// meetings' agendas, minutes and reports, and the plans they append:
//   - a "committee" document per committee: its page, meetings by municipal year;
//   - a "meeting" document per meeting: the agenda pack, whose first section is the front
//     sheet and whose other sections are the items' papers in agenda order, each bound to
//     its item (odd-page starts, "Agenda Item N" stamps, page ranges to fill from layout);
//   - a "minutes" document per meeting with minutes, which the next agenda borrows.
// Exempt items' papers are built too, marked exempt: transform::remove_exempt takes them
// out of the public model before any renderer runs.
#include <string>
#include <vector>

#include "load/project.hpp"
#include "load/report_template.hpp"
#include "model/civic.hpp"
#include "transform/context.hpp"

namespace planpack::transform {

// A file published as it is (an appendix that is a PDF): where it goes in the site, where
// it is read from (relative to the root), and whether it is exempt.
struct Attachment {
    std::string site_path;
    std::string source;
    bool exempt = false;
};

struct CommitteePapers {
    std::vector<model::Document> documents;
    // The agenda pack, whole and marked NOT FOR PUBLICATION, of each meeting with exempt items.
    std::vector<model::Document> restricted_packs;
    std::vector<Attachment> attachments;
    // What calendars, feeds and open data publish; members' pages are among the documents.
    model::Civic civic;
};

// plans: the planpack.toml documents, already transformed, which appendices may borrow.
CommitteePapers build_committee_papers(const load::Project& project, const std::vector<model::Document>& plans,
                                       const load::CommitteeTemplates& templates, const Context& ctx,
                                       Diagnostics& diags);

}  // namespace planpack::transform
