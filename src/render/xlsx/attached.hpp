#pragma once
// Every workbook the model carries, rendered by one writer: action plans, board grids,
// committee attendance and the performance figures alike.
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/cell_styles.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::xlsx {

// Every model::Workbook a document carries (its action plan, its performance figures), as
// DOC-ID/NAME.xlsx.
output::OutputTree render_attached_workbooks(const load::Config& config,
                                             const std::vector<model::Document>& documents,
                                             const load::CellStyles& cells, Diagnostics& diags);

}  // namespace planpack::render::xlsx
