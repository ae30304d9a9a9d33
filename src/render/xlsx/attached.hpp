#pragma once
// The workbooks documents carry (model::Workbook), written with libxlsxwriter.
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::xlsx {

// Every model::Workbook a document carries (an action plan's, say), as
// DOC-ID/NAME.xlsx.
output::OutputTree render_attached_workbooks(const load::Config& config,
                                             const std::vector<model::Document>& documents,
                                             Diagnostics& diags);

}  // namespace planpack::render::xlsx
