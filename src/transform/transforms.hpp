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

// Points xref: links at their pages and fills empty link text with the generated label.
void resolve_xrefs(model::Document& doc, Diagnostics& diags);

// All of the above, in the order they depend on each other.
void run_all(model::Document& doc, const load::DataSet& data, const Context& ctx,
             Diagnostics& diags);

}  // namespace planpack::transform
