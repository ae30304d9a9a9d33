#pragma once
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::xlsx {

// For every document that shows performance figures, DOC-ID/performance.xlsx: a sheet
// about the workbook, then one sheet per KPI group holding that group's tables and
// charts in document order (the figures as suppressed in the model, like every output).
output::OutputTree render_performance_workbooks(const load::Config& config,
                                                const std::vector<model::Document>& documents,
                                                Diagnostics& diags);

}  // namespace planpack::render::xlsx
