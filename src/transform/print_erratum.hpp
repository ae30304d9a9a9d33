#pragma once
// A corrected paper says so where a reader starts: an erratum at the head of its first
// section (a plan's first page of text, an agenda pack's front sheet), in the model, so
// the web page and the PDF print the same words.
#include "model/document.hpp"

namespace planpack::transform {

// For each of doc.corrections, model::erratum_heading and erratum_text; nothing when there
// are none.
void print_erratum(model::Document& doc);

}  // namespace planpack::transform
