#pragma once
// Blocks written one after another as Markdown, with the line each starts at, so what the
// import says about a block points at the line of the written file.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "import/docx/word.hpp"

namespace planpack::import_docx {

class BodyWriter {
public:
    // file: the Markdown's path for positions; first_line: the line the body starts at.
    BodyWriter(std::string file, int first_line) : file_(std::move(file)), line_(first_line) {}

    void heading(int level, const std::vector<Span>& spans);
    void paragraph(const std::vector<Span>& spans);
    void list_item(const Paragraph& p);
    // The table, then its caption line ("Table: ..."), as planpack reads captions.
    void table(const Table& t, const std::string& caption_markdown);
    void footnotes(const std::vector<std::vector<Span>>& notes);

    // Where the next block starts: what a warning about it points at.
    SourcePos next() const { return {file_, text_.empty() ? line_ : line_ + 2, 1}; }
    const std::string& text() const { return text_; }

private:
    void block(const std::string& markdown, bool list = false);

    std::string file_;
    int line_;  // the line the last block ended on (before any: the first block's line)
    std::string text_;
    bool in_list_ = false;
    std::vector<size_t> list_widths_;  // each open list level's marker width ("- " 2, "1. " 3)
    std::vector<int> list_counts_;
};

}  // namespace planpack::import_docx
