#pragma once
// Passes over the document model, each a function from model to model (after Pandoc's
// filters). Each lives in its own file and is tested on hand-built documents.
#include "diag/diagnostic.hpp"
#include "load/project.hpp"
#include "model/document.hpp"
#include "transform/context.hpp"

namespace planpack::transform {

// Orders sections then appendices by `order` and numbers each run from 1.
void number_sections(model::Document& doc);

// Takes a "Table: ..." paragraph beside a Markdown table as its caption; a table with
// none is an error.
void attach_table_captions(model::Document& doc, Diagnostics& diags);

// Gives every heading a unique id within its page and reports an h1 in a body (the title
// is the page's only h1) or a skipped level (## then ####).
void assign_heading_ids(model::Document& doc, Diagnostics& diags);

// Replaces each ```planpack directive with the blocks it stands for.
void expand_directives(model::Document& doc, const load::DataSet& data, const Context& ctx,
                       Diagnostics& diags);

// Withholds, in every table and chart, counts below the threshold, every figure computed
// from a withheld one, and the smallest further figures needed so that no withheld count
// can be worked out from a total (docs/format.md, "Small numbers"); explains the markers
// under each table that shows one. Empties doc.statistics: no renderer sees a raw value.
// Also proves, with transform::determined_figures, that no withheld figure can be worked
// out from everything the document publishes, withholding more until none can; one that
// cannot be protected is an error. The two-argument form (tests) drops that error.
void suppress_small_numbers(model::Document& doc, const load::Suppression& rules, Diagnostics& diags);
void suppress_small_numbers(model::Document& doc, const load::Suppression& rules);

// Writes each chart's one-sentence summary (latest figure, change, comparison) from the
// figures it shows, so it runs after suppression.
void summarise_charts(model::Document& doc);

// Gives every image the path of its file from the service root (Image::asset).
void locate_assets(model::Document& doc);

// Puts a board pack's spreadsheets into one workbook named after the pack.
void gather_workbooks(model::Document& doc);

// The performance workbook's name (model::workbook_path gives its file).
inline constexpr const char* performance_workbook_name = "performance";

// Adds to a document that shows grouped KPI tables or charts its performance workbook: an
// About sheet (what it is, who publishes it, how small numbers are withheld), then one
// sheet per group holding copies of that group's tables and charts in document order. It
// copies them as suppressed, so it runs after suppress_small_numbers; and after
// gather_workbooks, so a board pack's stays a workbook of its own.
void performance_workbook(model::Document& doc, const Context& ctx);

// The documents a cross-reference may name (xref:DOC-ID/SECTION-ID#anchor): the service's
// planpack.toml documents, prepared (their heading ids assigned).
using Library = std::vector<const model::Document*>;

// Points xref: links at their pages, in this document or (xref:DOC-ID/SECTION-ID) one of
// the library's, and fills empty link text with the generated label. A link to the top of
// the very page it sits on is an error.
void resolve_xrefs(model::Document& doc, Diagnostics& diags, const Library& library = {});

// Every pass above but resolve_xrefs, in the order they depend on each other: what a
// document needs before others' cross-references can point into it.
void prepare(model::Document& doc, const load::DataSet& data, const Context& ctx, Diagnostics& diags);

// prepare, then resolve_xrefs within the document.
void run_all(model::Document& doc, const load::DataSet& data, const Context& ctx,
             Diagnostics& diags);

}  // namespace planpack::transform
