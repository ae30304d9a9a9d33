#pragma once
// Spans and tables as planpack's Markdown (CommonMark with GFM tables and footnotes):
// every character Markdown would read as syntax is escaped, so the words come out as the
// Word file had them.
#include <string>
#include <vector>

#include "import/docx/word.hpp"

namespace planpack::import_docx {

// Inline Markdown for spans. In a table cell a line break is a space and '|' is escaped.
std::string inline_markdown(const std::vector<Span>& spans, bool in_cell = false);

// A paragraph of spans: inline Markdown whose lines cannot be read as a heading, list
// item, quote or rule.
std::string paragraph_markdown(const std::vector<Span>& spans);

// A GFM table: its first row is the head, every row as wide as the widest.
std::string table_markdown(const Table& t);

// Spans less a leading typed number ("1.1 ", "2.3. "; for a heading also "1. "): the
// number, or "" when none.
std::string strip_typed_number(std::vector<Span>& spans, bool heading = false);

}  // namespace planpack::import_docx
