#include "render/xlsx/performance.hpp"

#include <algorithm>

#include "diag/concat.hpp"
#include "model/paths.hpp"
#include "render/xlsx/workbook.hpp"

namespace planpack::render::xlsx {

output::OutputTree render_performance_workbooks(const load::Config& config,
                                                const std::vector<model::Document>& documents,
                                                const load::CellStyles& cells, Diagnostics& diags) {
    output::OutputTree tree;
    for (const model::Document& doc : documents) {
        std::vector<Sheet> groups;
        auto sheet_for = [&](const std::string& group) -> Sheet& {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const Sheet& s) { return s.name == group; });
            if (it != groups.end()) return *it;
            groups.push_back({group, {}});
            return groups.back();
        };
        for (const model::Section& section : doc.sections)
            for (const model::Block& b : section.blocks) {
                if (const auto* t = std::get_if<model::Table>(&b.value); t && !t->group.empty())
                    sheet_for(t->group).items.push_back(t);
                else if (const auto* c = std::get_if<model::Chart>(&b.value); c && !c->group.empty())
                    sheet_for(c->group).items.push_back(c);
            }
        if (groups.empty()) continue;

        WorkbookSpec spec;
        spec.file = model::workbook_path(doc, performance_workbook);
        spec.title = doc.title + ": performance figures";
        spec.subject = "Performance figures";
        spec.author = config.service_name;
        spec.company = config.local_authority;
        spec.created = doc.published;
        spec.cells = &cells;
        Sheet about{"About", {}};
        about.items.push_back(Text{spec.title, true});
        about.items.push_back(Text{concat(config.service_name, ", ", config.local_authority)});
        about.items.push_back(Text{"Published " + model::format_long(doc.published)});
        about.items.push_back(Text{"The figures in the tables and charts of the plan, one sheet for each group of "
                                   "indicators. Each table gives its source."});
        const load::Suppression& s = config.suppression;
        about.items.push_back(Text{concat("Counts below ", std::to_string(s.threshold), " are shown as ", s.marker,
                                          ", and figures that would reveal one as ", s.secondary_marker,
                                          ", so that no child can be identified.")});
        about.items.push_back(Text{"Sheets", true});
        for (const Sheet& g : groups) about.items.push_back(Text{g.name});
        spec.sheets.push_back(std::move(about));
        for (Sheet& g : groups) spec.sheets.push_back(std::move(g));
        if (auto bytes = write_workbook(spec, diags)) tree[spec.file] = std::move(*bytes);
    }
    return tree;
}

}  // namespace planpack::render::xlsx
