#include "transform/transforms.hpp"

namespace planpack::transform {

void prepare(model::Document& doc, const load::DataSet& data, const Context& ctx, Diagnostics& diags) {
    number_sections(doc);
    locate_assets(doc);
    attach_table_captions(doc, diags);
    expand_directives(doc, data, ctx, diags);  // may add headings and xrefs of its own
    suppress_small_numbers(doc, ctx.suppression, diags);  // before anything reads a figure
    summarise_charts(doc);
    gather_workbooks(doc);
    performance_workbook(doc, ctx);
    assign_heading_ids(doc, diags);
}

void run_all(model::Document& doc, const load::DataSet& data, const Context& ctx,
             Diagnostics& diags) {
    prepare(doc, data, ctx, diags);
    resolve_xrefs(doc, diags);  // needs numbers and heading ids
}

}  // namespace planpack::transform
