#pragma once
// Markdown (cmark-gfm) converted into model blocks, within limits that keep hostile input
// fast.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::load {

// Guards against inputs on which Debian's cmark-gfm 0.29.0.gfm.6 is slow (quadratic
// tables, deep nesting): checked before and during conversion, with a clear error.
struct MarkdownLimits {
    size_t max_bytes = 1 << 20;
    int max_table_columns = 64;
    int max_nesting = 32;
};

struct MarkdownBody {
    model::Blocks blocks;
    std::vector<model::Footnote> footnotes;
};

// The options every Markdown file is parsed with, and that the differential test gives
// cmark-gfm's own renderer: footnotes, UTF-8 checked, and typographic punctuation
// (CMARK_OPT_SMART: "quotes" and 'apostrophes' curl, -- and --- become en and em dashes,
// ... an ellipsis) in prose only, never inside code spans or blocks. It is applied here,
// once, so the model holds the curly quotes and HTML, PDF and XLSX all print them.
int cmark_options();

// Parses GFM (tables, strikethrough, autolinks, tagfilter, task lists, footnotes) once with
// cmark-gfm and converts it to the document model. first_line is the line of text's first
// line within file, so positions point into the .md file itself.
std::optional<MarkdownBody> parse_markdown(std::string_view text, const std::string& file,
                                           int first_line, Diagnostics& diags,
                                           const MarkdownLimits& limits = {});

}  // namespace planpack::load
