#pragma once
// The performance workbook of a document: its KPI tables and charts as spreadsheets.
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/cell_styles.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::xlsx {

// The workbook's name (model::workbook_path gives its file).
inline constexpr const char* performance_workbook = "performance";

// For every document that shows performance figures, DOC-ID/performance.xlsx: a sheet
// about the workbook, then one sheet per KPI group holding that group's tables and
// charts in document order (the figures as suppressed in the model, like every output).
output::OutputTree render_performance_workbooks(const load::Config& config,
                                                const std::vector<model::Document>& documents,
                                                const load::CellStyles& cells, Diagnostics& diags);

}  // namespace planpack::render::xlsx
