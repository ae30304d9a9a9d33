// The performance workbook: a document's KPI tables and charts, gathered by their group
// into one model::Workbook that the XLSX renderer writes like every other.
#include <algorithm>

#include "diag/concat.hpp"
#include "model/builders.hpp"
#include "transform/transforms.hpp"

namespace planpack::transform {

namespace {

// The sheet of a group, added in the order the groups first appear.
model::Blocks& group_sheet(model::Workbook& w, const std::string& group) {
    auto it = std::find_if(w.sheets.begin(), w.sheets.end(), [&](const auto& s) { return s.first == group; });
    if (it != w.sheets.end()) return it->second;
    w.sheets.push_back({group, {}});
    return w.sheets.back().second;
}

// What the workbook is, for whoever opens it without the plan beside it.
model::Blocks about_sheet(const model::Document& doc, const model::Workbook& w, const Context& ctx) {
    const load::Suppression& s = ctx.suppression;
    model::Blocks about{
        model::heading(2, w.title, ""),
        model::paragraph(model::text(concat(ctx.service_name, ", ", ctx.local_authority))),
        model::paragraph(model::text("Published " + model::format_long(doc.published))),
        model::paragraph(model::text("The figures in the tables and charts of the plan, one sheet for each group of "
                                     "indicators. Each table gives its source.")),
        model::paragraph(model::text(concat("Counts below ", std::to_string(s.threshold), " are shown as ", s.marker,
                                            ", and figures that would reveal one as ", s.secondary_marker,
                                            ", so that no child can be identified."))),
        model::heading(2, "Sheets", ""),
    };
    for (const auto& sheet : w.sheets) about.push_back(model::paragraph(model::text(sheet.first)));
    return about;
}

}  // namespace

void performance_workbook(model::Document& doc, const Context& ctx) {
    model::Workbook w;
    w.name = performance_workbook_name;
    w.title = doc.title + ": performance figures";
    w.subject = "Performance figures";
    w.label = "performance figures";
    for (const model::Section& section : doc.sections)
        for (const model::Block& b : section.blocks) {
            if (const auto* t = model::get_alternative<model::Table>(&b.value); t && !t->group.empty())
                group_sheet(w, t->group).push_back(b);
            else if (const auto* c = model::get_alternative<model::Chart>(&b.value); c && !c->group.empty())
                group_sheet(w, c->group).push_back(b);
        }
    if (w.sheets.empty()) return;
    w.sheets.insert(w.sheets.begin(), {"About", about_sheet(doc, w, ctx)});
    doc.workbooks.push_back(std::move(w));
}

}  // namespace planpack::transform
